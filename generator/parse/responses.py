"""The ``Responses`` table → `Response` values, with their ``**Headers** :`` lists.

>>> |**200**|OK  <br>**Headers** :   <br>`X-Rate` (integer) : Calls left.|[Pet](#pet)|
Response(status="200", description="OK", schema=RefSchema(Pet), headers=(X-Rate,))

A header entry starts with a code-span name and a parenthesised type; lines that do
not start that way continue the previous header's description (docs wrap long header
descriptions with ``<br>``). Header descriptions may carry ``**Default** :`` too.
"""

from __future__ import annotations

import re
from http import HTTPStatus

from generator.diagnostics import Diagnostics
from generator.model import AnySchema, Header, Response, SourceLocation
from generator.parse.annotations import parse_description_cell
from generator.parse.blocks import Table
from generator.parse.inline import plain
from generator.parse.labels import is_label
from generator.parse.recovery import enabled
from generator.parse.schema_cell import parse_schema_cell
from generator.parse.tables import cell, map_columns

ORDER = ("http_code_column", "description_column", "headers_column", "schema_column")
LAYOUTS = {
    2: ("http_code_column", "description_column"),
    3: ("http_code_column", "description_column", "schema_column"),
    4: ("http_code_column", "description_column", "headers_column", "schema_column"),
}
_BR = re.compile(r"[ \t]*<br\s*/?>[ \t]*", re.I)
_STATUS = re.compile(r"^(\d{3}|\d[xX]{2}|default)$", re.I)
# A status with its reason phrase or a prefix, as hand-written tables put it.
SPELLED_STATUS = re.compile(r"^(?:HTTP\s*)?(\d{3}|\d[xX]{2})\b[\s:.-]*(\D.*)?$", re.I)
_HEADERS_LABEL = re.compile(r"\*\*([^*]+)\*\*\s*:\s*$")
_HEADER_START = re.compile(r"^`([^`]+)`\s*(?:\((.*?)\))?\s*(?::\s*(.*))?$", re.S)


def _split_headers(text: str) -> tuple[str, list[str]]:
    """(description before the Headers label, header lines after it)."""
    parts = _BR.split(text)
    for index, part in enumerate(parts):
        m = _HEADERS_LABEL.search(part.strip())
        if m and is_label(m.group(1), "headers_column"):
            head = "<br>".join([*parts[:index], part[: m.start()]])
            return head, list(parts[index + 1 :])
    return text, []


def parse_headers(
    lines: list[str], location: SourceLocation, diagnostics: Diagnostics
) -> tuple[Header, ...]:
    entries: list[tuple[str, str, str]] = []
    for line in lines:
        stripped = line.strip()
        m = _HEADER_START.match(stripped) if stripped.startswith("`") else None
        if m:
            name, type_text, rest = m.group(1), m.group(2) or "", m.group(3) or ""
            if type_text.count("(") > type_text.count(")"):
                # `X` (integer (int32)) : ... — the lazy group stopped one paren early.
                close = stripped.find(")", stripped.find(type_text) + len(type_text))
                type_text = stripped[stripped.find("(") + 1 : close]
                after = stripped[close + 1 :].lstrip()
                rest = after[1:].strip() if after.startswith(":") else after
            entries.append((name.strip(), type_text.strip(), rest.strip()))
        elif entries:
            name, type_text, rest = entries[-1]
            entries[-1] = (name, type_text, f"{rest}<br>{stripped}" if rest else stripped)
    headers = []
    for name, type_text, rest in entries:
        notes = parse_description_cell(rest, location, diagnostics)
        schema = parse_schema_cell(type_text, location, diagnostics) if type_text else None
        headers.append(
            Header(
                name=name,
                schema=schema if schema is not None else AnySchema("string"),
                description=notes.description,
                default=notes.default,
            )
        )
    return tuple(headers)


def _standard(status: str, reason: str) -> bool:
    """Is ``reason`` the status's own reason phrase (``200`` ``OK``)?"""
    try:
        return HTTPStatus(int(status)).phrase.casefold() == reason.strip().casefold()
    except ValueError:
        return False


def is_responses_table(table: Table) -> bool:
    """Does every row start with an HTTP status (``200``, ``4XX``, ``default``)?"""
    firsts = [plain(row.cells[0]) for row in table.rows if row.cells]
    status = SPELLED_STATUS if enabled("markup-variants") else _STATUS
    return bool(firsts) and all(
        status.match(f) or is_label(f, "default_response") for f in firsts
    )


def parse_responses_table(table: Table, diagnostics: Diagnostics) -> list[Response]:
    roles = map_columns(table.header, ORDER, LAYOUTS, table.location, diagnostics, rows=table.rows)
    responses = []
    for row in table.rows:
        status = plain(cell(row.cells, roles, "http_code_column"))
        if not status:
            diagnostics.warning("bad-row", "response row has no HTTP code; row skipped",
                                row.location)
            continue
        if is_label(status, "default_response"):
            status = "default"
        reason = ""
        if enabled("markup-variants") and (spelled := SPELLED_STATUS.match(status)):
            status, reason = spelled.group(1), spelled.group(2) or ""  # ``200 OK``
        text, header_lines = _split_headers(cell(row.cells, roles, "description_column"))
        if "headers_column" in roles:
            extra = _BR.split(cell(row.cells, roles, "headers_column"))
            header_lines.extend(p for p in extra if p.strip())
        if reason and (not text or not _standard(status, reason)):
            text = f"{reason}<br>{text}" if text else reason  # what the status cell adds
        notes = parse_description_cell(text, row.location, diagnostics)
        schema = parse_schema_cell(cell(row.cells, roles, "schema_column"), row.location,
                                   diagnostics)
        responses.append(
            Response(
                status=status,
                description=notes.description,
                schema=schema,
                location=row.location,
                headers=parse_headers(header_lines, row.location, diagnostics),
            )
        )
    return responses
