"""Which definitions a slice of the Python package is made of, and digests of them.

A model module reads the content of its definition and of the definitions its hints
expand (non-class definitions written out where they are used, ``allOf`` parts
flattened into the class: `Reach.expanded_from`). An operation reads the content of
every definition it references, directly or through others (docstrings, samples and
pager detection follow them): `Reach.reached_digests`, from the link graph every
target shares (`generator.emit.reach`). The keys of `generator.emit.python.reuse`
are made from these digests.
"""

from __future__ import annotations

from generator.emit.reach import LinkGraph
from generator.model import (
    AllOfSchema,
    ArraySchema,
    MapSchema,
    ObjectSchema,
    Operation,
    RefSchema,
    Schema,
)


class Reach:
    """The definitions of one API, and what reaches what among them."""

    def __init__(self, graph: LinkGraph, class_keys: set[str]) -> None:
        self.graph = graph
        self.definitions = graph.api.definitions_by_key
        self.class_keys = class_keys
        self._deps: dict[str, tuple[str, ...]] = {}

    def digest(self, key: str) -> bytes:
        """A digest of definition ``key``'s content (and of its key: a missing one
        digests as missing)."""
        return self.graph.digest(key)

    def reached_digests(self, operations: list[Operation]) -> list[bytes]:
        """Digests of the content of every definition ``operations`` reference,
        directly or through others, in the order of their keys."""
        return [self.graph.digest(k) for k in self.graph.reached(operations)]

    def expanded_from(self, key: str) -> set[str]:
        """The definitions whose content the model module of ``key`` is made of."""
        seen: set[str] = set()
        todo = [key]
        while todo:
            for target in self._expanded(todo.pop()):
                if target not in seen and target != key:
                    seen.add(target)
                    todo.append(target)
        return seen

    def _expanded(self, key: str) -> tuple[str, ...]:
        known = self._deps.get(key)
        if known is None:
            definition = self.definitions.get(key)
            found: list[str] = []
            if definition is not None:
                schema = definition.schema
                if isinstance(schema, RefSchema) and schema.ref.target is not None:
                    # An alias: ``allOf`` flattening follows it even to a class.
                    found.append(schema.ref.target)
                _expands(schema, self.class_keys, found)
            known = self._deps[key] = tuple(found)
        return known


def _expands(schema: Schema | None, classes: set[str], found: list[str]) -> None:
    """The definitions whose content ``schema``'s hints and fields are made of: those
    referenced but not classes (expanded in place), and ``allOf`` parts (flattened)."""
    if isinstance(schema, RefSchema):
        target = schema.ref.target
        if target is not None and target not in classes:
            found.append(target)
    elif isinstance(schema, ArraySchema):
        _expands(schema.items, classes, found)
    elif isinstance(schema, MapSchema):
        _expands(schema.values, classes, found)
    elif isinstance(schema, ObjectSchema):
        for prop in schema.properties:
            _expands(prop.schema, classes, found)
        _expands(schema.additional_properties, classes, found)
    elif isinstance(schema, AllOfSchema):
        for part in schema.parts:
            if isinstance(part, RefSchema) and part.ref.target is not None:
                found.append(part.ref.target)
            else:
                _expands(part, classes, found)
