"""Reference resolution over the model's schemas and security requirements.

`SchemaResolver` rebuilds frozen model values with every `Reference.target` filled in:
a definition or scheme key when the API has one, else the key of a stand-in it creates
once per missing target (with a warning at each link). A link to an anchored inline
schema is replaced by the inline schema itself, resolved in turn; an inline schema that
reaches itself again (A → B → A) is promoted to a definition so the cycle is a
reference, never an infinite value.
"""

from __future__ import annotations

from generator.diagnostics import Diagnostics
from generator.model import (
    AllOfSchema,
    AnySchema,
    ArraySchema,
    Definition,
    EnumSchema,
    Header,
    MapSchema,
    ObjectSchema,
    Operation,
    Parameter,
    Reference,
    RefSchema,
    Response,
    Schema,
    SecurityRequirement,
    SecurityScheme,
)
from generator.parse.refs import anchor_key
from generator.resolve.evolve import evolve
from generator.resolve.index import Index, Target


def _unique(key: str, taken: set[str]) -> str:
    candidate = free_key(key, taken)
    taken.add(candidate)
    return candidate


def free_key(key: str, *taken: set[str]) -> str:
    """``key`` (or ``unnamed``), suffixed ``-2``, ``-3``… until in none of ``taken``."""
    key = key or "unnamed"
    candidate, n = key, 2
    while any(candidate in t for t in taken):
        candidate, n = f"{key}-{n}", n + 1
    return candidate


def stand_in_anchor(reference: Reference) -> tuple[str, str]:
    """The anchor a stand-in for ``reference`` is named after, and the key that tells
    one missing definition from another (`SchemaResolver.stand_in`)."""
    anchor = reference.anchor or anchor_key(reference.name)
    return anchor, anchor_key(anchor)


def _same(new: tuple[object, ...], old: tuple[object, ...]) -> bool:
    return all(a is b for a, b in zip(new, old, strict=True))


def _shown(reference: Reference) -> str:
    return f"[{reference.name}]({reference.href})" if reference.href else repr(reference.name)


def _not_in_docs(reference: Reference, missing_page: str | None, anchor: str) -> str:
    """Why a stand-in was needed, for the model (and so for generated files): the linked
    page as the link writes it, never ``missing_page``, a path as the generating machine
    shows it (absolute for docs outside the working directory). Diagnostics keep that."""
    if missing_page is not None:
        page = f"page {reference.file}" if reference.file else "the linked page"
        return f"{page} is not part of this API's docs"
    return f"no page of this API defines anchor {anchor!r}"


StandIn = tuple[Reference, str | None, str]
"""A link resolved to a stand-in: the reference, the missing page it names, the key."""

Event = tuple[str, str] | str
"""What resolving a value logs (`SchemaResolver.log`): ``(definition key, label)`` for
a label a link gave a definition, an inline schema's id for a link replaced by it."""


