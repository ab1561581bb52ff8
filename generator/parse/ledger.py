"""The line accounting of one page: every non-blank line is read, reported, or carries
nothing, and whatever no parser took is reported where it stands.

A `Ledger` holds one status byte per line. The section parsers mark the blocks they take
into the model (`Section.take`); lines that carry nothing are marked as such (anchors,
horizontal rules, front matter and kramdown attribute lines: the documented list in
`NOTHING_KINDS`). When the page is done, `finish` reports each run of lines nothing
took (``ignored-content``, one warning per run of consecutive lines, quoting its start)
and each run of table-shaped lines that was read as prose (``stray-table-row``): such
lines were meant as rows and lost their table.

Marking is a slice translation over a ``bytearray`` and finding the runs is one regular
expression over it, so the accounting costs little next to the parse itself.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from generator.diagnostics import Diagnostics
from generator.model import SourceLocation
from generator.parse.blocks import Anchor, Block, Paragraph, Rule, Table, last_line
from generator.parse.pipe_tables import is_row_shaped

BLANK, PENDING, READ, NOTHING, REPORTED = range(5)

NOTHING_KINDS = (
    "anchors (<a name=...> lines)",
    "horizontal rules",
    "front matter",
    "kramdown attribute lines ({: .class}) and template tags ({% ... %})",
    "table-of-contents markers ([TOC]) and MDX import lines",
    "headings over definitions only (## Models) and <details> fold lines",
    "tables of contents: headings, lists, tables and lines whose every entry links "
    "to another page or anchor",
)
"""The lines that carry nothing for the model, by kind (documented in `--coverage`)."""

_TO_READ = bytes(READ if b == PENDING else b for b in range(256))
_TO_NOTHING = bytes(NOTHING if b == PENDING else b for b in range(256))
_TO_REPORTED = bytes(REPORTED if b in (PENDING, READ) else b for b in range(256))
# Unread lines, with only blank lines or lines that carry nothing between them.
_PENDING_RUN = re.compile(rb"\x01(?:[\x00\x03]*\x01)*")
_QUOTE = 60


def _quote(line: str) -> str:
    text = line.strip()
    return text if len(text) <= _QUOTE else text[: _QUOTE - 1] + "…"


class Ledger:
    """The status of each line of one page (index = 1-based line number)."""

    def __init__(self, path: str, text: str, wrapper_lines: list[int]) -> None:
        self.path = path
        self.lines = text.split("\n")
        # PENDING is 1 and BLANK 0: a line's status starts as "has it any text".
        status = bytearray(1)
        status.extend(map(bool, map(str.strip, self.lines)))
        status.append(BLANK)
        for number in wrapper_lines:
            status[number] = NOTHING
        self.status = status
        self.stray: list[int] = []
        self.tables: dict[int, int] = {}
        self.sections: list[tuple[int, str]] = []

    def _span(self, block: Block) -> slice:
        return slice(block.location.line, last_line(block) + 1)

    def read(self, block: Block) -> None:
        """``block`` went into the model (rules carry nothing; `Anchor` blocks are made
        by the section builder, which accounts for their lines itself)."""
        if isinstance(block, Anchor):
            return
        if isinstance(block, Rule):
            self.nothing(block)
            return
        span = self._span(block)
        self.status[span] = self.status[span].translate(_TO_READ)
        if isinstance(block, Table):
            self.tables[block.location.line] = last_line(block)
        elif isinstance(block, Paragraph) and "|" in block.text:
            first = block.location.line
            for offset, line in enumerate(block.text.split("\n")):
                if is_row_shaped(line):
                    self.stray.append(first + offset)

    def read_line(self, number: int) -> None:
        self.status[number : number + 1] = self.status[number : number + 1].translate(_TO_READ)

    def nothing(self, block: Block) -> None:
        """``block`` carries nothing for the model (unless something read it already)."""
        span = self._span(block)
        self.status[span] = self.status[span].translate(_TO_NOTHING)

    def nothing_line(self, number: int) -> None:
        self.status[number : number + 1] = self.status[number : number + 1].translate(
            _TO_NOTHING
        )

    def reported(self, first: int, last: int) -> None:
        span = slice(first, last + 1)
        self.status[span] = self.status[span].translate(_TO_REPORTED)

    def section(self, line: int, label: str) -> None:
        """A section starts at ``line`` (sections arrive in document order)."""
        self.sections.append((line, label))

    def _where(self, line: int) -> str:
        index = bisect_right(self.sections, (line, "\uffff")) - 1
        return f" in {self.sections[index][1]}" if index >= 0 else ""

    def _runs(self, lines: list[int]) -> Iterator[tuple[int, int]]:
        """Runs of consecutive line numbers (blank lines between them allowed)."""
        start = prev = lines[0]
        for number in lines[1:]:
            between = self.status[prev + 1 : number]
            if between.count(BLANK) != len(between):
                yield start, prev
                start = number
            prev = number
        yield start, prev

    def finish(self, diagnostics: Diagnostics) -> None:
        """Report what nothing took and table rows read as prose; all lines accounted."""
        for m in _PENDING_RUN.finditer(self.status):
            first, last = m.start(), m.end() - 1
            count = m.group().count(PENDING)
            lines = f"{count} line{'s' if count > 1 else ''}"
            diagnostics.warning(
                "ignored-content",
                f"{lines} not read into the model{self._where(first)}: "
                f"{_quote(self.lines[first - 1])!r}",
                SourceLocation(self.path, first, 1),
            )
            self.reported(first, last)
        if self.stray:
            for first, last in self._runs(sorted(set(self.stray))):
                count = last - first + 1
                rows = f"{count} table row{'s' if count > 1 else ''}"
                diagnostics.warning(
                    "stray-table-row",
                    f"{rows} outside any table (no header and |---| line above), kept as "
                    f"text{self._where(first)}: {_quote(self.lines[first - 1])!r}",
                    SourceLocation(self.path, first, 1),
                )
                self.reported(first, last)

    def counts(self) -> dict[str, int]:
        """Non-blank lines by status: read, reported, nothing, pending."""
        status = self.status
        return {
            "read": status.count(READ),
            "reported": status.count(REPORTED),
            "nothing": status.count(NOTHING),
            "pending": status.count(PENDING),
        }
