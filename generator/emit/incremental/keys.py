"""Stable bytes of render arguments, for cache keys.

``pickle`` records a value's complete state — class, fields in order, nested values
(written out each time: without pickle's memo, which parts are one shared object does
not show) — so two argument lists with equal pickles render equally (the code that
renders them is a declared input of the key). It also tells apart what ``==``
conflates (``1``/``True``/``1.0``, ``0.0``/``-0.0``, tuples and lists). The one thing
it does not keep stable across processes is the order of a ``set``'s items, which
follows string hashing: such arguments still get a key, which then only misses in
the next process (never a wrong hit, since the order is part of the bytes). Values
that cannot be pickled (a lambda, an open file) get no key and are rendered every time.
"""

from __future__ import annotations

import io
import pickle
from collections.abc import Callable

from generator import hashing
from generator.kept import Kept


def stable_bytes(value: object) -> bytes | None:
    """The pickle of ``value`` (protocol 5) without pickle's memo, or ``None`` when it
    cannot be pickled (or holds a cycle, which a memo-less pickle cannot write).

    Pickle's memo writes a string met twice as one object once and then refers to it,
    so the bytes would also record which equal strings are one object: a view built
    from names decided afresh and the same view built from names replayed from the
    last run (`generator.emit.python.reuse`) would get other keys. Without the memo
    equal values give equal bytes."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=5)
    pickler.fast = True
    try:
        pickler.dump(value)
    except Exception:  # unpicklable arguments are just not cached
        return None
    return buffer.getvalue()


def content_bytes(value: object) -> bytes:
    """The bytes of a model value for a cache key: its pickle. Equal bytes mean equal
    values, so a key never answers for another value; which parts of a value are one
    shared object also shows in the bytes, which could only cost a miss, and does
    not: on Kubernetes every definition and operation parsed afresh pickles as it
    does loaded from the page cache (a pickle without pickle's memo, immune to that,
    cost 10% more)."""
    return pickle.dumps(value, protocol=5)


_DIGESTS: Kept[tuple[object, bytes]] = Kept()
"""Digests of model parts by identity (the part is held with its digest, so an ``id``
is never mistaken for a later object's): the targets of one run read the same
resolved model, and a watching process's next run the same unchanged parts."""


def _remembered(kind: str, value: object, data: Callable[[object], bytes | None]) -> bytes:
    known = _DIGESTS.get((kind, id(value)), lambda: None)
    if known is not None and known[0] is value:
        return known[1]
    digest = hashing.digest(data(value) or repr(id(value)).encode())
    _DIGESTS.put((kind, id(value)), (value, digest))
    return digest


def model_digest(model: object) -> bytes:
    """A digest of the stable bytes of ``model`` (a model part such as
    ``api.definitions``), taken once per run for the same object: every target reads
    the same resolved model (on Kubernetes each target took 0.065 s). A value that
    cannot be pickled gets a digest of its identity, which only ever misses."""
    return _remembered("stable", model, stable_bytes)


def content_digest(value: object) -> bytes:
    """A digest of `content_bytes` of ``value`` (an operation, a definition), taken
    once per run for the same object."""
    return _remembered("content", value, content_bytes)


def hash_parts(*parts: bytes) -> bytes:
    """A digest of ``parts`` in order, each length-prefixed (no two part lists that
    differ give the same bytes): how unit keys combine their pieces."""
    digest = hashing.Hasher()
    for part in parts:
        digest.update(b"%d:" % len(part) + part)
    return digest.digest()
