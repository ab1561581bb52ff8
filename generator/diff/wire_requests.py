"""The wire layer's request side: parameters (by place and name) and the request body."""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.diff.schema_shapes import describe, squash, value_text
from generator.diff.wire_names import VARIABLE, title
from generator.model import ArraySchema, Operation, Parameter, ParameterIn

if TYPE_CHECKING:
    from generator.diff.wire import WireComparer


def _param_key(param: Parameter) -> tuple[str, str]:
    name = param.name.casefold() if param.place is ParameterIn.HEADER else param.name
    return str(param.place.value), name


_PLACE_WORDS = {"formData": "form"}


def _label(param: Parameter) -> str:
    return f"{_PLACE_WORDS.get(param.place.value, param.place.value)} parameter `{param.name}`"


def parameters(cmp: WireComparer, o: Operation, n: Operation) -> None:
    subject = title(n)
    old = {_param_key(p): p for p in o.parameters if p.place is not ParameterIn.BODY}
    new = {_param_key(p): p for p in n.parameters if p.place is not ParameterIn.BODY}
    renamed = _renamed_path_variables(o.path, n.path)
    for before, after in renamed.items():
        key_o, key_n = ("path", before), ("path", after)
        if key_o in old and key_n in new and key_n not in old:
            cmp.findings.add(
                "request-path-parameter-renamed",
                subject,
                f"path parameter `{before}` renamed to `{after}`",
                new[key_n].location,
                old=before,
                new=after,
            )
            parameter(cmp, old.pop(key_o), new.pop(key_n), n)
    new_only = [k for k in new if k not in old]
    consumed: set[tuple[str, str]] = set()
    for key, param in old.items():
        if key in new:
            parameter(cmp, param, new[key], n)
            continue
        twin_key = next((k for k in new_only if k[1] == key[1] and k not in consumed), None)
        if twin_key is not None:
            consumed.add(twin_key)
            twin = new[twin_key]
            cmp.findings.add(
                "request-parameter-location-changed",
                subject,
                f"parameter `{param.name}` moved from {param.place.value} to {twin.place.value}",
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
            cmp.findings.add(
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
            "new-required-request-parameter" if param.required else "new-optional-request-parameter"
        )
        state = "required" if param.required else "optional"
        cmp.findings.add(
            rule,
            subject,
            f"{_label(param)} added ({state})",
            param.location,
            new=describe(param.schema),
        )


def parameter(cmp: WireComparer, o: Parameter, n: Parameter, op: Operation) -> None:
    subject, at, label = title(op), n.location, _label(n)
    add = cmp.findings.add
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
    scope = cmp.scope(op, label, "parameter")
    cmp.schemas.constraints(o.constraints, n.constraints, scope, at)
    if squash(o.description) != squash(n.description):
        add(
            "request-parameter-description-changed",
            subject,
            f"{label}: description changed",
            at,
            old=squash(o.description),
            new=squash(n.description),
        )
    cmp.schemas.compare(o.schema, n.schema, scope, o.location, at)


def body(cmp: WireComparer, o: Operation, n: Operation) -> None:
    subject = title(n)
    old = next((p for p in o.parameters if p.place is ParameterIn.BODY), None)
    new = next((p for p in n.parameters if p.place is ParameterIn.BODY), None)
    if old is None and new is not None:
        state = "required" if new.required else "optional"
        cmp.findings.add(
            f"request-body-added-{state}",
            subject,
            f"request body added ({state})",
            new.location,
            new=describe(new.schema),
        )
    elif new is None and old is not None:
        cmp.findings.add(
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
            cmp.findings.add(
                f"request-body-became-{became}",
                subject,
                f"request body became {became}",
                new.location,
            )
        scope = cmp.scope(n, "request body", "body")
        cmp.schemas.compare(old.schema, new.schema, scope, old.location, new.location)


def _same_text(
    new: dict[tuple[str, str], Parameter], keys: list[tuple[str, str]], name: str, old: Parameter
) -> bool:
    twin = next(new[k] for k in keys if new[k].name == name)
    return squash(twin.description) == squash(old.description)


def _renamed_path_variables(old: str, new: str) -> dict[str, str]:
    """Template variables at the same position under another name (same URL shape)."""
    if VARIABLE.sub("{}", old) != VARIABLE.sub("{}", new):
        return {}
    pairs = zip(VARIABLE.findall(old), VARIABLE.findall(new), strict=True)
    return {a[1:-1]: b[1:-1] for a, b in pairs if a != b}
