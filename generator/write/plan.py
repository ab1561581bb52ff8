"""What a write would change under the output root, computed without touching it.

A `Plan` compares the files a run produces (per API) with the disk and with the
manifest of files md2sdk owns (``<output>/.md2sdk-manifest.json``, a sorted
``{path: api}`` map). Files whose bytes are equal are *unchanged* and will not be
touched, so their mtimes stay; files the manifest gives to an API of this run that the
run no longer produces are *stale* and will be removed; files the manifest does not
list are never removed, and files of APIs not in this run stay owned and untouched.

`check` mode is just a plan's `diff`. Paths are validated here, once, for everyone:
an emitter can name only plain relative paths that stay inside the output root.
"""

from __future__ import annotations

import difflib
import functools
import json
import os
import stat
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from generator.diagnostics import Diagnostics
from generator.kept import FileFacts, long_lived
from generator.location import SourceLocation
from generator.write.atomic import TEMP_SUFFIX

MANIFEST = ".md2sdk-manifest.json"
JOURNAL = ".md2sdk-journal.json"
RESERVED = {MANIFEST, JOURNAL}


@dataclass(frozen=True)
class Change:
    """One file to add, update or remove; ``old``/``new`` are ``None`` where absent."""

    path: str
    old: bytes | None
    new: bytes | None

    @property
    def kind(self) -> str:
        return "remove" if self.new is None else "add" if self.old is None else "update"


@dataclass
class Plan:
    """The changes that would bring the output root up to date, and what stays."""

    root: Path
    changes: list[Change] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    written_by_api: dict[str, int] = field(default_factory=dict)
    unchanged_by_api: dict[str, int] = field(default_factory=dict)
    removed_by_api: dict[str, int] = field(default_factory=dict)
    interrupted: bool = False

    @property
    def is_current(self) -> bool:
        return not self.changes and not self.interrupted

    def diff(self, max_lines: int = 40) -> str:
        """A unified diff per differing file, each cut to ``max_lines`` lines."""
        out: list[str] = []
        if self.interrupted:
            out.append(f"{JOURNAL}: an interrupted write is pending; run generate\n")
        for change in self.changes:
            out.extend(_file_diff(change, max_lines))
        return "".join(out)


def plan_write(
    root: Path, outputs: Mapping[str, Mapping[str, str]], diagnostics: Diagnostics
) -> Plan:
    """Compare ``outputs`` (API name → path → text) with the disk under ``root``.

    Bad paths and paths two APIs both produce are errors; the plan then still lists
    what it could compare, but callers must not apply it (``diagnostics.has_errors``).
    """
    plan = Plan(root=root, interrupted=(root / JOURNAL).exists())
    _real.cache_clear()  # folders may have changed since the last plan
    owners = read_manifest(root)
    produced: dict[str, str] = {}
    for api in sorted(outputs):
        for path in sorted(outputs[api]):
            if not _valid_path(root, path, api, diagnostics):
                continue
            if path in produced:
                diagnostics.error(
                    "output-conflict",
                    f"{path} is produced by both {produced[path]!r} and {api!r}",
                    SourceLocation(path, 1, 1),
                )
                continue
            produced[path] = api
    new_owners = {p: a for p, a in owners.items() if a not in outputs}
    new_owners.update(produced)
    folder = str(root)
    watching = long_lived()
    for path, api in produced.items():
        change = _compared(os.path.join(folder, path), outputs[api][path], watching)
        if change is None:
            plan.unchanged.append(path)
            plan.unchanged_by_api[api] = plan.unchanged_by_api.get(api, 0) + 1
        else:
            plan.changes.append(Change(path, *change))
            plan.written_by_api[api] = plan.written_by_api.get(api, 0) + 1
    for path, api in sorted(owners.items()):
        if api in outputs and path not in produced and _is_confined(root, path):
            old = read_regular(os.path.join(folder, path))
            if old is not None:
                plan.changes.append(Change(path, old, None))
                plan.removed_by_api[api] = plan.removed_by_api.get(api, 0) + 1
    manifest = manifest_text(new_owners).encode("utf-8")
    old_manifest = read_regular(os.path.join(folder, MANIFEST))
    if old_manifest != manifest:
        plan.changes.append(Change(MANIFEST, old_manifest, manifest))
    return plan


def manifest_text(owners: Mapping[str, str]) -> str:
    data = {"generator": "md2sdk", "files": dict(sorted(owners.items()))}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def read_manifest(root: Path) -> dict[str, str]:
    """The owned files as ``{path: api}``; a missing or unreadable manifest owns nothing."""
    try:
        data = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    files = data.get("files") if isinstance(data, dict) else None
    if not isinstance(files, dict):
        return {}
    return {
        str(path): str(api)
        for path, api in files.items()
        if isinstance(path, str) and _is_plain(path)
    }


