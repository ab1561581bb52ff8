"""The wire layer: two models compared as HTTP contracts, operation by operation.

Operations are matched by method and path with the template variables' names left out
(``/pets/{id}`` and ``/pets/{petId}`` are one URL), then by operation id for what is
left (a path or method change). Parameters are matched by place and name (header names
case-blind), responses by status; order never matters. Media types and security fall
back to the overview's, as in Swagger 2.0. Definitions matter only through what uses
them, except their descriptions (docs-only changes).
"""

from __future__ import annotations

from generator.diff.findings import Findings
from generator.diff.schema_shapes import squash
from generator.diff.schemas import REQUEST, SchemaComparer, Scope
from generator.diff.wire_names import VARIABLE, operation_key, title
from generator.diff.wire_requests import body, parameters
from generator.diff.wire_responses import media_types, responses
from generator.diff.wire_security import definitions, overview, schemes, security
from generator.model import (
    Api,
    Operation,
)


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
        schemes(self)
        overview(self)
        definitions(self)

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
        if VARIABLE.sub("{}", o.path) != VARIABLE.sub("{}", n.path):
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
        parameters(self, o, n)
        body(self, o, n)
        media_types(self, o, n)
        responses(self, o, n)
        security(self, o, n)

    def scope(self, n: Operation, label: str, level: str, direction: str = REQUEST) -> Scope:
        return Scope(direction, title(n), title(n), label, "", level, n.location)


def compare_wire(old: Api, new: Api, findings: Findings) -> None:
    """Add every wire-level change from ``old`` to ``new`` to ``findings``."""
    WireComparer(old, new, findings).run()


__all__ = ["WireComparer", "compare_wire", "match_operations", "operation_key", "title"]
