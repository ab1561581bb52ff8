"""The wire layer: two models compared as HTTP contracts, operation by operation.

Operations are matched by method and path with the template variables' names left out
(``/pets/{id}`` and ``/pets/{petId}`` are one URL), then by operation id for what is
left (a path or method change). Parameters are matched by place and name (header names
case-blind), responses by status; order never matters. Media types and security fall
back to the overview's, as in Swagger 2.0. Definitions matter only through what uses
them, except their descriptions (docs-only changes).
"""

from __future__ import annotations

import re

from generator.diff.findings import Findings
from generator.diff.schemas import (
    REQUEST,
    RESPONSE,
    SchemaComparer,
    Scope,
    describe,
    squash,
    value_text,
)
from generator.model import (
    Api,
    ArraySchema,
    Operation,
    Parameter,
    ParameterIn,
    Response,
    SecurityRequirement,
)

_VARIABLE = re.compile(r"{[^{}]*}")


def operation_key(op: Operation) -> str:
    """``GET /pets/{}``: what identifies an operation on the wire."""
    return f"{op.method.upper()} {_VARIABLE.sub('{}', op.path)}"


def title(op: Operation) -> str:
    return f"{op.method.upper()} {op.path}"


def match_operations(old: Api, new: Api) -> list[tuple[Operation | None, Operation | None]]:
    """Pairs (old, new): by wire key, then by operation id; unmatched ones alone."""
    new_by_key: dict[str, Operation] = {}
    for op in new.operations:
        new_by_key.setdefault(operation_key(op), op)
    pairs: list[tuple[Operation | None, Operation | None]] = []
    used: set[int] = set()
    left: list[Operation] = []
    for op in old.operations:
        twin = new_by_key.get(operation_key(op))
        if twin is not None and id(twin) not in used:
            used.add(id(twin))
            pairs.append((op, twin))
        else:
            left.append(op)
    by_id = {op.operation_id: op for op in new.operations if op.operation_id and id(op) not in used}
    for op in left:
        twin = by_id.pop(op.operation_id, None) if op.operation_id else None
        if twin is not None:
            used.add(id(twin))
        pairs.append((op, twin))
    pairs.extend((None, op) for op in new.operations if id(op) not in used)
    return pairs


def _param_key(param: Parameter) -> tuple[str, str]:
    name = param.name.casefold() if param.place is ParameterIn.HEADER else param.name
    return str(param.place.value), name


_PLACE_WORDS = {"formData": "form"}


def _label(param: Parameter) -> str:
    return f"{_PLACE_WORDS.get(param.place.value, param.place.value)} parameter `{param.name}`"


