"""Where in the docs an SDK surface element comes from.

The surface names its sources (``definition:<key>``, ``operation:<METHOD /path>``);
this finds them in the model of the same side, down to the properties-table row of a
model field, so an SDK-level change points at the markdown line that caused it.
"""

from __future__ import annotations

from generator.diff.schema_shapes import follow
from generator.diff.wire import operation_key
from generator.location import SourceLocation
from generator.model import (
    NOWHERE,
    AllOfSchema,
    Api,
    ArraySchema,
    MapSchema,
    ObjectSchema,
    Operation,
    Schema,
)


class Locator:
    """Looks up the docs location of operations, definitions and their fields."""

    def __init__(self, api: Api) -> None:
        self.api = api
        self.operations: dict[str, Operation] = {}
        for op in api.operations:
            self.operations.setdefault(operation_key(op), op)

    def operation(self, key: str) -> SourceLocation:
        op = self.operations.get(key)
        return op.location if op is not None else self._fallback()

    def parameter(self, key: str, wire: str) -> SourceLocation:
        """The Parameters-table row of ``wire`` in the operation ``key``."""
        op = self.operations.get(key)
        if op is None:
            return self._fallback()
        found = next((p.location for p in op.parameters if p.name == wire), None)
        return found or op.location

    def source(self, source: str) -> SourceLocation:
        kind, _, key = source.partition(":")
        if kind == "definition":
            definition = self.api.definition(key)
            if definition is not None:
                return definition.location
        if kind == "operation":
            return self.operation(key)
        return self._fallback()

    def field(self, source: str, wire: str) -> SourceLocation:
        """The row of property ``wire`` under the source (first found, depth first)."""
        kind, _, key = source.partition(":")
        schemas: list[Schema] = []
        if kind == "definition" and (definition := self.api.definition(key)) is not None:
            schemas.append(definition.schema)
        elif kind == "operation" and (op := self.operations.get(key)) is not None:
            schemas += [p.schema for p in op.parameters]
            schemas += [r.schema for r in op.responses if r.schema is not None]
        found = self._find(schemas, wire)
        return found if found is not None else self.source(source)

    def _find(self, schemas: list[Schema], wire: str) -> SourceLocation | None:
        seen: set[str] = set()
        stack = list(reversed(schemas))
        while stack:
            node = follow(self.api, stack.pop())
            if node.key is not None:
                if node.key in seen:
                    continue
                seen.add(node.key)
            schema = node.schema
            if isinstance(schema, ObjectSchema):
                for prop in schema.properties:
                    if prop.name == wire:
                        return prop.location
                stack += [p.schema for p in reversed(schema.properties)]
                if schema.additional_properties is not None:
                    stack.append(schema.additional_properties)
            elif isinstance(schema, AllOfSchema):
                stack += list(reversed(schema.parts))
            elif isinstance(schema, ArraySchema):
                stack.append(schema.items)
            elif isinstance(schema, MapSchema):
                stack.append(schema.values)
        return None

    def _fallback(self) -> SourceLocation:
        if self.api.overview is not None:
            return self.api.overview.location
        return SourceLocation(self.api.pages[0]) if self.api.pages else NOWHERE
