"""Shared assertions for the robustness tests: located diagnostics, located models.

A location is good when its line lies within the page (1 … line count + 1; the +1 is
for "at end of file") and its column is positive; a diagnostic is good when it is
located that way on the page it is about and its code is a known, stable one.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from generator.diagnostics import CODES, Diagnostics
from generator.model import SourceLocation


def line_count(text: str) -> int:
    """Lines as editors and Python's universal newlines count them: ``\r\n``, ``\r``
    and ``\n`` each end a line (U+2028, form feed and the like do not)."""
    return text.replace("\r\n", "\n").count("\n") + text.replace("\r\n", "").count("\r") + 1


def locations(value: object) -> Iterator[SourceLocation]:
    """Every `SourceLocation` held anywhere inside a model value."""
    if isinstance(value, SourceLocation):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from locations(getattr(value, f.name))
    elif isinstance(value, tuple | list):
        for item in value:
            yield from locations(item)


def bad_locations(value: object, path: str, text: str) -> list[SourceLocation]:
    """The locations inside ``value`` that point off the page ``path``."""
    last = line_count(text) + 1
    return [
        loc
        for loc in locations(value)
        if loc.path == path and not (1 <= loc.line <= last and loc.column >= 1)
    ]


def bad_diagnostics(diagnostics: Diagnostics, path: str, text: str) -> list[str]:
    """Diagnostics with an unknown code, another page's path, or a line off the page."""
    last = line_count(text) + 1
    return [
        d.format()
        for d in diagnostics
        if d.code not in CODES
        or d.location.path != path
        or not (1 <= d.location.line <= last and d.location.column >= 1)
        or not d.message.strip()
    ]
