"""Results remembered by their argument's type and ``repr``, bounded.

Docs repeat their examples (one body under create, replace and patch), so emitters
turn equal values into text or expressions once. ``repr`` tells apart what ``==`` and
JSON conflate (``1``/``True``/``1.0``, ``0.0``/``-0.0``, ``{1: x}``/``{"1": x}``,
tuples/lists) and keeps key order. Only a subclass of a builtin that keeps its base's
``repr``, nested in a value, can share a key with the base value.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Generic, TypeVar

_T = TypeVar("_T")


class ReprMemo(Generic[_T]):
    """``compute(value)`` memoised; least recently used first out once the keys plus
    ``size(result)`` pass ``max_chars``; a result over a quarter of that is not kept."""

    def __init__(
        self,
        compute: Callable[[object], _T],
        max_chars: int,
        size: Callable[[_T], int] = lambda _: 0,
    ) -> None:
        self._compute = compute
        self._size = size
        self._results: OrderedDict[str, _T] = OrderedDict()
        self._chars = 0
        self._max_chars = max_chars

    def __call__(self, value: object) -> _T:
        key = f"{type(value).__name__}:{value!r}"
        if key in self._results:
            self._results.move_to_end(key)
            return self._results[key]
        result = self._compute(value)
        cost = len(key) + self._size(result)
        if cost <= self._max_chars // 4:
            self._results[key] = result
            self._chars += cost
            while self._chars > self._max_chars:
                old_key, old = self._results.popitem(last=False)
                self._chars -= len(old_key) + self._size(old)
        return result
