"""Pandoc's own tables — grid, multiline and simple — read into the same rows as pipe
tables (``markup-variants``).

``pandoc -t markdown`` (its default output) writes a table as a pipe table only when
every cell is one short line; docs converted from AsciiDoc or HTML get the other kinds,
a grid table as soon as a cell breaks a line (``**id**\\`` then ``*optional*``)::

    +-----------+-----------------+        ---------------------------
    | Type      | Name            |         HTTP Code   Description
    +===========+=================+        ----------- ---------------
    | **Body**  | **ticket**\\     |         **201**     Opened
    |           | *required*      |
    +-----------+-----------------+         **400**     Invalid
                                           ---------------------------
      HTTP Code   Description
      ----------- ---------------          (multiline: rows apart by blank lines,
      **201**     Opened                    a cell's lines joined; simple: one line
                                            a row, up to a blank line)

Columns are where the ``+`` of a grid border or the dash runs of a simple or multiline
table put them, in display columns (a CJK character is two wide, as pandoc aligns
them). A line of a cell that ends with ``\\`` breaks the line: the lines are joined
with ``<br>``, as Swagger2Markup writes them; other wrapped lines with a space.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import pairwise
from typing import Any

from mistune.block_parser import BlockParser
from mistune.core import BlockState

from generator.parse.recovery import enabled

GRID_PATTERN = r"^ {0,3}\+(?:[-=:]+\+)+[ \t]*$"
SIMPLE_PATTERN = r"^ {0,3}[^\s|+\-][^\n]*\n {0,3}-{3,}(?:[ \t]+-{3,})+[ \t]*$"
MULTILINE_PATTERN = (
    r"^ {0,3}-{3,}[ \t]*\n(?:[^\n]*\S[^\n]*\n)+? {0,3}-{3,}(?:[ \t]+-{3,})+[ \t]*$"
)
_GRID_LINE = re.compile(r"^ {0,3}[+|]")
_RULE = re.compile(r"^ {0,3}-{3,}[ \t]*$")
_DASH_ROW = re.compile(r"^ {0,3}-{3,}(?:[ \t]+-{3,})*[ \t]*$")
_DASHES = re.compile(r"-{3,}")

Span = tuple[int, int | None]


def _width(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def _cut(line: str, spans: list[Span]) -> list[str]:
    """``line`` cut at display columns into one piece per span."""
    pieces = [""] * len(spans)
    column = 0
    for ch in line:
        for index, (start, end) in enumerate(spans):
            if column >= start and (end is None or column < end):
                pieces[index] += ch
                break
        column += _width(ch)
    return pieces


def _display(text: str) -> str:
    """``text`` with each wide character doubled, so ``str.find`` gives display columns."""
    return "".join(ch * _width(ch) for ch in text)


def _joined(lines: list[str]) -> str:
    text = ""
    for line in (piece.strip() for piece in lines):
        if not line:
            continue
        if text.endswith("\\") and not text.endswith("\\\\"):
            text = text[:-1].rstrip() + "<br>" + line
        else:
            text = f"{text} {line}" if text else line
    return text.removesuffix("\\").rstrip()


def _lines(src: str, pos: int) -> list[tuple[int, str]]:
    """(offset, line) from ``pos`` to the end of the source."""
    out: list[tuple[int, str]] = []
    while pos < len(src):
        end = src.find("\n", pos)
        end = len(src) if end < 0 else end
        out.append((pos, src[pos:end]))
        pos = end + 1
    return out


def _token(header: list[str], rows: list[tuple[int, list[str]]], state: BlockState) -> None:
    state.append_token({"type": "s2m_table", "header": header, "rows": rows})


def parse_grid(block: BlockParser, m: re.Match[str], state: BlockState) -> int | None:
    if not enabled("markup-variants"):
        return None
    lines = _lines(state.src, m.start())
    border = _display(lines[0][1])
    plus = [i for i, ch in enumerate(border) if ch == "+"]
    spans: list[Span] = [(a + 1, b) for a, b in pairwise(plus)]
    header: list[str] | None = None
    rows: list[tuple[int, list[str]]] = []
    cells: list[list[str]] = [[] for _ in spans]
    start = -1
    end = lines[0][0] + len(lines[0][1]) + 1
    for offset, line in lines[1:]:
        if not _GRID_LINE.match(line):
            break
        end = offset + len(line) + 1
        if line.lstrip().startswith("+"):
            row = [_joined(c) for c in cells]
            if "=" in line and header is None and not rows:
                header = row
            elif start >= 0:
                rows.append((start, row))
            cells, start = [[] for _ in spans], -1
            continue
        start = offset if start < 0 else start
        for index, piece in enumerate(_cut(line, spans)):
            cells[index].append(piece.rstrip("|").strip())
    if header is None:
        if not rows:
            return None
        header = rows.pop(0)[1]
    _token(header, rows, state)
    return min(end, len(state.src))


def _spans(dash_line: str) -> list[Span]:
    """Columns of a dash line: each from its dash run to the next run's start."""
    starts = [m.start() for m in _DASHES.finditer(_display(dash_line))]
    return [*pairwise(starts), (starts[-1], None)]


