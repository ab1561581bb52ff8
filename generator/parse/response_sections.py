"""An operation's ``Responses`` section → its `Response` values (and examples), in every
layout that prints one.

Swagger2Markup 1.x prints one table (`generator.parse.responses`). Swagger2Markup 0.x
prints one sub-section per status, each with a one-row table and, when the response has
headers, a ``**Headers**`` table of its own::

    #### Responses
    ##### HTTP Code 200
    |HTTP Code|Description|Schema|
    |200|successful operation|[Pet](#pet) array|
    **Headers**
    |Name|Description|Schema|Default|
    |X-Rate-Limit-Limit|The number of allowed requests|integer||

Docs sites fold an ``Example HTTP response`` into the section (inside ``<details>``), so a
sub-section titled by a status that holds code blocks (``##### Response 201``) is that
status's example. Whatever else a sub-section holds is left to the line accounting.
"""

from __future__ import annotations

from dataclasses import replace

from generator.diagnostics import Diagnostics
from generator.model import AnySchema, Header, Response, ResponseExample
from generator.parse.annotations import parse_description_cell
from generator.parse.blocks import Code, Paragraph, Table
from generator.parse.examples import status_examples
from generator.parse.inline import plain, strip_emphasis
from generator.parse.labels import is_label
from generator.parse.parameters import read_default_cell
from generator.parse.recovery import enabled
from generator.parse.response_lists import list_responses
from generator.parse.responses import is_responses_table, parse_responses_table
from generator.parse.schema_cell import parse_schema_cell
from generator.parse.sections import Section
from generator.parse.tables import cell, map_columns

_HEADER_ORDER = ("name_column", "description_column", "schema_column", "default_column")
_HEADER_LAYOUTS = {
    2: ("name_column", "schema_column"),
    3: ("name_column", "description_column", "schema_column"),
    4: _HEADER_ORDER,
}


def read_responses_section(
    section: Section, diagnostics: Diagnostics
) -> tuple[list[Response], list[ResponseExample]]:
    """The responses (and response examples) a ``Responses`` section holds."""
    responses: list[Response] = []
    examples: list[ResponseExample] = []
    tables = [b for b in section.blocks if isinstance(b, Table)]
    for table in tables[:1]:
        responses.extend(parse_responses_table(table, diagnostics))
        section.take(table)
    if not tables and enabled("handwritten-columns"):
        listed, used = list_responses(section.blocks, diagnostics)
        responses.extend(listed)
        section.take(*used)
    for child in section.children:
        if any(isinstance(b, Table) and is_responses_table(b) for b in child.blocks):
            responses.extend(_status_section(child, diagnostics))
        elif any(isinstance(b, Code) for b in child.blocks) and not child.children:
            found = status_examples(child)
            if found:
                child.take()
            examples.extend(found)
    return responses, examples


def _status_section(section: Section, diagnostics: Diagnostics) -> list[Response]:
    """``##### HTTP Code 200``: its responses table, then the headers table that
    follows a ``**Headers**`` label (the headers of the response above it)."""
    out: list[Response] = []
    headers_next = False
    section.take()
    for block in section.blocks:
        if isinstance(block, Paragraph) and is_label(strip_emphasis(block.text), "headers_column"):
            headers_next = True
            section.take(block)
        elif isinstance(block, Table) and headers_next and out:
            out[-1] = replace(out[-1], headers=out[-1].headers + _headers(block, diagnostics))
            headers_next = False
            section.take(block)
        elif isinstance(block, Table) and is_responses_table(block):
            out.extend(parse_responses_table(block, diagnostics))
            section.take(block)
    return out


def _headers(table: Table, diagnostics: Diagnostics) -> tuple[Header, ...]:
    roles = map_columns(table.header, _HEADER_ORDER, _HEADER_LAYOUTS, table.location,
                        diagnostics, rows=table.rows)
    headers: list[Header] = []
    for row in table.rows:
        name = plain(cell(row.cells, roles, "name_column"))
        if not name:
            diagnostics.warning("bad-row", "a headers row has no name; skipped", row.location)
            continue
        notes = parse_description_cell(cell(row.cells, roles, "description_column"),
                                       row.location, diagnostics)
        schema = parse_schema_cell(cell(row.cells, roles, "schema_column"), row.location,
                                   diagnostics)
        default = read_default_cell(cell(row.cells, roles, "default_column")) or notes.default
        headers.append(Header(name, schema or AnySchema("string"), notes.description, default))
    return tuple(headers)
