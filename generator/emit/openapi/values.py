"""JSON values of literals written in the docs, typed by their schema's JSON type.

An enum value or a default is text on the page (``10``, ``true``); the OpenAPI document
writes it in its schema's type when it reads as one.
"""

from __future__ import annotations

import math


def fits_type(value: object, kind: object) -> bool:
    """Whether a JSON value is of the JSON Schema type ``kind`` (no type fits all)."""
    checks: dict[object, tuple[type, ...]] = {
        "string": (str,),
        "integer": (int,),
        "number": (int, float),
        "boolean": (bool,),
        "array": (list,),
        "object": (dict,),
    }
    expected = checks.get(kind)
    if expected is None:
        return True
    if isinstance(value, bool) and kind != "boolean":
        return False
    return isinstance(value, expected)


def typed_value(text: str, kind: str) -> object:
    """An enum value or default in the JSON type of its schema (``"10"`` → ``10``)."""
    try:
        if kind == "integer":
            return int(text)
        if kind == "number":
            number = float(text)
            if not math.isfinite(number):
                return text
            return int(number) if number.is_integer() and "." not in text else number
    except ValueError:
        return text
    if kind == "boolean" and text.lower() in ("true", "false"):
        return text.lower() == "true"
    return text
