"""No-op regeneration in milliseconds: a stamp of what the last successful run saw.

After a run that wrote an API's output without errors, the pipeline records a stamp
(an entry of the ``stamps`` cache, `generator.cache.STAMPS`, one slot per API): a
fingerprint of everything that decides the output (the inputs declared there: the
size and mtime of md2sdk's own files and of the built-in templates, the versions of
md2sdk, Python and the libraries that shape the bytes; and per API its config, the
output and template settings, the size and mtime of every file under its specs
folder and the override templates), the size and mtime of every file it produced,
its counts and its diagnostics. The next run compares the stamp before reading a page;
when nothing differs, the API's output is known to be current and the run replays
the counts and warnings instead of parsing, emitting and formatting again.

Anything unexpected (a touched page, a hand-edited or deleted output file, another
md2sdk version, an unreadable stamp) just means a full run. ``md2sdk check`` never
uses stamps. Only the standard library is imported here, so the check is cheap.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from generator.cache import STAMPS, Cache, files_digest
from generator.config import ApiConfig, ProjectConfig
from generator.diagnostics import Diagnostic, Severity
from generator.location import SourceLocation


@dataclass(frozen=True)
class Stamp:
    """What a successful run of one API saw and produced."""

    fingerprint: str
    files: dict[str, tuple[int, int]]
    operations: int
    models: int
    diagnostics: tuple[Diagnostic, ...]


def fingerprint(config: ApiConfig, project: ProjectConfig) -> str:
    """The key of ``config``'s stamp: every input that decides its output (see the
    module doc and `generator.cache.STAMPS`)."""
    folders = [project.root / config.specs]
    if project.templates is not None:
        folders.append(project.root / project.templates)
    return _cache(project.root).key(
        repr(config),
        repr(project.output),
        repr(project.templates),
        *(files_digest(folder, by_stat=True) for folder in folders),
    )


def output_state(output: Path, paths: Iterable[str]) -> dict[str, tuple[int, int]]:
    """``{path: (size, mtime_ns)}`` of produced files; a missing one is ``(-1, -1)``."""
    state: dict[str, tuple[int, int]] = {}
    folder = str(output)  # joined as strings: a thousand files on Kubernetes
    for path in paths:
        try:
            info = os.stat(os.path.join(folder, path))
            state[path] = (info.st_size, info.st_mtime_ns)
        except OSError:
            state[path] = (-1, -1)
    return state


def stamp_file(cache_dir: Path, api: str) -> Path:
    return _cache(cache_dir).path("", slot=api)


def _cache(cache_dir: Path) -> Cache:
    """The stamps under ``cache_dir`` (any folder gives the same keys)."""
    return Cache(cache_dir, STAMPS)


def read_stamp(cache_dir: Path, api: str) -> Stamp | None:
    """The stamp of ``api``, or ``None`` when it is missing or unreadable."""
    blob = _cache(cache_dir).load(None, slot=api)
    if blob is None:
        return None
    try:
        data = json.loads(blob.decode("utf-8"))
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
    blob = json.dumps(data, ensure_ascii=False).encode("utf-8")
    _cache(cache_dir).store(stamp.fingerprint, blob, slot=api)


def drop_stamp(cache_dir: Path, api: str) -> None:
    _cache(cache_dir).drop("", slot=api)
