"""The wire layer's security (requirements and schemes), overview and docs-only texts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.diff.schema_shapes import squash
from generator.diff.wire_names import title
from generator.model import Operation, SecurityRequirement

if TYPE_CHECKING:
    from generator.diff.wire import WireComparer


def security(cmp: WireComparer, o: Operation, n: Operation) -> None:
    subject = title(n)
    old = _requirements(o.security)
    new = _requirements(n.security)
    for name, scopes in new.items():
        if name not in old:
            cmp.findings.add(
                "api-security-added",
                subject,
                f"security `{name}` required",
                n.location,
                new=name,
            )
            continue
        for scope in scopes:
            if scope not in old[name]:
                cmp.findings.add(
                    "api-security-scope-added",
                    subject,
                    f"security `{name}`: scope `{scope}` required",
                    n.location,
                    new=scope,
                )
        for scope in old[name]:
            if scope not in scopes:
                cmp.findings.add(
                    "api-security-scope-removed",
                    subject,
                    f"security `{name}`: scope `{scope}` no longer required",
                    n.location,
                    old=scope,
                )
    for name in old:
        if name not in new:
            cmp.findings.add(
                "api-security-removed",
                subject,
                f"security `{name}` no longer required",
                n.location,
                old=name,
            )


def schemes(cmp: WireComparer) -> None:
    new = {s.key: s for s in cmp.new.security_schemes if not s.inferred}
    for old in cmp.old.security_schemes:
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
                cmp.findings.add(
                    rule,
                    subject,
                    f"{what} {before or '-'} → {after or '-'}",
                    twin.location,
                    old=before,
                    new=after,
                )


# ----------------------------------------------------------------- overview


def overview(cmp: WireComparer) -> None:
    o, n = cmp.old.overview, cmp.new.overview
    if o is None or n is None:
        return
    checks = (
        ("api-base-path-changed", "base path", _base(o.base_path), _base(n.base_path)),
        ("api-host-changed", "host", o.host or "", n.host or ""),
        ("api-version-changed", "version", o.version or "", n.version or ""),
    )
    for rule, what, before, after in checks:
        if before != after:
            cmp.findings.add(
                rule,
                "API",
                f"{what} {before or '-'} → {after or '-'}",
                n.location,
                old=before,
                new=after,
            )
    if squash(o.description) != squash(n.description):
        cmp.findings.add(
            "api-info-description-changed",
            "API",
            "description changed",
            n.location,
            old=squash(o.description),
            new=squash(n.description),
        )


def definitions(cmp: WireComparer) -> None:
    new = {d.key: d for d in cmp.new.definitions if not d.unresolved}
    for old in cmp.old.definitions:
        twin = new.get(old.key)
        if twin is not None and squash(old.description) != squash(twin.description):
            cmp.findings.add(
                "schema-description-changed",
                f"schema {twin.name}",
                "description changed",
                twin.location,
                old=squash(old.description),
                new=squash(twin.description),
            )


def _requirements(
    security: tuple[SecurityRequirement, ...] | None,
) -> dict[str, tuple[str, ...]]:
    return {r.scheme.target or r.scheme.name: r.scopes for r in security or ()}


def _base(path: str | None) -> str:
    return "/" + (path or "").strip("/")
