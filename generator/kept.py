"""Values decoded from cache entries, kept in this process for its next run.

A process that runs again and again (``md2sdk generate --watch``) reads the same cache
entries every time but for the few a save changed; decoding them again (unpickling
1,903 parsed pages, the emit fragments, the formatter's answers: about a second on
Kubernetes) would cost more than the rest of a rebuild. A `Kept` answers the keys it
decoded or was given in the current run or the one before (`next_run`, called as each
run starts, forgets the rest, so it holds about one run's worth).

Keys are the cache's own keys (`generator.cache`), derived from everything an entry
depends on, so a kept value is exactly what decoding the entry again would give.
Values are shared between runs: they must be immutable, or never mutated by their
users. A one-off process pays nothing but the dictionaries.

A store made ``resumable`` is also what the next process starts from: what it holds
at the end of a run is saved (`generator.resume`) and taken as the run before by the
first run of a new process. Its values then are copies unpickled together, so what was
one object is one object again, but not the object of the same ``id``: ``rekey`` gives
each entry its key in the new process (`ByIdentity` keys by the held object).
"""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Callable, Mapping
from typing import Any, Generic, TypeVar

V = TypeVar("V")

Rekey = Callable[[object, Any], tuple[object, Any]]
"""An entry ``(key, value)`` saved by another process, as this process keys it."""


class Kept(Generic[V]):
    """One kind of decoded value (see the module doc); ``resumable``: its name among
    the stores saved for the next process (``module:name``, the module defining it)."""

    def __init__(self, resumable: str | None = None, rekey: Rekey | None = None) -> None:
        self._now: dict[object, V] = {}
        self._before: dict[object, V] = {}
        self._rekey = rekey
        _ALL.append(self)
        if resumable is not None:
            if resumable in _RESUMABLE:
                raise ValueError(f"two kept stores are named {resumable!r}")
            _RESUMABLE[resumable] = self

    def get(self, key: object, make: Callable[[], V | None]) -> V | None:
        """The value kept for ``key``, else ``make()`` (kept unless ``None``)."""
        value = self._now.get(key)
        if value is None:
            value = self._before.get(key)
            if value is None:
                value = make()
            if value is not None:
                self._now[key] = value
        return value

    def put(self, key: object, value: V) -> None:
        """Keep ``value`` (made or stored this run) for ``key``."""
        self._now[key] = value

    def next_run(self) -> None:
        self._before, self._now = self._now, {}

    def rekeyed(self, saved: Mapping[object, Any]) -> dict[object, V]:
        """The entries ``saved`` by another process (its `now`), keyed for this one."""
        rekey = self._rekey
        if rekey is None:
            return dict(saved)
        return dict(rekey(key, value) for key, value in saved.items())

    def now(self) -> dict[object, V]:
        """What this run used or made (what a new process would resume from)."""
        return self._now

    def clear(self) -> None:
        self._before, self._now = {}, {}

    def take_before(self, items: dict[object, V]) -> None:
        """Answer ``items`` too, as kept by the run before (`resume`)."""
        self._before.update(items)


class ByIdentity(Generic[V]):
    """Values made from an object, kept by its identity in a `Kept` (the object is
    held with its value, so an ``id`` is never mistaken for a later object's): the
    targets of one run read the same resolved model, and a watching process's next
    run the same unchanged parts (`generator.resolve.memo`)."""

    def __init__(self, resumable: str | None = None) -> None:
        self._kept: Kept[tuple[object, V]] = Kept(resumable, _by_identity)

    def get(self, part: object, make: Callable[[], V], scope: object = None) -> V:
        """The value kept for ``part`` itself (within ``scope``: what else the value
        depends on, hashable), else ``make()`` (kept)."""
        key = (scope, id(part))
        known = self._kept.get(key, lambda: None)
        if known is not None and known[0] is part:
            return known[1]
        value = make()
        self._kept.put(key, (part, value))
        return value


def _by_identity(key: object, item: tuple[object, Any]) -> tuple[object, Any]:
    """A `ByIdentity` entry keyed by its held object's identity in this process."""
    scope = key[0] if isinstance(key, tuple) else None
    return (scope, id(item[0])), item


_ALL: list[Kept[Any]] = []
_RESUMABLE: dict[str, Kept[Any]] = {}
_LONG_LIVED: list[bool] = [False]
_RUNS: list[int] = [0]


def expect_more_runs() -> None:
    """This process will run again (a watch): worth keeping what costs to remember."""
    _LONG_LIVED[0] = True


def long_lived() -> bool:
    """Whether `expect_more_runs` was called in this process."""
    return _LONG_LIVED[0]


def next_run() -> None:
    """A run starts: every `Kept` lets go of what the last run did not use."""
    _RUNS[0] += 1
    for kept in _ALL:
        kept.next_run()


def first_run() -> bool:
    """Whether the run going on is this process's first (nothing is kept before it)."""
    return _RUNS[0] == 1


def forget() -> None:
    """Let go of everything kept, as a new process would start (tests use it)."""
    _LONG_LIVED[0] = False
    _RUNS[0] = 0
    for kept in _ALL:
        kept.clear()


def resumable_state() -> dict[str, dict[object, Any]]:
    """What every resumable store holds after this run, by store name."""
    return {name: kept.now() for name, kept in _RESUMABLE.items()}


def resume(state: Mapping[str, Mapping[object, Any]]) -> None:
    """Take ``state`` (a `resumable_state` of another process) as the run before this
    one, in the stores named; each store's entries are keyed for this process first, so
    an entry that cannot be (raising) leaves every store as it was."""
    taken = {name: _RESUMABLE[name].rekeyed(items) for name, items in state.items()}
    for name, items in taken.items():
        _RESUMABLE[name].take_before(items)


RACY_NS = 3 * 10**9
"""How long after its last modification a file's signature is trusted (a FAT file
system keeps times to two seconds)."""


def file_signature(path: str, *, follow: bool = True) -> tuple[int, ...]:
    """A regular file's inode, size, and modification and change times, to know later
    that it is as it was when something was read or found of it; empty for anything
    else (missing, a folder; with ``follow`` false, a symlink), and for a file modified
    in the last `RACY_NS`: times have the granularity of the kernel's clock tick, so a
    change in the same tick could leave them as they were (git's "racy" files). Any
    later change sets a time after it."""
    try:
        info = os.stat(path) if follow else os.lstat(path)
    except OSError:
        return ()
    if not stat.S_ISREG(info.st_mode) or time.time_ns() - info.st_mtime_ns <= RACY_NS:
        return ()
    return (info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


class FileFacts(Generic[V]):
    """What a process learnt of files, by path, taken again only while each file's
    signature (`file_signature`) is what it was when learnt: the output files a
    watching process's plan found holding a text (`generator.write.plan`), the digests
    of md2sdk's own files in every cache's inputs (`generator.cache`)."""

    def __init__(self, *, follow: bool = True) -> None:
        self._kept: Kept[tuple[tuple[int, ...], V]] = Kept()
        self._follow = follow

    def known(self, path: str) -> V | None:
        """What was learnt of the file at ``path``, if it is as it was then."""
        found = self._kept.get(path, lambda: None)
        if found is None or found[0] != file_signature(path, follow=self._follow):
            return None
        return found[1]

    def learn(self, path: str, value: V, signature: tuple[int, ...] | None = None) -> None:
        """Keep ``value`` for the file at ``path`` as it is now (or as ``signature``, taken
        before reading it); not for a file too recently modified to be told apart."""
        if signature is None:
            signature = file_signature(path, follow=self._follow)
        if signature:
            self._kept.put(path, (signature, value))
