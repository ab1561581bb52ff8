"""What a section is, told by its content when its heading does not say.

The page reader (`generator.parse`) dispatches sections by label; these predicates
decide the rest: a heading over a properties table is a definition, one over a
``*Type* : apiKey`` line a security scheme, a heading over nothing among definitions
an empty definition, a heading that is only a link an index entry, and a section
right after an operation that its description's own heading started belongs to it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from generator.parse.blocks import Paragraph, Table
from generator.parse.inline import find_link
from generator.parse.labels import keys_for
from generator.parse.operation import holds_operation
from generator.parse.recovery import enabled
from generator.parse.sections import Section, is_contents_heading

_SCHEME_LINE = re.compile(r"^\s*[*_]+[^*_]+[*_]+\s*:\s*(apiKey|basic|oauth2)\s*$", re.I | re.M)


_NOT_PROPERTIES = frozenset({"in_column", "scopes_column", "http_code_column"})


def is_properties_header(header: Sequence[str]) -> bool:
    """Name … Schema columns; or, as hand-written docs label them, Name first and a
    Type column for the schema (``|Name|Type|Required|Description|``)."""
    said = [keys_for(h) for h in header]
    if not any("name_column" in k for k in said):
        return False
    if any("schema_column" in k for k in said):
        return True
    return (
        enabled("handwritten-columns")
        and "name_column" in said[0]
        and any("type_column" in k for k in said)
        and not any(k & _NOT_PROPERTIES for k in said)
    )


def looks_like_definition(section: Section) -> bool:
    """A heading with a properties table (Name … Schema) directly below it, or a
    type-alias line, and no sub-sections of its own: a single-definition page."""
    if section.children and any(c.keys for c in section.children):
        return False
    for block in section.blocks:
        if isinstance(block, Table):
            return is_properties_header(block.header)
        if isinstance(block, Paragraph) and re.search(r"^\s*\*[^*]+\*\s*:", block.text, re.M):
            first = block.text.strip().split("\n", 1)[0]
            label = first.split(":", 1)[0].strip(" *_")
            if keys_for(label) & {"type_column", "schema_column", "polymorphism.column"}:
                return not _SCHEME_LINE.search(block.text)
    return False


_STRUCTURE_KEYS = frozenset(
    {"paths", "resources", "operations", "definitions", "security", "overview"}
)


def continues_operation(section: Section) -> bool:
    """Does ``section``, right after an operation at its level, belong to that
    operation's description? Yes unless it is page structure: an operation or a group
    of them, a labelled page section, an anchored heading (Swagger2Markup anchors its
    own headings, never a description's), a definition or a security scheme."""
    return (
        enabled("description-headings")
        and not section.anchors
        and not section.keys & _STRUCTURE_KEYS
        and not holds_operation(section)
        and not looks_like_definition(section)
        and not looks_like_scheme(section)
        and not is_contents_heading(section)
    )


def is_empty_definition(section: Section) -> bool:
    """``# PropertyConstraint`` with nothing below it, among definitions: a definition
    without properties (Swagger2Markup 0.x prints only the heading)."""
    title = section.title
    return bool(title) and not section.blocks and not section.children and not any(
        c.isspace() for c in title
    ) and find_link(section.raw_title) is None


def is_index_entry(section: Section) -> bool:
    """``### [Pet](definitions/Pet.md#pet)`` with nothing below: a table of contents."""
    return (
        find_link(section.raw_title) is not None
        and not any(isinstance(b, Table) for b in section.blocks)
        and not section.children
        and not any(isinstance(b, Paragraph) and ":" in b.text for b in section.blocks)
    )


def looks_like_scheme(section: Section) -> bool:
    return any(
        isinstance(b, Paragraph) and _SCHEME_LINE.search(b.text) for b in section.blocks
    )


# Sub-sections only an overview has (Tags, Consumes... an operation has too).
_OVERVIEW_PARTS = frozenset({"current_version", "contact_information", "license_information",
                             "uri_scheme"})


def holds_overview(section: Section) -> bool:
    """A heading over the overview's own sub-sections (``### Version information``...)
    whatever it says: ``## Introduction``, or the page's title when the docs dropped
    ``## Overview`` (``unlabelled-sections``)."""
    return enabled("unlabelled-sections") and any(
        c.keys & _OVERVIEW_PARTS for c in section.children
    )


def overview_part(section: Section) -> bool:
    """Is this sub-section of an overview one of its fields' sections?"""
    return bool(section.keys & (_OVERVIEW_PARTS | {"tags", "consumes", "produces",
                                                   "external_docs"}))
