"""The wire layer's response side: statuses, bodies, headers and media types."""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.diff.schema_shapes import describe
from generator.diff.schemas import RESPONSE
from generator.diff.wire_names import title
from generator.model import Api, Operation, ParameterIn, Response

if TYPE_CHECKING:
    from generator.diff.wire import WireComparer


def media_types(cmp: WireComparer, o: Operation, n: Operation) -> None:
    subject = title(n)
    has_body = any(p.place in {ParameterIn.BODY, ParameterIn.FORM_DATA} for p in n.parameters)
    pairs = [("response", _produces(cmp.old, o), _produces(cmp.new, n))]
    if has_body:
        pairs.insert(0, ("request", _consumes(cmp.old, o), _consumes(cmp.new, n)))
    for side, before, after in pairs:
        for media in before:
            if media not in after:
                cmp.findings.add(
                    f"{side}-media-type-removed",
                    subject,
                    f"{side} media type {media} removed",
                    n.location,
                    old=media,
                )
        for media in after:
            if media not in before:
                cmp.findings.add(
                    f"{side}-media-type-added",
                    subject,
                    f"{side} media type {media} added",
                    n.location,
                    new=media,
                )


def _consumes(api: Api, op: Operation) -> tuple[str, ...]:
    return op.consumes or (api.overview.consumes if api.overview else ())


def _produces(api: Api, op: Operation) -> tuple[str, ...]:
    return op.produces or (api.overview.produces if api.overview else ())


def responses(cmp: WireComparer, o: Operation, n: Operation) -> None:
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
            cmp.findings.add(
                rule,
                subject,
                f"response {status} removed",
                response.location,
                side="old",
                context=n.location,
            )
        else:
            compare_response(cmp, response, new[status], n)
    for status, response in new.items():
        if status not in old:
            success = status.startswith("2")
            rule = (
                "response-success-status-added" if success else "response-non-success-status-added"
            )
            cmp.findings.add(rule, subject, f"response {status} added", response.location)


def compare_response(cmp: WireComparer, o: Response, n: Response, op: Operation) -> None:
    subject, label = title(op), f"response {n.status} body"
    success = n.status.startswith("2")
    if o.schema is None and n.schema is not None and success:
        cmp.findings.add(
            "response-body-added", subject, f"{label} added", n.location, new=describe(n.schema)
        )
    elif o.schema is not None and n.schema is None and success:
        cmp.findings.add(
            "response-body-removed",
            subject,
            f"{label} removed",
            n.location,
            old=describe(o.schema),
        )
    elif o.schema is not None and n.schema is not None:
        scope = cmp.scope(op, label, "body", RESPONSE)
        cmp.schemas.compare(o.schema, n.schema, scope, o.location, n.location)
    old_headers = {h.name.casefold(): h for h in o.headers}
    new_headers = {h.name.casefold(): h for h in n.headers}
    for key, header in old_headers.items():
        if key not in new_headers:
            cmp.findings.add(
                "response-header-removed",
                subject,
                f"response {n.status} header `{header.name}` removed",
                n.location,
                old=header.name,
            )
    for key, header in new_headers.items():
        if key not in old_headers:
            cmp.findings.add(
                "response-header-added",
                subject,
                f"response {n.status} header `{header.name}` added",
                n.location,
                new=header.name,
            )


# ----------------------------------------------------------------- security
