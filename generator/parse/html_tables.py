"""HTML ``<table>`` blocks (pandoc's output for tables with multi-line cells) → table rows.

Converters that cannot express a cell in a pipe table write the table as HTML::

    <table>
    <thead><tr class="header"><th>Type</th><th>Name</th>...</tr></thead>
    <tbody><tr class="odd"><td><p><strong>Path</strong></p></td>
    <td><p><strong>petId</strong><br /><em>required</em></p></td>...

Cells are turned back into the inline markdown Swagger2Markup writes in pipe-table
cells (``**petId**<br>*required*``, `` `code` ``, ``[Pet](#pet)``), so every table
reader downstream reads them unchanged. Each row records the line its ``<tr>`` is on.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_INLINE = {"strong": "**", "b": "**", "em": "*", "i": "*", "code": "`"}
_TABLE_START = re.compile(r"^\s*<table[\s>]", re.I)


class _TableReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.rows: list[tuple[int, list[str], bool]] = []
        self.cell: list[str] | None = None
        self.cells: list[str] = []
        self.header = False
        self.row_line = 0
        self.href: list[str] = []
        self.depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.depth += 1
        if self.depth != 1:
            return
        if tag == "tr":
            self.cells, self.header, self.row_line = [], False, self.getpos()[0]
        elif tag in ("td", "th"):
            self.cell = []
            self.header = self.header or tag == "th"
        elif self.cell is None:
            return
        elif tag in _INLINE:
            self.cell.append(_INLINE[tag])
        elif tag == "br":
            self.cell.append("<br>")
        elif tag == "p" and "".join(self.cell).strip():
            self.cell.append("<br><br>")
        elif tag == "a":
            href = dict(attrs).get("href")
            name = dict(attrs).get("name") or dict(attrs).get("id")
            if name is not None and href is None:
                self.cell.append(f'<a name="{name}"></a>')
            self.href.append(href or "")
            if href:
                self.cell.append("[")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" and self.cell is not None and self.depth == 1:
            self.cell.append("<br>")

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self.depth -= 1
        if self.depth != 1 and tag != "table":
            return
        if tag in ("td", "th") and self.cell is not None:
            self.cells.append(" ".join("".join(self.cell).split()))
            self.cell = None
        elif tag == "tr":
            self.rows.append((self.row_line, self.cells, self.header))
            self.cells = []
        elif self.cell is None:
            return
        elif tag in _INLINE:
            self.cell.append(_INLINE[tag])
        elif tag == "a" and self.href:
            href = self.href.pop()
            if href:
                self.cell.append(f"]({href})")

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data.replace("|", "\\|"))

    def handle_entityref(self, name: str) -> None:
        if self.cell is not None:
            self.cell.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        if self.cell is not None:
            self.cell.append(f"&#{name};")


def is_html_table(text: str) -> bool:
    return _TABLE_START.match(text) is not None


def read_html_table(text: str) -> tuple[list[str], list[tuple[int, list[str]]]] | None:
    """(header cells, [(line offset within ``text`` (0-based), cells)]) or None when the
    HTML holds no table with a header row."""
    reader = _TableReader()
    try:
        reader.feed(text)
        reader.close()
    except (AssertionError, ValueError):  # malformed markup: leave the block as HTML
        return None
    if not reader.rows:
        return None
    _, header, is_header = reader.rows[0]
    if not is_header and len(reader.rows) < 2:
        return None
    body = [(line - 1, cells) for line, cells, _ in reader.rows[1:]]
    return header, body
