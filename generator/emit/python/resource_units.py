"""Resource views taken whole from the last run when their resource's slice is unchanged.

Everything building one resource gives the package view is a function of the slice
`ModelReuse.resource_key` keys it by (its operations, what they reach, its names, the
client options, the paging config, the naming state so far): its view (every
operation's view), the model modules of its operations' inline objects, the naming
changes building them made, the diagnostics they reported, and the README's tour call
of its first operation. The python target keeps them as one `ResourceUnit` under a
key made from the resource's; a run that finds it takes the unit instead of building
it, replays its naming changes (as a reused model module does), reports its
diagnostics again and keeps alive the fragments building it asked for.

The views hold model objects: each operation's `OperationView.operation` and the
parameters of its `OperationView.sources`. A unit is pickled with those written as
references into the resource's operations (``_ref(i, j)``: operation ``i``, its
parameter ``j``; through the pickler's dispatch table, which only those two classes
consult, not a persistent-id hook called for each of a unit's 300,000 objects) and
unpickled against this run's operations, which equal the last run's since the key
holds their content. So a kept unit holds this run's model
objects, as a built one does, and is small: on Kubernetes the 58 resources pickle to
4.7 MB (22 MB with the operations written out) and load in 0.05 s (1.25 s). The
python target keeps each operation's part so too (`generator.emit.python.operation_units`),
for a resource built again.
"""

from __future__ import annotations

import copyreg
import io
import pickle
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from generator.diagnostics import Diagnostic
from generator.emit.python.models import ModelModuleView
from generator.emit.python.naming_state import Change
from generator.emit.python.readme import ExampleCall
from generator.emit.python.resources import ResourceView
from generator.hashing import hash_parts
from generator.kept import Kept
from generator.model import Operation, Parameter

Ref = tuple[int, int]
"""A reference: (operation, parameter) indexes, parameter -1 for the operation."""


@dataclass(frozen=True)
class ResourceUnit:
    """What building one resource gives the package view (see the module doc)."""

    view: ResourceView
    inline: tuple[ModelModuleView, ...]
    """The model modules of its operations' inline objects."""
    changes: tuple[Change, ...]
    """What building it changed in the naming state (`TypeRenderer.journal`)."""
    reported: tuple[Diagnostic, ...]
    tour: ExampleCall | None
    """The README's call of its first operation (`readme.tour_call`)."""
    fragments: tuple[bytes, ...] = ()
    """The fragments building it asked for (`generator.emit.incremental.active.keep`)."""


def view_key(resource_key: bytes) -> bytes:
    """The key a resource's unit is kept under (its module's text has ``resource_key``)."""
    return hash_parts(resource_key, b"view")


def dump_unit(unit: object, operations: list[Operation]) -> bytes:
    """``unit`` (a `ResourceUnit`, an `OperationPart`) pickled, its model objects
    written as references into ``operations``."""
    refs: dict[int, Ref] = {}
    for i, operation in enumerate(operations):
        refs.setdefault(id(operation), (i, -1))
        for j, parameter in enumerate(operation.parameters):
            refs.setdefault(id(parameter), (i, j))
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=5)
    reduce: Callable[[Any], Any] = partial(_reduce, refs)
    table: dict[type, Callable[[Any], Any]] = {**copyreg.dispatch_table}
    table[Operation] = table[Parameter] = reduce
    pickler.dispatch_table = table
    pickler.dump(unit)
    return buffer.getvalue()


def _reduce(refs: dict[int, Ref], obj: object) -> str | tuple[object, ...]:
    """How a unit writes an operation or parameter: as a reference when it is one of
    the resource's, else as pickle writes any object."""
    ref = refs.get(id(obj))
    if ref is None:
        return obj.__reduce_ex__(5)
    return _ref, ref


def _ref(operation: int, parameter: int) -> object:
    """Stands for a reference in a unit's pickle; only `load_object` can read one."""
    raise pickle.UnpicklingError(f"reference {(operation, parameter)} read without operations")


def load_unit(data: bytes, operations: list[Operation]) -> ResourceUnit | None:
    """The unit `dump_unit` wrote, its references resolved against ``operations``;
    ``None`` when ``data`` is not such a unit (never trusted: an md2sdk bug)."""
    unit = load_object(data, operations)
    return unit if isinstance(unit, ResourceUnit) else None


_LOADED: Kept[tuple[bytes, tuple[Operation, ...], object]] = Kept()
"""What `load_kept` read, by key, with the bytes and the operations it was read from."""


def load_kept(key: bytes, data: bytes, operations: list[Operation]) -> object:
    """`load_object` of ``data``, the unit kept under ``key``: in a watching process,
    the object the last run read when ``data`` and ``operations`` are the same objects
    as then (the units memo holds the bytes, `generator.resolve.memo` the operations).
    A unit's views are frozen and hold only those operations, so reading it again
    would give an equal object (57 units of Kubernetes: 0.04-0.07 s per rebuild)."""
    known = _LOADED.get(key, lambda: None)
    if (
        known is not None
        and known[0] is data
        and len(known[1]) == len(operations)
        and all(a is b for a, b in zip(known[1], operations, strict=True))
    ):
        return known[2]
    loaded = load_object(data, operations)
    _LOADED.put(key, (data, tuple(operations), loaded))
    return loaded


def load_object(data: bytes, operations: Sequence[Operation | None]) -> object:
    """What `dump_unit` wrote, its references resolved against ``operations``;
    ``None`` when ``data`` cannot be read so. An operation ``None`` (gone from this
    run) is read as ``None``, its parameters too."""
    try:
        return _Unpickler(io.BytesIO(data), operations).load()
    except Exception:
        return None


class _Unpickler(pickle.Unpickler):
    def __init__(self, file: io.BytesIO, operations: Sequence[Operation | None]) -> None:
        super().__init__(file)
        self.operations = operations

    def find_class(self, module: str, name: str) -> Callable[..., object]:
        if module == __name__ and name == _ref.__name__:
            return self._resolve
        found: Callable[..., object] = super().find_class(module, name)
        return found

    def _resolve(self, i: int, j: int) -> object:
        operation = self.operations[i]
        return operation if j < 0 or operation is None else operation.parameters[j]
