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

import io
import pickle


def stable_bytes(value: object) -> bytes | None:
    """The pickle of ``value`` (protocol 5), or ``None`` when it cannot be pickled."""
    try:
        return pickle.dumps(value, protocol=5)
    except Exception:  # unpicklable arguments are just not cached
        return None


def content_bytes(value: object) -> bytes:
    """The pickle of ``value`` without pickle's memo: equal values give equal bytes
    whichever of their parts are one shared object (a model parsed afresh shares
    other parts than one loaded from the page cache). For trees of values only (a
    cycle would never end): the model's frozen dataclasses and tuples."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=5)
    pickler.fast = True  # no memo: shared parts are written out each time
    pickler.dump(value)
    return buffer.getvalue()
