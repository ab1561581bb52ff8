"""Markdown front end: page text → a flat list of typed, located blocks.

mistune's block parser does the CommonMark work (headings, fences, lists, HTML,
paragraphs); this module adds what the docs need and mistune lacks:

- every block carries the line it starts on and the last line it covers (mistune's AST
  has no positions): the parser records where each token starts, and a block ends where
  the next token starts, so every line of the page belongs to exactly one block or is
  blank, which the line accounting (`generator.parse.ledger`) relies on;
- tables are read by our own block rule (`generator.parse.pipe_tables`), and HTML
  ``<table>`` blocks and pandoc's grid, multiline and simple tables are read into the
  same `Table` blocks (`generator.parse.html_tables`, `generator.parse.pandoc_tables`);
- wrappers real docs carry are blanked out first, line count preserved: YAML front
  matter (with or without its opening ``---``), kramdown attribute lines ``{: .x}``,
  lines of template tags only (``{% summary %}``); their line numbers are kept, as
  lines that carry nothing.

Only the block level is parsed: inline markdown in cells and headings is read by the
small helpers in `generator.parse.inline`, on demand, which keeps parsing linear and
fast on 15 MB trees.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from generator.diagnostics import Diagnostics
from generator.model import SourceLocation
from generator.parse.html_headings import markdown_headings
from generator.parse.html_tables import is_html_table, read_html_table
from generator.parse.located import BLOCK_PARSER, Lines, LocatedState
from generator.parse.pipe_tables import split_cells
from generator.parse.recovery import enabled
from generator.parse.reference_links import inline_reference_links
from generator.parse.wrappers import normalise_text, strip_wrappers, wrapper_lines

__all__ = [
    "Anchor", "Block", "Code", "FrontEnd", "Heading", "Html", "ListBlock", "Paragraph",
    "Row", "Rule", "Table", "last_line", "parse_blocks", "read_blocks", "split_cells",
    "strip_wrappers",
]

# ``end`` is the last line a block covers (0: the start line); it is left out of
# comparisons so tests can compare blocks by content and start.


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    location: SourceLocation
    end: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Paragraph:
    text: str
    location: SourceLocation
    end: int = field(default=0, compare=False)

    def lines(self) -> list[tuple[str, SourceLocation]]:
        """The paragraph's lines, each with its own location."""
        loc = self.location
        return [
            (line, SourceLocation(loc.path, loc.line + i, 1))
            for i, line in enumerate(self.text.split("\n"))
        ]


@dataclass(frozen=True)
class Code:
    info: str
    text: str
    location: SourceLocation
    end: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Row:
    cells: tuple[str, ...]
    location: SourceLocation


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[Row, ...]
    location: SourceLocation
    end: int = field(default=0, compare=False)


@dataclass(frozen=True)
class ListBlock:
    items: tuple[str, ...]
    location: SourceLocation
    end: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Html:
    text: str
    location: SourceLocation
    end: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Rule:
    location: SourceLocation
    end: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Anchor:
    """Anchors (``<a name="x">``) standing before a non-heading block, e.g. the bold
    title of an inline schema; made by `generator.parse.sections`, not by mistune."""

    names: tuple[str, ...]
    location: SourceLocation
    end: int = field(default=0, compare=False)


Block = Heading | Paragraph | Code | Table | ListBlock | Html | Rule | Anchor


def last_line(block: Block) -> int:
    """The last line ``block`` covers in its page."""
    return max(block.end, block.location.line)


_HARD_BREAK = re.compile(r"(?<!\\)\\$", re.M)


def _child_text(child: dict[str, Any]) -> str:
    if "text" in child:
        return str(child["text"]).strip()
    if child["type"] == "block_code":
        return str(child.get("raw", "")).strip()
    if "children" in child:
        return _quote_text(child)
    return ""


def _list_items(token: dict[str, Any]) -> Iterable[str]:
    for item in token.get("children", ()):
        texts: list[str] = []
        nested: list[str] = []
        for child in item.get("children", ()):
            if child["type"] == "list":
                nested.extend(_list_items(child))
            else:
                texts.append(_child_text(child))
        yield " ".join(t for t in texts if t)
        yield from nested


