"""A dictionary kept in one cache slot, saved as a base and a delta.

Some caches are one big map per API (and target) that a one-page edit changes by a few
entries: the page store (1,903 parsed pages, 23 MB on Kubernetes), the emit fragments
and whole-file units (the tests target's units: 15 MB). Pickling,
checksumming and writing the whole map after every edit cost more than the edit
itself (~0.3 s for those 30 MB, read and written). A `MapSlot` therefore writes a
*delta* beside its base (the entries added or changed since the base, the keys
removed), and writes a new base, dropping the delta, once the delta holds more than
`DELTA_SHARE` of the base's bytes. A base carries a random token and its delta names
it: a delta made against another base (a run that wrote a new base meanwhile) is never
applied. Base and delta are ordinary entries of the cache helper (`generator.cache`:
checked, written atomically, a corrupt or foreign one ignored with a warning).

What a slot holds is kept for this process's next run too (`generator.kept`), so a
watching process neither reads nor unpickles it again.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from generator.cache import Cache
from generator.kept import Kept

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

DELTA_SHARE = 0.5
"""A new base is written once the delta would hold more than this share of its bytes.

A delta holds what changed since the base, so edits that keep changing one big entry
keep a delta of that entry's size: Kubernetes' ``core_v1`` resource is 30% of its
target's units (4.5 of 15 MB), and with a share of an eighth every edit of it rewrote
both 15 MB bases. At most half the base's bytes are read in vain per load instead."""


@dataclass(frozen=True)
class _State:
    token: bytes
    base: dict[Any, Any]
    known: dict[Any, Any]


_STATES: Kept[_State] = Kept()


class MapSlot(Generic[K, V]):
    """The map kept under ``key`` in slot ``slot`` of ``cache``; ``size`` tells the
    bytes an entry weighs (what the delta's share is measured in), ``valid`` which
    loaded entries to believe (others are dropped, as from an older md2sdk)."""

    def __init__(
        self,
        cache: Cache,
        key: str,
        slot: str,
        *,
        size: Callable[[V], int],
        valid: Callable[[object, object], bool],
    ) -> None:
        self.cache = cache
        self.key = key
        self.slot = slot
        self.size = size
        self.valid = valid
        self.delta_slot = f"{slot}\0delta"
        self._state: _State | None = None

    def load(self) -> dict[K, V]:
        """The map as last saved (empty when there is none); the caller must not
        change it."""
        if self._state is None:
            found = None
            if self.cache.root is not None:
                found = _STATES.get((self.cache.root, self.key), self._read)
            self._state = found or _State(b"", {}, {})
        return self._state.known

    def reload(self) -> dict[K, V]:
        """The map as saved now, read again (another process may have saved it since
        `load`); the caller must not change it."""
        self._state = (self._read() if self.cache.root is not None else None) or _State(b"", {}, {})
        if self.cache.root is not None:
            _STATES.put((self.cache.root, self.key), self._state)
        return self._state.known

    def save(self, now: dict[K, V]) -> None:
        """Keep ``now`` (a new dictionary, not changed afterwards) as the map."""
        if self.cache.root is None:
            return
        state = self._state if self._state is not None else _State(b"", {}, {})
        if now == state.known:
            return
        base = state.base
        changed = {k: v for k, v in now.items() if k not in base or base[k] != v}
        removed = [k for k in base if k not in now]
        weight = sum(self.size(v) for v in changed.values())
        if state.token and weight <= DELTA_SHARE * sum(self.size(v) for v in base.values()):
            self._write(self.delta_slot, (state.token, changed, removed))
            self._state = _State(state.token, base, now)
        else:
            token = os.urandom(16)
            self._write(self.slot, (token, now))
            self.cache.drop(self.key, slot=self.delta_slot)
            self._state = _State(token, now, now)
        _STATES.put((self.cache.root, self.key), self._state)

    def _write(self, slot: str, value: object) -> None:
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        self.cache.store(self.key, payload, slot=slot)

    def _read(self) -> _State | None:
        base = self._unpickled(self.slot)
        if not (isinstance(base, tuple) and len(base) == 2 and isinstance(base[1], dict)):
            return None
        token, entries = base
        entries = {k: v for k, v in entries.items() if self.valid(k, v)}
        known = dict(entries)
        delta = self._unpickled(self.delta_slot)
        if isinstance(delta, tuple) and len(delta) == 3 and delta[0] == token:
            _, changed, removed = delta
            if isinstance(changed, dict) and isinstance(removed, list):
                for k in removed:
                    known.pop(k, None)
                known.update((k, v) for k, v in changed.items() if self.valid(k, v))
        return _State(token, entries, known)

    def _unpickled(self, slot: str) -> object:
        payload = self.cache.load_view(self.key, slot=slot)
        if payload is None:
            return None
        try:
            return pickle.loads(payload)
        except Exception:  # the helper checked the digest: an older layout of ours
            return None
