"""Whole output files kept from the last run, with what building them changed.

Fragments (`fragments.FragmentMemo`) spare laying statements out again, but every
file's view is still built and rendered. A *unit* is one output file (or a few that
are built together) whose inputs an emitter can name without building it: its slice
of the model, the API's names, and the naming state the units before it left (see
`generator.emit.python.reuse`). The emitter keys the unit by a digest of those, asks
`UnitMemo.get`, and on a hit takes the kept value (the rendered text and what the
rest of the run needs to know of the unit) instead of building it.

The units of one target of one API share one map slot, like its fragments
(`generator.cache_map`): loaded once, saved at the end of the target (as a delta)
when this run built units or used other units than the last, holding only the units
this run used. Values are plain data
(tuples, strings, dataclasses of them), each pickled on its own: the slot is a map
of keys to pickles, so loading and saving it cost little more than its bytes, and
only the units a run asks for are unpickled. The cache helper checks the slot (a
corrupt or foreign one is ignored with a warning).
"""

from __future__ import annotations

import pickle
from typing import TYPE_CHECKING

from generator.cache_map import MapSlot
from generator.kept import ByIdentity, long_lived

if TYPE_CHECKING:
    from generator.emit.incremental.session import Session


class UnitMemo:
    """The units of one target of one API (see the module doc)."""

    def __init__(self, session: Session, slot: str) -> None:
        self.session = session
        self.slot = slot
        self.key = session.key("units", slot)
        self.stored: MapSlot[bytes, bytes] = MapSlot(
            session.cache, self.key, slot, size=len, valid=_valid
        )
        self._known: dict[bytes, bytes] | None = None
        self.used: dict[bytes, bytes] = {}
        """This run's units, pickled."""
        self.reused = 0
        self.built = 0
        """How many units were taken from the cache, how many were built this run."""

    @property
    def known(self) -> dict[bytes, bytes]:
        """The last run's units, read on first use (a target without units never
        reads the slot)."""
        if self._known is None:
            self._known = self.stored.load()
        return self._known

    def get(self, key: bytes) -> object | None:
        """The value kept under ``key`` (this run's or the last run's), or ``None``."""
        data = self.used.get(key)
        if data is None:
            data = self.known.get(key)
            if data is None:
                return None
            self.used[key] = data
        try:
            value = _decoded(data)
        except Exception:  # checked by the cache helper; an md2sdk bug, not to be trusted
            del self.used[key]
            return None
        self.reused += 1
        return value

    def peek(self, key: bytes) -> object | None:
        """The value the last run kept under ``key``, or ``None``, without keeping it
        for the next run (where this run takes parts of a changed unit from)."""
        data = self.known.get(key)
        try:
            return None if data is None else pickle.loads(data)
        except Exception:  # as in `get`
            return None

    def note(self, key: bytes, value: object) -> None:
        """Keep ``value`` under ``key`` for the next run without counting it as
        built: a pointer to units (`generator.emit.python.reuse`), not one."""
        self.used[key] = pickle.dumps(value, protocol=5)

    def put(self, key: bytes, value: object) -> None:
        """Keep ``value`` (plain, picklable data) under ``key`` for the next run."""
        self.used[key] = pickle.dumps(value, protocol=5)
        self.built += 1

    def save(self) -> None:
        """Keep this run's units for the next run (only when they changed)."""
        if self._known is None and not self.used:
            return  # a target that keeps no units
        if self.built or self.used.keys() != self.known.keys():
            self.stored.save(self.used)  # a delta over the slot's base (cache_map)


_DECODED = ByIdentity[object]()
"""Units `UnitMemo.get` decoded, by the identity of the pickle they were read from."""


def _decoded(data: bytes) -> object:
    """The unit pickled as ``data``. A watching process takes the object its last run
    decoded when ``data`` is the same object (the slot's map is kept in memory,
    `generator.cache_map`): units are plain immutable data, and decoding them again
    would give equal objects (Kubernetes: 3,400 units per rebuild). Taking the same
    object also lets what is built from it be found again by identity
    (`generator.emit.python.resource_units.load_kept`)."""
    if not long_lived():
        return pickle.loads(data)
    return _DECODED.get(data, lambda: pickle.loads(data))


def _valid(key: object, value: object) -> bool:
    return isinstance(key, bytes) and isinstance(value, bytes)
