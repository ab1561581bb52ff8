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

import re
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
)
from generator.parse.blocks import Paragraph, Table, parse_blocks
from generator.parse.definitions import parse_definition
from generator.parse.inline import find_link
from generator.parse.labels import keys_for
from generator.parse.operation import is_operation, parse_operation
from generator.parse.overview import parse_overview
from generator.parse.sections import Section, build_sections
from generator.parse.security_page import parse_security_scheme

__all__ = ["parse_page"]

_SCHEME_LINE = re.compile(r"^\s*[*_]+[^*_]+[*_]+\s*:\s*(apiKey|basic|oauth2)\s*$", re.I | re.M)


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

    @property
    def stem(self) -> str:
        return PurePosixPath(self.path).stem

    def operation(self, section: Section, tag: str | None) -> None:
        result = parse_operation(section, self.diagnostics, tag, self.stem)
        if result is not None:
            self.operations.append(result[0])
            self.inline.extend(result[1])

    def definition(self, section: Section) -> None:
        definition, inline = parse_definition(section, self.diagnostics)
        self.definitions.append(definition)
        self.inline.extend(inline)

    def scheme(self, section: Section) -> None:
        self.schemes.append(parse_security_scheme(section, self.diagnostics))

    def visit(self, section: Section, context: str | None, tag: str | None = None) -> None:
        keys = section.keys
        if context == "definitions":
            if not _is_index_entry(section):
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
        if keys & {"paths", "resources", "operations"}:
            for child in section.children:
                self.visit(child, "paths")
            return
        if "definitions" in keys:
            for child in section.children:
                self.visit(child, "definitions")
            return
        if "security" in keys and context is None:
            for child in section.children:
                self.visit(child, "security")
            return
        if context is None and section.level and _looks_like_definition(section):
            self.definition(section)
            return
        if context is None and section.level and _looks_like_scheme(section):
            self.scheme(section)
            return
        # A tag group under Paths/Resources, or a page-level title: go deeper.
        child_tag = section.title if context == "paths" and section.level else tag
        for child in section.children:
            self.visit(child, context, child_tag)

    def read_overview(self, section: Section) -> None:
        overview = parse_overview(section, self.diagnostics)
        # A page may repeat the heading (`## Overview` then `# Overview`, onedata): the
        # second one holds the fields when the first is empty.
        if self.overview is None or (self.overview.version is None and overview.version):
            self.overview = overview

    def page(self, root: Section) -> Page:
        if self.overview is not None and keys_for(self.overview.title) & {"overview"}:
            title = next((s.title for s in root.children if s.level == 1 and s.title), "")
            if title:
                self.overview = replace(self.overview, title=title)
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
        )


def _looks_like_definition(section: Section) -> bool:
    """A heading with a properties table (Name … Schema) directly below it, or a
    type-alias line, and no sub-sections of its own: a single-definition page."""
    if section.children and any(c.keys for c in section.children):
        return False
    for block in section.blocks:
        if isinstance(block, Table):
            header = [keys_for(h) for h in block.header]
            return any("name_column" in k for k in header) and any(
                "schema_column" in k for k in header
            )
        if isinstance(block, Paragraph) and re.search(r"^\s*\*[^*]+\*\s*:", block.text, re.M):
            first = block.text.strip().split("\n", 1)[0]
            label = first.split(":", 1)[0].strip(" *_")
            if keys_for(label) & {"type_column", "schema_column", "polymorphism.column"}:
                return not _SCHEME_LINE.search(block.text)
    return False


def _is_index_entry(section: Section) -> bool:
    """``### [Pet](definitions/Pet.md#pet)`` with nothing below: a table of contents."""
    return (
        find_link(section.raw_title) is not None
        and not any(isinstance(b, Table) for b in section.blocks)
        and not section.children
        and not any(isinstance(b, Paragraph) and ":" in b.text for b in section.blocks)
    )


def _looks_like_scheme(section: Section) -> bool:
    return any(
        isinstance(b, Paragraph) and _SCHEME_LINE.search(b.text) for b in section.blocks
    )


def parse_page(path: str, text: str, diagnostics: Diagnostics) -> Page:
    """Read one markdown page into a `Page`. Never raises on any text."""
    root = build_sections(path, parse_blocks(path, text))
    collector = _Collector(path, diagnostics)
    collector.visit(root, None)
    return collector.page(root)