def _valid_path(root: Path, path: str, api: str, diagnostics: Diagnostics) -> bool:
    if _writable(root, path):
        return True
    diagnostics.error(
        "bad-output-path",
        f"the {api!r} output {path!r} is not a relative path inside the output root",
        SourceLocation(api, 1, 1),
    )
    return False


def output_paths(root: Path, paths: Iterable[str]) -> list[str]:
    """Those of ``paths`` an emitter may name, as `plan_write` checks them, looking
    at the folders afresh."""
    _real.cache_clear()
    return [path for path in paths if _writable(root, path)]


def _writable(root: Path, path: str) -> bool:
    """A plain relative path, not md2sdk's own manifest or journal, that stays inside
    ``root`` (no symlink along it leads out)."""
    return _is_plain(path) and path not in RESERVED and _is_confined(root, path)


def _is_plain(path: str) -> bool:
    """Relative, forward slashes, no empty, ``.`` or ``..`` parts, no NUL, no temp names."""
    if not path or "\\" in path or "\0" in path or path.startswith("/"):
        return False
    parts = path.split("/")
    return not (any(part in {"", ".", ".."} for part in parts) or parts[-1].endswith(TEMP_SUFFIX))


def _is_confined(root: Path, path: str) -> bool:
    """True when no symlink along ``root/path`` leads outside ``root``."""
    base = _real(str(root))
    folder, _, name = path.rpartition("/")
    where = os.path.join(_real(os.path.join(base, folder)) if folder else base, name)
    if os.path.islink(where):
        where = os.path.realpath(where)
    return where == base or where.startswith(base.rstrip(os.sep) + os.sep)


@functools.lru_cache(maxsize=4096)
def _real(path: str) -> str:
    """``os.path.realpath``, remembered for the folders of one plan: a run plans a
    thousand files in a few dozen folders (the cache is cleared per plan)."""
    return os.path.realpath(path)


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_FLAGS = os.O_RDONLY | os.O_NONBLOCK | _NOFOLLOW
"""How `read_regular` opens a file: never through a symlink, and a FIFO without waiting for
a writer (it is then no regular file, and not read)."""


def read_regular(path: str) -> bytes | None:
    """The bytes of the regular file at ``path``; ``None`` for anything else (missing,
    a symlink, a folder, a FIFO...). Plain ``os`` calls: a run reads every output
    file it produces (1,023 on Kubernetes), and pathlib cost 0.03 s of them."""
    try:
        if not _NOFOLLOW and os.path.islink(path):
            return None
        handle = os.open(path, _FLAGS)
    except OSError:
        return None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            return None
        chunks = [os.read(handle, info.st_size + 1)]
        while chunks[-1]:  # until the end, wherever it is now
            chunks.append(os.read(handle, 1 << 16))
        return chunks[0] if len(chunks) == 2 else b"".join(chunks)
    except OSError:
        return None
    finally:
        os.close(handle)


def _compared(path: str, text: str, watching: bool) -> tuple[bytes | None, bytes] | None:
    """``None`` when the file at ``path`` holds ``text``, else its bytes (``None``: no
    regular file there) and ``text``'s. A watching process takes the file as holding
    ``text`` without reading it when the last run found it holding this very string
    object and the file is as it was then: its run produces the same string for every
    file taken whole from the last run (all but a few on Kubernetes: 19 MB of its
    1,023 files to encode, read and compare again)."""
    if watching and _FOUND.known(path) is text:
        return None
    new = text.encode("utf-8")
    old = read_regular(path)
    if old != new:
        return old, new
    if watching:
        _FOUND.learn(path, text)
    return None


_FOUND = FileFacts[str](follow=False)
"""Texts a watching process found its output files holding (`generator.kept.FileFacts`)."""


def _file_diff(change: Change, max_lines: int) -> list[str]:
    try:
        old = (change.old or b"").decode("utf-8").splitlines(keepends=True)
        new = (change.new or b"").decode("utf-8").splitlines(keepends=True)
    except UnicodeDecodeError:
        return [f"Binary files a/{change.path} and b/{change.path} differ\n"]
    before = f"a/{change.path}" if change.old is not None else os.devnull
    after = f"b/{change.path}" if change.new is not None else os.devnull
    lines = [
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
        for line in difflib.unified_diff(old, new, before, after, n=2)
    ]
    if len(lines) > max_lines:
        hidden = len(lines) - max_lines
        lines = [*lines[:max_lines], f"... {hidden} more diff lines in {change.path}\n"]
    return lines
