"""JSON values for schemas: does a docs example fit its schema, and what to use if not.

Generated tests call every operation with the docs' own example values and mock every
response with the docs' example body; OpenAPI examples feed mock servers. Docs examples
are often placeholders that do not fit (Swagger2Markup prints ``"object"`` for a map
response), so every consumer asks `fits` first and falls back to `sample`, a value
built from the schema that honours enums, formats, lengths and bounds.

Both functions follow references through ``api``; recursion stops at a depth limit
(optional properties are left out there), so cyclic definitions terminate.

Example::

    >>> sample(ArraySchema(PrimitiveSchema("integer")), api)
    [0, 0]
    >>> fits("object", MapSchema(PrimitiveSchema("string")), api)
    False
"""

from __future__ import annotations

import re
from datetime import date
from functools import partial

from generator.emit.incremental.active import remembered_over
from generator.model import (
    AllOfSchema,
    AnySchema,
    Api,
    ArraySchema,
    Constraints,
    DocValue,
    EnumSchema,
    FileSchema,
    MapSchema,
    ObjectSchema,
    PrimitiveSchema,
    Property,
    RefSchema,
    Schema,
)

MAX_DEPTH = 6
_DATE_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)?")
_FORMAT_SAMPLES = {
    "date-time": "2020-01-01T00:00:00Z",
    "date": "2020-01-01",
    "uuid": "00000000-0000-4000-8000-000000000000",
    "email": "user@example.com",
    "uri": "https://example.com/",
    "url": "https://example.com/",
    "hostname": "example.com",
    "ipv4": "192.0.2.1",
    "ipv6": "2001:db8::1",
    "byte": "c3RyaW5n",
}
_NO_LIMITS = Constraints()
"""The limits of a value declared without any (one shared instance: `fits` and
`sample` run a few hundred thousand times on a big API, and made one each time)."""


def is_json_value(value: object) -> bool:
    """True for values JSON can carry (the docs' readings never hold anything else)."""
    if value is None or isinstance(value, str | bool | int | float):
        return True
    if isinstance(value, list):
        return all(is_json_value(v) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and is_json_value(v) for k, v in value.items())
    return False


def resolve(schema: Schema, api: Api) -> Schema | None:
    """A schema with references followed; None for an unresolved (free-form) one."""
    if not isinstance(schema, RefSchema):
        return schema
    seen: set[str] = set()
    while isinstance(schema, RefSchema):
        key = schema.ref.target
        definition = api.definition(key) if key is not None else None
        if key is None or definition is None or definition.unresolved or key in seen:
            return None
        seen.add(key)
        schema = definition.schema
    return schema


def properties(schema: Schema, api: Api, depth: int = 0) -> list[Property]:
    """Object properties, allOf parts merged in document order."""
    target = resolve(schema, api)
    if isinstance(target, ObjectSchema):
        return list(target.properties)
    if isinstance(target, AllOfSchema) and depth < MAX_DEPTH:
        merged: dict[str, Property] = {}
        for part in target.parts:
            merged.update((p.name, p) for p in properties(part, api, depth + 1))
        return list(merged.values())
    return []


def _fits_primitive(value: object, schema: PrimitiveSchema, constraints: Constraints) -> bool:
    if schema.type == "string":
        if not isinstance(value, str):
            return False
        if schema.format == "date-time" and not _DATE_TIME.fullmatch(value):
            return False
        if schema.format == "date" and not _is_date(value):
            return False
        short = constraints.min_length is not None and len(value) < constraints.min_length
        long = constraints.max_length is not None and len(value) > constraints.max_length
        return not (short or long or not _matches(value, constraints.pattern))
    if schema.type == "boolean":
        return isinstance(value, bool)
    if schema.type not in {"integer", "number"}:
        return True
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    if schema.type == "integer" and not isinstance(value, int):
        return False
    return _in_bounds(value, constraints)


def fits(
    value: object,
    schema: Schema | None,
    api: Api,
    constraints: Constraints | None = None,
    depth: int = 0,
) -> bool:
    """Whether a docs value is usable where ``schema`` is declared (JSON semantics)."""
    limits = constraints or _NO_LIMITS
    if depth > MAX_DEPTH:
        return True
    target = resolve(schema, api) if schema is not None else None
    if schema is not None and target is None:  # unresolved: the client takes a dict
        return isinstance(value, dict)
    if target is None or isinstance(target, FileSchema):
        return target is None
    if isinstance(target, PrimitiveSchema):
        return _fits_primitive(value, target, limits)
    if isinstance(target, AnySchema):
        return isinstance(value, dict) if target.type == "object" else is_json_value(value)
    if isinstance(target, EnumSchema):
        if target.type == "integer":
            return isinstance(value, int) and not isinstance(value, bool) and (
                not target.values or str(value) in target.values
            )
        return isinstance(value, str) and (not target.values or value in target.values)
    if isinstance(target, ArraySchema):
        if not isinstance(value, list):
            return False
        few = limits.min_items is not None and len(value) < limits.min_items
        many = limits.max_items is not None and len(value) > limits.max_items
        return not (few or many) and all(
            fits(v, target.items, api, None, depth + 1) for v in value
        )
    if isinstance(target, MapSchema):
        return isinstance(value, dict) and all(
            fits(v, target.values, api, None, depth + 1) for v in value.values()
        )
    return _fits_object(value, target, api, depth)


