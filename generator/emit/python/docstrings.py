"""Method docstrings: summary, description, Args, Returns, Raises (Google style, plain
text; the same for the sync and the async method)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.emit.python.errors import error_class
from generator.model import Operation, Response

if TYPE_CHECKING:
    from generator.emit.python.operations import ParamView


def success_response(operation: Operation) -> Response | None:
    """The lowest documented 2xx response (the one a successful call returns)."""
    ok = sorted(
        (r for r in operation.responses if r.status.startswith("2")), key=lambda r: r.status
    )
    return ok[0] if ok else None


def docstring(operation: Operation, params: tuple[ParamView, ...]) -> str:
    """Summary, description, Args, Returns, Raises: Google style, plain text."""
    parts = [operation.summary or f"{operation.method.upper()} {operation.path}"]
    if operation.deprecated:
        parts.append("Deprecated: the docs mark this operation as deprecated.")
    if operation.description and operation.description != operation.summary:
        parts.append(operation.description)
    if params:
        lines = ["Args:"]
        for p in params:
            text = " ".join(p.description.split()) or f"The {p.wire_name!r} {p.kind} parameter."
            lines.append(f"    {p.python_name}: {text}")
        parts.append("\n".join(lines))
    response = success_response(operation)
    if response is not None and response.description:
        parts.append(f"Returns:\n    {' '.join(response.description.split())}")
    raises = []
    for r in operation.responses:
        if r.status[:1] in {"4", "5"}:
            error = error_class(r.status)
            raises.append(f"    {error}: {r.status} {' '.join(r.description.split())}".rstrip())
    if raises:
        parts.append("Raises:\n" + "\n".join(raises))
    return "\n\n".join(parts)
