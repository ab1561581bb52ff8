"""Verdicts on body and response examples, remembered within a run and across runs.

Whether a body or response example is a placeholder (`Placeholders.body`,
`Placeholders.response`) takes a walk of the value in step with every definition its
schema reaches: on Kubernetes ~260 distinct examples, ~57,000 property checks, about
half of marking. Docs repeat one example under every operation that returns it, and
after a one-page edit nearly every example and definition is what it was, so
`Verdicts` decides each one once:

- within a run, by the rule, the schema's `signature` and the example's text (the
  value is parsed from the text);
- across runs, in a `VerdictStore` (a map slot of the cache helper,
  `generator.cache.VERDICTS`, one per API): each verdict is kept with the keys of the
  definitions its walk looked up and a digest of their signatures. A later run takes
  it only when every one of those definitions has the same signature now (a missing
  one counts as missing), and walks again otherwise, so an edit re-decides exactly the
  verdicts whose walk could go differently.

A `signature` is every field of a definition or schema that the checks read (and a
few more): names, reference targets and anchors, types, formats, enum values, the
value of an example a person wrote; no descriptions or source locations, so a
reworded description elsewhere on a page keeps its verdicts. It must grow with the
checks: a field `Placeholders` starts reading belongs in it. This module, the
resolver and the parser are inputs of the cache's key, so a changed md2sdk never
reuses a verdict made by another.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from generator import hashing
from generator.cache import VERDICTS, Cache
from generator.cache_map import MapSlot
from generator.model import (
    AllOfSchema,
    AnySchema,
    Api,
    ArraySchema,
    Definition,
    DocValue,
    EnumSchema,
    FileSchema,
    MapSchema,
    ObjectSchema,
    PrimitiveSchema,
    RefSchema,
    Schema,
)

Verdict = tuple[bool, tuple[str, ...], bytes]
"""A stored verdict: the answer, the definition keys its walk looked up, the digest of
their signatures (`Verdicts.digest`)."""

T = TypeVar("T")

_MISSING = hashing.digest(b"no such definition", 16)


def _written(value: DocValue | None) -> object:
    """What the checks read of an example: its value when a person wrote it."""
    return None if value is None or value.generated else ("written", value.value)


def signature(schema: Schema) -> tuple[object, ...]:
    """The fields of ``schema`` the placeholder checks read, as a plain value."""
    kind = type(schema)
    if kind is RefSchema:
        assert isinstance(schema, RefSchema)
        return ("ref", schema.ref.target, schema.ref.anchor)
    if kind is PrimitiveSchema:
        assert isinstance(schema, PrimitiveSchema)
        return ("primitive", schema.type, schema.format)
    if kind is ObjectSchema:
        assert isinstance(schema, ObjectSchema)
        extra = schema.additional_properties
        return (
            "object",
            tuple([(p.name, _written(p.example), signature(p.schema)) for p in schema.properties]),
            None if extra is None else signature(extra),
        )
    if kind is ArraySchema:
        assert isinstance(schema, ArraySchema)
        return ("array", signature(schema.items))
    if kind is MapSchema:
        assert isinstance(schema, MapSchema)
        return ("map", signature(schema.values))
    if kind is EnumSchema:
        assert isinstance(schema, EnumSchema)
        ref = schema.ref
        linked = None if ref is None else (ref.target, ref.anchor)
        return ("enum", schema.values, schema.type, linked)
    if kind is AllOfSchema:
        assert isinstance(schema, AllOfSchema)
        return ("allOf", tuple([signature(p) for p in schema.parts]))
    if kind is AnySchema:
        assert isinstance(schema, AnySchema)
        return ("any", schema.type)
    if kind is FileSchema:
        return ("file",)
    raise TypeError(f"no signature for {kind.__name__}")  # a new kind of schema


def definition_signature(definition: Definition) -> tuple[object, ...]:
    """The fields of ``definition`` the checks read (`signature` for its schema)."""
    written = definition.example is not None and not definition.example.generated
    return (
        definition.key,
        definition.unresolved,
        definition.polymorphism is not None,
        written,
        signature(definition.schema),
    )


def _digest(value: object) -> bytes:
    # repr of nested tuples of str, numbers, None and JSON values is exact and stable.
    text = repr(value).encode("utf-8", "surrogatepass")
    return hashing.digest(text, 16)


def _stored_key(parts: tuple[str, str, str]) -> bytes:
    return hashing.hash_parts(*(p.encode("utf-8", "surrogatepass") for p in parts), size=16)


class VerdictStore:
    """The verdicts kept for API ``slot`` under ``cache_dir`` (None: nothing is kept)."""

    def __init__(self, cache_dir: Path | None, slot: str) -> None:
        self.cache = Cache(cache_dir, VERDICTS)
        key = self.cache.key("verdicts", slot) if cache_dir is not None else ""
        self.stored: MapSlot[bytes, Verdict] = MapSlot(
            self.cache, key, slot, size=lambda v: 32 + 8 * len(v[1]), valid=_valid
        )
        self.known = self.stored.load()
        self.now: dict[bytes, Verdict] = {}
        """The verdicts this run asked for."""

    def save(self) -> None:
        """Keep exactly this run's verdicts (a delta when few changed)."""
        if self.cache.root is not None and self.now != self.known:
            self.stored.save(self.now)


