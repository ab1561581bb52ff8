"""Types as READMEs and other generators spell them (the ``handwritten-types`` recovery).

Swagger2Markup writes ``< string > array`` and ``< string, X > map``; hand-written docs
and other generators write ``string[]``, ``array[string]``, ``[string]`` (widdershins),
``Array<Pet>``, ``List[Pet]``, ``[Pet](#pet)[]``, ``map[string]string`` (Go),
``Map<string, X>``, a type in a code span (`` `uuid` ``), or a bare format (``int64``,
``uuid``, ``date-time``). Read as names, each would be a link to a definition no page
has. The schema-cell reader (`generator.parse.schema_cell`) asks this module before it
falls back to a reference by name.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from generator.model import ArraySchema, MapSchema, PrimitiveSchema, Schema

_GENERIC_ARRAY = re.compile(r"^(?:array|list|set|sequence)\s*[\[<]\s*(.+?)\s*[\]>]$", re.I)
# ``map[string]Pet`` (Go), ``Map<string, Pet>``, ``dict[str, Pet]``: string keys only.
_GENERIC_MAP = re.compile(
    r"^(?:map|dict|object|record)\s*(?:\[\s*str(?:ing)?\s*\]\s*(?P<go>.+)"
    r"|[\[<]\s*str(?:ing)?\s*,\s*(?P<pair>.+?)\s*[\]>])$",
    re.I,
)
_BARE_FORMATS: dict[str, tuple[str, str | None]] = {
    "int32": ("integer", "int32"), "int64": ("integer", "int64"), "str": ("string", None),
    "uuid": ("string", "uuid"), "date": ("string", "date"), "date-time": ("string", "date-time"),
    "datetime": ("string", "date-time"), "email": ("string", "email"), "uri": ("string", "uri"),
    "url": ("string", "uri"), "byte": ("string", "byte"), "binary": ("string", "binary"),
}


def handwritten_type(text: str, parse: Callable[[str], Schema]) -> Schema | None:
    """``text`` read as a hand-written type, its parts read by ``parse``; None when it
    is no such spelling."""
    if len(text) > 2 and text[0] == text[-1] == "`" and "`" not in text[1:-1]:
        return parse(text[1:-1])
    if text.endswith("[]") and len(text) > 2:
        return ArraySchema(parse(text[:-2]))
    m = _GENERIC_ARRAY.match(text)
    if m:
        return ArraySchema(parse(m.group(1)))
    m = _GENERIC_MAP.match(text)
    if m:
        return MapSchema(parse(m.group("go") or m.group("pair")))
    if text.startswith("[") and text.endswith("]") and _closes_at_end(text):
        return ArraySchema(parse(text[1:-1]))
    found = _BARE_FORMATS.get(text.lower()) if text.islower() else None
    return PrimitiveSchema(*found) if found else None


def _closes_at_end(text: str) -> bool:
    """Does the ``[`` that opens ``text`` close at its last character (``[string]``,
    ``[[Pet](#pet)]``), not earlier (``[Pet](#pet) [x]``)?"""
    depth = 0
    for i, ch in enumerate(text):
        depth += {"[": 1, "]": -1}.get(ch, 0)
        if depth == 0:
            return i == len(text) - 1
    return False
