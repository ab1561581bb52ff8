"""Markdown front end: page text → a flat list of typed, located blocks.

mistune's block parser does the CommonMark work (headings, fences, lists, HTML,
paragraphs); this module adds what the docs need and mistune lacks:

- every block carries the line it starts on (mistune's AST has none): a `BlockState`
  subclass records the cursor when a token is appended;
- tables are read by our own block rule, which keeps raw cell text, tolerates rows
  with too few or too many cells, rejoins rows that a raw newline broke across lines,
  honours ``\\|`` escapes and records each row's line (mistune's table plugin turns a
  whole table into a paragraph when one row has the wrong cell count);
- wrappers real docs carry are blanked out first, line count preserved: YAML front
  matter (with or without its opening ``---``), kramdown attribute lines ``{: .x}``.

Only the block level is parsed: inline markdown in cells and headings is read by the
small helpers in `generator.parse.inline`, on demand, which keeps parsing linear and
fast on 15 MB trees.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import mistune
from mistune.block_parser import BlockParser
from mistune.core import BlockState

from generator.model import SourceLocation


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    location: SourceLocation


@dataclass(frozen=True)
class Paragraph:
    text: str
    location: SourceLocation

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


@dataclass(frozen=True)
class Row:
    cells: tuple[str, ...]
    location: SourceLocation


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[Row, ...]
    location: SourceLocation


@dataclass(frozen=True)
class ListBlock:
    items: tuple[str, ...]
    location: SourceLocation


@dataclass(frozen=True)
class Html:
    text: str
    location: SourceLocation


@dataclass(frozen=True)
class Rule:
    location: SourceLocation


@dataclass(frozen=True)
class Anchor:
    """Anchors (``<a name="x">``) standing before a non-heading block, e.g. the bold
    title of an inline schema; made by `generator.parse.sections`, not by mistune."""

    names: tuple[str, ...]
    location: SourceLocation


Block = Heading | Paragraph | Code | Table | ListBlock | Html | Rule | Anchor

# ----------------------------------------------------------------- pre-processing

_FRONT_KEY = re.compile(r"^[A-Za-z_][\w -]*:(\s.*)?$|^\s+\S.*$|^-\s.*$|^\s*$|^#.*$")
_KRAMDOWN_ATTR = re.compile(r"^[ \t]*\{:[^}\n]*\}[ \t]*$", re.M)


def _blank(lines: list[str], start: int, stop: int) -> None:
    for i in range(start, stop):
        lines[i] = ""


def strip_wrappers(text: str) -> str:
    """Normalise line endings and blank out front matter and kramdown attribute lines.

    Blanked lines stay as empty lines so every later line number is the file's own.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if "---" in text[:4096] or text.startswith("+++"):
        lines = text.split("\n")
        fence = lines[0].strip() if lines else ""
        if fence in ("---", "+++"):
            for i in range(1, min(len(lines), 400)):
                if lines[i].strip() in (fence, "..."):
                    _blank(lines, 0, i + 1)
                    break
        else:
            # Front matter whose opening --- was lost: leading `key: value` lines, then ---.
            for i in range(min(len(lines), 200)):
                if lines[i].strip() == "---":
                    if i > 0 and any(lines[j].strip() for j in range(i)) and all(
                        _FRONT_KEY.match(lines[j]) for j in range(i)
                    ):
                        _blank(lines, 0, i + 1)
                    break
                if not _FRONT_KEY.match(lines[i]):
                    break
        text = "\n".join(lines)
    if "{:" in text:
        text = _KRAMDOWN_ATTR.sub("", text)
    return text


# ----------------------------------------------------------------------- tables

_TABLE_PATTERN = (
    r"^ {0,3}\|[^\n]*\n"
    r" {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$"
)


def split_cells(line: str) -> list[str]:
    """Split a table line on unescaped pipes; the outer pipes are optional."""
    text = line.strip()
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
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


def _ends_row(line: str) -> bool:
    stripped = line.rstrip()
    return stripped.endswith("|") and not stripped.endswith("\\|")


def _parse_table(block: BlockParser, m: re.Match[str], state: BlockState) -> int:
    src = state.src
    header_end = src.index("\n", m.start())
    header = split_cells(src[m.start() : header_end])
    pos = m.end() + 1 if m.end() < len(src) else m.end()
    rows: list[tuple[int, list[str]]] = []
    width = len(header)
    while pos < len(src):
        end = src.find("\n", pos)
        end = len(src) if end < 0 else end
        line = src[pos:end]
        if not line.lstrip().startswith("|"):
            break
        row_start = pos
        pos = end + 1
        # A raw newline inside a cell breaks the row: rejoin following lines until
        # the row ends with a pipe and has at least as many cells as the header.
        while not _ends_row(line) or len(split_cells(line)) < width:
            if pos >= len(src):
                break
            end = src.find("\n", pos)
            end = len(src) if end < 0 else end
            nxt = src[pos:end]
            if not nxt.strip() or (nxt.lstrip().startswith("|") and _ends_row(line)):
                break
            line = line + " " + nxt.strip()
            pos = end + 1
        rows.append((row_start, split_cells(line)))
    state.append_token({"type": "s2m_table", "header": header, "rows": rows})
    return min(pos, len(src))


