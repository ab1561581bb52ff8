"""Fragment caching: filters whose results are kept from one run to the next.

The OpenAPI document is one file made of a fragment per path item's parts and per
component (each a ``yaml_block`` filter call); a Python module is made of statements
laid out by `generator.emit.pyshape` and docstrings; a model change alters a few of
them. `FragmentMemo` answers such calls: each is keyed by the function's name and the
stable bytes of its arguments, and answered from the fragments of the last run when
the key is known, so a file is re-assembled from cached fragments and only the
changed ones are laid out again.

The fragments of one target of one API are kept together in one map slot
(`generator.cache_map`: loaded once, saved at the end of the target only when they
changed, as a delta over its base), holding just the fragments this run used, so the
slot never grows beyond one document's worth. An emitter whose files are built apart
(the tests target's modules, one per resource) gives each its own *scope*
(`FragmentMemo.scope`): a slot of its own, loaded only when that file is built again,
and left as it is by a run that takes the file whole from the last run (on
Kubernetes the tests target's one slot held 30 MB, which every edit read and wrote).
"""

from __future__ import annotations

import contextlib
import pickle
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from generator.cache_map import MapSlot
from generator.emit.incremental.active import ACTIVE
from generator.emit.incremental.keys import stable_bytes
from generator.hashing import hash_parts

if TYPE_CHECKING:
    from generator.emit.incremental.session import Session

Filter = Callable[..., str]


class FragmentMemo:
    """The fragments of one target of one API (see the module doc)."""

    def __init__(self, session: Session, slot: str) -> None:
        self.session = session
        self.slot = slot
        self.key = session.key("fragments", slot)
        self.stored: MapSlot[bytes, str | bytes] = MapSlot(
            session.cache, self.key, slot, size=len, valid=_valid
        )
        self.known = self.stored.load()
        self.used: dict[bytes, str | bytes] = {}
        """This run's fragments: text, or pickled data (`call_over`)."""
        self._recording: list[set[bytes]] = []
        self._scopes: dict[str, FragmentMemo] = {}

    def scope(self, name: str) -> FragmentMemo:
        """The memo of scope ``name`` of this one (see the module doc): its own slot,
        read on first use, saved with this memo."""
        found = self._scopes.get(name)
        if found is None:
            found = self._scopes[name] = FragmentMemo(self.session, f"{self.slot}\0scope\0{name}")
        return found

    def wrap(self, name: str, function: Filter) -> Filter:
        """``function`` (a filter registered as ``name``), answered from the active
        memo (this one or the scope made active inside it: `active.scoped`)."""

        def cached(*args: Any, **kwargs: Any) -> str:
            active = ACTIVE.get()
            memo = active if isinstance(active, FragmentMemo) else self
            if not kwargs:
                return memo.call(name, function, args)
            keyed = (args, tuple(sorted(kwargs.items())))
            return memo.call(f"{name}\0kwargs", lambda *_: function(*args, **kwargs), keyed)

        return cached

    def call(self, name: str, function: Callable[..., str], args: tuple[Any, ...]) -> str:
        """``function(*args)`` (a pure function registered as ``name``) from this run's
        or the last run's fragments, or computed and remembered."""
        material = stable_bytes(args)
        if material is None:
            return function(*args)
        return self.call_keyed(name, material, function, args)

    def call_keyed(
        self, name: str, material: bytes, function: Callable[..., str], args: tuple[Any, ...]
    ) -> str:
        """`call` keyed by ``material``, which the caller made to tell apart every two
        argument lists ``function`` answers differently (`active.remembered_as`)."""
        key = _key(name, material)
        for keys in self._recording:
            keys.add(key)
        text = self.used.get(key)
        if text is None:
            text = self.known.get(key)
            if text is None:
                text = function(*args)
                self.session.stats.fragments_rendered += 1
            else:
                self.session.stats.fragments_reused += 1
            self.used[key] = text
        return text if isinstance(text, str) else text.decode()

    def call_over(
        self, name: str, compute: Callable[[], object], model: object, args: tuple[Any, ...]
    ) -> object:
        """``compute()`` keyed by ``args`` and the digest of ``model``; kept pickled."""
        material = stable_bytes(args)
        if material is None:
            return compute()
        digest = self.session.digest(model)
        key = _key(name, digest, material)
        for keys in self._recording:
            keys.add(key)
        data = self.used.get(key)
        if data is None:
            data = self.known.get(key)
            if data is None:
                value = compute()
                stored = _pickled(value)
                if stored is not None:
                    self.used[key] = stored
                self.session.stats.fragments_rendered += 1
                return value
            self.session.stats.fragments_reused += 1
            self.used[key] = data
        return pickle.loads(data) if isinstance(data, bytes) else data

    @contextlib.contextmanager
    def recording(self) -> Iterator[set[bytes]]:
        """The keys of the fragments asked for inside the block (see `keep`)."""
        keys: set[bytes] = set()
        self._recording.append(keys)
        try:
            yield keys
        finally:
            # By identity: ``list.remove`` compares by equality, and an enclosing
            # recording may hold equal keys (both still empty, say).
            del self._recording[next(i for i, r in enumerate(self._recording) if r is keys)]

    def keep(self, keys: Iterable[bytes]) -> None:
        """Keep the last run's fragments ``keys`` for the next run although this run
        did not ask for them: the fragments a remembered value was made of, wanted
        again as soon as that value changes (an unchanged call whose caller did)."""
        for key in keys:
            if key not in self.used and (known := self.known.get(key)) is not None:
                self.used[key] = known
            for recording in self._recording:
                recording.add(key)

    def save(self) -> None:
        """Keep this run's fragments for the next run (only when they changed: as a
        delta over the slot's base, `generator.cache_map`), and its scopes'."""
        if self.used and self.used.keys() != self.known.keys():
            self.stored.save(self.used)
        for scope in self._scopes.values():
            scope.save()


def _key(name: str, *material: bytes) -> bytes:
    """A fragment's key: the filter's name and what tells its calls apart."""
    return hash_parts(name.encode(), *material)


def _pickled(value: object) -> bytes | None:
    """``value`` kept as a pickle (with pickle's memo: shared parts stored once)."""
    try:
        return pickle.dumps(value, protocol=5)
    except Exception:  # an unpicklable value is just not kept
        return None


def _valid(key: object, value: object) -> bool:
    return isinstance(key, bytes) and isinstance(value, str | bytes)
