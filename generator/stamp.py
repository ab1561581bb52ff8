"""No-op regeneration in milliseconds: a stamp of what the last successful run saw.

After a run that wrote an API's output without errors, the pipeline records a stamp
(``<project>/.md2sdk-cache/stamps/<api>.json``): a fingerprint of everything that
decides the output (the API's config, the size and mtime of every file under its
specs folder, of the templates and of md2sdk's own sources, and the versions of the
libraries that shape the bytes), the size and mtime of every file it produced, its
counts and its diagnostics. The next run compares the stamp before reading a page;
when nothing differs, the API's output is known to be current and the run replays
the counts and warnings instead of parsing, emitting and formatting again.

Anything unexpected (a touched page, a hand-edited or deleted output file, another
md2sdk version, an unreadable stamp) just means a full run. ``md2sdk check`` never
uses stamps. Only the standard library is imported here, so the check is cheap.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path

from generator.config import ApiConfig, ProjectConfig
from generator.diagnostics import Diagnostic, Severity
from generator.location import SourceLocation

_PACKAGE = Path(__file__).resolve().parent
BUILTIN_TEMPLATES = _PACKAGE.parent / "templates"
_LIBRARIES = {"black": "black", "mistune": "mistune", "jinja2": "jinja2", "pyyaml": "yaml"}
"""Distributions whose versions shape the output bytes, with their import names."""


@dataclass(frozen=True)
class Stamp:
    """What a successful run of one API saw and produced."""

    fingerprint: str
    files: dict[str, tuple[int, int]]
    operations: int
    models: int
    diagnostics: tuple[Diagnostic, ...]


def fingerprint(config: ApiConfig, project: ProjectConfig) -> str:
    """A hash of every input that decides ``config``'s output (see the module doc)."""
    digest = hashlib.sha256()
    digest.update(f"md2sdk-stamp\0{sys.version}\0{config!r}\0".encode())
    digest.update(f"{project.output!r}\0{project.templates!r}\0".encode())
    for library, module in _LIBRARIES.items():
        digest.update(f"{library}={installed_version(library, module)}\0".encode())
    folders = [project.root / config.specs, BUILTIN_TEMPLATES, _PACKAGE]
    if project.templates is not None:
        folders.append(project.root / project.templates)
    for folder in folders:
        digest.update(f"{folder}\0".encode())
        for path, size, mtime in _tree(folder):
            digest.update(f"{path}\0{size}\0{mtime}\0".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def installed_version(distribution: str, module: str) -> str:
    """The version in the name of ``distribution``'s ``.dist-info`` folder beside
    ``module``, found without importing either (``importlib.metadata`` alone costs
    ~25 ms, a tenth of a no-op run); ``"?"`` when it cannot be told."""
    spec = find_spec(module)
    if spec is None or spec.origin is None:
        return "?"
    site = Path(spec.origin).parent.parent
    prefix = distribution.lower().replace("-", "_") + "-"
    try:
        names = [n for n in os.listdir(site) if n.lower().startswith(prefix)]
    except OSError:
        return "?"
    found = sorted(n[len(prefix) : -len(".dist-info")] for n in names if n.endswith(".dist-info"))
    return ",".join(found) or "?"


def _tree(folder: Path) -> Iterator[tuple[str, int, int]]:
    """``(relative path, size, mtime_ns)`` of every file below ``folder``, sorted,
    following symlinks to folders once; bytecode caches are left out."""
    seen: set[tuple[int, int]] = set()
    stack = [(folder, "")]
    found: list[tuple[str, int, int]] = []
    while stack:
        current, prefix = stack.pop()
        try:
            info = os.stat(current)
            if (info.st_dev, info.st_ino) in seen:
                continue
            seen.add((info.st_dev, info.st_ino))
            entries = list(os.scandir(current))
        except OSError:
            found.append((prefix or ".", -1, -1))
            continue
        for entry in entries:
            name = f"{prefix}{entry.name}"
            try:
                if entry.is_dir():
                    if entry.name != "__pycache__":
                        stack.append((Path(entry.path), f"{name}/"))
                else:
                    info = entry.stat()
                    found.append((name, info.st_size, info.st_mtime_ns))
            except OSError:
                found.append((name, -1, -1))
    return iter(sorted(found))


def output_state(output: Path, paths: Iterable[str]) -> dict[str, tuple[int, int]]:
    """``{path: (size, mtime_ns)}`` of produced files; a missing one is ``(-1, -1)``."""
    state: dict[str, tuple[int, int]] = {}
    for path in paths:
        try:
            info = os.stat(output / path)
            state[path] = (info.st_size, info.st_mtime_ns)
        except OSError:
            state[path] = (-1, -1)
    return state


def stamp_file(cache_dir: Path, api: str) -> Path:
    return cache_dir / "stamps" / f"{api}.json"


def read_stamp(cache_dir: Path, api: str) -> Stamp | None:
    """The stamp of ``api``, or ``None`` when it is missing or unreadable."""
    try:
        data = json.loads(stamp_file(cache_dir, api).read_text(encoding="utf-8"))
        return Stamp(
            fingerprint=str(data["fingerprint"]),
            files={str(p): (int(s), int(m)) for p, (s, m) in data["files"].items()},
            operations=int(data["operations"]),
            models=int(data["models"]),
            diagnostics=tuple(
                Diagnostic(SourceLocation(str(p), int(line), int(col)), Severity(sev), code, msg)
                for p, line, col, sev, code, msg in data["diagnostics"]
            ),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def is_current(stamp: Stamp | None, print_: str, output: Path) -> bool:
    """True when ``stamp`` matches the inputs' fingerprint and every file it recorded
    is still on disk exactly as the last run left it."""
    if stamp is None or stamp.fingerprint != print_:
        return False
    return output_state(output, stamp.files) == stamp.files


def write_stamp(cache_dir: Path, api: str, stamp: Stamp) -> None:
    """Record ``stamp`` (best effort: a cache that cannot be written only costs time)."""
    data = {
        "fingerprint": stamp.fingerprint,
        "files": {p: list(v) for p, v in sorted(stamp.files.items())},
        "operations": stamp.operations,
        "models": stamp.models,
        "diagnostics": [
            [d.location.path, d.location.line, d.location.column, str(d.severity), d.code,
             d.message]
            for d in stamp.diagnostics
        ],
    }  # fmt: skip
    target = stamp_file(cache_dir, api)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temp = target.with_suffix(".tmp")
        temp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(temp, target)
    except OSError:
        return


def drop_stamp(cache_dir: Path, api: str) -> None:
    try:
        stamp_file(cache_dir, api).unlink()
    except OSError:
        return
