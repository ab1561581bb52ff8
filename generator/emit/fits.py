"""Does a docs value fit its schema: the check every consumer of examples asks first.

Generated tests call every operation with the docs' own example values and mock every
response with the docs' example body; OpenAPI examples feed mock servers. Docs examples
are often placeholders that do not fit (Swagger2Markup prints ``"object"`` for a map
response), so every consumer asks `fits` first and falls back to
`generator.emit.samples.sample`, a value built from the schema.

`fits` follows references through ``api``; recursion stops at a depth limit, so cyclic
definitions terminate.

Example::

    >>> fits("object", MapSchema(PrimitiveSchema("string")), api)
    False
"""

from __future__ import annotations

import re
from datetime import date

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
NO_LIMITS = Constraints()
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
    limits = constraints or NO_LIMITS
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


def is_int(text: str) -> bool:
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


__all__ = [
    "NO_LIMITS", "authored", "fits", "is_int", "is_json_value", "kind_fits", "properties",
    "resolve",
]  # fmt: skip
