"""An operation section → `Operation`, plus the inline schemas anchored inside it.

An operation is a section that names ``METHOD /path``: either in a fenced block right
under its heading (the summary is then the heading), or as the heading itself with
the summary, if any, in the text before the sub-sections. Its sub-sections are found
by label in any language; a sub-section with an unknown label is recognised by its
content when that is unambiguous (a table of parameter types, a table of HTTP codes)
and otherwise kept as description text with an ``unknown-section`` warning.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from generator.diagnostics import Diagnostics
from generator.model import (
    AnySchema,
    ObjectSchema,
    Operation,
    Parameter,
    ParameterIn,
    Reference,
    RequestExample,
    Response,
    ResponseExample,
    SecurityRequirement,
)
from generator.parse.blocks import Anchor, Block, Code, Heading, ListBlock, Paragraph, Table
from generator.parse.body import parse_body_section
from generator.parse.definitions import parse_properties_table
from generator.parse.examples import parse_request_examples, parse_response_examples
from generator.parse.inline import find_link, plain, strip_emphasis
from generator.parse.labels import is_label
from generator.parse.parameters import parameter_in, parse_parameters_table
from generator.parse.refs import split_href
from generator.parse.responses import parse_responses_table
from generator.parse.sections import Section
from generator.parse.tables import cell, map_columns
from generator.parse.text import blocks_markdown

METHODS = ("GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE")
_METHOD_PATH = re.compile(
    r"^\s*(GET|PUT|POST|DELETE|OPTIONS|HEAD|PATCH|TRACE)\s+(/\S*|\*)\s*$", re.I
)
_METHOD_WORD = re.compile(r"^\s*(GET|PUT|POST|DELETE|OPTIONS|HEAD|PATCH|TRACE)\s", re.I)
_OPERATION_ID = re.compile(r"^\s*\*\*\s*([^*:]+?)\s*:\s*([^*]+?)\s*\*\*\s*$")
_STATUS = re.compile(r"^(\d{3}|\d[xX]{2}|default)$", re.I)
_SECURITY_ORDER = ("security_type", "security_name", "scopes_column")
_SECURITY_LAYOUTS = {
    2: ("security_type", "security_name"),
    3: ("security_type", "security_name", "scopes_column"),
}


def method_path(text: str) -> tuple[str, str] | None:
    """``GET /pets/{id}`` → ("GET", "/pets/{id}")."""
    m = _METHOD_PATH.match(plain(text) if "`" in text or "*" in text else text)
    return (m.group(1).upper(), m.group(2)) if m else None


def _fenced_method_path(blocks: list[Block]) -> tuple[int, tuple[str, str]] | None:
    for index, block in enumerate(blocks):
        if isinstance(block, Code):
            first = block.text.strip().split("\n", 1)[0]
            found = method_path(first)
            return (index, found) if found else None
    return None


def _unreadable_fence(blocks: list[Block]) -> str | None:
    """The first code block's first line when it starts with a method word but is no
    readable ``METHOD /path`` (``PUT /a b``): an operation to drop with a warning."""
    code = next((b for b in blocks if isinstance(b, Code)), None)
    if code is None:
        return None
    first = code.text.strip().split("\n", 1)[0]
    return first if _METHOD_WORD.match(first) and not method_path(first) else None


def is_operation(section: Section) -> bool:
    """Does this section document an endpoint (not an index entry linking to one)?"""
    if _fenced_method_path(section.blocks):
        return True
    if _unreadable_fence(section.blocks) is not None:
        return any(child.keys & _OPERATION_KEYS for child in section.children)
    if method_path(section.title) and not find_link(section.raw_title):
        return any(child.keys & _OPERATION_KEYS for child in section.children)
    return False


def holds_operation(section: Section) -> bool:
    """Is this section, or one below it, an operation?"""
    return any(is_operation(s) for s in section.walk())


_OPERATION_KEYS = frozenset(
    {"parameters", "parameter", "body_parameter", "responses", "consumes", "produces", "tags",
     "security", "example_request", "example_response", "description_column"}
)


@dataclass
class _Parts:
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
    if firsts and all(_STATUS.match(f) for f in firsts):
        return "responses"
    return None


def _read_child(
    child: Section, parts: _Parts, diagnostics: Diagnostics, path: str | None = None
) -> None:
    keys = child.keys
    tables = [b for b in child.blocks if isinstance(b, Table)]
    parts.inline.extend(collect_inline_schemas(child.blocks, diagnostics, child))
    if keys & _OPERATION_KEYS:
        child.take()
    if "body_parameter" in keys:
        parts.bodies.append(parse_body_section(child, diagnostics))
    elif "parameters" in keys or "parameter" in keys:
        for table in tables[:1]:
            parts.parameters.extend(parse_parameters_table(table, diagnostics, path))
            child.take(table)
        for sub in child.children:
            _read_child(sub, parts, diagnostics, path)
    elif "responses" in keys:
        for table in tables[:1]:
            parts.responses.extend(parse_responses_table(table, diagnostics))
            child.take(table)
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


def _read_continued(
    section: Section, parts: _Parts, diagnostics: Diagnostics, path: str
) -> None:
    """A heading of the description (and what follows it) at the operation's level."""
    heading = Heading(max(section.level, 1), section.raw_title, section.location)
    parts.description.append(blocks_markdown([heading, *section.blocks]))
    section.take(*section.blocks)
    for child in section.children:
        if child.keys & _OPERATION_KEYS:
            _read_child(child, parts, diagnostics, path)
        else:
            _read_continued(child, parts, diagnostics, path)