def _quote_text(token: dict[str, Any]) -> str:
    parts: list[str] = []
    for child in token.get("children", ()):
        if child["type"] == "list":
            parts.extend(_list_items(child))
        else:
            parts.append(_child_text(child))
    return "\n".join(p for p in parts if p)


@dataclass
class FrontEnd:
    """One page read at the block level: its blocks, its normalised text, and the
    lines blanked as wrappers (front matter, kramdown attributes)."""

    blocks: list[Block]
    text: str
    wrapper_lines: list[int]


def parse_blocks(path: str, text: str, diagnostics: Diagnostics | None = None) -> list[Block]:
    """Read one page into blocks. Never raises on any input text."""
    return read_blocks(path, text, diagnostics).blocks


def read_blocks(path: str, text: str, diagnostics: Diagnostics | None = None) -> FrontEnd:
    """Read one page into blocks, keeping what the line accounting needs."""
    normal = normalise_text(text)
    src, blanked = wrapper_lines(normal)
    if enabled("markup-variants"):
        src = markdown_headings(src)
    if "]:" in src and enabled("markup-variants"):
        src, definitions = inline_reference_links(src)
        blanked.extend(definitions)
    if not src.endswith("\n"):
        src += "\n"
    state = LocatedState()
    state.process(src)
    BLOCK_PARSER.parse(state)
    lines = Lines(src)
    tokens = state.tokens
    starts = [tok.get("_at", tok.get("_pos", 0)) for tok in tokens]
    blocks: list[Block] = []
    for i, tok in enumerate(tokens):
        start = starts[i]
        stop = starts[i + 1] if i + 1 < len(tokens) else len(src)
        end = lines.line(max(stop - 1, start))
        block = _block(path, tok, start, lines, end=end, diagnostics=diagnostics)
        if block is not None:
            blocks.append(block)
    return FrontEnd(blocks, normal, blanked)


def _block(
    path: str, tok: dict[str, Any], pos: int, lines: Lines, *, end: int,
    diagnostics: Diagnostics | None,
) -> Block | None:
    def loc(offset: int) -> SourceLocation:
        return SourceLocation(path, lines.line(offset), 1)

    kind = tok["type"]
    if kind == "heading":
        return Heading(tok["attrs"]["level"], tok["text"].strip(), loc(pos), end)
    if kind == "paragraph":
        body = tok["text"]
        lead = len(body) - len(body.lstrip("\n"))
        text = body.strip("\n")
        if "\\\n" in text:
            # A backslash ending a line is CommonMark's hard line break (pandoc writes
            # it for Swagger2Markup's two trailing spaces): the line ends there.
            text = _HARD_BREAK.sub("", text)
        return Paragraph(text, loc(pos + lead), end)
    if kind == "block_code":
        info = (tok.get("attrs") or {}).get("info", "") or ""
        return Code(info.strip(), tok.get("raw", ""), loc(pos), end)
    if kind == "s2m_table":
        if diagnostics is not None:
            for offset, message in tok.get("problems", ()):
                diagnostics.warning("broken-row", message, loc(offset))
        rows = tuple(Row(tuple(cells), loc(off)) for off, cells in tok["rows"])
        return Table(tuple(tok["header"]), rows, loc(pos), end)
    if kind == "list":
        return ListBlock(tuple(_list_items(tok)), loc(pos), end)
    if kind == "block_html":
        return _html(tok.get("raw", ""), loc(pos), end)
    if kind == "thematic_break":
        return Rule(loc(pos), end)
    if kind == "block_quote":
        return Paragraph(_quote_text(tok), loc(pos), end)
    return None


def _html(raw: str, location: SourceLocation, end: int) -> Block:
    """An HTML block; a ``<table>`` is read as a table when ``markup-variants`` is on."""
    if is_html_table(raw) and enabled("markup-variants"):
        found = read_html_table(raw)
        if found is not None:
            header, body = found
            path, first = location.path, location.line
            rows = tuple(Row(tuple(c), SourceLocation(path, first + off, 1)) for off, c in body)
            return Table(tuple(header), rows, location, end)
    return Html(raw, location, end)