class WireComparer:
    """Fills a `Findings` with the wire-level changes from ``old`` to ``new``."""

    def __init__(self, old: Api, new: Api, findings: Findings) -> None:
        self.old, self.new, self.findings = old, new, findings
        self.schemas = SchemaComparer(old, new, findings)

    def run(self) -> None:
        for o, n in match_operations(self.old, self.new):
            if o is None and n is not None:
                self.findings.add("endpoint-added", title(n), "operation added", n.location)
            elif n is None and o is not None:
                rule = (
                    "api-removed-with-deprecation"
                    if o.deprecated
                    else "api-removed-without-deprecation"
                )
                self.findings.add(rule, title(o), "operation removed", o.location, side="old")
            elif o is not None and n is not None:
                self.operation(o, n)
        self.schemes()
        self.overview()
        self.definitions()

    # ---------------------------------------------------------------- operation

    def operation(self, o: Operation, n: Operation) -> None:
        subject, at = title(n), n.location
        add = self.findings.add
        if o.method.upper() != n.method.upper():
            add(
                "api-method-changed",
                subject,
                f"method {o.method.upper()} → {n.method.upper()}",
                at,
                old=o.method.upper(),
                new=n.method.upper(),
            )
        if _VARIABLE.sub("{}", o.path) != _VARIABLE.sub("{}", n.path):
            add(
                "api-path-changed", subject, f"path {o.path} → {n.path}", at, old=o.path, new=n.path
            )
        if o.deprecated != n.deprecated:
            rule = "api-deprecated" if n.deprecated else "api-reactivated"
            add(rule, subject, "deprecated" if n.deprecated else "no longer deprecated", at)
        if o.operation_id != n.operation_id:
            add(
                "api-operation-id-changed",
                subject,
                f"operation id {o.operation_id or '-'} → {n.operation_id or '-'}",
                at,
                old=o.operation_id,
                new=n.operation_id,
            )
        if o.tags[:1] != n.tags[:1]:
            before, after = (o.tags or ("-",))[0], (n.tags or ("-",))[0]
            add("api-tag-changed", subject, f"tag {before} → {after}", at, old=before, new=after)
        for field in ("summary", "description"):
            before, after = squash(getattr(o, field)), squash(getattr(n, field))
            if before != after:
                add(f"api-{field}-changed", subject, f"{field} changed", at, old=before, new=after)
        self.parameters(o, n)
        self.body(o, n)
        self.media_types(o, n)
        self.responses(o, n)
        self.security(o, n)

    def _scope(self, n: Operation, label: str, level: str, direction: str = REQUEST) -> Scope:
        return Scope(direction, title(n), title(n), label, "", level, n.location)

    def parameters(self, o: Operation, n: Operation) -> None:
        subject = title(n)
        old = {_param_key(p): p for p in o.parameters if p.place is not ParameterIn.BODY}
        new = {_param_key(p): p for p in n.parameters if p.place is not ParameterIn.BODY}
        renamed = _renamed_path_variables(o.path, n.path)
        for before, after in renamed.items():
            key_o, key_n = ("path", before), ("path", after)
            if key_o in old and key_n in new and key_n not in old:
                self.findings.add(
                    "request-path-parameter-renamed",
                    subject,
                    f"path parameter `{before}` renamed to `{after}`",
                    new[key_n].location,
                    old=before,
                    new=after,
                )
                self.parameter(old.pop(key_o), new.pop(key_n), n)
        new_only = [k for k in new if k not in old]
        consumed: set[tuple[str, str]] = set()
        for key, param in old.items():
            if key in new:
                self.parameter(param, new[key], n)
                continue
            twin_key = next((k for k in new_only if k[1] == key[1] and k not in consumed), None)
            if twin_key is not None:
                consumed.add(twin_key)
                twin = new[twin_key]
                self.findings.add(
                    "request-parameter-location-changed",
                    subject,
                    f"parameter `{param.name}` moved from {param.place.value} to "
                    f"{twin.place.value}",
                    twin.location,
                    old=param.place.value,
                    new=twin.place.value,
                )
            else:
                alike = [
                    new[k].name
                    for k in new_only
                    if k not in consumed and k[0] == key[0] and new[k].schema == param.schema
                ]
                if len(alike) > 1:  # the same text too settles it
                    alike = [a for a in alike if _same_text(new, new_only, a, param)]
                hint = f" (renamed to `{alike[0]}`?)" if len(alike) == 1 else ""
                self.findings.add(
                    "request-parameter-removed",
                    subject,
                    f"{_label(param)} removed{hint}",
                    param.location,
                    side="old",
                    context=n.location,
                )
        for key in new_only:
            if key in consumed:
                continue
            param = new[key]
            rule = (
                "new-required-request-parameter"
                if param.required
                else "new-optional-request-parameter"
            )
            state = "required" if param.required else "optional"
            self.findings.add(
                rule,
                subject,
                f"{_label(param)} added ({state})",
                param.location,
                new=describe(param.schema),
            )

    def parameter(self, o: Parameter, n: Parameter, op: Operation) -> None:
        subject, at, label = title(op), n.location, _label(n)
        add = self.findings.add
        if o.required != n.required:
            became = "required" if n.required else "optional"
            add(f"request-parameter-became-{became}", subject, f"{label} became {became}", at)
        before, after = value_text(o.default), value_text(n.default)
        if before != after:
            what = "changed" if before and after else "added" if after else "removed"
            add(
                f"request-parameter-default-value-{what}",
                subject,
                f"{label}: default {before or 'none'} → {after or 'none'}",
                at,
                old=before,
                new=after,
            )
        o_format = o.schema.collection_format if isinstance(o.schema, ArraySchema) else None
        n_format = n.schema.collection_format if isinstance(n.schema, ArraySchema) else None
        if (
            isinstance(o.schema, ArraySchema)
            and isinstance(n.schema, ArraySchema)
            and ((o_format or "csv") != (n_format or "csv"))
        ):
            add(
                "request-parameter-collection-format-changed",
                subject,
                f"{label}: collection format {o_format or 'csv'} → {n_format or 'csv'}",
                at,
                old=o_format or "csv",
                new=n_format or "csv",
            )
        scope = self._scope(op, label, "parameter")
        self.schemas.constraints(o.constraints, n.constraints, scope, at)
        if squash(o.description) != squash(n.description):
            add(
                "request-parameter-description-changed",
                subject,
                f"{label}: description changed",
                at,
                old=squash(o.description),
                new=squash(n.description),
            )
        self.schemas.compare(o.schema, n.schema, scope, o.location, at)

    def body(self, o: Operation, n: Operation) -> None:
        subject = title(n)
        old = next((p for p in o.parameters if p.place is ParameterIn.BODY), None)
        new = next((p for p in n.parameters if p.place is ParameterIn.BODY), None)
        if old is None and new is not None:
            state = "required" if new.required else "optional"
            self.findings.add(
                f"request-body-added-{state}",
                subject,
                f"request body added ({state})",
                new.location,
                new=describe(new.schema),
            )
        elif new is None and old is not None:
            self.findings.add(
                "request-body-removed",
                subject,
                "request body removed",
                old.location,
                side="old",
                context=n.location,
            )
        elif old is not None and new is not None:
            if old.required != new.required:
                became = "required" if new.required else "optional"
                self.findings.add(
                    f"request-body-became-{became}",
                    subject,
                    f"request body became {became}",
                    new.location,
                )
            scope = self._scope(n, "request body", "body")
            self.schemas.compare(old.schema, new.schema, scope, old.location, new.location)

    def media_types(self, o: Operation, n: Operation) -> None:
        subject = title(n)
        has_body = any(p.place in {ParameterIn.BODY, ParameterIn.FORM_DATA} for p in n.parameters)
        pairs = [("response", self._produces(self.old, o), self._produces(self.new, n))]
        if has_body:
            pairs.insert(0, ("request", self._consumes(self.old, o), self._consumes(self.new, n)))
        for side, before, after in pairs:
            for media in before:
                if media not in after:
                    self.findings.add(
                        f"{side}-media-type-removed",
                        subject,
                        f"{side} media type {media} removed",
                        n.location,
                        old=media,
                    )
            for media in after:
                if media not in before:
                    self.findings.add(
                        f"{side}-media-type-added",
                        subject,
                        f"{side} media type {media} added",
                        n.location,
                        new=media,
                    )

    @staticmethod
    def _consumes(api: Api, op: Operation) -> tuple[str, ...]:
        return op.consumes or (api.overview.consumes if api.overview else ())

    @staticmethod
    def _produces(api: Api, op: Operation) -> tuple[str, ...]:
        return op.produces or (api.overview.produces if api.overview else ())

    def responses(self, o: Operation, n: Operation) -> None:
        subject = title(n)
        old = {r.status: r for r in o.responses}
        new = {r.status: r for r in n.responses}
        for status, response in old.items():
            if status not in new:
                success = status.startswith("2")
                rule = (
                    "response-success-status-removed"
                    if success
                    else "response-non-success-status-removed"
                )
                self.findings.add(
                    rule,
                    subject,
                    f"response {status} removed",
                    response.location,
                    side="old",
                    context=n.location,
                )
            else:
                self.response(response, new[status], n)
        for status, response in new.items():
            if status not in old:
                success = status.startswith("2")
                rule = (
                    "response-success-status-added"
                    if success
                    else "response-non-success-status-added"
                )
                self.findings.add(rule, subject, f"response {status} added", response.location)

    def response(self, o: Response, n: Response, op: Operation) -> None:
        subject, label = title(op), f"response {n.status} body"
        success = n.status.startswith("2")
        if o.schema is None and n.schema is not None and success:
            self.findings.add(
                "response-body-added", subject, f"{label} added", n.location, new=describe(n.schema)
            )
        elif o.schema is not None and n.schema is None and success:
            self.findings.add(
                "response-body-removed",
                subject,
                f"{label} removed",
                n.location,
                old=describe(o.schema),
            )
        elif o.schema is not None and n.schema is not None:
            scope = self._scope(op, label, "body", RESPONSE)
            self.schemas.compare(o.schema, n.schema, scope, o.location, n.location)
        old_headers = {h.name.casefold(): h for h in o.headers}
        new_headers = {h.name.casefold(): h for h in n.headers}
        for key, header in old_headers.items():
            if key not in new_headers:
                self.findings.add(
                    "response-header-removed",
                    subject,
                    f"response {n.status} header `{header.name}` removed",
                    n.location,
                    old=header.name,
                )
        for key, header in new_headers.items():
            if key not in old_headers:
                self.findings.add(
                    "response-header-added",
                    subject,
                    f"response {n.status} header `{header.name}` added",
                    n.location,
                    new=header.name,
                )

    # ----------------------------------------------------------------- security

    def security(self, o: Operation, n: Operation) -> None:
        subject = title(n)
        old = _requirements(o.security)
        new = _requirements(n.security)
        for name, scopes in new.items():
            if name not in old:
                self.findings.add(
                    "api-security-added",
                    subject,
                    f"security `{name}` required",
                    n.location,
                    new=name,
                )
                continue
            for scope in scopes:
                if scope not in old[name]:
                    self.findings.add(
                        "api-security-scope-added",
                        subject,
                        f"security `{name}`: scope `{scope}` required",
                        n.location,
                        new=scope,
                    )
            for scope in old[name]:
                if scope not in scopes:
                    self.findings.add(
                        "api-security-scope-removed",
                        subject,
                        f"security `{name}`: scope `{scope}` no longer required",
                        n.location,
                        old=scope,
                    )
        for name in old:
            if name not in new:
                self.findings.add(
                    "api-security-removed",
                    subject,
                    f"security `{name}` no longer required",
                    n.location,
                    old=name,
                )

    def schemes(self) -> None:
        new = {s.key: s for s in self.new.security_schemes if not s.inferred}
        for old in self.old.security_schemes:
            twin = new.get(old.key)
            if twin is None or old.inferred:
                continue
            subject = f"security scheme {twin.name}"
            checks = (
                ("security-scheme-type-changed", "type", old.type.casefold(), twin.type.casefold()),
                (
                    "security-scheme-location-changed",
                    "location",
                    (old.param_in or "").casefold(),
                    (twin.param_in or "").casefold(),
                ),
                (
                    "security-scheme-name-changed",
                    "parameter name",
                    old.param_name or "",
                    twin.param_name or "",
                ),
            )
            for rule, what, before, after in checks:
                if before != after:
                    self.findings.add(
                        rule,
                        subject,
                        f"{what} {before or '-'} → {after or '-'}",
                        twin.location,
                        old=before,
                        new=after,
                    )

    # ----------------------------------------------------------------- overview

    def overview(self) -> None:
        o, n = self.old.overview, self.new.overview
        if o is None or n is None:
            return
        checks = (
            ("api-base-path-changed", "base path", _base(o.base_path), _base(n.base_path)),
            ("api-host-changed", "host", o.host or "", n.host or ""),
            ("api-version-changed", "version", o.version or "", n.version or ""),
        )
        for rule, what, before, after in checks:
            if before != after:
                self.findings.add(
                    rule,
                    "API",
                    f"{what} {before or '-'} → {after or '-'}",
                    n.location,
                    old=before,
                    new=after,
                )
        if squash(o.description) != squash(n.description):
            self.findings.add(
                "api-info-description-changed",
                "API",
                "description changed",
                n.location,
                old=squash(o.description),
                new=squash(n.description),
            )

    def definitions(self) -> None:
        new = {d.key: d for d in self.new.definitions if not d.unresolved}
        for old in self.old.definitions:
            twin = new.get(old.key)
            if twin is not None and squash(old.description) != squash(twin.description):
                self.findings.add(
                    "schema-description-changed",
                    f"schema {twin.name}",
                    "description changed",
                    twin.location,
                    old=squash(old.description),
                    new=squash(twin.description),
                )


def _same_text(
    new: dict[tuple[str, str], Parameter], keys: list[tuple[str, str]], name: str, old: Parameter
) -> bool:
    twin = next(new[k] for k in keys if new[k].name == name)
    return squash(twin.description) == squash(old.description)


def _requirements(
    security: tuple[SecurityRequirement, ...] | None,
) -> dict[str, tuple[str, ...]]:
    return {r.scheme.target or r.scheme.name: r.scopes for r in security or ()}


def _base(path: str | None) -> str:
    return "/" + (path or "").strip("/")


def _renamed_path_variables(old: str, new: str) -> dict[str, str]:
    """Template variables at the same position under another name (same URL shape)."""
    if _VARIABLE.sub("{}", old) != _VARIABLE.sub("{}", new):
        return {}
    pairs = zip(_VARIABLE.findall(old), _VARIABLE.findall(new), strict=True)
    return {a[1:-1]: b[1:-1] for a, b in pairs if a != b}


def compare_wire(old: Api, new: Api, findings: Findings) -> None:
    """Add every wire-level change from ``old`` to ``new`` to ``findings``."""
    WireComparer(old, new, findings).run()
