"""Two schemas compared by meaning, in a direction (what a client sends or receives).

References are followed on both sides before anything is compared, so a schema written
inline on one side and linked to a definition on the other is the same schema; object
properties are compared by name, enum values as sets, so re-ordered rows are no change;
descriptions are compared with their whitespace collapsed, so re-wrapped text is none.

What a change means depends on the direction: a new enum value is harmless in what the
client sends (``request-property-enum-value-added``, info) and may break code that reads
it (``response-property-enum-value-added``, warning). A change inside a named definition
is reported once, under ``schema <name>``, with every operation that reaches it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from generator.diff.findings import Findings
from generator.diff.schema_shapes import (
    Node,
    constraint_changes,
    describe,
    follow,
    kind,
    map_values,
    properties,
    show,
    squash,
    value_text,
)
from generator.location import SourceLocation
from generator.model import (
    Api,
    ArraySchema,
    Constraints,
    EnumSchema,
    PrimitiveSchema,
    Property,
    Schema,
)

REQUEST, RESPONSE = "request", "response"
Key = tuple[str, str, str]


@dataclass(frozen=True)
class Scope:
    """Where a comparison stands: its direction, the operation that led here, the subject
    findings are reported under, the element (``label``) and its path in the subject."""

    direction: str
    user: str
    subject: str
    label: str
    path: str
    level: str  # parameter | body | property: which family of rules applies here
    context: SourceLocation | None

    def child(self, part: str, *, array: bool = False) -> Scope:
        path = f"{self.path}{part}" if array else ".".join(p for p in (self.path, part) if p)
        return replace(
            self, path=path, level="property", label=f"{self.direction} property `{path}`"
        )


def _rule(scope: Scope, aspect: str) -> str:
    """The rule id for ``aspect`` (type-changed, enum-value-added...) at ``scope``."""
    if scope.level == "body" and aspect == "type-changed":
        return f"{scope.direction}-body-type-changed"
    if scope.level == "parameter":
        return f"request-parameter-{aspect}"
    return f"{scope.direction}-property-{aspect}"


class SchemaComparer:
    """Compares schemas of two APIs into one `Findings`, each definition pair once per
    direction (a definition used by 500 operations is walked once)."""

    def __init__(self, old: Api, new: Api, findings: Findings) -> None:
        self.old, self.new, self.findings = old, new, findings
        self._memo: dict[tuple[str, str, str], list[Key]] = {}
        self._active: set[tuple[str, str, str]] = set()
        self._recording: list[list[Key]] = []

    def add(
        self,
        scope: Scope,
        rule: str,
        message: str,
        location: SourceLocation,
        *,
        side: str = "new",
        old: str | None = None,
        new: str | None = None,
    ) -> None:
        key = self.findings.add(
            rule,
            scope.subject,
            message,
            location,
            side=side,
            old=old,
            new=new,
            context=scope.context,
            user=scope.user,
        )
        for recording in self._recording:
            recording.append(key)

    def constraints(
        self, old: Constraints, new: Constraints, scope: Scope, location: SourceLocation
    ) -> None:
        family = (
            "request-parameter" if scope.level == "parameter" else f"{scope.direction}-property"
        )
        for way, keyword, before, after in constraint_changes(old, new):
            rule = f"{family}-{'pattern-changed' if way == 'pattern' else 'constraint-' + way}"
            message = f"{scope.label}: {keyword} {before} → {after}"
            self.add(scope, rule, message, location, old=before, new=after)

    def compare(
        self,
        old: Schema,
        new: Schema,
        scope: Scope,
        old_at: SourceLocation,
        new_at: SourceLocation,
    ) -> None:
        """Report how ``new`` differs from ``old`` at ``scope`` (and everything inside)."""
        o, n = follow(self.old, old), follow(self.new, new)
        ok, nk = kind(o.schema), kind(n.schema)
        if ok != nk:
            self._kind_change(old, new, scope, new_at)
            return
        if isinstance(o.schema, PrimitiveSchema | EnumSchema):
            self._primitive(o.schema, n.schema, scope, new_at)
            return
        if o.key is not None and n.key is not None:
            self._definition(o, n, scope)
            return
        self._structure(o.schema, n.schema, scope, old_at, new_at)

    def _definition(self, o: Node, n: Node, scope: Scope) -> None:
        """Enter a named definition: its changes are reported under ``schema <name>``."""
        assert o.key is not None and n.key is not None
        memo = (scope.direction, o.key, n.key)
        if memo in self._memo:
            for key in self._memo[memo]:
                self.findings.use(key, scope.user)
                for recording in self._recording:
                    recording.append(key)
            return
        if memo in self._active:
            return
        self._active.add(memo)
        self._recording.append([])
        inner = Scope(
            scope.direction,
            scope.user,
            f"schema {n.name}",
            f"{scope.direction} property ``",
            "",
            "property",
            n.location,
        )
        at = n.location or scope.context or o.location
        assert at is not None
        self._structure(o.schema, n.schema, inner, o.location or at, at)
        self._memo[memo] = self._recording.pop()
        for recording in self._recording:
            recording.extend(self._memo[memo])
        self._active.discard(memo)

    def _structure(
        self, old: Schema, new: Schema, scope: Scope, old_at: SourceLocation, new_at: SourceLocation
    ) -> None:
        if isinstance(old, ArraySchema) and isinstance(new, ArraySchema):
            self.compare(old.items, new.items, scope.child("[]", array=True), old_at, new_at)
        elif kind(old) == "map":
            self.compare(
                map_values(old), map_values(new), scope.child("{}", array=True), old_at, new_at
            )
        elif kind(old) == "object":
            self._objects(old, new, scope)

    def _kind_change(self, old: Schema, new: Schema, scope: Scope, at: SourceLocation) -> None:
        request = scope.direction == REQUEST
        ok, nk = kind(follow(self.old, old).schema), kind(follow(self.new, new).schema)
        widened = (ok, nk) == ("integer", "number") or nk == "any"
        narrowed = (ok, nk) == ("number", "integer") or ok == "any"
        if request and widened:
            aspect = "type-generalized"
        elif not request and narrowed:
            aspect = "type-specialized"
        else:
            aspect = "type-changed"
        before, after = describe(old), describe(new)
        message = f"{scope.label}: type {before} → {after}"
        self.add(scope, _rule(scope, aspect), message, at, old=before, new=after)

    def _primitive(
        self, old: PrimitiveSchema | EnumSchema, new: Schema, scope: Scope, at: SourceLocation
    ) -> None:
        assert isinstance(new, PrimitiveSchema | EnumSchema)
        o_format = old.format if isinstance(old, PrimitiveSchema) else None
        n_format = new.format if isinstance(new, PrimitiveSchema) else None
        if (
            o_format != n_format
            and isinstance(old, PrimitiveSchema)
            and isinstance(new, PrimitiveSchema)
        ):
            message = f"{scope.label}: format {show(o_format)} → {show(n_format)}"
            self.add(scope, _rule(scope, "format-changed"), message, at, old=o_format, new=n_format)
        o_values = set(old.values) if isinstance(old, EnumSchema) else None
        n_values = list(new.values) if isinstance(new, EnumSchema) else None
        if o_values is None and n_values is not None:
            listed = ", ".join(n_values)
            message = f"{scope.label}: now limited to enum ({listed})"
            self.add(scope, _rule(scope, "enum-value-removed"), message, at, new=listed)
        elif o_values is not None and n_values is None:
            message = f"{scope.label}: no longer limited to enum values"
            self.add(
                scope,
                _rule(scope, "enum-value-added"),
                message,
                at,
                old=", ".join(sorted(o_values)),
            )
        elif o_values is not None and n_values is not None:
            assert isinstance(old, EnumSchema)
            for value in old.values:
                if value not in n_values:
                    message = f"{scope.label}: enum value `{value}` removed"
                    self.add(scope, _rule(scope, "enum-value-removed"), message, at, old=value)
            for value in n_values:
                if value not in o_values:
                    message = f"{scope.label}: enum value `{value}` added"
                    self.add(scope, _rule(scope, "enum-value-added"), message, at, new=value)

    def _objects(self, old: Schema, new: Schema, scope: Scope) -> None:
        request = scope.direction == REQUEST
        o_props = properties(self.old, old)
        n_props = properties(self.new, new)
        if request:  # read-only properties are never sent
            o_props = {k: p for k, p in o_props.items() if not p.read_only}
            n_props = {k: p for k, p in n_props.items() if not p.read_only}
        for name, prop in o_props.items():
            if name in n_props:
                self._property(prop, n_props[name], scope.child(name))
                continue
            child = scope.child(name)
            if request:
                rule = "request-property-removed"
            elif prop.required:
                rule = "response-required-property-removed"
            else:
                rule = "response-optional-property-removed"
            self.add(
                child,
                rule,
                f"{child.label} removed",
                prop.location,
                side="old",
                old=describe(prop.schema),
            )
        for name, prop in n_props.items():
            if name in o_props:
                continue
            child = scope.child(name)
            if not request:
                rule = "response-property-added"
            elif prop.required:
                rule = "new-required-request-property"
            else:
                rule = "new-optional-request-property"
            state = "required" if prop.required else "optional"
            self.add(
                child,
                rule,
                f"{child.label} added ({state})",
                prop.location,
                new=describe(prop.schema),
            )

    def _property(self, old: Property, new: Property, scope: Scope) -> None:
        at = new.location
        if old.required != new.required:
            became = "required" if new.required else "optional"
            rule = f"{scope.direction}-property-became-{became}"
            was = "required" if old.required else "optional"
            self.add(scope, rule, f"{scope.label} became {became}", at, old=was, new=became)
        if scope.direction == REQUEST and value_text(old.default) != value_text(new.default):
            before, after = show(value_text(old.default)), show(value_text(new.default))
            self.add(
                scope,
                "request-property-default-value-changed",
                f"{scope.label}: default {before} → {after}",
                at,
                old=before,
                new=after,
            )
        self.constraints(old.constraints, new.constraints, scope, at)
        if squash(old.description) != squash(new.description):
            # The same text in both directions: one change, not a request and a response one.
            message = f"property `{scope.path}`: description changed"
            self.add(
                scope,
                "property-description-changed",
                message,
                at,
                old=squash(old.description),
                new=squash(new.description),
            )
        self.compare(old.schema, new.schema, scope, old.location, at)
