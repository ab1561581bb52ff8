"""The references a schema holds: which definitions a model part reaches.

Target-neutral (the OpenAPI document, the python and tests targets' unit keys all
follow links to know what an operation or definition depends on), so it lives beside
the emitters rather than in one of them.
"""

from __future__ import annotations

from generator.model import (
    AllOfSchema,
    ArraySchema,
    EnumSchema,
    MapSchema,
    ObjectSchema,
    Reference,
    RefSchema,
    Schema,
)


def references(schema: Schema) -> list[Reference]:
    """The links a schema holds, at any depth, in document order."""
    if isinstance(schema, RefSchema):
        return [schema.ref]
    if isinstance(schema, EnumSchema):
        return [schema.ref] if schema.ref is not None else []
    if isinstance(schema, ArraySchema):
        return references(schema.items)
    if isinstance(schema, MapSchema):
        return references(schema.values)
    if isinstance(schema, ObjectSchema):
        found = [r for p in schema.properties for r in references(p.schema)]
        if schema.additional_properties is not None:
            found += references(schema.additional_properties)
        return found
    if isinstance(schema, AllOfSchema):
        return [r for part in schema.parts for r in references(part)]
    return []
