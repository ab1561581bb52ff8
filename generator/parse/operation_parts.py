"""The sub-sections of an operation (Parameters, Responses, Security, examples...) →
the parts of its `Operation`.

Sub-sections are found by label in any language; one with an unknown label is
recognised by its content when that is unambiguous (a table of parameter types, a
table of HTTP codes) and otherwise kept as description text with an
``unknown-section`` warning. Each reader takes the blocks it reads from its section
(`Section.take`), so whatever it leaves is reported by the page's line accounting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.diagnostics import Diagnostics
from generator.model import (
    ObjectSchema,
    Parameter,
    Reference,
    RequestExample,
    Response,
    ResponseExample,
    SecurityRequirement,
)
from generator.parse.blocks import Anchor, Block, Heading, ListBlock, Paragraph, Table
from generator.parse.body import parse_body_section
from generator.parse.definitions import parse_properties_table
from generator.parse.examples import parse_request_examples, parse_response_examples
from generator.parse.inline import find_link, plain, strip_emphasis
from generator.parse.parameters import parameter_in, parse_parameters_table
from generator.parse.recovery import enabled
from generator.parse.refs import split_href
from generator.parse.response_sections import read_responses_section
from generator.parse.responses import is_responses_table, parse_responses_table
from generator.parse.sections import Section
from generator.parse.tables import cell, map_columns
from generator.parse.text import blocks_markdown

_SECURITY_ORDER = ("security_type", "security_name", "scopes_column")
_SECURITY_LAYOUTS = {
    2: ("security_type", "security_name"),
    3: ("security_type", "security_name", "scopes_column"),
}

OPERATION_KEYS = frozenset(
    {"parameters", "parameter", "body_parameter", "responses", "consumes", "produces", "tags",
     "security", "example_request", "example_response", "description_column"}
)


@dataclass
class Parts:
    parameters: list[Parameter] = field(default_factory=list)
    bodies: list[Parameter] = field(default_factory=list)
    responses: list[Response] = field(default_factory=list)
    consumes: tuple[str, ...] = ()
    produces: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    security: tuple[SecurityRequirement, ...] | None = None
    request_example: RequestExample | None = None
    response_examples: list[ResponseExample] = field(default_factory=list)
    description: list[str] = field(default_factory=list)
    inline: list[tuple[str, ObjectSchema]] = field(default_factory=list)


def media_list(section: Section) -> tuple[str, ...]:
    items: list[str] = []
    for block in section.blocks:
        if isinstance(block, ListBlock):
            items.extend(plain(item) for item in block.items)
        elif isinstance(block, Paragraph):
            items.extend(plain(p) for p in re.split(r"[,\n]", block.text))
        else:
            continue
        section.take(block)
    return tuple(dict.fromkeys(i for i in items if i))


def parse_security_table(table: Table, diagnostics: Diagnostics) -> list[SecurityRequirement]:
    roles = map_columns(table.header, _SECURITY_ORDER, _SECURITY_LAYOUTS, table.location,
                        diagnostics)
    out = []
    for row in table.rows:
        kind = plain(cell(row.cells, roles, "security_type"))
        name_cell = strip_emphasis(cell(row.cells, roles, "security_name"))
        link = find_link(name_cell)
        name, href = (link.label, link.href) if link else (plain(name_cell), "")
        if not name:
            diagnostics.warning("bad-row", "security row has no scheme name; row skipped",
                                row.location)
            continue
        file, anchor = split_href(href) if href else (None, name)
        scopes = tuple(s.strip() for s in plain(cell(row.cells, roles, "scopes_column"))
                       .split(",") if s.strip())
        out.append(SecurityRequirement(kind, Reference(name, href, file, anchor, row.location),
                                       scopes))
    return out


def collect_inline_schemas(
    blocks: list[Block], diagnostics: Diagnostics, section: Section | None = None
) -> list[tuple[str, ObjectSchema]]:
    """Anchor + bold title + properties table → (anchor, inline object schema); the
    blocks are taken from ``section`` when one is given."""
    out: list[tuple[str, ObjectSchema]] = []
    for i, block in enumerate(blocks):
        if not isinstance(block, Anchor):
            continue
        title_block = blocks[i + 1] if i + 1 < len(blocks) else None
        table = blocks[i + 2] if i + 2 < len(blocks) else None
        if isinstance(title_block, Paragraph) and isinstance(table, Table):
            title = plain(title_block.text)
            schema = ObjectSchema(parse_properties_table(table, diagnostics), title=title)
            out.extend((name, schema) for name in block.names)
            if section is not None:
                section.take(title_block, table)
    return out


def _table_kind(table: Table) -> str | None:
    """Recognise a parameters or responses table by its rows when its label is unknown."""
    firsts = [plain(r.cells[0]) for r in table.rows if r.cells]
    if firsts and all(parameter_in(f) for f in firsts):
        return "parameters"
    if is_responses_table(table):
        return "responses"
    return None


def read_child(
    child: Section, parts: Parts, diagnostics: Diagnostics, path: str | None = None
) -> None:
    keys = child.keys
    tables = [b for b in child.blocks if isinstance(b, Table)]
    parts.inline.extend(collect_inline_schemas(child.blocks, diagnostics, child))
    if keys & OPERATION_KEYS:
        child.take()
    if "body_parameter" in keys:
        parts.bodies.append(parse_body_section(child, diagnostics))
    elif "parameters" in keys or "parameter" in keys:
        for table in tables[:1]:
            parts.parameters.extend(parse_parameters_table(table, diagnostics, path))
            child.take(table)
        for sub in child.children:
            read_child(sub, parts, diagnostics, path)
    elif "responses" in keys or ("response" in keys and enabled("handwritten-columns")):
        child.take()  # ``#### Response``, as hand-written pages title it, too
        responses, examples = read_responses_section(child, diagnostics)
        parts.responses.extend(responses)
        parts.response_examples.extend(examples)
    elif "consumes" in keys:
        parts.consumes = media_list(child)
    elif "produces" in keys:
        parts.produces = media_list(child)
    elif "tags" in keys:
        parts.tags = media_list(child)
    elif "security" in keys:
        reqs: list[SecurityRequirement] = []
        for table in tables:
            reqs.extend(parse_security_table(table, diagnostics))
            child.take(table)
        parts.security = tuple(reqs)
    elif "example_request" in keys:
        parts.request_example = parse_request_examples(child, diagnostics)
    elif "example_response" in keys:
        parts.response_examples.extend(parse_response_examples(child, diagnostics))
    elif "description_column" in keys:
        parts.description.append(blocks_markdown(child.blocks))
        for sub in child.children:
            parts.description.append(blocks_markdown(list(_flatten(sub))))
        child.take_all()
    else:
        kinds = {_table_kind(t) for t in tables}
        if kinds == {"parameters"}:
            for table in tables:
                parts.parameters.extend(parse_parameters_table(table, diagnostics, path))
                child.take(table)
        elif kinds == {"responses"}:
            for table in tables:
                parts.responses.extend(parse_responses_table(table, diagnostics))
                child.take(table)
        else:
            diagnostics.warning(
                "unknown-section",
                f"unknown section {child.title!r} in an operation; kept as description",
                child.location,
            )
            parts.description.append(blocks_markdown(list(_flatten(child))))
            child.take_all()


def read_continued(
    section: Section, parts: Parts, diagnostics: Diagnostics, path: str
) -> None:
    """A heading of the description (and what follows it) at the operation's level."""
    heading = Heading(max(section.level, 1), section.raw_title, section.location)
    parts.description.append(blocks_markdown([heading, *section.blocks]))
    section.take(*section.blocks)
    for child in section.children:
        if child.keys & OPERATION_KEYS:
            read_child(child, parts, diagnostics, path)
        else:
            read_continued(child, parts, diagnostics, path)


def _flatten(section: Section) -> list[Block]:
    out: list[Block] = [Heading(max(section.level, 1), section.raw_title, section.location)]
    out.extend(section.blocks)
    for child in section.children:
        out.extend(_flatten(child))
    return out
