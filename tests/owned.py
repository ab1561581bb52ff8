"""Comparing output trees by the files md2sdk owns (its manifest), nothing else.

A user may leave anything beside generated files (``pip install ./generated/python/x``
creates ``build/`` and ``*.egg-info``); md2sdk never touches those, so comparisons of
generated trees look only at the files the manifests list, and at the manifests.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from generator.write import MANIFEST, read_manifest


def owned(root: Path, api: str | None = None) -> dict[str, bytes]:
    """``{path: bytes}`` of the files ``root``'s manifest gives to ``api`` (or any API)
    and that exist."""
    return {
        path: (root / path).read_bytes()
        for path, owner in sorted(read_manifest(root).items())
        if (api is None or owner == api) and (root / path).is_file()
    }


def differences(fresh: Path, committed: Path, api: str | None = None) -> list[str]:
    """What differs between two output roots, over the files md2sdk owns there: files
    one manifest lists and the other does not, then a short diff per differing file."""
    if not (committed / MANIFEST).is_file():
        return [f"{committed} has no {MANIFEST}"]
    new, old = owned(fresh, api), owned(committed, api)
    problems = [f"only in fresh: {path}" for path in new if path not in old]
    problems += [f"only in committed: {path}" for path in old if path not in new]
    for path in sorted(set(new) & set(old)):
        if new[path] != old[path]:
            diff = difflib.unified_diff(
                old[path].decode("utf-8", "replace").splitlines(),
                new[path].decode("utf-8", "replace").splitlines(),
                f"committed/{path}", f"fresh/{path}", lineterm="", n=2,
            )  # fmt: skip
            problems.append("\n".join(list(diff)[:40]))
    return problems
