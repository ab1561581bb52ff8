"""The pipe-table block rule: ``|A|B|`` tables read tolerantly, row by row, with lines.

mistune's own table plugin turns a whole table into a paragraph when one row has the
wrong number of cells; this rule keeps raw cell text, tolerates short and long rows,
honours ``\\|`` escapes, records where each row starts, and rejoins rows that the docs
broke over several lines:

- a raw newline inside a cell (the next line goes on with the open cell);
- with the ``split-rows`` recovery, blank lines inside a cell too (hand-edited pages
  break a long description into paragraphs, then the row goes on with ``|true|integer||``
  on a later line). Pieces after a blank line are joined only while they can be
  nothing else: the row is still short of the header's column count, no piece is a
  row or a heading of its own, and the last piece completes the row exactly. A row that
  stays incomplete is kept as far as it goes and reported (``broken-row``).

With the ``markup-variants`` recovery, GFM tables without outer pipes are read too
(``BARE_TABLE_PATTERN``: ``Type|Name|Schema`` over ``---|---|---``, one row a line).
"""

from __future__ import annotations

import re
from typing import Any

from mistune.block_parser import BlockParser
from mistune.core import BlockState

from generator.parse.recovery import enabled

TABLE_PATTERN = (
    r"^ {0,3}\|[^\n]*\n"
    r" {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$"
)
# GFM's table without outer pipes (``Type|Name|Schema`` over ``---|---|---``): at least
# two columns, so the delimiter row holds a pipe.
BARE_TABLE_PATTERN = (
    r"^ {0,3}[^|\s][^\n]*\|[^\n]*\n"
    r" {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$"
)
_LOOKAHEAD_LINES = 60
_STOP = re.compile(r"^ {0,3}(?:#{1,6}(?:\s|$)|```|~~~|<a\s)", re.I)


def split_cells(line: str) -> list[str]:
    """Split a table line on unescaped pipes; the outer pipes are optional."""
    text = line.strip()
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    if "\\" not in text:
        return [cell.strip() for cell in text.split("|")]
    cells: list[str] = []
    start = 0
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "|":
            cells.append(text[start:i].strip())
            start = i + 1
        i += 1
    cells.append(text[start:].strip())
    return cells


def ends_row(line: str) -> bool:
    stripped = line.rstrip()
    return stripped.endswith("|") and not stripped.endswith("\\|")


def is_row_shaped(line: str) -> bool:
    """``|...|``: a line that reads as a table row wherever it stands."""
    stripped = line.strip()
    return len(stripped) > 1 and stripped.startswith("|") and ends_row(stripped)


class _Lines:
    """A cursor over the source's lines from a position."""

    def __init__(self, src: str, pos: int) -> None:
        self.src = src
        self.pos = pos

    def peek(self, pos: int | None = None) -> tuple[str, int]:
        at = self.pos if pos is None else pos
        end = self.src.find("\n", at)
        end = len(self.src) if end < 0 else end
        return self.src[at:end], end + 1


def _join(row: str, piece: str, blank: bool) -> str:
    piece = piece.strip()
    if ends_row(row) and piece.startswith("|"):
        return row + piece[1:]
    return row + ("<br><br>" if blank else " ") + piece


def _across_blanks(row: str, lines: _Lines, width: int) -> tuple[str, int] | None:
    """The open ``row`` completed by the pieces after the blank line at ``lines.pos``,
    and where the row then ends; None when the pieces cannot only be its continuation."""
    pos = lines.pos
    blank = False
    for _ in range(_LOOKAHEAD_LINES):
        if pos >= len(lines.src):
            return None
        piece, nxt = lines.peek(pos)
        if not piece.strip():
            blank, pos = True, nxt
            continue
        if _STOP.match(piece) or (is_row_shaped(piece) and len(split_cells(piece)) >= width):
            return None
        if piece.lstrip().startswith("|") and not ends_row(piece):
            return None
        row = _join(row, piece, blank)
        blank, pos = False, nxt
        if ends_row(row):
            count = len(split_cells(row))
            if count == width:
                return row, pos
            if count > width or piece.lstrip().startswith("|"):
                return None
    return None


def parse_table(block: BlockParser, m: re.Match[str], state: BlockState) -> int:
    """The mistune rule: one ``s2m_table`` token with raw rows and their offsets."""
    src = state.src
    header_end = src.index("\n", m.start())
    header = split_cells(src[m.start() : header_end])
    lines = _Lines(src, m.end() + 1 if m.end() < len(src) else m.end())
    rows: list[tuple[int, list[str]]] = []
    problems: list[tuple[int, str]] = []
    width = len(header)
    while lines.pos < len(src):
        line, nxt = lines.peek()
        if not line.lstrip().startswith("|"):
            break
        row_start = lines.pos
        lines.pos = nxt
        cells = split_cells(line)
        # A raw newline inside a cell breaks the row: rejoin following lines until
        # the row ends with a pipe and has at least as many cells as the header.
        while (len(cells) < width or not ends_row(line)) and lines.pos < len(src):
            piece, nxt = lines.peek()
            if not piece.strip():
                joined = _across_blanks(line, lines, width) if enabled("split-rows") else None
                if joined is not None:
                    line, lines.pos = joined
                    cells = split_cells(line)
                break
            if piece.lstrip().startswith("|") and (ends_row(line) or len(cells) >= width):
                break
            line = _join(line, piece, False)
            lines.pos = nxt
            cells = split_cells(line)
        if len(cells) < width:
            problems.append((row_start, f"table row has {len(cells)} of {width} cells and "
                             "no line after it completes it; read as far as it goes"))
        rows.append((row_start, cells))
    token: dict[str, Any] = {"type": "s2m_table", "header": header, "rows": rows}
    if problems:
        token["problems"] = problems
    state.append_token(token)
    return min(lines.pos, len(src))


def parse_bare_table(block: BlockParser, m: re.Match[str], state: BlockState) -> int | None:
    """A table without outer pipes (``markup-variants``): one row a line, up to the
    first line without a pipe."""
    if not enabled("markup-variants"):
        return None
    src = state.src
    header = split_cells(src[m.start() : src.index("\n", m.start())])
    lines = _Lines(src, m.end() + 1 if m.end() < len(src) else m.end())
    rows: list[tuple[int, list[str]]] = []
    while lines.pos < len(src):
        line, nxt = lines.peek()
        if "|" not in line or not line.strip() or _STOP.match(line):
            break
        rows.append((lines.pos, split_cells(line)))
        lines.pos = nxt
    state.append_token({"type": "s2m_table", "header": header, "rows": rows})
    return min(lines.pos, len(src))
