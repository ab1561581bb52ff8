"""Operation paths printed with the base path in front (``POST /v2/pets``).

Swagger2Markup's ``basePathPrefixEnabled`` prints every operation's path with the
spec's ``basePath`` in front, and hand-written docs often write the full path while
their overview also gives ``BasePath : /v2``. Read as written, the client would call
``https://host/v2/v2/pets``. When every operation's path starts with the overview's
base path, the paths are read relative to it, as the spec has them, and a warning says
so (``assumed-base-path``). When only some do, nothing is changed: the docs then mean
what they say.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from generator.diagnostics import Diagnostics
from generator.model import Operation, Overview


def relative_paths(
    overview: Overview | None, operations: Sequence[Operation], diagnostics: Diagnostics
) -> list[Operation]:
    """``operations`` with the overview's base path taken off the front of every path,
    when every path has it; else unchanged."""
    base = (overview.base_path or "").strip().rstrip("/") if overview else ""
    if not (overview and base.startswith("/") and operations):
        return list(operations)
    if not all(op.path == base or op.path.startswith(base + "/") for op in operations):
        return list(operations)
    first = operations[0]
    diagnostics.warning(
        "assumed-base-path",
        f"every operation's path starts with the base path {base!r} (Swagger2Markup's "
        f"basePathPrefixEnabled prints them so); read relative to it, as "
        f"{first.path!r} → {first.path[len(base):] or '/'!r}, so the client calls "
        f"{base}/... once (base path given at {overview.location})",
        first.location,
    )
    return [replace(op, path=op.path[len(base):] or "/") for op in operations]
