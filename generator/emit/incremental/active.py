"""The fragment memo of the target being emitted, for pure functions deep in emitters.

Filters are wrapped where the environment is made; a layout function such as
`generator.emit.pyshape.render` is called from many places in an emitter, so it asks
`remembered_as` instead, which uses the memo the running `Session` made active (in this
process or this forked worker) and just calls the function when there is none.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from generator.emit.incremental.units import UnitMemo


class Memo(Protocol):
    def call_keyed(
        self, name: str, material: bytes, function: Callable[..., str], args: tuple[Any, ...]
    ) -> str: ...

    def call_over(
        self, name: str, compute: Callable[[], object], model: object, args: tuple[Any, ...]
    ) -> object: ...

    def recording(self) -> AbstractContextManager[set[bytes]]: ...

    def keep(self, keys: Iterable[bytes]) -> None: ...

    def scope(self, name: str) -> Memo: ...


ACTIVE: ContextVar[Memo | None] = ContextVar("md2sdk_fragment_memo", default=None)
UNITS: ContextVar[UnitMemo | None] = ContextVar("md2sdk_unit_memo", default=None)
"""The running target's whole-file memo (`units.UnitMemo`), when it keeps one."""


def active_units() -> UnitMemo | None:
    """The units memo of the running target (``None`` outside a session)."""
    return UNITS.get()


def remembered_as(name: str, material: bytes, function: Callable[..., str], *args: Any) -> str:
    """``function(*args)``, a pure function registered as ``name``, from the active
    memo when one is active, keyed by ``material`` (not by the arguments' stable
    bytes, whose pickle can cost more than the call: the caller holds a digest or a
    cheaper exact form of them). ``material`` must differ for every two argument
    lists the function answers differently; equal material is taken as the same call."""
    memo = ACTIVE.get()
    if memo is None:
        return function(*args)
    return memo.call_keyed(name, material, function, args)


def remembered_over(name: str, model: object, compute: Callable[[], object], *args: Any) -> object:
    """``compute()``, a pure function of ``args`` and of the model part ``model``
    (e.g. ``api.definitions``, which references are followed through), registered as
    ``name``: from the active memo when one is active. The value must be picklable
    data; a remembered one is returned as a fresh copy, never shared."""
    memo = ACTIVE.get()
    if memo is None:
        return compute()
    return memo.call_over(name, compute, model, args)


@contextlib.contextmanager
def scoped(name: str) -> Iterator[None]:
    """Inside the block, the active memo is its scope ``name``: fragments kept in a
    slot of their own, read only by a run that asks for them (one output file built
    again; see `generator.emit.incremental.fragments`)."""
    memo = ACTIVE.get()
    if memo is None:
        yield
        return
    token = ACTIVE.set(memo.scope(name))
    try:
        yield
    finally:
        ACTIVE.reset(token)


def recording() -> AbstractContextManager[set[bytes]]:
    """The keys of the fragments the block asks for (empty without an active memo), to
    be kept (`keep`) with a value remembered over them."""
    memo = ACTIVE.get()
    return memo.recording() if memo is not None else contextlib.nullcontext(set())


def keep(keys: Iterable[bytes]) -> None:
    """Keep the fragments ``keys`` for the next run (see `FragmentMemo.keep`)."""
    memo = ACTIVE.get()
    if memo is not None:
        memo.keep(keys)
