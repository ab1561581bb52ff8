"""What a test module needs besides its tests, gathered while its cases are built.

`Imports` collects the names a module imports (models, typing, datetime) and hoists
long literal values into module constants. Building a case changes it; those changes
can be logged (`Effect`) and applied again in another run (`Imports.replay`), which is
how remembered cases (`generator.emit.tests.cases`) leave a module as building them
would.

A logged hoist holds the value's one-line code and digest, not the value: the values
are big example trees, and unpickling them with every remembered case and module was
most of a one-page edit's time on Kubernetes. The value is only needed to lay out a
constant's statement, which is remembered by that digest and the constant's name: a
constant whose statement was laid out in the last run is laid out from the cache. A
replayed constant whose statement is not remembered (the cache lost it) cannot be
laid out: `statements` raises `ValueGone`, and the emitter builds the tests again
without remembered parts (`generator.emit.tests`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from generator.emit.incremental.active import remembered_as
from generator.emit.incremental.keys import model_digest
from generator.emit.pyshape import Atom, Expr, flat, render

_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_QUOTED = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")
_JSON_NATIVE = frozenset({"str", "int", "float", "bool", "list", "dict", "None", "Any", "Literal"})

Effect = tuple[str, tuple[Any, ...], str]
"""One change to an `Imports`: ``("hoist", (the value's code, name, its key), constant)``
or ``("native", (hint,), "")``; a hoist of a short value changes nothing and is not one."""


class ValueGone(Exception):
    """A replayed constant's statement is not remembered, and its value was not kept."""

HOIST_AT = 80
"""Literal values at least this long become module constants (see `Imports.hoist`)."""


class Imports:
    """What a test module's code needs besides its tests: names by where they live, and
    the module-level constants its long literal values were hoisted into."""

    def __init__(self, model_names: set[str]) -> None:
        self.model_names = model_names
        self.models: set[str] = set()
        self.typing: set[str] = set()
        self.datetime: set[str] = set()
        self.constants: dict[str, str] = {}
        """Literal code → constant name, in first-use order."""
        self.values: dict[str, tuple[Expr | None, bytes]] = {}
        """Constant name → its value (``None``: replayed, not kept) and its digest."""
        self.log: list[Effect] | None = None
        """When a list, what changed this object is appended to it (`Effect`)."""

    def hoist(self, value: Expr, name: str) -> Expr:
        """``value`` itself when short, else the name of a module constant holding it.

        The sync, async, raw-response and error tests of an operation use the same
        example values; writing each once keeps big APIs' test modules a fraction of
        the size (and of black's time). ``name`` is an identifier-safe stem.
        """
        code = flat(value)
        if len(code) < HOIST_AT:
            return value
        # An expression is a tree of frozen dataclasses, strings and tuples: always
        # picklable, so its digest is one of its stable bytes (never of its identity).
        key = model_digest(value)
        constant = self.hoist_code(value, code, name, key)
        if self.log is not None:
            self.log.append(("hoist", (code, name, key), constant))
        return Atom(constant)

    def hoist_code(self, value: Expr | None, code: str, name: str, key: bytes) -> str:
        """The constant holding ``value`` (one line: ``code``, long; ``key``: the
        digest of its stable bytes; ``None`` when replayed), made when new."""
        known = self.constants.get(code)
        if known is not None:
            if value is not None and self.values[known][0] is None:
                self.values[known] = (value, self.values[known][1])
            return known
        taken = set(self.constants.values())
        stem = "_" + name.upper()
        candidate, n = stem, 2
        while candidate in taken:
            candidate, n = f"{stem}_{n}", n + 1
        self.constants[code] = candidate
        self.values[candidate] = (value, key)
        return candidate

    def statements(self, names: set[str] | None = None) -> tuple[str, ...]:
        """The ``_NAME: Any = value`` statements (only ``names`` when given), each
        remembered by its value's digest (kept with the value, also in a replayed
        `Effect`), not by a pickle of the value: laying out a module's constants
        pickled every hoisted example value again. `ValueGone` when a replayed
        constant's statement is not remembered."""
        return tuple(
            remembered_as("tests.constant", key + head.encode(), _statement, value, head)
            for name, (value, key) in self.values.items()
            if names is None or name in names
            for head in (f"{name}: Any = ",)
        )

    def native(self, hint: str) -> bool:
        """Record what ``hint`` needs; True when JSON values already have its type."""
        names = set(_IDENT.findall(_QUOTED.sub("", hint)))
        self.models |= names & self.model_names
        self.typing |= names & {"Any", "Literal"}
        self.datetime |= names & {"date", "datetime"}
        if self.log is not None:
            self.log.append(("native", (hint,), ""))
        return names <= _JSON_NATIVE

    def replay(self, log: Sequence[Effect]) -> bool:
        """Apply what another run logged (`log`), in order; False when a hoist now
        gives another constant than it gave then (the module's earlier values differ)."""
        same = True
        for kind, args, constant in log:
            if kind == "native":
                self.native(*args)
                continue
            found = self.hoist_code(None, *args)
            same = same and found == constant
            if self.log is not None:
                self.log.append((kind, args, found))
        return same


def compact(log: Sequence[Effect]) -> tuple[Effect, ...]:
    """``log`` without repeated ``native`` effects: a hint adds the same names every
    time, so only its first use changes an `Imports` (a case checks the same few hints
    for each of its tests, and every remembered case's log is replayed on each edit
    of its module: 9,250 checks for Kubernetes' ``core_v1``)."""
    seen: set[tuple[Any, ...]] = set()
    kept: list[Effect] = []
    for effect in log:
        if effect[0] == "native":
            if effect[1] in seen:
                continue
            seen.add(effect[1])
        kept.append(effect)
    return tuple(kept)


def _statement(value: Expr | None, head: str) -> str:
    if value is None:
        raise ValueGone(head)
    return render(value, 0, head)
