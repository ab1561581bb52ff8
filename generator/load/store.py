"""One API's parsed pages kept together, so a run after a one-page edit reads one page.

The store is kept in the page cache (`generator.cache.PAGES`, slots per API, keyed by
the parser's declared inputs): per shown path, the file's stat when it was read
(size, mtimes, inode), the digest of its bytes, the pickled ``(Page, diagnostics)``
pair parsed from them and when that was saved. A run

- stats every page and takes the stored pair of a page whose stat is unchanged
  without reading it, unless the page was modified less than `RACY_NS` before its
  entry was saved (it could have changed again within the file system's timestamp
  granularity; like git's "racily clean" entries, it is read and hashed again);
- reads the other pages and takes the stored pair when their bytes are unchanged
  (a ``touch``, a checkout that rewrote the same bytes);
- parses the rest, and saves the store once with exactly this run's pages.

Loading it is two file reads and checksums instead of 1,903 (Kubernetes); pairs are
kept pickled and unpickled once per run. Saving after an edit writes only a *delta*
(the entries that differ from the base: Kubernetes' base is 23 MB, rewritten in
0.16 s), until the delta holds more than `DELTA_SHARE` of the base's bytes and the
base is rewritten whole. A delta names the base it applies to; any other is ignored.
A corrupt or foreign store is ignored (logged by the cache helper), which only costs
a full parse.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import time
from dataclasses import dataclass
from pathlib import Path

from generator.cache import PAGES, Cache
from generator.kept import Kept

RACY_NS = 2_000_000_000
"""Pages modified this close to their entry's saving are read again (see the module doc)."""
DELTA_SHARE = 0.125
"""The base is rewritten once a delta would hold more than this share of its bytes."""

Stat = tuple[int, int, int, int]
"""(size, mtime_ns, ctime_ns, inode) of a page file."""


def stat_of(info: os.stat_result) -> Stat:
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)


def digest_of(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=20).digest()


@dataclass(frozen=True)
class Entry:
    stat: Stat | None
    """None when the page did not come from a file (tests pass bytes)."""
    digest: bytes
    blob: bytes
    """The pickled ``(Page | None, list[Diagnostic])`` parsed from those bytes."""
    saved_ns: int = 0
    """When the entry was saved (0: not yet)."""


Stored = tuple[Stat | None, bytes, bytes, int]


@dataclass(frozen=True)
class _State:
    """A store as loaded or saved: its base (with the base's save time, which names
    it to its delta) and the entries of base and delta together."""

    base_ns: int
    base: dict[str, Entry]
    known: dict[str, Entry]


_STORES: Kept[_State] = Kept()
"""Each store's last state in this process, by cache folder and key (`generator.kept`)."""


class PageStore:
    """The stored pages of slot ``slot`` under ``cache_dir`` (None: nothing is kept)."""

    def __init__(self, cache_dir: Path | None, slot: str) -> None:
        self.cache = Cache(cache_dir, PAGES)
        self.slot = slot
        self.delta_slot = f"{slot}\0delta"
        self.key = self.cache.key("page-store", slot) if cache_dir is not None else ""
        self.state = _State(0, {}, {})
        self.now: dict[str, Entry] = {}
        """This run's pages, in the order they were given."""
        if self.cache.root is not None:
            self.state = _STORES.get((self.cache.root, self.key), self._read) or self.state

    @property
    def known(self) -> dict[str, Entry]:
        return self.state.known

    def _read(self) -> _State | None:
        base = self._slot(self.slot)
        if base is None:
            return None
        base_ns = base[0]
        entries = {k: e for k, e in base[1].items() if e is not None}
        known = dict(entries)
        delta = self._slot(self.delta_slot)
        if delta is not None and delta[0] == base_ns:
            for shown, entry in delta[1].items():
                if entry is None:
                    known.pop(shown, None)
                else:
                    known[shown] = entry
        return _State(base_ns, entries, known)

    def _slot(self, slot: str) -> tuple[int, dict[str, Entry | None]] | None:
        payload = self.cache.load(self.key, slot=slot)
        if payload is None:
            return None
        try:
            saved_ns, entries = pickle.loads(payload)
            return int(saved_ns), {
                str(k): None if v is None else Entry(*v) for k, v in entries.items()
            }
        except Exception:  # the helper checked the digest: an older layout of ours
            return None

    def by_stat(self, shown: str, stat: Stat) -> Entry | None:
        """The stored entry of ``shown`` when its file is unchanged by its stat."""
        entry = self.known.get(shown)
        if entry is None or entry.stat != stat or stat[1] + RACY_NS > entry.saved_ns:
            return None
        return entry

    def by_digest(self, shown: str, digest: bytes) -> Entry | None:
        entry = self.known.get(shown)
        return entry if entry is not None and entry.digest == digest else None

    def keep(self, shown: str, entry: Entry) -> None:
        self.now[shown] = entry

    def save(self) -> None:
        """Store this run's pages (only when they differ from what was loaded): a delta
        over the base, or a new base once the delta grows (see the module doc)."""
        if self.cache.root is None or self.now == self.known:
            return
        saved_ns = time.time_ns()
        now = {
            k: e if e.saved_ns else Entry(e.stat, e.digest, e.blob, saved_ns)
            for k, e in self.now.items()
        }
        base = self.state.base
        delta: dict[str, Entry | None] = {k: e for k, e in now.items() if base.get(k) != e}
        delta.update((k, None) for k in base.keys() - now.keys())
        size = sum(len(e.blob) for e in delta.values() if e is not None)
        if base and size <= DELTA_SHARE * sum(len(e.blob) for e in base.values()):
            self._store(self.delta_slot, self.state.base_ns, delta)
            self.state = _State(self.state.base_ns, base, now)
        else:
            self._store(self.slot, saved_ns, dict(now))
            self.cache.drop(self.key, slot=self.delta_slot)
            self.state = _State(saved_ns, now, now)
        _STORES.put((self.cache.root, self.key), self.state)

    def _store(self, slot: str, base_ns: int, entries: dict[str, Entry | None]) -> None:
        stored = {k: None if e is None else _stored(e) for k, e in entries.items()}
        payload = pickle.dumps((base_ns, stored), protocol=pickle.HIGHEST_PROTOCOL)
        self.cache.store(self.key, payload, slot=slot)


def _stored(entry: Entry) -> Stored:
    return (entry.stat, entry.digest, entry.blob, entry.saved_ns)
