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
kept pickled and unpickled once per run. It is a map slot (`generator.cache_map`):
saving after an edit writes only a delta over its base (Kubernetes' base is 23 MB,
0.16 s to write whole). A corrupt or foreign store is ignored (logged by the cache
helper), which only costs a full parse.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

from generator import hashing
from generator.cache import PAGES, Cache
from generator.cache_map import MapSlot

RACY_NS = 2_000_000_000
"""Pages modified this close to their entry's saving are read again (see the module doc)."""

Stat = tuple[int, int, int, int]
"""(size, mtime_ns, ctime_ns, inode) of a page file."""


def stat_of(info: os.stat_result) -> Stat:
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)


def digest_of(data: bytes) -> bytes:
    return hashing.digest(data)


@dataclass(frozen=True)
class Entry:
    stat: Stat | None
    """None when the page did not come from a file (tests pass bytes)."""
    digest: bytes
    blob: bytes
    """The pickled ``(Page | None, list[Diagnostic])`` parsed from those bytes."""
    saved_ns: int = 0
    """When the entry was saved (0: not yet)."""


class PageStore:
    """The stored pages of slot ``slot`` under ``cache_dir`` (None: nothing is kept)."""

    def __init__(self, cache_dir: Path | None, slot: str) -> None:
        self.cache = Cache(cache_dir, PAGES)
        self.slot = slot
        self.key = self.cache.key("page-store", slot) if cache_dir is not None else ""
        self.stored: MapSlot[str, Entry] = MapSlot(
            self.cache, self.key, slot, size=lambda e: len(e.blob), valid=_valid
        )
        self.known = self.stored.load()
        self.now: dict[str, Entry] = {}
        """This run's pages, in the order they were given."""

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
        """Store this run's pages (only when they differ from what was loaded; as a
        delta over the store's base, `generator.cache_map`)."""
        if self.cache.root is None or self.now == self.known:
            return
        saved_ns = time.time_ns()
        self.stored.save({
            k: e if e.saved_ns else Entry(e.stat, e.digest, e.blob, saved_ns)
            for k, e in self.now.items()
        })  # fmt: skip


def _valid(key: object, value: object) -> bool:
    return isinstance(key, str) and isinstance(value, Entry)
