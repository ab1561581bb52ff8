"""Hypothesis strategies that damage real docs pages the way people and tools do.

A mutated page starts from a real page of the shared corpus and applies a few edits:
lines deleted, duplicated or swapped; table rows cut mid-row; cells dropped or added;
headings changed (level, text, or turned into plain text); hostile unicode put into
cells and headings; the whole text truncated. Each edit picks its target with an
integer taken modulo the candidates, so shrinking moves towards the first line.

The fuzz profile (`FUZZ_SETTINGS`) is bounded and derandomized for ``make test``;
``MD2SDK_FUZZ=long`` selects the long, randomized one for ``make fuzz``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"


def corpus_pages() -> list[Path]:
    """Every real page: the wild pages, Swagger2Markup's expectations, the Adobe page."""
    pages = sorted(CORPUS.glob("wild/*.md"))
    pages += sorted(CORPUS.glob("swagger2markup/expected/**/*.md"))
    pages += sorted(CORPUS.glob("adobe-catalog/*.md"))
    return pages


LONG = os.environ.get("MD2SDK_FUZZ") == "long"
_EXAMPLES = int(os.environ.get("MD2SDK_FUZZ_EXAMPLES", "20000" if LONG else "0")) or None

FUZZ_SETTINGS = settings(
    max_examples=_EXAMPLES or 100,
    deadline=None,
    derandomize=not LONG,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
"""Per test: bounded (100 examples, fixed seed) unless ``MD2SDK_FUZZ=long``."""

HOSTILE_CHARS = (
    "|`\\*_<>[]()#{}!-:\"'"
    "\x00\x01\x07\x08\x0b\x0c\x1b\x7f\r\t\n"
    "\u2028\u2029\u0085\u00a0\ufeff\u200b\u200d"
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    "\ud7ff\ue000\uffff\U0001f600\U0010ffff"
)
HOSTILE_SNIPPETS = (
    "<br>", "<br/>", "\\|", "``", "```", "**", "__", "](", "[x](#y)", "[x](",
    "#", "{{ 7*7 }}", "{% raw %}", '"""', "'''", "&amp;", "<script>", "-->", "<!--",
    "**Default** : `x`", "**Example** : `{`", "< string > array", "< < < <",
    "enum (", "object", "<a name=\"x\"></a>", "---", "{: .x}", ":", "    ",
)

hostile_text = st.lists(
    st.one_of(
        st.sampled_from(HOSTILE_SNIPPETS),
        st.text(alphabet=st.sampled_from(HOSTILE_CHARS), min_size=1, max_size=4),
        st.text(min_size=1, max_size=6),
    ),
    max_size=5,
).map("".join)

Edit = Callable[[list[str]], list[str]]


def _table_rows(lines: list[str]) -> list[int]:
    return [i for i, line in enumerate(lines) if line.lstrip().startswith("|")]


def _headings(lines: list[str]) -> list[int]:
    return [i for i, line in enumerate(lines) if line.lstrip().startswith("#")]


def _pick(candidates: list[int], n: int) -> int | None:
    return candidates[n % len(candidates)] if candidates else None


@st.composite
def edits(draw: st.DrawFn) -> Edit:
    """One edit, as a function from lines to lines."""
    kind = draw(st.sampled_from([
        "delete", "duplicate", "swap", "cut-row", "drop-cell", "add-cell",
        "heading-level", "heading-text", "cell-unicode", "insert-text",
    ]))
    n, m = draw(st.integers(0, 10**6)), draw(st.integers(0, 10**6))
    text = draw(hostile_text)

    def apply(lines: list[str]) -> list[str]:
        lines = list(lines)
        if not lines:
            return [text]
        i = n % len(lines)
        if kind == "delete":
            del lines[i]
        elif kind == "duplicate":
            lines.insert(i, lines[i])
        elif kind == "swap":
            j = m % len(lines)
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == "insert-text":
            line = lines[i]
            at = m % (len(line) + 1)
            lines[i] = line[:at] + text + line[at:]
        elif kind in ("cut-row", "drop-cell", "add-cell", "cell-unicode"):
            row = _pick(_table_rows(lines), n)
            if row is not None:
                lines[row] = _edit_row(kind, lines[row], m, text)
        else:
            head = _pick(_headings(lines), n)
            if head is not None:
                lines[head] = _edit_heading(kind, lines[head], m, text)
        return lines

    return apply


def _edit_row(kind: str, line: str, m: int, text: str) -> str:
    if kind == "cut-row":
        return line[: m % (len(line) + 1)]
    cells = line.split("|")
    at = m % len(cells)
    if kind == "drop-cell":
        del cells[at]
    elif kind == "add-cell":
        cells.insert(at, text)
    else:
        cell = cells[at]
        pos = (m // 7) % (len(cell) + 1)
        cells[at] = cell[:pos] + text + cell[pos:]
    return "|".join(cells)


def _edit_heading(kind: str, line: str, m: int, text: str) -> str:
    body = line.lstrip().lstrip("#")
    if kind == "heading-level":
        return "#" * (m % 8) + body
    return line[: len(line) - len(body)] + " " + text + body[(m % (len(body) + 1)):]


@st.composite
def mutated_pages(draw: st.DrawFn, pages: list[Path]) -> tuple[str, str]:
    """``(name, text)``: a corpus page after up to six edits, maybe truncated."""
    page = draw(st.sampled_from(pages))
    lines = page.read_text(encoding="utf-8").split("\n")
    for edit in draw(st.lists(edits(), min_size=1, max_size=6)):
        lines = edit(lines)
    text = "\n".join(lines)
    if draw(st.booleans()):
        text = text[: draw(st.integers(0, 10**7)) % (len(text) + 1)]
    return page.name, text