# ------------------------------------------------------------------ mistune glue


class _LocatedParser(BlockParser):
    """Records where each top-level token starts (mistune keeps no positions)."""

    def parse_method(self, m: re.Match[str], state: BlockState) -> Any:
        before = len(state.tokens)
        result = super().parse_method(m, state)
        if state.parent is None:
            new = state.tokens[before:]
            pos = m.start()
            for i, tok in enumerate(new):
                if i and tok["type"] == "heading":
                    # A list swallows the line that ends it and parses it as well.
                    found = state.src.find(tok["text"].strip(), pos)
                    pos = state.src.rfind("\n", 0, found) + 1 if found > 0 else pos
                tok["_pos"] = pos
        return result


class _LocatedState(BlockState):
    """Records where paragraphs and indented code start (they bypass `parse_method`)."""

    def append_token(self, token: dict[str, Any]) -> None:
        # mistune's fast path for indented code appends at the cursor, never calling
        # `parse_method`; tokens that do pass there get their `_pos` overwritten.
        token.setdefault("_pos", self.cursor)
        super().append_token(token)

    def add_paragraph(self, text: str) -> None:
        last = self.last_token()
        if not (last and last["type"] == "paragraph"):
            self.tokens.append({"type": "paragraph", "text": text, "_pos": self.cursor})
        else:
            last["text"] += text


def _make_parser() -> BlockParser:
    md = mistune.Markdown(renderer=None, block=_LocatedParser())
    md.block.register("s2m_table", _TABLE_PATTERN, _parse_table, before="paragraph")
    md.block.state_cls = _LocatedState
    return md.block


_BLOCK_PARSER = _make_parser()


class _Lines:
    """Offset → 1-based line number, by bisection over newline offsets."""

    def __init__(self, text: str) -> None:
        self.starts = [0]
        find = text.find
        i = find("\n")
        while i >= 0:
            self.starts.append(i + 1)
            i = find("\n", i + 1)

    def line(self, offset: int) -> int:
        return bisect_right(self.starts, offset)


def _list_items(token: dict[str, Any]) -> Iterable[str]:
    for item in token.get("children", ()):
        texts: list[str] = []
        nested: list[str] = []
        for child in item.get("children", ()):
            if child["type"] == "list":
                nested.extend(_list_items(child))
            elif "text" in child:
                texts.append(child["text"].strip())
        yield " ".join(t for t in texts if t)
        yield from nested


def parse_blocks(path: str, text: str) -> list[Block]:
    """Read one page into blocks. Never raises on any input text."""
    src = strip_wrappers(text)
    if not src.endswith("\n"):
        src += "\n"
    state = _LocatedState()
    state.process(src)
    _BLOCK_PARSER.parse(state)
    lines = _Lines(src)
    blocks: list[Block] = []

    def loc(offset: int, column: int = 1) -> SourceLocation:
        return SourceLocation(path, lines.line(offset), column)

    for tok in state.tokens:
        kind = tok["type"]
        pos = tok.get("_pos", 0)
        if kind == "heading":
            blocks.append(Heading(tok["attrs"]["level"], tok["text"].strip(), loc(pos)))
        elif kind == "paragraph":
            body = tok["text"]
            lead = len(body) - len(body.lstrip("\n"))
            blocks.append(Paragraph(body.strip("\n"), loc(pos + lead)))
        elif kind == "block_code":
            info = (tok.get("attrs") or {}).get("info", "") or ""
            blocks.append(Code(info.strip(), tok.get("raw", ""), loc(pos)))
        elif kind == "s2m_table":
            rows = tuple(Row(tuple(cells), loc(off)) for off, cells in tok["rows"])
            blocks.append(Table(tuple(tok["header"]), rows, loc(pos)))
        elif kind == "list":
            blocks.append(ListBlock(tuple(_list_items(tok)), loc(pos)))
        elif kind == "block_html":
            blocks.append(Html(tok.get("raw", ""), loc(pos)))
        elif kind == "thematic_break":
            blocks.append(Rule(loc(pos)))
        elif kind == "block_quote":
            blocks.append(Paragraph(_quote_text(tok), loc(pos)))
    return blocks


def _quote_text(token: dict[str, Any]) -> str:
    parts: list[str] = []
    for child in token.get("children", ()):
        if "text" in child:
            parts.append(child["text"].strip())
        elif "children" in child:
            parts.append(_quote_text(child))
    return "\n".join(parts)
