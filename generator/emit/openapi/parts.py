"""OpenAPI operations and component schemas taken from the last run when unchanged.

The document is rendered in parts: each operation (``operation.yaml.jinja``) and each
component schema (``schema.yaml.jinja``) on its own, then joined by
``document.yaml.jinja``. A part is a function of its slice of the model (the
operation or definition, every definition it reaches: fit checks of examples follow
references), the document's settings (OpenAPI version, default media types, the
defined security schemes' names), the component names of what it references, and the
state the parts before it left: the ``operationId`` values taken so far (a clashing
id gets a suffix) and the stand-ins for links to definitions the docs lack (named in
order of first use). `DocumentParts` keys each part by a digest of those (a running
chain carries the state), and on a hit takes the rendered text from the last run and
replays what building it did: its id taken, its stand-ins added, its diagnostics.

Parts that read more than that are built every run: an operation naming a security
scheme the docs do not define (the scheme writer infers one), a definition without a
page (its stand-in names the first link to it, anywhere), and every component schema
of an API with inheritance (a parent takes its child's discriminator).
"""

from __future__ import annotations

from collections.abc import Callable

from jinja2 import Environment

from generator.diagnostics import Diagnostic, Diagnostics
from generator.emit.incremental.keys import content_bytes, content_digest
from generator.emit.incremental.units import UnitMemo
from generator.emit.openapi.schemas import Json, SchemaWriter
from generator.emit.openapi.view import operation_view
from generator.emit.reach import LinkGraph, definition_links, link_graph, operation_links
from generator.hashing import hash_parts
from generator.model import (
    Api,
    Definition,
    Operation,
    PolymorphismNature,
    Reference,
)

OPERATION = "openapi/operation.yaml.jinja"
SCHEMA = "openapi/schema.yaml.jinja"

Record = tuple[str, tuple[Reference, ...], tuple[Diagnostic, ...]]
"""What building a part did besides its text: the ``operationId`` it took (``""`` for
a component), the links to missing definitions it added stand-ins for, in order, and
the diagnostics it reported."""


