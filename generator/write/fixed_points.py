"""Which output files' sources were, as last formatted, their own formatted form.

Nearly every file md2sdk generates is shaped (`generator.write.formatting`): black
leaves it as it is. This store says so from one map slot: per output path, the
formatter's cache key of the source it last found to be a fixed point. The key is
derived from the source and everything formatting depends on (black's version, the
mode), so a path whose source has that key now is a fixed point now; any other source
is asked of the formatter's cache. Such a source has no entry of its own in that cache
(an entry file per generated file cost a cold Kubernetes run ~1,000 file creations,
and every later run as many reads); a source met at another path, or a lost slot,
is formatted (for a shaped file: compiled) again. A stale or foreign entry can only
cost that work, never a wrong answer."""

from __future__ import annotations

from generator.cache import Cache
from generator.cache_map import MapSlot


class FixedPoints:
    """The fixed points of the formatter's cache ``cache`` (a `BLACK` cache)."""

    def __init__(self, cache: Cache) -> None:
        self._slot: MapSlot[str, str] | None = None
        if cache.root is not None:
            key = cache.key("fixed-points")
            self._slot = MapSlot(cache, key, "fixed-points", size=len, valid=_valid)
        # Read from the file every time: the workers of a parallel emit record theirs
        # there while this process runs (one small slot, a few ms).
        self._known = self._slot.reload() if self._slot is not None else {}
        self._now: dict[str, str] = {}

    def holds(self, path: str, key: str) -> bool:
        """Whether ``path``'s source with cache key ``key`` is known to be its own format."""
        return self._now.get(path, self._known.get(path)) == key

    def record(self, path: str, key: str) -> None:
        """``path``'s source with cache key ``key`` is its own formatted form."""
        self._now[path] = key

    def save(self) -> None:
        """Keep what changed for the next process (entries of other paths stay: the
        outputs of other APIs of the project, and of targets that formatted their
        files in another process of this run meanwhile: the slot is read again first)."""
        if self._slot is None or all(self._known.get(p) == k for p, k in self._now.items()):
            return
        self._known = self._slot.reload()
        if any(self._known.get(p) != k for p, k in self._now.items()):
            self._slot.save({**self._known, **self._now})


def _valid(key: object, value: object) -> bool:
    return isinstance(key, str) and isinstance(value, str)
