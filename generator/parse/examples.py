"""``Example HTTP request`` / ``Example HTTP response`` sections → example values.

Each part is a sub-section (``Request path``, ``Request query``, ``Response 200``...)
holding one code block. Swagger2Markup prefixes the JSON with a ``json :`` line, or a
media type (``application/xml :``) when examples are keyed by it; fences may instead
say ``json`` in their info string. Values that parse as JSON become JSON, the rest stay
text (a path example is usually a bare ``/pets/1``).
"""

from __future__ import annotations

import re

from generator.diagnostics import Diagnostics
from generator.model import Example, RequestExample, ResponseExample
from generator.parse.annotations import parse_doc_value
from generator.parse.blocks import Code
from generator.parse.inline import plain
from generator.parse.labels import is_label
from generator.parse.sections import Section

_PREFIX = re.compile(r"^\s*([\w.+\-]+(?:/[\w.+\-*]+)?)\s*:\s*\n")
_STATUS = re.compile(r"(\d{3}|default)\b", re.I)
_PARTS = {
    "request_path": "path",
    "request_header": "header",
    "request_query": "query",
    "request_body": "body",
    "request_formData": "form_data",
}


def _examples(section: Section, limit: int | None = None) -> list[Example]:
    """The section's code blocks as examples (the first ``limit`` of them), taken."""
    out: list[Example] = []
    for block in section.blocks:
        if not isinstance(block, Code):
            continue
        if limit is not None and len(out) >= limit:
            break
        text = block.text
        media: str | None = None
        m = _PREFIX.match(text)
        if m:
            token = m.group(1)
            media = token if "/" in token else None
            text = text[m.end() :]
        out.append(Example(parse_doc_value(text.strip()), block.location, media))
        section.take(block)
    return out


def _part(section: Section) -> str | None:
    """``Request body`` → ``body``; Swagger2Markup prints the request word in the page's
    language and the part in English (``Requête body``, ``リクエスト path``)."""
    part = next((_PARTS[key] for key in sorted(section.keys) if key in _PARTS), None)
    if part is None:
        word, _, last = plain(section.title).rpartition(" ")
        part = _PARTS.get(f"request_{last}") if is_label(word, "request") else None
    return part


def parse_request_examples(section: Section, diagnostics: Diagnostics) -> RequestExample:
    parts: dict[str, Example] = {}
    for child in section.children:
        part = _part(child)
        if part is not None and (found := _examples(child, limit=1)):
            parts[part] = found[0]
    return RequestExample(**parts)


def parse_response_examples(
    section: Section, diagnostics: Diagnostics
) -> list[ResponseExample]:
    out: list[ResponseExample] = []
    for child in section.children:
        out.extend(status_examples(child, strict=False))
    return out


def status_examples(section: Section, *, strict: bool = True) -> list[ResponseExample]:
    """``Response 200`` (in any language) and its code blocks → that status's examples;
    with ``strict``, nothing (and nothing taken) unless the title names a status."""
    m = _STATUS.search(plain(section.title))
    if m is None and strict:
        return []
    status = m.group(1).lower() if m else plain(section.title)
    return [ResponseExample(status, example) for example in _examples(section)]
