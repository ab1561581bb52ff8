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
"""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Callable
from typing import Any, Generic, TypeVar

V = TypeVar("V")


class Kept(Generic[V]):
    """One kind of decoded value (see the module doc)."""

    def __init__(self) -> None:
        self._now: dict[object, V] = {}
        self._before: dict[object, V] = {}
        _ALL.append(self)

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

    def clear(self) -> None:
        self._before, self._now = {}, {}


class ByIdentity(Generic[V]):
    """Values made from an object, kept by its identity in a `Kept` (the object is
    held with its value, so an ``id`` is never mistaken for a later object's): the
    targets of one run read the same resolved model, and a watching process's next
    run the same unchanged parts (`generator.resolve.memo`)."""

    def __init__(self) -> None:
        self._kept: Kept[tuple[object, V]] = Kept()

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


_ALL: list[Kept[Any]] = []
_LONG_LIVED: list[bool] = [False]


def expect_more_runs() -> None:
    """This process will run again (a watch): worth keeping what costs to remember."""
    _LONG_LIVED[0] = True


def long_lived() -> bool:
    """Whether `expect_more_runs` was called in this process."""
    return _LONG_LIVED[0]


def next_run() -> None:
    """A run starts: every `Kept` lets go of what the last run did not use."""
    for kept in _ALL:
        kept.next_run()


def forget() -> None:
    """Let go of everything kept, as a new process would start (tests use it)."""
    _LONG_LIVED[0] = False
    for kept in _ALL:
        kept.clear()


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