def _valid(key: object, value: object) -> bool:
    return (
        isinstance(key, bytes)
        and isinstance(value, tuple)
        and len(value) == 3
        and isinstance(value[0], bool)
        and isinstance(value[1], tuple)
        and all(isinstance(k, str) for k in value[1])
        and isinstance(value[2], bytes)
    )


class Verdicts:
    """This run's verdicts over ``api`` (see the module doc); ``store`` keeps them
    across runs (None: within this run only)."""

    def __init__(self, api: Api, store: VerdictStore | None = None) -> None:
        self.api = api
        self.store = store
        self._seen: dict[tuple[str, str, str], bool] = {}
        self._reached_by: dict[tuple[str, str, str], tuple[str, ...]] = {}
        self._digests: dict[str, bytes] = {}
        self._reached: set[str] | None = None
        self._asked: list[bytes] | None = None
        self._read: set[str] | None = None

    def traced(self, asked: list[bytes], read: set[str], mark: Callable[[], T]) -> T:
        """``mark()``, the keys of the stored verdicts it asks for appended to ``asked``
        (for `carry` in a run that takes its result from `generator.resolve.memo`), and
        the keys of the definitions its answers depend on added to ``read``: those it
        looks up, and those each verdict it takes looked up when it was decided."""
        self._asked, self._read = asked, read
        try:
            return mark()
        finally:
            self._asked, self._read = None, None

    def carry(self, keys: tuple[bytes, ...]) -> None:
        """Keep the stored verdicts ``keys`` as asked for this run: a result made from
        them is taken again without asking (the store keeps only what a run asked)."""
        store = self.store
        if store is None:
            return
        for key in keys:
            kept = store.known.get(key)
            if kept is not None:
                store.now.setdefault(key, kept)

    def definition(self, key: str) -> Definition | None:
        """``api.definition(key)``, noted as read by the verdict being decided."""
        if self._reached is not None:
            self._reached.add(key)
        if self._read is not None:
            self._read.add(key)
        return self.api.definition(key)

    def decide(self, rule: str, schema: Schema, text: str, check: Callable[[], bool]) -> bool:
        """The verdict of ``check`` (the walk of the example ``text`` under ``rule``)."""
        ident = (rule, repr(signature(schema)), text)
        if self._asked is not None and self.store is not None:
            self._asked.append(_stored_key(ident))
        found = self._seen.get(ident)
        if found is None:
            found, reached = self._decided(ident, check)
            self._seen[ident], self._reached_by[ident] = found, reached
        elif self._read is not None:
            self._read.update(self._reached_by[ident])
        return found

    def _decided(
        self, ident: tuple[str, str, str], check: Callable[[], bool]
    ) -> tuple[bool, tuple[str, ...]]:
        """The verdict and the keys of the definitions it depends on."""
        store = self.store
        key = _stored_key(ident) if store is not None else b""
        kept = store.known.get(key) if store is not None else None
        if store is not None and kept is not None and self.digest(kept[1]) == kept[2]:
            store.now[key] = kept
            if self._read is not None:
                self._read.update(kept[1])
            return kept[0], kept[1]
        outer, self._reached = self._reached, set()
        try:
            verdict = check()
            reached = tuple(sorted(self._reached))
        finally:
            self._reached = outer
        if store is not None:
            store.now[key] = (verdict, reached, self.digest(reached))
        return verdict, reached

    def digest(self, keys: tuple[str, ...]) -> bytes:
        """A digest of the signatures of the definitions ``keys`` as they are now."""
        digests = self._digests
        parts = []
        for key in keys:
            found = digests.get(key)
            if found is None:
                definition = self.api.definition(key)
                found = digests[key] = (
                    _MISSING if definition is None else _digest(definition_signature(definition))
                )
            parts.append(found)
        return hashing.digest(b"".join(parts), 16)
