"""The recorded state of an API: its model and SDK surface as last generated, as JSON.

Versioning compares the docs of today with the state md2sdk recorded in ``generated/``
the last time, so the state must hold what the comparison reads: the model (in
``parse --json``'s form, without source locations and examples, which say nothing about
the contract and would change the file on every edit) and the surface. `model_data`
writes it and `model_from_data` reads it back into model values.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from generator import model as m
from generator.emit.model_json import to_data
from generator.location import SourceLocation

_CLASSES: dict[str, type[Any]] = {
    name: cls
    for name, cls in vars(m).items()
    if isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls.__module__ == m.__name__
}
_ENUMS: dict[str, type[Any]] = {"place": m.ParameterIn, "nature": m.PolymorphismNature}
_DROPPED = {"example", "request_example", "response_examples"}


def _strip(value: object) -> object:
    """``value`` without examples and with every location blanked."""
    if isinstance(value, SourceLocation):
        return m.NOWHERE
    if isinstance(value, tuple):
        return tuple(_strip(v) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes: dict[str, object] = {}
        for field in dataclasses.fields(value):
            item = getattr(value, field.name)
            if field.name in _DROPPED:
                changes[field.name] = () if isinstance(item, tuple) else None
            elif isinstance(item, m.DocValue):
                changes[field.name] = item
            else:
                changes[field.name] = _strip(item)
        return dataclasses.replace(value, **changes)
    return value


def model_data(api: m.Api) -> Any:
    """The model as JSON data, locations and examples left out."""
    data = to_data(_strip(api))
    return _without_nowhere(data)


def _without_nowhere(data: Any) -> Any:
    nowhere = str(m.NOWHERE)
    if isinstance(data, dict):
        return {k: _without_nowhere(v) for k, v in data.items() if v != nowhere}
    if isinstance(data, list):
        return [_without_nowhere(v) for v in data]
    return data


def model_from_data(data: Any) -> Any:
    """Model values back from `model_data`'s JSON (missing locations are `NOWHERE`)."""
    if isinstance(data, list):
        return tuple(model_from_data(v) for v in data)
    if not (isinstance(data, dict) and data.get("kind") in _CLASSES):
        return data
    cls = _CLASSES[data["kind"]]
    values: dict[str, object] = {}
    for field in dataclasses.fields(cls):
        if field.name not in data:
            if field.type in {"SourceLocation", SourceLocation}:
                values[field.name] = m.NOWHERE
            continue
        raw = data[field.name]
        if cls is m.DocValue and field.name == "value":
            values[field.name] = raw  # JSON data of the docs, kept as it is
        elif field.name in _ENUMS and isinstance(raw, str):
            values[field.name] = _ENUMS[field.name](raw)
        elif field.name == "location" and isinstance(raw, str):
            path, line, column = raw.rsplit(":", 2)
            values[field.name] = SourceLocation(path, int(line), int(column))
        else:
            values[field.name] = model_from_data(raw)
    return cls(**values)


def dumps(data: Any) -> str:
    """Stable JSON text: sorted keys, two-space indent, final newline."""
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
