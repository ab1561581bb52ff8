"""Schemas as the diff sees them: references followed, kinds, docs-like descriptions,
properties by name and constraint keywords that tighten or loosen."""

from __future__ import annotations

from dataclasses import dataclass

from generator.location import SourceLocation
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


def squash(text: str) -> str:
    """Text with its whitespace collapsed: re-wrapping a description is no change."""
    return " ".join(text.split())


def value_text(value: DocValue | None) -> str | None:
    return None if value is None else value.text


@dataclass(frozen=True)
class Node:
    """A schema with references followed, and the definition it came from (if any)."""

    schema: Schema
    key: str | None = None
    name: str | None = None
    location: SourceLocation | None = None


def follow(api: Api, schema: Schema) -> Node:
    """``schema`` with references resolved; an unresolved one stays a `RefSchema`."""
    node = Node(schema)
    seen: set[str] = set()
    while isinstance(node.schema, RefSchema):
        target = node.schema.ref.target
        definition = api.definition(target) if target else None
        if definition is None or definition.unresolved or definition.key in seen:
            return node
        seen.add(definition.key)
        node = Node(definition.schema, definition.key, definition.name, definition.location)
    return node


def kind(schema: Schema) -> str:
    """The shape of a schema for comparison; enums are their base type (values apart)."""
    if isinstance(schema, PrimitiveSchema):
        return schema.type
    if isinstance(schema, EnumSchema):
        return schema.type
    if isinstance(schema, ArraySchema):
        return "array"
    if isinstance(schema, MapSchema):
        return "map"
    if isinstance(schema, ObjectSchema):
        if schema.properties:
            return "object"
        return "map" if schema.additional_properties is not None else "any"
    if isinstance(schema, AllOfSchema):
        return "object"
    if isinstance(schema, FileSchema):
        return "file"
    if isinstance(schema, RefSchema):
        return f"unresolved {schema.ref.name}"
    assert isinstance(schema, AnySchema)
    return "any"


def describe(schema: Schema | None) -> str:
    """A schema as the docs print it (``< string > array``, ``enum (a, b)``, ``Pet``)."""
    if schema is None:
        return "No Content"
    if isinstance(schema, PrimitiveSchema):
        return f"{schema.type} ({schema.format})" if schema.format else schema.type
    if isinstance(schema, EnumSchema):
        return f"enum ({', '.join(schema.values)})"
    if isinstance(schema, ArraySchema):
        return f"< {describe(schema.items)} > array"
    if isinstance(schema, MapSchema):
        return f"< string, {describe(schema.values)} > map"
    if isinstance(schema, RefSchema):
        return schema.ref.name
    extra = schema.additional_properties if isinstance(schema, ObjectSchema) else None
    if isinstance(schema, ObjectSchema) and extra is not None and not schema.properties:
        return f"< string, {describe(schema.additional_properties)} > map"
    if isinstance(schema, FileSchema):
        return "file"
    if isinstance(schema, AnySchema):
        return schema.type or "any"
    return "object"


def properties(api: Api, schema: Schema, seen: frozenset[str] = frozenset()) -> dict[str, Property]:
    """An object's properties by name, ``allOf`` parts merged in document order."""
    if isinstance(schema, ObjectSchema):
        found: dict[str, Property] = {}
        for prop in schema.properties:
            found.setdefault(prop.name, prop)
        return found
    if isinstance(schema, AllOfSchema):
        merged: dict[str, Property] = {}
        for part in schema.parts:
            merged.update(properties(api, part, seen))
        return merged
    if isinstance(schema, RefSchema):
        node = follow(api, schema)
        if node.key is not None and node.key not in seen:
            return properties(api, node.schema, seen | {node.key})
    return {}


# Bounds that tighten when they grow (minimums) and when they shrink (maximums).
_LOWER = ("min_length", "minimum", "min_items")
_UPPER = ("max_length", "maximum", "max_items")
_NAMES = {
    "min_length": "minLength",
    "max_length": "maxLength",
    "minimum": "minimum",
    "maximum": "maximum",
    "min_items": "minItems",
    "max_items": "maxItems",
}


def constraint_changes(old: Constraints, new: Constraints) -> list[tuple[str, str, str, str]]:
    """``(tightened | loosened | pattern, keyword, old, new)`` for each changed keyword."""
    out: list[tuple[str, str, str, str]] = []
    for attr in (*_LOWER, *_UPPER):
        before, after = getattr(old, attr), getattr(new, attr)
        if before == after:
            continue
        if before is None or after is None:
            way = "tightened" if before is None else "loosened"
        elif attr in _LOWER:
            way = "tightened" if after > before else "loosened"
        else:
            way = "tightened" if after < before else "loosened"
        out.append((way, _NAMES[attr], show(before), show(after)))
    for attr, bound in (("exclusive_minimum", "minimum"), ("exclusive_maximum", "maximum")):
        before, after = getattr(old, attr), getattr(new, attr)
        both = getattr(old, bound) is not None and getattr(new, bound) is not None
        if before != after and both:
            way = "tightened" if after else "loosened"
            out.append((way, f"exclusive {bound}", str(before).lower(), str(after).lower()))
    if old.pattern != new.pattern:
        way = (
            "tightened" if old.pattern is None else "loosened" if new.pattern is None else "pattern"
        )
        out.append((way, "pattern", show(old.pattern), show(new.pattern)))
    return out


def show(value: object) -> str:
    return "none" if value is None else str(value)


def map_values(schema: Schema) -> Schema:
    if isinstance(schema, MapSchema):
        return schema.values
    assert isinstance(schema, ObjectSchema) and schema.additional_properties is not None
    return schema.additional_properties
