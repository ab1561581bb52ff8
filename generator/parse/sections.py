"""Blocks → a tree of sections, the unit every section parser reads.

A section starts at a heading, or at a paragraph that is only a bold known label
(``**Parameters**``, some docs' style), and holds the blocks up to the next heading of
the same or a higher level. Anchor-only paragraphs (``<a name="pet"></a>``) and
anchors inside heading text attach to the section they introduce.

Levels are relative: pages put operations at ``##``, ``###`` or ``####``, so parsers
never test a level number, only "a child of this section".

Sections share the page's `Ledger`: anchors and rules count as lines that carry nothing
as the sections are built; every other block, and a section's heading, counts as read
only when a parser takes it (`Section.take`), so what no parser took is reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from generator.model import SourceLocation
from generator.parse.blocks import (
    Anchor,
    Block,
    Heading,
    Html,
    ListBlock,
    Paragraph,
    Rule,
    Table,
    last_line,
)
from generator.parse.folds import details_summary, fold_changes, fold_level
from generator.parse.inline import (
    anchors,
    find_link,
    heading_attributes,
    plain,
    split_br,
    strip_anchors,
    strip_emphasis,
    without_section_number,
)
from generator.parse.labels import keys_for
from generator.parse.ledger import Ledger
from generator.parse.recovery import enabled

# Labels that a bold paragraph may stand for as a section heading. Page-level labels
# (Paths, Resources, Definitions) are left out: in bold they are property or inline
# schema titles (``**resources**``), never page structure.
SECTION_KEYS = frozenset(
    {
        "parameters", "body_parameter", "responses", "consumes", "produces", "tags",
        "security", "example_request", "example_response", "description_column",
        "request_path", "request_header", "request_query", "request_body",
        "request_formData", "response", "current_version", "contact_information",
        "license_information", "uri_scheme", "external_docs",
    }
)


@dataclass
class Section:
    """A heading (or bold label) and what follows it; ``children`` are sub-sections."""

    title: str
    raw_title: str
    level: int
    location: SourceLocation
    anchors: tuple[str, ...] = ()
    blocks: list[Block] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)
    bold: bool = False
    ledger: Ledger | None = field(default=None, repr=False, compare=False)
    heading_end: int = 0

    def take(self, *blocks: Block) -> None:
        """These blocks went into the model, and the heading served as structure (for
        the page's line accounting); ``take()`` alone takes just the heading."""
        ledger = self.ledger
        if ledger is None:
            return
        for number in self._heading_lines():
            ledger.read_line(number)
        for block in blocks:
            ledger.read(block)

    def _heading_lines(self) -> range:
        """The heading's lines (two for a setext heading, the label's for a bold one)."""
        if not self.level:
            return range(0)
        return range(self.location.line, max(self.heading_end, self.location.line) + 1)

    def skip(self, *blocks: Block) -> None:
        """These blocks carry nothing (tables of contents, rules)."""
        if self.ledger is not None:
            for block in blocks:
                self.ledger.nothing(block)

    def skip_heading(self) -> None:
        """The heading is a table-of-contents entry: it carries nothing."""
        if self.ledger is not None:
            for number in self._heading_lines():
                self.ledger.nothing_line(number)

    def take_line(self, number: int) -> None:
        """One line of a block went into the model (the rest is accounted apart)."""
        if self.ledger is not None:
            self.take()
            self.ledger.read_line(number)

    def report_all(self) -> None:
        """This section's content was dropped with a diagnostic that names it."""
        if self.ledger is not None:
            for section in self.walk():
                for number in section._heading_lines():
                    self.ledger.reported(number, number)
                for block in section.blocks:
                    self.ledger.reported(block.location.line, last_line(block))

    def take_all(self) -> None:
        """Every block of this section and of its sub-sections went into the model."""
        for section in self.walk():
            section.take(*section.blocks)

    @property
    def anchor(self) -> str | None:
        """The heading's own anchor: the last one before it (an anchor further up
        belongs to a heading the docs dropped, ``<a name="paths">`` left over)."""
        return self.anchors[-1] if self.anchors else None

    @property
    def keys(self) -> frozenset[str]:
        """The label keys the title can mean (empty for an ordinary heading)."""
        return keys_for(self.title)

    def walk(self) -> Iterator[Section]:
        yield self
        for child in self.children:
            yield from child.walk()


_LINK_ONLY = re.compile(r"^\s*(?:[-*+]\s+|\d+[.)]\s+)?\[[^\]]*\]\([^)]*\)\s*$")


def is_contents(block: Block) -> bool:
    """A table of contents: a list, table or paragraph whose every entry links to another
    page or anchor (what the entries say, the linked pages say in full)."""
    if isinstance(block, ListBlock):
        return bool(block.items) and all(find_link(item) for item in block.items)
    if isinstance(block, Table):
        return bool(block.rows) and all(
            row.cells and _LINK_ONLY.match(row.cells[0]) for row in block.rows
        )
    if isinstance(block, Paragraph):
        parts = [p for line in block.text.split("\n") for p in split_br(strip_anchors(line))]
        return bool(parts) and all(_LINK_ONLY.match(part) for part in parts)
    return False


def is_contents_heading(section: Section) -> bool:
    """``### [Pet](definitions/Pet.md#pet)``: a heading that is only a link."""
    return _LINK_ONLY.match(strip_anchors(section.raw_title)) is not None


def _anchor_only(block: Block) -> list[str] | None:
    text = block.text if isinstance(block, (Paragraph, Html)) else None
    if text is None or "<a" not in text.lower():
        return None
    found = anchors(text)
    if found and not plain(text):
        return found
    return None


def _peel_anchor_lines(block: Paragraph) -> tuple[list[str], Paragraph]:
    """Split leading anchor-only lines off a paragraph (``<a name>`` then a title)."""
    found: list[str] = []
    lines = block.text.split("\n")
    i = 0
    while i < len(lines) - 1:
        names = anchors(lines[i])
        if not names or plain(lines[i]):
            break
        found.extend(names)
        i += 1
    if not i:
        return [], block
    loc = block.location
    rest = Paragraph(
        "\n".join(lines[i:]), SourceLocation(loc.path, loc.line + i, 1), last_line(block)
    )
    return found, rest


def _bold_label(block: Block) -> str | None:
    if not isinstance(block, Paragraph):
        return None
    text = block.text.split("\n", 1)[0].strip()
    if not text.startswith(("**", "__")):
        return None
    label = strip_emphasis(text).rstrip(":").strip()
    if label == text:
        return None
    keys = keys_for(label)
    return label if keys & SECTION_KEYS else None


def build_sections(path: str, blocks: Sequence[Block], ledger: Ledger | None = None) -> Section:
    """The root section (level 0, the page itself) with every section below it."""
    root = Section("", "", 0, SourceLocation(path, 1, 1), ledger=ledger)
    stack: list[Section] = [root]
    pending: list[str] = []
    folded: list[Section | None] = []  # open <details> folds (a section when labelled)

    def open_section(section: Section) -> None:
        while stack[-1].level >= section.level:
            stack.pop()
        stack[-1].children.append(section)
        stack.append(section)
        if ledger is not None:
            ledger.section(section.location.line, f"section {section.title!r}")

    for index, original in enumerate(blocks):
        block = original
        if isinstance(block, Anchor):
            pending.extend(block.names)
            continue
        found = _anchor_only(block)
        if found is not None:
            pending.extend(found)
            if ledger is not None:
                ledger.nothing(block)
            continue
        if isinstance(block, Paragraph) and "<a" in block.text:
            peeled, rest_of_block = _peel_anchor_lines(block)
            pending.extend(peeled)
            if ledger is not None and peeled:
                for number in range(block.location.line, rest_of_block.location.line):
                    ledger.nothing_line(number)
            block = rest_of_block
        if isinstance(block, Heading):
            text, own = block.text, anchors(block.text)
            if enabled("markup-variants"):
                text, ids = heading_attributes(without_section_number(text))
                own.extend(ids)
            section = Section(
                plain(text), text, block.level, block.location,
                tuple(pending + own), ledger=ledger, heading_end=last_line(block),
            )
            pending = []
            open_section(section)
            continue
        if isinstance(block, Rule) and ledger is not None:
            ledger.nothing(block)
        summary = details_summary(block) if enabled("markup-variants") else None
        if summary is not None and not keys_for(summary) & SECTION_KEYS:
            if ledger is not None:
                ledger.nothing(block)
            opened, closed = fold_changes(block)
            folded.extend([None] * opened)
            for _ in range(min(closed, len(folded))):
                fold = folded.pop()
                while fold is not None and fold in stack:  # back to the section around it
                    stack.pop()
            continue
        # A bold line right after anchors titles an inline schema, whatever it says.
        label = summary or (_bold_label(block) if not pending else None)
        if label is not None and isinstance(block, (Paragraph, Html)):
            parent = next(s for s in reversed(stack) if not s.bold)
            # ``**Responses**`` after ``#### Body parameter`` is its sibling, not its child.
            sibling = parent.level and keys_for(parent.title) & SECTION_KEYS
            parent_level = parent.level - 1 if sibling else parent.level
            first, _, rest = block.text.partition("\n")
            level = parent_level + 1
            if isinstance(block, Html):
                first, rest = label, ""
                level = fold_level(blocks, index) or level
            section = Section(
                label, first, level, block.location, tuple(pending), bold=True,
                ledger=ledger, heading_end=last_line(block) if isinstance(block, Html) else 0,
            )
            pending = []
            open_section(section)
            if isinstance(block, Html):
                folded.append(section)
            if not rest.strip():
                continue
            loc = block.location
            block = Paragraph(rest, SourceLocation(loc.path, loc.line + 1, 1), last_line(block))
        if pending:
            # Anchors before a non-heading block (an inline schema's bold title) stay
            # in the flow so the section parser can see them.
            stack[-1].blocks.append(Anchor(tuple(pending), block.location))
            pending = []
        stack[-1].blocks.append(block)
    return root