class SchemaResolver:
    """Resolves references against one API's indexes; holds the stand-ins it made."""

    def __init__(
        self,
        *,
        schemas: Index,
        schemes: Index,
        definitions: list[Definition],
        security: list[SecurityScheme],
        inline: dict[str, ObjectSchema],
        diagnostics: Diagnostics,
    ) -> None:
        self.schemas = schemas
        self.schemes = schemes
        self.inline = inline
        self.diagnostics = diagnostics
        self.taken = {d.key for d in definitions}
        self.scheme_keys = {s.key for s in security}
        self.done: dict[str, Schema] = {}
        self.in_progress: set[str] = set()
        self.promoted: dict[str, str] = {}
        self.added: list[Definition] = []
        self.missing: dict[str, str] = {}
        self.added_schemes: list[SecurityScheme] = []
        self.missing_schemes: dict[str, str] = {}
        self.labels: dict[str, list[str]] = {}
        self.irregular = 0
        """Links so far resolved to a stand-in or a promoted schema, whose key can
        depend on which link came first (`generator.resolve.memo` keeps none)."""
        self.log: list[Event] | None = None
        """When a list, each label a link gives a definition is also appended to it, and
        the id of each inline schema a link is replaced by (`generator.resolve.memo`);
        the labels the links inside an inline schema give go to its own record
        (`inline_events`), not to the log of the value that read it first."""
        self.inline_events: dict[str, tuple[Event, ...]] = {}
        """Per inline schema resolved (or replayed) while logging, what its resolution
        logged."""
        self.previous_inline: dict[str, tuple[Event, ...]] = {}
        """The last run's `inline_events`, replayed with a kept value that read them."""
        self.labelled: set[str] = set()
        """Inline schemas whose links have given their labels in this run: once per run,
        wherever the schema is first read, resolved or replayed."""
        self.irregular_inline: set[str] = set()
        """Inline schemas whose resolution met a stand-in or a promoted schema: what it
        made and reported belongs to the value that read it first, so no value that
        reads one is taken from a memo."""
        self._quiet = 0
        """Above 0 while an inline schema whose labels a replay gave is resolved: its
        links give none again."""
        self.stand_ins: list[StandIn] | None = None
        """When a list, each link to a stand-in is also appended to it."""
        self.previous: dict[str, Definition] = {}
        """Stand-ins made by the last run, taken again when equal (`generator.resolve.memo`)."""

    # ------------------------------------------------------------------ model walk

    # A value none of whose references changed is kept as it is (most of them).

    def definition(self, definition: Definition) -> Definition:
        schema = self.schema(definition.schema)
        return definition if schema is definition.schema else evolve(definition, schema=schema)

    def operation(self, op: Operation) -> Operation:
        return evolve(
            op,
            parameters=tuple(self._parameter(p) for p in op.parameters),
            responses=tuple(self._response(r) for r in op.responses),
            security=(
                tuple(self.requirement(r) for r in op.security)
                if op.security is not None
                else None
            ),
        )

    def _parameter(self, parameter: Parameter) -> Parameter:
        schema = self.schema(parameter.schema)
        return parameter if schema is parameter.schema else evolve(parameter, schema=schema)

    def _response(self, response: Response) -> Response:
        schema = self.schema(response.schema) if response.schema is not None else None
        headers = tuple(self._header(h) for h in response.headers)
        if schema is response.schema and _same(headers, response.headers):
            return response
        return evolve(response, schema=schema, headers=headers)

    def _header(self, header: Header) -> Header:
        schema = self.schema(header.schema)
        return header if schema is header.schema else evolve(header, schema=schema)

    def schema(self, schema: Schema) -> Schema:
        if isinstance(schema, RefSchema):
            return self._ref_schema(schema.ref)
        if isinstance(schema, ArraySchema):
            items = self.schema(schema.items)
            return schema if items is schema.items else evolve(schema, items=items)
        if isinstance(schema, MapSchema):
            values = self.schema(schema.values)
            return schema if values is schema.values else evolve(schema, values=values)
        if isinstance(schema, ObjectSchema):
            props = tuple(
                p if (s := self.schema(p.schema)) is p.schema else evolve(p, schema=s)
                for p in schema.properties
            )
            extra = schema.additional_properties
            new_extra = self.schema(extra) if extra is not None else None
            if new_extra is extra and _same(props, schema.properties):
                return schema
            return evolve(schema, properties=props, additional_properties=new_extra)
        if isinstance(schema, AllOfSchema):
            parts = tuple(self.schema(p) for p in schema.parts)
            return schema if _same(parts, schema.parts) else evolve(schema, parts=parts)
        if isinstance(schema, EnumSchema) and schema.ref is not None:
            return evolve(schema, ref=self._definition_ref(schema.ref))
        return schema

    # ------------------------------------------------------------------ schemas

    def _pick(self, reference: Reference, targets: list[Target]) -> Target:
        distinct = list(dict.fromkeys((t.kind, t.key) for t in targets))
        if len(distinct) > 1:
            chosen = targets[0]
            others = ", ".join(key for kind, key in distinct if key != chosen.key)
            self.diagnostics.warning(
                "ambiguous-ref",
                f"link {_shown(reference)} matches several definitions "
                f"({chosen.key} on {chosen.page}; also {others}); the nearest was used",
                reference.location,
            )
        return targets[0]

    def _ref_schema(self, reference: Reference) -> Schema:
        targets, missing_page = self.schemas.lookup(reference)
        if not targets:
            return RefSchema(self.stand_in(reference, missing_page))
        target = self._pick(reference, targets)
        if target.kind == "inline":
            return self._inline(target.key, reference)
        self._label(target.key, reference.name)
        return RefSchema(evolve(reference, target=target.key))

    def _definition_ref(self, reference: Reference) -> Reference:
        targets, missing_page = self.schemas.lookup(reference)
        targets = [t for t in targets if t.kind == "definition"]
        if not targets:
            return self.stand_in(reference, missing_page)
        key = self._pick(reference, targets).key
        self._label(key, reference.name)
        return evolve(reference, target=key)

    def _label(self, key: str, label: str) -> None:
        if not self._quiet:
            self.labels.setdefault(key, []).append(label)
        if self.log is not None:
            self.log.append((key, label))

    def replay(self, events: tuple[Event, ...]) -> None:
        """Give definitions the labels a value's links gave them in another run, and
        those of the inline schemas it read, where this run has not given them yet."""
        for event in events:
            if isinstance(event, str):
                if event not in self.labelled:
                    self.labelled.add(event)
                    self.inline_events[event] = self.previous_inline[event]
                    self.replay(self.inline_events[event])
            else:
                key, label = event
                self.labels.setdefault(key, []).append(label)

    def _inline(self, ident: str, reference: Reference) -> Schema:
        if self.log is not None:
            self.log.append(ident)
        if ident in self.promoted:
            self.irregular += 1
            return RefSchema(evolve(reference, target=self.promoted[ident]))
        if ident in self.done:
            return self.done[ident]
        if ident in self.in_progress:
            self.irregular += 1
            anchor = ident.rsplit("#", 1)[-1]
            self.promoted[ident] = _unique(anchor, self.taken)
            return RefSchema(evolve(reference, target=self.promoted[ident]))
        self.in_progress.add(ident)
        resolved = self._inline_schema(ident)
        self.in_progress.discard(ident)
        result: Schema = resolved
        if ident in self.promoted:
            key = self.promoted[ident]
            title = self.inline[ident].title or key
            self.added.append(Definition(key, title, resolved, reference.location))
            result = RefSchema(evolve(reference, target=key))
        self.done[ident] = result
        return result

    def _inline_schema(self, ident: str) -> Schema:
        """The inline schema ``ident`` resolved; its links give their labels unless a
        replay gave them in this run already, and while logging, what they log is
        its own record."""
        given = ident in self.labelled
        self.labelled.add(ident)
        outer, irregular = self.log, self.irregular
        if outer is not None:
            self.log = []
        self._quiet += given
        try:
            return self.schema(self.inline[ident])
        finally:
            self._quiet -= given
            if self.irregular != irregular:
                self.irregular_inline.add(ident)
            if outer is not None and self.log is not None:
                self.inline_events[ident] = tuple(self.log)
                self.log = outer

    def stand_in(self, reference: Reference, missing_page: str | None) -> Reference:
        """``reference`` to the stand-in for the definition it names, which the docs
        lack (reported, made on first use)."""
        self.irregular += 1
        anchor, ident = stand_in_anchor(reference)
        if missing_page is not None:
            why = f"page {missing_page} is not part of this API's docs"
        else:
            why = f"no page of this API defines anchor {anchor!r}"
        self.diagnostics.warning(
            "unresolved-ref",
            f"link {_shown(reference)} cannot be resolved: {why}; "
            "an opaque free-form schema stands in for it",
            reference.location,
        )
        # One stand-in per missing definition, however each page's link spells the way
        # to it (``../definitions/Pet.md#pet`` here, ``Pet.md#pet`` there).
        known = self.missing.get(ident)
        key = known if known is not None else _unique(anchor, self.taken)
        if known is None:
            self.missing[ident] = key
            made = Definition(
                key=key,
                name=reference.name or anchor,
                schema=AnySchema(),
                location=reference.location,
                description=f"Stand-in for {reference.href or reference.name}: "
                f"{_not_in_docs(reference, missing_page, anchor)}.",
                unresolved=True,
            )
            last = self.previous.get(key)
            self.added.append(last if last == made else made)
        if self.stand_ins is not None:
            self.stand_ins.append((reference, missing_page, key))
        return evolve(reference, target=key)

    # ------------------------------------------------------------------ security

    def requirement(self, requirement: SecurityRequirement) -> SecurityRequirement:
        reference = requirement.scheme
        targets, missing_page = self.schemes.lookup(reference)
        if targets:
            key = self._pick(reference, targets).key
            return evolve(requirement, scheme=evolve(reference, target=key))
        self.irregular += 1
        anchor = reference.anchor or anchor_key(reference.name)
        # No warning here: the stand-in is marked ``inferred`` and each target that
        # must invent its details (the OpenAPI emitter) says how it read the name.
        where = f" ({_not_in_docs(reference, missing_page, anchor)})" if missing_page else ""
        known = self.missing_schemes.get(anchor_key(anchor))
        key = known if known is not None else _unique(anchor, self.scheme_keys)
        if known is None:
            self.missing_schemes[anchor_key(anchor)] = key
            self.added_schemes.append(
                SecurityScheme(
                    key=key,
                    name=reference.name or anchor,
                    type=requirement.type,
                    location=reference.location,
                    description=f"Not defined on any page{where}; inferred from "
                    f"{_shown(reference)}.",
                    inferred=True,
                )
            )
        return evolve(requirement, scheme=evolve(reference, target=key))

    def named(self, definition: Definition) -> Definition:
        """A definition headed by its title, named as the links to it name it when the
        page did not (the name then is the anchor as written: ``sortorder``)."""
        if not definition.title:
            return definition
        agreeing = [
            label for label in self.labels.get(definition.key, ())
            if label and anchor_key(label) == anchor_key(definition.name)
        ]
        if not agreeing or definition.name in agreeing:
            return definition
        best = max(dict.fromkeys(agreeing), key=agreeing.count)
        return evolve(definition, name=best)

    def extra_definitions(self) -> tuple[Definition, ...]:
        """Stand-ins and promoted inline schemas, in the order they were needed."""
        return tuple(self.added)

    def extra_schemes(self) -> tuple[SecurityScheme, ...]:
        return tuple(self.added_schemes)