def parse_simple(block: BlockParser, m: re.Match[str], state: BlockState) -> int | None:
    if not enabled("markup-variants"):
        return None
    lines = _lines(state.src, m.start())
    spans = _spans(lines[1][1])
    header = [piece.strip() for piece in _cut(lines[0][1], spans)]
    rows: list[tuple[int, list[str]]] = []
    end = lines[1][0] + len(lines[1][1]) + 1
    for offset, line in lines[2:]:
        if not line.strip():
            break
        end = offset + len(line) + 1
        if _DASH_ROW.match(line):  # a closing line of dashes: the table ends with it
            break
        rows.append((offset, [piece.strip() for piece in _cut(line, spans)]))
    _token(header, rows, state)
    return min(end, len(state.src))


def _rule_instead(block: BlockParser, state: BlockState) -> int | None:
    """Not a table after all: the first line is what mistune would have read it as."""
    m = block.compile_sc(["setex_heading", "thematic_break"]).match(state.src, state.cursor)
    return block.parse_method(m, state) if m else None


def parse_multiline(block: BlockParser, m: re.Match[str], state: BlockState) -> int | None:
    if not enabled("markup-variants"):
        return _rule_instead(block, state)
    lines = _lines(state.src, m.start())
    dash_at = next(i for i, (_, line) in enumerate(lines[1:], 1) if _DASHES.match(line.strip()))
    spans = _spans(lines[dash_at][1])
    header = [_joined(list(col)) for col in zip(*(_cut(line, spans) for _, line in
                                                  lines[1:dash_at]), strict=True)]
    rows: list[tuple[int, list[str]]] = []
    block_lines: list[tuple[int, str]] = []
    end = lines[dash_at][0] + len(lines[dash_at][1]) + 1
    for offset, line in [*lines[dash_at + 1 :], (-1, "")]:
        closing = _RULE.match(line) is not None
        if (not line.strip() or closing) and block_lines:
            pieces = zip(*(_cut(text, spans) for _, text in block_lines), strict=True)
            rows.append((block_lines[0][0], [_joined(list(col)) for col in pieces]))
            block_lines = []
        if offset < 0:
            return _rule_instead(block, state)  # no closing rule: no multiline table
        end = offset + len(line) + 1
        if closing:
            break
        if line.strip():
            block_lines.append((offset, line))
    _token(header, rows, state)
    return min(end, len(state.src))


def register(md: Any) -> None:
    """Add the three rules to a mistune block parser."""
    md.block.register("pandoc_grid", GRID_PATTERN, parse_grid, before="paragraph")
    md.block.register("pandoc_simple", SIMPLE_PATTERN, parse_simple, before="paragraph")
    md.block.register("pandoc_multiline", MULTILINE_PATTERN, parse_multiline,
                      before="setex_heading")
