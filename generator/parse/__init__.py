"""Markdown pages → `Page` models: the parser's entry points.

`parse_page` reads one page of any kind Swagger2Markup (or a person) writes: a single
operation, a combined ``paths.md`` (flat or grouped by tag), a definitions page or a
single definition, a security page, an overview, or one "mixed" file holding all of
them. It finds the kind of each section by its label (any language) or by its content,
so the same code reads every layout; index-only pages yield nothing and say nothing.

Reading files and folders (sorted ``*.md`` discovery, symlink confinement, undecodable
bytes) is `generator.load.sources`' job, so the pipeline, the CLI and tests share one path.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import PurePosixPath

from generator.diagnostics import Diagnostics
from generator.model import (
    Definition,
    ObjectSchema,
    Operation,
    Overview,
    Page,
    SecurityScheme,
    Tag,
)
from generator.parse.blocks import Paragraph, read_blocks
from generator.parse.definitions import parse_definition
from generator.parse.kinds import (
    continues_operation,
    holds_overview,
    is_empty_definition,
    is_index_entry,
    looks_like_definition,
    looks_like_scheme,
    overview_part,
)
from generator.parse.ledger import Ledger
from generator.parse.operation import (
    holds_operation,
    is_operation,
    parse_operation,
    report_missed_operations,
)
from generator.parse.overview import parse_overview, title_overview, with_title_prose
from generator.parse.recovery import enabled, switched_off
from generator.parse.sections import (
    Section,
    build_sections,
    is_contents,
    is_contents_heading,
)
from generator.parse.security_page import parse_security_scheme
from generator.parse.text import blocks_markdown

__all__ = ["parse_page", "read_page"]

@dataclass
class _Collector:
    path: str
    diagnostics: Diagnostics
    overview: Overview | None = None
    operations: list[Operation] = field(default_factory=list)
    definitions: list[Definition] = field(default_factory=list)
    schemes: list[SecurityScheme] = field(default_factory=list)
    inline: list[tuple[str, ObjectSchema]] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)
    tags: list[Tag] = field(default_factory=list)
    held: set[int] = field(default_factory=set)
    title: str = ""
    title_section: Section | None = None
    overview_section: Section | None = None

    @property
    def stem(self) -> str:
        return PurePosixPath(self.path).stem

    def operation(
        self, section: Section, tag: str | None, continued: Sequence[Section] = ()
    ) -> None:
        for part in (section, *continued):
            self.held.update(id(b) for s in part.walk() for b in s.blocks)
        result = parse_operation(section, self.diagnostics, tag, self.stem, continued)
        if result is not None:
            self.operations.append(result[0])
            self.inline.extend(result[1])

    def definition(self, section: Section) -> None:
        definition, inline = parse_definition(section, self.diagnostics, self.stem)
        self.definitions.append(definition)
        self.inline.extend(inline)

    def scheme(self, section: Section) -> None:
        self.schemes.append(parse_security_scheme(section, self.diagnostics))

    def visit(self, section: Section, context: str | None, tag: str | None = None) -> None:
        keys = section.keys
        if context in ("definitions", "security") and enabled("operations-anywhere"):
            # An operation is what it is wherever it stands (among definitions, under
            # a heading mistaken for one...).
            if is_operation(section):
                self.operation(section, tag)
                return
            if holds_operation(section):
                context = "paths"
        if context == "definitions":
            if enabled("unlabelled-sections") and looks_like_scheme(section):
                self.scheme(section)  # the docs dropped the Security heading
            elif is_index_entry(section):
                section.skip_heading()
                self.contents(section)
            else:
                self.definition(section)
            return
        if context == "security":
            self.scheme(section)
            return
        if is_operation(section):
            self.operation(section, tag)
            return
        if "overview" in keys:
            self.read_overview(section)
            return
        if context is None and not is_operation(section) and holds_overview(section):
            if section.level == 1 and not self.title:
                self.title, self.title_section = section.title, section
            # Its other sub-sections (Paths, Definitions...) are the page's own.
            self.read_overview(section, [c for c in section.children if not overview_part(c)])
            return
        if keys & {"paths", "resources", "operations"}:
            self.container(section, "paths")
            return
        if "definitions" in keys:
            self.container(section, "definitions")
            return
        if "security" in keys and context is None:
            self.container(section, "security")
            return
        if section.level and looks_like_definition(section) and (
            context is None
            or (enabled("unlabelled-sections") and not section.keys  # no stray Parameters
                and not holds_operation(section))
        ):
            self.definition(section)  # (among operations: the Definitions heading dropped)
            return
        if context is None and section.level and looks_like_scheme(section):
            self.scheme(section)
            return
        if is_contents_heading(section) and not section.children:
            section.skip_heading()
            self.contents(section)
            return
        # A page-level title, or a tag group: under Paths/Resources any heading, and on a
        # page without such a heading (one file: overview, tags, operations) a heading
        # over operations. Go deeper either way.
        child_tag = tag
        if context is None and section.level == 1 and not self.title and section.children:
            self.title, self.title_section = section.title, section
            section.take()
        elif section.level and (
            context == "paths"
            or (context is None and enabled("operations-anywhere") and holds_operation(section))
        ):
            child_tag = section.title
        self.children(section, context, child_tag)
        if child_tag is not None and child_tag != tag:
            self.tag_group(section)
        elif context is None and not section.blocks and any(
            looks_like_definition(c) or looks_like_scheme(c) for c in section.children
        ):
            section.skip_heading()  # over definitions or schemes (``## Models``): structure
        self.contents(section)

    def container(self, section: Section, context: str) -> None:
        """A labelled section (Paths, Definitions, Security): its heading is structure."""
        section.take()
        self.children(section, context, None)
        self.contents(section)

    def children(self, section: Section, context: str | None, tag: str | None) -> None:
        """Visit the sub-sections; the sections an operation's description started
        (`continues_operation`) go to that operation."""
        children = section.children
        defining = context is None and any(looks_like_definition(c) for c in children)
        index = 0
        while index < len(children):
            child = children[index]
            index += 1
            if defining and is_empty_definition(child):
                self.definition(child)
            elif is_operation(child) and (
                context not in ("definitions", "security") or enabled("operations-anywhere")
            ):
                continued: list[Section] = []
                while index < len(children) and continues_operation(children[index]):
                    continued.append(children[index])
                    index += 1
                self.operation(child, tag, continued)
            else:
                self.visit(child, context, tag)

    def contents(self, section: Section) -> None:
        """Tables of contents a section passed through holds carry nothing."""
        section.skip(*(b for b in section.blocks if is_contents(b)))

    def tag_group(self, section: Section) -> None:
        """A heading over operations (their tag, or a group of tags), or over a table of
        contents of operations on other pages: the text under it describes the tag."""
        listed = any(is_contents(b) for b in section.blocks) or any(
            is_contents_heading(c) and not c.children for c in section.children
        )
        if not (listed or holds_operation(section)):
            return
        said = [b for b in section.blocks if isinstance(b, Paragraph) and not is_contents(b)]
        if said:
            self.tags.append(Tag(section.title, blocks_markdown(said)))
        section.take(*said)

    def read_overview(self, section: Section, others: Sequence[Section] = ()) -> None:
        """The overview; its sub-sections that hold operations are tag groups, and
        ``others`` sections of the page that stand under it."""
        held: list[Section] = []
        if enabled("operations-anywhere"):
            held = [child for child in section.children if holds_operation(child)]
        others = [child for child in others if not any(child is h for h in held)]
        overview = parse_overview(section, self.diagnostics, [*held, *others])
        for child in held:
            self.visit(child, "paths")
        for child in others:
            self.visit(child, None)
        # A page may repeat the heading (`## Overview` then `# Overview`, onedata): the
        # second one holds the fields when the first is empty.
        if self.overview is None or (self.overview.version is None and overview.version):
            self.overview, self.overview_section = overview, section

    def page(self, root: Section) -> Page:
        heading = self.overview_section
        if (
            self.overview is not None and heading is not None
            and heading is not self.title_section
            and ("overview" in heading.keys or holds_overview(heading))
        ):  # ``## Overview`` (or ``## Introduction``): the API's name is the page's title
            first = next((s for s in root.children if s.level == 1 and s.title), None)
            if first is not None:
                self.overview = replace(self.overview, title=first.title)
                first.take()
        if self.overview is not None and self.title_section is not None and any(
            c is self.overview_section for c in self.title_section.children
        ):
            self.overview = with_title_prose(self.overview, self.title_section)
        elif self.overview is None and self.title_section is not None:
            self.overview = title_overview(self.title_section, self.diagnostics)
        for section in root.walk():
            self.anchors.extend(section.anchors)
        return Page(
            path=self.path,
            overview=self.overview,
            operations=tuple(self.operations),
            definitions=tuple(self.definitions),
            security_schemes=tuple(self.schemes),
            inline_schemas=tuple(self.inline),
            anchors=tuple(dict.fromkeys(self.anchors)),
            tags=tuple(self.tags),
            title=self.title,
        )


def read_page(path: str, text: str, diagnostics: Diagnostics) -> tuple[Page, Ledger]:
    """One markdown page → its `Page` and the accounting of its lines; every line no
    parser took is reported in ``diagnostics`` (`Ledger.finish`)."""
    front = read_blocks(path, text, diagnostics)
    ledger = Ledger(path, front.text, front.wrapper_lines)
    root = build_sections(path, front.blocks, ledger)
    collector = _Collector(path, diagnostics)
    collector.visit(root, None)
    report_missed_operations(root, collector.held, diagnostics)
    page = collector.page(root)
    ledger.finish(diagnostics)
    return page, ledger


def parse_page(
    path: str, text: str, diagnostics: Diagnostics, *, recoveries_off: Iterable[str] = ()
) -> Page:
    """Read one markdown page into a `Page`. Never raises on any text.

    ``recoveries_off`` names recoveries (`generator.parse.recovery`) to leave out, so a
    test can show what a user would be told without them.
    """
    off = tuple(recoveries_off)
    if not off:
        return read_page(path, text, diagnostics)[0]
    with switched_off(off):
        return read_page(path, text, diagnostics)[0]
