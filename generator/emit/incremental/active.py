"""The fragment memo of the target being emitted, for pure functions deep in emitters.

Filters are wrapped where the environment is made; a layout function such as
`generator.emit.pyshape.render` is called from many places in an emitter, so it asks
`remembered` instead, which uses the memo the running `Session` made active (in this
process or this forked worker) and just calls the function when there is none.
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from typing import Any, Protocol


class Memo(Protocol):
    def call(self, name: str, function: Callable[..., str], args: tuple[Any, ...]) -> str: ...


ACTIVE: ContextVar[Memo | None] = ContextVar("md2sdk_fragment_memo", default=None)


def remembered(name: str, function: Callable[..., str], *args: Any) -> str:
    """``function(*args)``, a pure function registered as ``name``, from the active
    memo when one is active (and its arguments can be keyed)."""
    memo = ACTIVE.get()
    if memo is None:
        return function(*args)
    return memo.call(name, function, args)
