"""One API's parsed pages kept together, so a run after a one-page edit reads one page.

The store is one entry of the page cache (`generator.cache.PAGES`, a slot per API,
keyed by the parser's declared inputs): per shown path, the file's stat when it was
read (size, mtimes, inode), the digest of its bytes and the pickled ``(Page,
diagnostics)`` pair parsed from them. A run

- stats every page and takes the stored pair of a page whose stat is unchanged
  without reading it, unless the page was modified less than `RACY_NS` before the
  store was saved (it could have changed again within the file system's timestamp
  granularity; like git's "racily clean" entries, it is read and hashed again);
- reads the other pages and takes the stored pair when their bytes are unchanged
  (a ``touch``, a checkout that rewrote the same bytes);
- parses the rest, and saves the store once with exactly this run's pages.

Loading it is one file read and one checksum instead of 1,903 (Kubernetes); pairs
are kept pickled and unpickled once per run. A corrupt or foreign store is ignored
(logged by the cache helper), which only costs a full parse.
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
"""Pages modified this close to the store's saving are read again (see the module doc)."""

_STORES: Kept[tuple[int, dict[str, Entry]]] = Kept()
"""Each store's last state in this process, by cache folder and key (`generator.kept`)."""

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


class PageStore:
    """The stored pages of slot ``slot`` under ``cache_dir`` (None: nothing is kept)."""

    def __init__(self, cache_dir: Path | None, slot: str) -> None:
        self.cache = Cache(cache_dir, PAGES)
        self.slot = slot
        self.key = self.cache.key("page-store", slot) if cache_dir is not None else ""
        self.known: dict[str, Entry] = {}
        self.saved_ns = 0
        self.now: dict[str, Entry] = {}
        """This run's pages, in the order they were given."""
        self._load()

    def _load(self) -> None:
        if self.cache.root is not None:
            state = _STORES.get((self.cache.root, self.key), self._read)
            if state is not None:
                self.saved_ns, self.known = state

    def _read(self) -> tuple[int, dict[str, Entry]] | None:
        payload = self.cache.load(self.key, slot=self.slot)
        if payload is None:
            return None
        try:
            saved_ns, entries = pickle.loads(payload)
            return int(saved_ns), {str(k): Entry(*v) for k, v in entries.items()}
        except Exception:  # the helper checked the digest: an older layout of ours
            return None

    def by_stat(self, shown: str, stat: Stat) -> Entry | None:
        """The stored entry of ``shown`` when its file is unchanged by its stat."""
        entry = self.known.get(shown)
        if entry is None or entry.stat != stat or stat[1] + RACY_NS > self.saved_ns:
            return None
        return entry

    def by_digest(self, shown: str, digest: bytes) -> Entry | None:
        entry = self.known.get(shown)
        return entry if entry is not None and entry.digest == digest else None

    def keep(self, shown: str, entry: Entry) -> None:
        self.now[shown] = entry

    def save(self) -> None:
        """Store this run's pages (only when they differ from what was loaded)."""
        if self.cache.root is None or self.now == self.known:
            return
        entries = {k: (e.stat, e.digest, e.blob) for k, e in self.now.items()}
        saved_ns = time.time_ns()
        payload = pickle.dumps((saved_ns, entries), protocol=pickle.HIGHEST_PROTOCOL)
        self.cache.store(self.key, payload, slot=self.slot)
        _STORES.put((self.cache.root, self.key), (saved_ns, dict(self.now)))
