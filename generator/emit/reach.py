"""Which definitions an operation or a definition reaches through its links.

Every target keys its kept parts by the content of what they read, and an operation
reads every definition its links reach, directly or through others (the OpenAPI
document's fit checks of examples, the python docstrings, samples and pager
detection, the tests' arguments). One walk serves them all: `LinkGraph` is the link
graph of one resolved API, made once per `Api` object and shared by the targets
that run in this process, and the links of an operation or a definition are kept by
identity, so a watching process's next run finds those of every part it took again
(`generator.resolve.memo`) without walking its schemas.

A link is followed by its ``target``, or, when the docs lack the page it names, by
its anchor (the OpenAPI document's stand-in is named after it); a key with no
definition reaches nothing and digests as missing.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.emit.incremental.keys import content_digest
from generator.emit.links import references
from generator.hashing import hash_parts
from generator.kept import ByIdentity
from generator.model import Api, Definition, Operation, Reference, Schema

_LINKS = ByIdentity[tuple[str, ...]]("generator.emit.reach:links")
_FIRST = ByIdentity[tuple[tuple[str, Reference], ...]]("generator.emit.reach:first")


def operation_links(operation: Operation) -> tuple[str, ...]:
    """The keys the links of ``operation``'s parameters, responses and response
    headers name, in document order, each once (kept by identity)."""
    return _LINKS.get(operation, lambda: _keys(_operation_schemas(operation)))


def definition_links(definition: Definition) -> tuple[str, ...]:
    """The keys the links of ``definition``'s schema name, in document order, each
    once (kept by identity)."""
    return _LINKS.get(definition, lambda: _keys([definition.schema]))


def first_links(part: Operation | Definition) -> tuple[tuple[str, Reference], ...]:
    """The first link to each key in an operation's parameters and response bodies
    (not its headers) or in a definition's schema, in document order: the link that
    names a missing page (`generator.emit.openapi.schemas`; kept by identity)."""
    return _FIRST.get(part, lambda: _first(_named_schemas(part)))


def _named_schemas(part: Operation | Definition) -> list[Schema | None]:
    if isinstance(part, Definition):
        return [part.schema]
    return [p.schema for p in part.parameters] + [r.schema for r in part.responses]


def _operation_schemas(operation: Operation) -> list[Schema | None]:
    schemas: list[Schema | None] = [p.schema for p in operation.parameters]
    for response in operation.responses:
        schemas.append(response.schema)
        schemas += [h.schema for h in response.headers]
    return schemas


def _keys(schemas: Iterable[Schema | None]) -> tuple[str, ...]:
    found = (
        key for s in schemas if s is not None for r in references(s)
        if (key := r.target or r.anchor)
    )  # fmt: skip
    return tuple(dict.fromkeys(found))


def _first(schemas: Iterable[Schema | None]) -> tuple[tuple[str, Reference], ...]:
    first: dict[str, Reference] = {}
    for schema in schemas:
        for ref in references(schema) if schema is not None else []:
            first.setdefault(ref.target or ref.anchor, ref)
    return tuple(first.items())


def prime(api: Api) -> None:
    """Take the digests and links every target asks of ``api``'s operations and
    definitions, kept by identity. A cold run's targets run in forked workers, which
    take them there: the state the run saves for the next process
    (`generator.resume`) would lack them, and that process would take them all."""
    for operation in api.operations:
        content_digest(operation)
        operation_links(operation)
        first_links(operation)
    for definition in api.definitions:
        content_digest(definition)
        definition_links(definition)
        first_links(definition)


class LinkGraph:
    """The link graph of one resolved API (see the module doc)."""

    def __init__(self, api: Api) -> None:
        self.api = api
        self._closures: dict[str, frozenset[str]] = {}
        self._digests: dict[str, bytes] = {}

    def links(self, key: str) -> tuple[str, ...]:
        """The keys definition ``key``'s links name (none for a missing one)."""
        definition = self.api.definition(key)
        return definition_links(definition) if definition is not None else ()

    def closure(self, key: str) -> frozenset[str]:
        """``key`` and every key its definition reaches, directly or through others."""
        known = self._closures.get(key)
        if known is None:
            reached = {key}
            todo = [key]
            while todo:
                for target in self.links(todo.pop()):
                    if target not in reached:
                        reached.add(target)
                        todo.append(target)
            known = self._closures[key] = frozenset(reached)
        return known

    def reached(self, operations: list[Operation]) -> list[str]:
        """The keys ``operations``' links reach, directly or through others, sorted."""
        found: set[str] = set()
        for operation in operations:
            for key in operation_links(operation):
                found |= self.closure(key)
        return sorted(found)

    def digest(self, key: str) -> bytes:
        """A digest of definition ``key``'s content and key (a missing one digests as
        missing)."""
        known = self._digests.get(key)
        if known is None:
            definition = self.api.definition(key)
            data = b"-" if definition is None else content_digest(definition)
            known = self._digests[key] = hash_parts(key.encode(), data)
        return known


_LAST: list[LinkGraph] = []
"""The last API's graph (one slot: a run emits one API's targets one after another)."""


def link_graph(api: Api) -> LinkGraph:
    """The link graph of ``api``, made once for the targets that read it."""
    if _LAST and _LAST[0].api is api:
        return _LAST[0]
    _LAST[:] = [LinkGraph(api)]
    return _LAST[0]
