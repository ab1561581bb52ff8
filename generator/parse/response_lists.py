"""Responses written as a list or as one paragraph per status, as READMEs write them::

    #### Responses

    - `200 OK`: The note.
    - `404 Not Found`: No such note.

    **204** No Content

Each item or paragraph that starts with a status code (in a code span or bold, with or
without its reason phrase) is one response: the text after it is its description, and
the schema when that text is only a schema (``[Note](#note)``, ``< [Note](#note) >
array``). A standard reason phrase (``OK``, ``Not Found``) is the code's own name and
is not repeated in the description; any other words stay. What does not start with a
status is left to the line accounting (reported as ignored).
"""

from __future__ import annotations

import re
from http import HTTPStatus

from generator.diagnostics import Diagnostics
from generator.model import Response, SourceLocation
from generator.parse.blocks import Block, ListBlock, Paragraph
from generator.parse.schema_cell import parse_schema_cell

# `200 OK`: text | **404** Not found. | 201 - Created | HTTP 503 — Try later
LEADING_STATUS = re.compile(
    r"^\s*([`*_]*)\s*(?:HTTP\s*)?(\d{3}|default)\b([^`*_:\n]*?)\1"
    r"\s*(?:[:\u2014\u2013-]\s*|\s+|$)(.*)$",
    re.I | re.S,
)


def reason_words(code: str, reason: str) -> bool:
    """Is ``reason`` the standard phrase of ``code`` (``OK`` for 200)?"""
    try:
        phrase = HTTPStatus(int(code)).phrase
    except ValueError:
        return False
    return reason.strip().casefold() == phrase.casefold()


def _response(text: str, location: SourceLocation, diagnostics: Diagnostics) -> Response | None:
    m = LEADING_STATUS.match(text)
    if m is None:
        return None
    code, reason, rest = m.group(2).lower(), m.group(3).strip(), m.group(4).strip()
    if code != "default" and not 100 <= int(code) <= 599:
        return None
    if reason and not reason_words(code, reason):
        rest = f"{reason} {rest}".strip() if rest else reason
    schema = None
    candidate = rest.rstrip(".").strip()
    if candidate and (candidate.startswith(("[", "<")) and candidate.endswith((")", "array"))):
        quiet = Diagnostics()
        schema = parse_schema_cell(candidate, location, quiet)
        if quiet or schema is None:
            schema = None
        else:
            rest = ""
    return Response(code, rest, schema, location)


def list_responses(
    blocks: list[Block], diagnostics: Diagnostics
) -> tuple[list[Response], list[Block]]:
    """The responses of list items and paragraphs that start with a status, and the
    blocks they came from (each wholly read)."""
    found: list[Response] = []
    used: list[Block] = []
    for block in blocks:
        if isinstance(block, ListBlock):
            items = [_response(item.strip(), block.location, diagnostics) for item in block.items]
        elif isinstance(block, Paragraph):
            items = [_response(block.text, block.location, diagnostics)]
        else:
            continue
        if items and all(r is not None for r in items):
            found.extend(r for r in items if r is not None)
            used.append(block)
    return found, used