class Reused(dict[str, object]):
    """A part taken from the last run: its rendered text, in the place of its
    (unbuilt, empty) schema or operation."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class DocumentParts:
    """The parts of one document: looked up, built, rendered and kept."""

    def __init__(self, memo: UnitMemo | None, env: Environment) -> None:
        self.memo = memo
        self.env = env
        self.chain = b""
        self._closures: dict[str, bytes] = {}
        self._api: Api | None = None
        self._links: LinkGraph | None = None
        self._schemas: SchemaWriter | None = None
        self._local = Diagnostics()
        self._components = False
        self._pending: dict[int, tuple[Json, bytes, Record]] = {}
        """The parts built this run, by identity, to be kept once rendered."""

    def bind(
        self, api: Api, schemas: SchemaWriter, local: Diagnostics, settings: object
    ) -> None:
        """Start a document: its API, schema writer, the collector its writers report
        to, and its settings (plain data every part reads)."""
        self._api, self._schemas, self._local = api, schemas, local
        self._links = link_graph(api)
        self._components = not any(
            d.polymorphism is not None
            and d.polymorphism.nature is PolymorphismNature.INHERITANCE
            for d in api.definitions
        )
        self.chain = hash_parts(b"openapi", content_bytes(settings))

    # ---------------------------------------------------------------- building

    def component(self, definition: Definition, build: Callable[[], Json]) -> Json:
        """``build()`` (the definition's schema), or the kept part."""
        if not self._components or definition.unresolved:
            return self._built(b"", build)
        assert self._links is not None
        key = self._key(self._links.digest(definition.key), definition_links(definition))
        return self._part(key, build)

    def operation(
        self, op: Operation, build: Callable[[], Json], claim: Callable[[str], None]
    ) -> Json:
        """``build()`` (the operation), or the kept part, whose ``operationId`` is
        ``claim``ed as building it would have."""
        api = self._api
        assert api is not None
        fixed = all(
            (s := api.scheme(r.scheme.target or r.scheme.anchor or r.scheme.name)) is not None
            and not s.inferred
            for r in op.security or ()
        )
        if not fixed:
            return self._built(b"", build)
        key = self._key(content_digest(op), operation_links(op))
        return self._part(key, build, claim)

    def _part(
        self, key: bytes, build: Callable[[], Json], claim: Callable[[str], None] | None = None
    ) -> Json:
        kept = self.memo.get(key) if self.memo is not None and key else None
        if not _is_part(kept):
            return self._built(key, build)
        assert isinstance(kept, tuple)
        text, (taken, stand_ins, reported) = kept
        schemas = self._schemas
        assert schemas is not None
        if taken and claim is not None:
            claim(taken)
        for reference in stand_ins:
            schemas.ref(reference)
        self._local.extend(reported)
        self._advance(taken, stand_ins)
        return Reused(text)

    def _built(self, key: bytes, build: Callable[[], Json]) -> Json:
        schemas = self._schemas
        assert schemas is not None
        missing, reported = len(schemas.missing), len(self._local)
        json = build()
        stand_ins = tuple(list(schemas.missing.values())[missing:])
        taken = json.get("operationId")
        record: Record = (
            taken if isinstance(taken, str) else "",
            stand_ins,
            tuple(list(self._local)[reported:]),
        )
        self._advance(record[0], stand_ins)
        if key:
            self._pending[id(json)] = (json, key, record)
        return json

    # --------------------------------------------------------------- rendering

    def operation_text(self, method: str, part: Json) -> str:
        """The block of one operation (``part`` as `operation` gave it)."""
        return self._text(part, lambda op: self._render(OPERATION, op=operation_view(method, op)))

    def schema_text(self, name: str, part: Json) -> str:
        """One ``components/schemas`` entry (``part`` as `component` gave it, or a
        plain schema: a stand-in, or one an inheritance pass completed)."""
        return self._text(part, lambda schema: self._render(SCHEMA, name=name, schema=schema))

    def _text(self, part: Json, render: Callable[[Json], str]) -> str:
        if isinstance(part, Reused):
            assert not part, "a kept part was changed after it was taken"
            return part.text
        text = render(part)
        pending = self._pending.pop(id(part), None)
        if pending is not None and pending[0] is part and self.memo is not None:
            self.memo.put(pending[1], (text, pending[2]))
        return text

    def _render(self, template: str, **context: object) -> str:
        return self.env.get_template(template).render(**context)

    # -------------------------------------------------------------------- keys

    def _key(self, item: bytes, links: tuple[str, ...]) -> bytes:
        """The key of a part whose own content digests to ``item`` and whose links
        name ``links`` (`generator.emit.reach`); empty without a memo."""
        if self.memo is None:
            return b""
        return hash_parts(self.chain, item, *(self._closure(k) for k in sorted(links)))

    def _closure(self, key: str) -> bytes:
        """A digest of the definition ``key`` and every definition it reaches, with
        their component names (fixed for the document; a stand-in's name, given on
        first use, follows from the chain)."""
        known = self._closures.get(key)
        if known is None:
            api, graph, schemas = self._api, self._links, self._schemas
            assert api is not None and graph is not None and schemas is not None
            names = schemas.names
            parts = [
                graph.digest(k) + (names[k].encode() if api.definition(k) is not None else b"")
                for k in sorted(graph.closure(key))
            ]
            known = self._closures[key] = hash_parts(*parts)
        return known

    def _advance(self, taken: str, stand_ins: tuple[Reference, ...]) -> None:
        self.chain = hash_parts(self.chain, content_bytes((taken, stand_ins)))


def _is_part(value: object) -> bool:
    """A kept part as `DocumentParts` stores it: ``(text, record)``."""
    if not (isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], str)):
        return False
    record = value[1]
    return (
        isinstance(record, tuple)
        and len(record) == 3
        and isinstance(record[0], str)
        and isinstance(record[1], tuple)
        and isinstance(record[2], tuple)
    )
