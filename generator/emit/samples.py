"""JSON values for schemas: what to use where the docs' example does not fit.

Generated tests call every operation with the docs' own example values and mock every
response with the docs' example body; OpenAPI examples feed mock servers. Docs examples
are often placeholders that do not fit (Swagger2Markup prints ``"object"`` for a map
response), so every consumer asks `generator.emit.fits.fits` first and falls back to
`sample`, a value built from the schema that honours enums, formats, lengths and bounds.

`sample` follows references through ``api``; recursion stops at a depth limit
(optional properties are left out there), so cyclic definitions terminate.

Example::

    >>> sample(ArraySchema(PrimitiveSchema("integer")), api)
    [0, 0]
"""

from __future__ import annotations

from functools import partial

from generator.emit.fits import MAX_DEPTH, NO_LIMITS, fits, is_int, properties, resolve
from generator.emit.incremental.active import remembered_over
from generator.model import (
    AnySchema,
    Api,
    ArraySchema,
    Constraints,
    DocValue,
    EnumSchema,
    FileSchema,
    MapSchema,
    PrimitiveSchema,
    Schema,
)

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
    compute = partial(_copied, schema, api, constraints, hints)
    return remembered_over("samples.sample", api.definitions, compute, schema, constraints, hints)


def _sample(
    schema: Schema | None,
    api: Api,
    constraints: Constraints | None,
    hints: tuple[DocValue | None, ...],
    depth: int,
) -> object:
    """`_build`, remembered for ``api`` (by the identity of its arguments, which the
    entry keeps alive): docs nest the same definitions under many operations (a cold
    Kubernetes tests target asks 120,000 times for 6,000 samples). The values share
    their parts: only `_copied`, the caller's own copy, may be changed."""
    if _KNOWN.api is not api:
        _KNOWN.clear()
        _KNOWN.api = api
    key = (id(schema), id(constraints), tuple([id(hint) for hint in hints]), depth)
    known = _KNOWN.get(key)
    if known is None:
        known = (_build(schema, api, constraints, hints, depth), (schema, constraints, hints))
        _KNOWN[key] = known
    return known[0]


def _copied(
    schema: Schema | None,
    api: Api,
    constraints: Constraints | None,
    hints: tuple[DocValue | None, ...],
) -> object:
    """A sample of its own for a caller, which may change it in place."""
    return _copy(_sample(schema, api, constraints, hints, 0))


class _Known(dict[tuple[int, int, tuple[int, ...], int], tuple[object, object]]):
    """`_sample`'s results for one model: by argument ids, each with its arguments."""

    api: Api | None = None


_KNOWN = _Known()


def _build(
    schema: Schema | None,
    api: Api,
    constraints: Constraints | None,
    hints: tuple[DocValue | None, ...],
    depth: int,
) -> object:
    limits = constraints or NO_LIMITS
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
        return int(first) if target.type == "integer" and is_int(first) else first
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


__all__ = ["sample"]
