"""Applying a `Plan` so that a failure or Ctrl-C never leaves half-written output.

Three phases:

1. *stage*: every new or changed file is written in full to a temp file beside its
   destination (same folder, so the rename below cannot cross file systems). Any
   failure or interrupt here deletes the temp files and leaves the tree as it was.
2. *journal*: the list of renames and removals is written atomically to
   ``<output>/.md2sdk-journal.json``.
3. *commit*: the renames (``os.replace``, atomic per file) and removals run, with
   SIGINT held back; the manifest is replaced last; then the journal is deleted.

A crash during phase 3 leaves the journal behind; `recover` (run before every write)
finishes it, so the tree always ends up entirely old or entirely new. Temp files a
killed process left in phase 1 are deleted by `recover` too.

Phase 1 may start early for some files: `stage_ahead` stages files that are final
before the run is done (a cold run's emit worker stages the python target's files
while another target is still being emitted), under the same lock, and `apply_plan`
takes each staged file whose bytes are the plan's, stages the rest, and deletes what
it did not take. A run that does not write deletes what it staged (`Staged` is a
context manager).

Two runs writing the same output root at once would delete each other's temp files
(`recover`) and interleave their renames, so a run that writes holds `output_lock` from
its first look at the output to its last rename; a second run waits for it, then finds
the output current. The lock is an OS file lock (``filelock``: ``flock`` on POSIX), so
a killed run never leaves it held.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import signal
import tempfile
import threading
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from types import FrameType, TracebackType

from generator.write.atomic import TEMP_SUFFIX, stage, write_atomic
from generator.write.plan import JOURNAL, MANIFEST, Plan, output_paths, read_regular


@dataclass
class Staged:
    """Files of the output root ``root`` staged ahead of its write (`stage_ahead`).

    As a context manager, deletes on exit whatever `apply_plan` did not take (all of
    it when the run wrote nothing), and the folders made for it that are left empty.
    """

    root: Path
    temps: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    """Output path → (its temp file's path under ``root``, the digest of its bytes)."""
    folders: list[Path] = field(default_factory=list)
    """Folders made for them, each after its parent."""

    def add(self, other: Staged) -> None:
        self.temps.update(other.temps)
        self.folders.extend(other.folders)

    def take(self, path: str, data: bytes) -> str | None:
        """The temp file staged for ``path`` when it holds ``data``, no longer owned
        here (the caller renames or deletes it); ``None`` otherwise."""
        staged = self.temps.get(path)
        if staged is None or staged[1] != _digest(data):
            return None
        del self.temps[path]
        return staged[0]

    def discard(self) -> None:
        """Delete every temp file not taken, then the folders made that are empty."""
        _discard(self.root, [(temp, path) for path, (temp, _) in self.temps.items()],
                 self.folders)  # fmt: skip
        self.temps.clear()
        self.folders.clear()

    def __enter__(self) -> Staged:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:  # fmt: skip
        self.discard()


def stage_ahead(root: Path, files: Mapping[str, str]) -> Staged:
    """Phase 1 for those of ``files`` (output path → text) the disk under ``root`` does
    not hold already, before the plan is made; `apply_plan` takes them.

    The caller holds ``root``'s `output_lock` until the write (another run's `recover`
    would delete them). A file that cannot be staged ends the staging: the write stage
    stages it and reports why it cannot. Interrupted, it deletes what it staged.
    """
    staged = Staged(root)
    known: set[Path] = set()
    folder = str(root)
    try:
        for path in output_paths(root, sorted(files)):
            data = files[path].encode("utf-8")
            if read_regular(os.path.join(folder, path)) != data:
                _make_folders(root / path, staged.folders, known)
                staged.temps[path] = (_stage(root, path, data), _digest(data))
    except OSError:
        pass
    except BaseException:
        staged.discard()
        raise
    return staged


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def apply_plan(plan: Plan, staged: Staged | None = None) -> None:
    """Bring ``plan.root`` to the planned state (see the module docstring), taking
    the files ``staged`` holds for it where their bytes are the plan's."""
    root = plan.root
    ahead = staged if staged is not None else Staged(root)
    root.mkdir(parents=True, exist_ok=True)
    recover(root, keep={temp for temp, _ in ahead.temps.values()})
    renames: list[tuple[str, str]] = []
    removals: list[str] = []
    created = [*ahead.folders]  # made before any made here: undone after them
    ahead.folders.clear()
    folders: set[Path] = set()
    try:
        for change in plan.changes:
            if change.new is None:
                removals.append(change.path)
            elif (temp := ahead.take(change.path, change.new)) is not None:
                renames.append((temp, change.path))
            else:
                _make_folders(root / change.path, created, folders)
                renames.append((_stage(root, change.path, change.new), change.path))
        ahead.discard()  # staged for a file the plan does not write, or not as planned
    except BaseException:
        ahead.discard()
        _discard(root, renames, created)
        raise
    # The manifest is renamed last: until then the old manifest still describes
    # everything that might have to be cleaned up.
    renames.sort(key=lambda pair: pair[1] == MANIFEST)
    with _sigint_deferred():
        try:
            journal = _journal_text(renames, removals).encode("utf-8")
            write_atomic(root / JOURNAL, journal, durable=True)
        except BaseException:
            _discard(root, renames, created)
            raise
        _commit(root, renames, removals)


@contextlib.contextmanager
def output_lock(root: Path, waiting: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold the lock of the output root ``root`` (blocking); ``waiting`` is called once
    first when another run holds it.

    The lock file is not under ``root`` (nothing there may change unless a run succeeds,
    and it would show up in the user's ``git status``) but in a per-user folder of the
    system's temp directory, named by a hash of ``root``'s resolved path, so every run on
    that output root, with or without a project cache, takes the same lock.
    """
    from filelock import FileLock, Timeout  # noqa: PLC0415 (~30 ms; no-op runs skip it)

    lock = FileLock(lock_path(root), thread_local=False)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        if waiting is not None:
            waiting()
        lock.acquire()
    try:
        yield
    finally:
        lock.release()


def lock_path(root: Path) -> Path:
    """The lock file of the output root ``root`` (its folder is created, user-only)."""
    uid = os.getuid() if hasattr(os, "getuid") else 0
    folder = Path(tempfile.gettempdir()) / f"md2sdk-locks-{uid}"
    folder.mkdir(mode=0o700, exist_ok=True)
    name = hashlib.sha256(os.fsencode(root.resolve())).hexdigest()[:32]
    return folder / f"{name}.lock"


def _make_folders(target: Path, created: list[Path], known: set[Path]) -> None:
    """Create ``target``'s missing parent folders, remembering them for `_discard`;
    ``known``: folders this write found or made (looked at once, not once per file:
    a cold Kubernetes write stat'ed 11,000 folders for 1,023 files)."""
    folder = target.parent
    missing: list[Path] = []
    while folder not in known and not folder.exists():
        missing.append(folder)
        folder = folder.parent
    known.add(folder)
    for folder in reversed(missing):
        folder.mkdir()
        created.append(folder)
        known.add(folder)


def _discard(root: Path, renames: list[tuple[str, str]], created: list[Path]) -> None:
    """Undo phase 1: delete the temp files and the folders made for them."""
    for temp, _ in renames:
        with contextlib.suppress(OSError):
            os.unlink(root / temp)
    for folder in reversed(created):
        with contextlib.suppress(OSError):
            folder.rmdir()


def recover(root: Path, keep: Collection[str] = ()) -> None:
    """Finish a write a crash interrupted in phase 3; drop temp files of phase 1 but
    those in ``keep`` (paths under ``root``: this run's, `stage_ahead`)."""
    journal = root / JOURNAL
    if journal.exists():
        try:
            data = json.loads(journal.read_text(encoding="utf-8"))
            renames = [(str(a), str(b)) for a, b in data["renames"]]
            removals = [str(p) for p in data["removals"]]
        except (OSError, ValueError, KeyError, TypeError):
            renames, removals = [], []
        _commit(root, [(a, b) for a, b in renames if (root / a).exists()], removals)
    for temp in root.rglob(f"*{TEMP_SUFFIX}"):
        if keep and temp.relative_to(root).as_posix() in keep:
            continue
        if temp.is_file() and not temp.is_symlink():
            with contextlib.suppress(OSError):
                temp.unlink()


def _commit(root: Path, renames: list[tuple[str, str]], removals: list[str]) -> None:
    for temp, path in renames:
        os.replace(root / temp, root / path)
    for path in removals:
        target = root / path
        with contextlib.suppress(FileNotFoundError):
            target.unlink()
        _prune_empty_parents(root, target.parent)
    with contextlib.suppress(FileNotFoundError):
        (root / JOURNAL).unlink()


def _stage(root: Path, path: str, data: bytes) -> str:
    """Write ``data`` to a temp file beside ``root/path``; return the temp's relative path."""
    target = root / path
    temp = stage(target, data, mode=_mode_for(target))
    return (PurePosixPath(path).parent / temp.name).as_posix()


def _mode_for(target: Path) -> int:
    """Keep an existing file's permissions; new files get 0o666 minus the umask."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _journal_text(renames: list[tuple[str, str]], removals: list[str]) -> str:
    return json.dumps({"renames": renames, "removals": removals}, indent=1) + "\n"


def _prune_empty_parents(root: Path, folder: Path) -> None:
    """Remove folders emptied by removals, up to (not including) the output root."""
    base = root.resolve()
    current = folder
    while current.resolve() != base and current.resolve().is_relative_to(base):
        try:
            current.rmdir()
        except OSError:
            return
        current = current.parent


@contextlib.contextmanager
def _sigint_deferred() -> Iterator[None]:
    """Hold Ctrl-C back while renames run; deliver it afterwards."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []

    def remember(signum: int, frame: FrameType | None) -> None:
        received.append(signum)

    previous = signal.signal(signal.SIGINT, remember)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if received:
            raise KeyboardInterrupt


def write_file(path: Path, text: str) -> bool:
    """Write one standalone file atomically, only if its bytes change; True if written."""
    data = text.encode("utf-8")
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, data, mode=_mode_for(path))
    return True
