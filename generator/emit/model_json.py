"""The intermediate model as JSON-able data, for ``md2sdk parse --json`` and snapshots.

Every dataclass becomes an object whose keys follow the dataclass field order (never
hash or dict-insertion accidents), with a leading ``"kind"`` naming its class so the
schema union (``PrimitiveSchema``, ``RefSchema``...) stays readable; enums become their
values, tuples become lists and a `SourceLocation` becomes its ``path:line:col`` text.
Fields still at their default are left out to keep snapshots short and stable when a
field is added to the model.

Example::

    >>> to_data(PrimitiveSchema("integer", "int64"))
    {'kind': 'PrimitiveSchema', 'type': 'integer', 'format': 'int64'}

The ``model`` target (`emit_model`) writes the same data as ``model/<api>.json``.
"""

from __future__ import annotations

import dataclasses
import json
from enum import Enum

from jinja2 import Environment

from generator.config import ApiConfig
from generator.diagnostics import Diagnostics
from generator.model import Api, SourceLocation

JsonValue = None | bool | int | float | str | list["JsonValue"] | dict[str, "JsonValue"]


def to_data(value: object) -> JsonValue:
    """``value`` (a model node, or anything inside one) as JSON-compatible data."""
    if isinstance(value, Enum):
        return to_data(value.value)
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, SourceLocation):
        return str(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        data: dict[str, JsonValue] = {"kind": type(value).__name__}
        for field in dataclasses.fields(value):
            item = getattr(value, field.name)
            if _is_default(field, item):
                continue
            data[field.name] = to_data(item)
        return data
    if isinstance(value, tuple | list):
        return [to_data(item) for item in value]
    if isinstance(value, dict):
        return {str(key): to_data(item) for key, item in value.items()}
    # A DocValue can only hold JSON data; anything else is a bug worth seeing, not hiding.
    raise TypeError(f"cannot serialize {type(value).__name__}")


def _is_default(field: dataclasses.Field[object], value: object) -> bool:
    if field.default is not dataclasses.MISSING:
        return bool(value == field.default)
    if field.default_factory is not dataclasses.MISSING:
        return bool(value == field.default_factory())
    return False


# Characters editors, diff tools and YAML treat as line breaks: kept escaped so one
# JSON string never shows as several lines (json.dumps writes them raw with UTF-8).
_LINE_BREAKS = str.maketrans({c: f"\\u{ord(c):04x}" for c in "\x85\u2028\u2029"})


def dumps(value: object) -> str:
    """Stable, human-readable JSON text (two-space indent, UTF-8, final newline)."""
    text = json.dumps(to_data(value), indent=2, ensure_ascii=False)
    return text.translate(_LINE_BREAKS) + "\n"


def emit_model(
    api: Api, config: ApiConfig, diagnostics: Diagnostics, env: Environment
) -> dict[str, str]:
    """The ``model`` target: the resolved model of one API as ``model/<api>.json``."""
    return {f"model/{config.name}.json": dumps(api)}
