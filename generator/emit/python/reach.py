"""Which definitions a slice of the Python package is made of, and digests of them.

A model module reads the content of its definition and of the definitions its hints
expand (non-class definitions written out where they are used, ``allOf`` parts
flattened into the class: `Reach.expanded_from`). An operation reads the content of
every definition it references, directly or through others (docstrings, samples and
pager detection follow them): `Reach.reached_digests`. The keys of
`generator.emit.python.reuse` are made from these digests, each definition's taken
once per package view.
"""

from __future__ import annotations

from generator.emit.incremental.keys import content_digest
from generator.emit.links import references
from generator.hashing import hash_parts
from generator.model import (
    AllOfSchema,
    ArraySchema,
    Definition,
    MapSchema,
    ObjectSchema,
    Operation,
    Reference,
    RefSchema,
    Schema,
)


class Reach:
    """The definitions of one API, and what reaches what among them."""

    def __init__(self, definitions: dict[str, Definition], class_keys: set[str]) -> None:
        self.definitions = definitions
        self.class_keys = class_keys
        self._digests: dict[str, bytes] = {}
        self._deps: dict[str, tuple[str, ...]] = {}
        self._refs: dict[str, tuple[str, ...]] = {}
        self._targets: dict[int, tuple[Operation, tuple[str, ...]]] = {}

    def digest(self, key: str) -> bytes:
        """A digest of definition ``key``'s content (and of its key: a missing one
        digests as missing)."""
        known = self._digests.get(key)
        if known is None:
            definition = self.definitions.get(key)
            data = b"-" if definition is None else content_digest(definition)
            known = self._digests[key] = hash_parts(key.encode(), data)
        return known

    def reached_digests(self, operations: list[Operation]) -> list[bytes]:
        """Digests of the content of every definition ``operations`` reference,
        directly or through others, in the order of their keys."""
        reached: set[str] = set()
        todo = [t for o in operations for t in self.targets(o)]
        while todo:
            key = todo.pop()
            if key not in reached:
                reached.add(key)
                todo.extend(self.references(key))
        return [self.digest(k) for k in sorted(reached)]

    def targets(self, operation: Operation) -> tuple[str, ...]:
        """The definitions ``operation`` references directly."""
        known = self._targets.get(id(operation))
        if known is None or known[0] is not operation:
            found = tuple(r.target for r in _operation_refs(operation) if r.target)
            known = self._targets[id(operation)] = (operation, found)
        return known[1]

    def references(self, key: str) -> tuple[str, ...]:
        """The definitions definition ``key`` references directly."""
        known = self._refs.get(key)
        if known is None:
            definition = self.definitions.get(key)
            refs = references(definition.schema) if definition is not None else []
            known = self._refs[key] = tuple(t for r in refs if (t := r.target))
        return known

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


def _operation_refs(operation: Operation) -> list[Reference]:
    schemas = [p.schema for p in operation.parameters]
    schemas += [r.schema for r in operation.responses if r.schema is not None]
    return [r for schema in schemas for r in references(schema)]


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
