"""What a run kept in memory, saved for the next md2sdk process to start from.

A watching process rebuilds Kubernetes in ~0.4 s after a one-page edit, because it
keeps the last run's parsed pages, resolutions and digests of model parts
(`generator.kept`); a new process spent most of its second to get back there:
unpickling 1,903 pages one by one, resolving and marking every operation, digesting
1,900 model parts. So a one-off run, once its output is written (and a watch, once
stopped), saves what the resumable stores hold (`generator.kept.resumable_state`: one
pickle, ~22 MB on Kubernetes) in one slot of the project's cache
(`generator.cache.RESUME`), and the first run of the next process takes it as the run
before (`load`). What it holds is keyed by content (a page by the digest of its bytes;
a resolution and a digest by the parsed object it was made from, and taken only while
everything else it read is equal), so a saved state only ever saves work: an edited
page is parsed again and what depends on it is made again, as in a watching process.

Saving costs 0.3-0.4 s of CPU on Kubernetes, so the CLI saves in a detached process
(`save_detached`: forked twice, so no one waits for it, holding ``resume.lock`` in
the cache folder while it writes): the command returns as soon as its output is
written. Where there is no ``fork`` (Windows) or other threads run (a fork would copy
them half-way), nothing is saved, which costs the next process time only. The entry
is an ordinary cache entry: written atomically, checked, a corrupt or foreign one
ignored with a warning, and one of another md2sdk, Python or mistune never read.
"""

from __future__ import annotations

import importlib
import os
import pickle
import threading
from collections.abc import Callable
from pathlib import Path

from generator import kept
from generator.cache import RESUME, Cache

SLOT = "state"
LOCK = "resume.lock"
"""The file a detached save holds locked (``flock``) while it writes. The lock is taken
before forking and handed over: it belongs to the open file, which the saver still
holds when the command closes its copy (a ``filelock`` object, as the output lock is,
would release it in the command's process)."""


def load(cache_root: Path) -> bool:
    """Take the state the last process saved under ``cache_root`` as the run before
    this one (a process's first run); whether there was one to take."""
    cache = Cache(cache_root, RESUME)
    key = cache.key()
    payload = cache.load_view(key, slot=SLOT)
    if payload is None:
        return False
    try:
        state = pickle.loads(payload)
        if not isinstance(state, dict) or not all(
            isinstance(name, str) and name.startswith("generator.") and isinstance(items, dict)
            for name, items in state.items()
        ):
            raise TypeError("not a map of kept stores")
        for name in state:
            importlib.import_module(name.partition(":")[0])  # where the store is made
        kept.resume(state)
    except Exception as exc:  # a payload that checks out but does not load: a miss
        cache.ignored(key, f"does not load: {type(exc).__name__}", slot=SLOT)
        return False
    return True


def save(cache_root: Path) -> bool:
    """Save what this process's resumable stores hold now under ``cache_root``;
    whether it could (a value that cannot be pickled leaves the last state)."""
    try:
        payload = pickle.dumps(kept.resumable_state(), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:
        return False
    cache = Cache(cache_root, RESUME)
    cache.store(cache.key(), payload, slot=SLOT)
    return True


def save_detached(cache_root: Path, prepare: Callable[[], object] | None = None) -> bool:
    """`save` in a detached process (see the module doc), after ``prepare()`` there
    (what is worth computing for the next process but not worth waiting for), unless
    one is saving under ``cache_root`` already (its state serves as well); whether one
    was started."""
    if not hasattr(os, "fork") or threading.active_count() > 1:
        return False
    import fcntl  # noqa: PLC0415 (POSIX only, as fork)

    try:
        cache_root.mkdir(parents=True, exist_ok=True)
        lock = os.open(cache_root / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        return False
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(lock)
        return False
    try:
        child = os.fork()
    except OSError:  # no process to spare: the next run just starts from further back
        os.close(lock)
        return False
    if child:
        os.close(lock)  # the lock stays with the copy the saver holds
        os.waitpid(child, 0)
        return True
    try:  # the child: start the saver and return at once, so no one waits for it
        if os.fork() == 0:
            null = os.open(os.devnull, os.O_RDWR)
            for stream in (0, 1, 2):
                os.dup2(null, stream)
            if prepare is not None:
                prepare()
            save(cache_root)
    finally:
        os._exit(0)


def wait_for_save(cache_root: Path) -> None:
    """Return once no detached save is writing under ``cache_root`` (the benchmark
    waits so that no measurement shares the machine with one)."""
    try:
        import fcntl  # noqa: PLC0415 (POSIX only: elsewhere nothing is saved detached)
    except ImportError:
        return
    try:
        lock = os.open(cache_root / LOCK, os.O_RDWR)
    except OSError:
        return
    try:
        fcntl.flock(lock, fcntl.LOCK_EX)
    finally:
        os.close(lock)
