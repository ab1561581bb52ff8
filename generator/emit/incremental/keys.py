"""Stable bytes of render arguments, for cache keys.

``pickle`` records a value's complete state — class, fields in order, nested values,
and which parts are one shared object — so two argument lists with equal pickles render
equally (the code that renders them is a declared input of the key). It also tells
apart what ``==`` conflates (``1``/``True``/``1.0``, ``0.0``/``-0.0``, tuples and
lists). The one thing it does not keep stable across processes is the order of a
``set``'s items, which follows string hashing: such arguments still get a key, which
then only misses in the next process (never a wrong hit, since the order is part of
the bytes). Values that cannot be pickled (a lambda, an open file) get no key and are
rendered every time.
"""

from __future__ import annotations

import pickle


def stable_bytes(value: object) -> bytes | None:
    """The pickle of ``value`` (protocol 5), or ``None`` when it cannot be pickled."""
    try:
        return pickle.dumps(value, protocol=5)
    except Exception:  # unpicklable arguments are just not cached
        return None


def content_bytes(value: object) -> bytes:
    """The bytes of a model value for a cache key: its pickle. Equal bytes mean equal
    values, so a key never answers for another value; which parts of a value are one
    shared object also shows in the bytes, which could only cost a miss, and does
    not: on Kubernetes every definition and operation parsed afresh pickles as it
    does loaded from the page cache (a pickle without pickle's memo, immune to that,
    cost 10% more)."""
    return pickle.dumps(value, protocol=5)