def _flatten(section: Section) -> list[Block]:
    out: list[Block] = [Heading(max(section.level, 1), section.raw_title, section.location)]
    out.extend(section.blocks)
    for child in section.children:
        out.extend(_flatten(child))
    return out


def parse_operation(
    section: Section, diagnostics: Diagnostics, default_tag: str | None = None,
    page_stem: str | None = None, continued: Sequence[Section] = (),
) -> tuple[Operation, list[tuple[str, ObjectSchema]]] | None:
    """Read one operation section; ``None`` (with a diagnostic) when it has no path.

    ``continued`` are the sections after it that its description's own headings
    started (``### Hijacking`` at the operation's level): their text is description,
    and the Parameters, Responses... under them are the operation's.
    """
    blocks: list[Block] = []
    operation_id = ""
    deprecated = "~~" in section.raw_title
    for block in section.blocks:
        if isinstance(block, Paragraph):
            m = _OPERATION_ID.match(block.text)
            if m and is_label(m.group(1), "operation", "operations"):
                operation_id = m.group(2).strip()
                continue
            if is_label(plain(block.text), "operation.deprecated"):
                deprecated = True
                continue
        blocks.append(block)
    fenced = _fenced_method_path(blocks)
    if fenced:
        index, (method, path) = fenced
        summary = section.title.replace("~~", "").strip()
        before, after = blocks[:index], blocks[index + 1 :]
        if method_path(summary):
            lines = [plain(b.text) for b in before if isinstance(b, Paragraph)]
            summary = " ".join(s for s in lines if s)
            before = [b for b in before if not isinstance(b, Paragraph)]
        kept = before + after
    else:
        found = method_path(section.title)
        if not found:
            shown = _unreadable_fence(blocks) or section.title
            diagnostics.warning("bad-operation", f"no METHOD /path in {shown!r}; dropped",
                                section.location)
            section.report_all()
            return None
        method, path = found
        first = next((b for b in blocks if isinstance(b, Paragraph)), None)
        summary = plain(first.text) if first is not None else ""
        kept = [b for b in blocks if b is not first]
    section.take(*section.blocks)
    parts = _Parts()
    for child in section.children:
        _read_child(child, parts, diagnostics, path)
    for more in continued:
        _read_continued(more, parts, diagnostics, path)
    parts.inline.extend(collect_inline_schemas(blocks, diagnostics))
    description = "\n\n".join(d for d in [blocks_markdown(kept), *parts.description] if d)
    if not operation_id and section.anchors:
        operation_id = section.anchors[0]
        if page_stem and page_stem.casefold() == operation_id.casefold():
            operation_id = page_stem
    parameters = _merge_bodies(parts.parameters, parts.bodies)
    tags = parts.tags or ((default_tag,) if default_tag else ())
    operation = Operation(
        method=method,
        path=path,
        location=section.location,
        operation_id=operation_id,
        summary=summary,
        description=description,
        deprecated=deprecated,
        parameters=tuple(parameters),
        responses=tuple(parts.responses),
        consumes=parts.consumes,
        produces=parts.produces,
        tags=tags,
        security=parts.security,
        request_example=parts.request_example,
        response_examples=tuple(parts.response_examples),
    )
    return operation, parts.inline


def _merge_bodies(params: list[Parameter], bodies: list[Parameter]) -> list[Parameter]:
    """A ``Body parameter`` section details the table's Body row (or is the only body)."""
    out = list(params)
    for body in bodies:
        index = next((i for i, p in enumerate(out) if p.place is ParameterIn.BODY), None)
        if index is None:
            out.append(body)
            continue
        row = out[index]
        out[index] = replace(
            row,
            description=row.description or body.description,
            required=row.required or body.required,
            schema=row.schema if isinstance(body.schema, AnySchema) else body.schema,
        )
    return out