def _fits_object(value: object, schema: Schema, api: Api, depth: int) -> bool:
    if not isinstance(value, dict):
        return False
    props = {p.name: p for p in properties(schema, api)}
    extra = schema.additional_properties if isinstance(schema, ObjectSchema) else None
    if not props:
        return extra is None or all(fits(v, extra, api, None, depth + 1) for v in value.values())
    if any(p.required and p.name not in value for p in props.values()):
        return False
    for key, item in value.items():
        prop = props.get(key)
        if prop is None:
            if extra is None or not fits(item, extra, api, None, depth + 1):
                return False
        elif not (item is None and not prop.required) and not fits(
            item, prop.schema, api, prop.constraints, depth + 1
        ):
            return False
    return True


def sample(
    schema: Schema | None,
    api: Api,
    constraints: Constraints | None = None,
    hints: tuple[DocValue | None, ...] = (),
    depth: int = 0,
) -> object:
    """A value for ``schema``: the first hint (example, default) that fits, those a person
    wrote before generated placeholders, else one built from the schema."""
    if depth:
        return _sample(schema, api, constraints, hints, depth)
    # A pure function of its values and the definitions: kept between incremental runs.
    compute = partial(_sample, schema, api, constraints, hints, 0)
    return remembered_over("samples.sample", api.definitions, compute, schema, constraints, hints)


def _sample(
    schema: Schema | None,
    api: Api,
    constraints: Constraints | None,
    hints: tuple[DocValue | None, ...],
    depth: int,
) -> object:
    limits = constraints or _NO_LIMITS
    for generated in (False, True):  # hints a person wrote first, each in order
        for hint in hints:
            if hint is not None and hint.generated == generated and fits(
                hint.value, schema, api, limits
            ):
                return hint.value
    target = resolve(schema, api) if schema is not None else None
    if target is None:
        return {} if schema is not None else None
    if isinstance(target, FileSchema):
        return "file content"
    if isinstance(target, PrimitiveSchema):
        return _sample_primitive(target, limits)
    if isinstance(target, AnySchema):
        return {} if target.type == "object" else "value"
    if isinstance(target, EnumSchema):
        first = target.values[0] if target.values else ("0" if target.type == "integer" else "")
        return int(first) if target.type == "integer" and _is_int(first) else first
    if isinstance(target, ArraySchema):
        # Two items, so a collection format (csv vs multi) shows on the wire.
        count = max(2, limits.min_items or 0)
        if limits.max_items is not None:
            count = min(count, limits.max_items)
        if count <= 0:
            return []
        # Items alike: one built, the others copies (no aliasing; same values).
        item = sample(target.items, api, None, (), depth + 1)
        return [item, *(_copy(item) for _ in range(count - 1))]
    if isinstance(target, MapSchema):
        return {"key": sample(target.values, api, None, (), depth + 1)}
    result: dict[str, object] = {}
    for prop in properties(target, api):
        if prop.read_only and not prop.required:
            continue
        if depth >= MAX_DEPTH and not prop.required:
            continue
        result[prop.name] = sample(
            prop.schema, api, prop.constraints, (prop.example, prop.default), depth + 1
        )
    return result


def _copy(value: object) -> object:
    """A copy of a JSON value: its own dicts and lists, the same leaves."""
    if type(value) is dict:
        return {key: _copy(item) for key, item in value.items()}
    if type(value) is list:
        return [_copy(item) for item in value]
    return value


def _sample_primitive(schema: PrimitiveSchema, limits: Constraints) -> object:
    if schema.type == "string":
        text = _FORMAT_SAMPLES.get(schema.format or "", "string")
        if limits.min_length is not None and len(text) < limits.min_length:
            text = text + "x" * (limits.min_length - len(text))
        if limits.max_length is not None:
            text = text[: limits.max_length]
        return text
    if schema.type in {"integer", "number"}:
        low = limits.minimum
        high = limits.maximum
        value: int | float = 0
        if low is not None and (value < low or (limits.exclusive_minimum and value <= low)):
            value = low + 1 if limits.exclusive_minimum else low
        if high is not None and (value > high or (limits.exclusive_maximum and value >= high)):
            value = high - 1 if limits.exclusive_maximum else high
        return int(value) if schema.type == "integer" else float(value)
    if schema.type == "boolean":
        return True
    return "value"


def _in_bounds(value: int | float, limits: Constraints) -> bool:
    if limits.minimum is not None and (
        value < limits.minimum or (limits.exclusive_minimum and value == limits.minimum)
    ):
        return False
    return limits.maximum is None or not (
        value > limits.maximum or (limits.exclusive_maximum and value == limits.maximum)
    )


def _matches(value: str, pattern: str | None) -> bool:
    if not pattern:
        return True
    try:
        return re.search(pattern, value) is not None
    except re.error:  # an ECMA pattern Python cannot read: do not judge by it
        return True


def _is_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


def _is_int(text: str) -> bool:
    try:
        int(text)
    except ValueError:
        return False
    return True




def authored(value: DocValue | None) -> DocValue | None:
    """``value`` unless it is a placeholder Swagger2Markup generated (`DocValue.generated`):
    what documentation and the OpenAPI document may show as an example of the API."""
    return None if value is None or value.generated else value


def kind_fits(value: object, schema: Schema | None, api: Api) -> bool:
    """Whether a value has the JSON kind ``schema`` declares (object, array, string...),
    without looking inside: catches placeholders (``"object"`` for a map) and nothing
    subtler, for places that keep imperfect examples rather than drop them."""
    target = resolve(schema, api) if schema is not None else None
    if schema is None or isinstance(target, AnySchema | FileSchema):
        return True
    if target is None or isinstance(target, MapSchema | ObjectSchema | AllOfSchema):
        return isinstance(value, dict)
    if isinstance(target, ArraySchema):
        return isinstance(value, list)
    if isinstance(target, EnumSchema):
        return not isinstance(value, dict | list)
    return fits(value, target, api)


__all__ = ["authored", "fits", "is_json_value", "kind_fits", "properties", "resolve", "sample"]
