"""What the tests target keeps of its cases and modules, and how it rebuilds without it.

An unchanged operation's cases and an unchanged resource's test unit are taken from
the last run on every edit (`generator.emit.tests.cases`, `generator.emit.tests.reuse`):
what is kept of them is text and the hoisted values' digests, never the example
values themselves. A constant whose statement must be laid out anew therefore needs a
case that holds its value, built this run; when none does (the cache lost the
statement), the target builds every part again. Either way the output is a cold
run's, byte for byte (`tests.test_incremental.Twins`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator import emit
from generator.emit.incremental.active import active_units
from generator.emit.incremental.fragments import FragmentMemo
from generator.emit.incremental.session import Session
from generator.emit.incremental.units import UnitMemo
from generator.kept import forget
from tests.incremental_tree import Op, Param, Prop, Tree
from tests.test_incremental import Twins, add_operation, set_description

TESTS = "tests"


def _long_animal(tree: Tree) -> None:
    """Animal's samples grow past `imports.HOIST_AT`: its values become constants."""
    long_props = [Prop(f"characteristic_number_{n}", "string") for n in range(4)]
    tree.definitions["Animal"].extend(long_props)


def _builds(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether each of the incremental twin's tests targets built its parts ``fresh``
    (nothing taken from the last run), in order."""
    calls: list[bool] = []
    real = emit.tests._modules

    def modules(*args: Any, fresh: bool) -> Any:
        units = active_units()
        if units is not None and units.session.cache.root is not None:  # not the cold twin
            calls.append(fresh)
        return real(*args, fresh=fresh)

    monkeypatch.setattr(emit.tests, "_modules", modules)
    return calls


def test_the_kept_cases_and_units_hold_text_not_example_values(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each edit unpickled the kept views of its module's unchanged cases (their
    example values as `generator.emit.pyshape` expressions) and the live module's
    hoisted values of every unchanged resource: neither is kept any more."""
    kept: list[bytes] = []
    save_units, save_fragments = UnitMemo.save, FragmentMemo.save

    def units(self: UnitMemo) -> None:
        if self.session.cache.root is not None and self.slot.split("\0")[1] == TESTS:
            kept.extend(self.used.values())
        save_units(self)

    def fragments(self: FragmentMemo) -> None:
        if self.session.cache.root is not None and self.slot.split("\0")[1] == TESTS:
            kept.extend(v for v in self.used.values() if isinstance(v, bytes))
        save_fragments(self)

    monkeypatch.setattr(UnitMemo, "save", units)
    monkeypatch.setattr(FragmentMemo, "save", fragments)
    twins = Twins(tmp_path)
    twins.edit(_long_animal)
    module = twins.root / "out" / "python" / "zoo" / "tests" / "test_animals.py"
    assert "_CREATE_ANIMAL_BODY: Any = {" in module.read_text()
    kept.clear()
    twins.edit(set_description("listAnimals", "Lists every animal."))
    assert any(b"CaseTexts" in data for data in kept)  # getAnimal's, createAnimal's
    assert any(b"TestUnit" in data for data in kept)  # test_keepers.py's
    assert not [d for d in kept if b"generator.emit.pyshape" in d or b"OperationCase" in d]


def test_a_constant_first_laid_out_by_a_rebuilt_resource_takes_its_value_from_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The live module names each long value once, after the first operation to hoist
    it: while createAnimal sends no body, its response (an Animal) is
    ``_CREATE_ANIMAL_RESPONSE`` there, hoisted but unused (a live test mocks no
    response). A new keepers operation sends an Animal: its live test uses that
    constant, whose statement was never laid out. test_animals.py's unit is reused
    with the constant's digest only, the new operation's case, built now, gives the
    value, and nothing more is built."""
    builds = _builds(monkeypatch)
    twins = Twins(tmp_path)

    def start(tree: Tree) -> None:
        _long_animal(tree)
        tree.operations["createAnimal"].params = []

    twins.edit(start)
    live = twins.root / "out" / "python" / "zoo" / "tests" / "test_live.py"
    assert "_CREATE_ANIMAL_RESPONSE" not in live.read_text()
    builds.clear()
    place = Op(
        "POST", "/keepers/place", "keepers", "Places an animal in a keeper's care.",
        [Param("Body", "body", "Animal", True)], [("204", "Placed", None)],
    )  # fmt: skip
    twins.edit(add_operation("placeAnimal", place))
    assert "validate_python(_CREATE_ANIMAL_RESPONSE)" in live.read_text()
    assert builds == [False]


def test_a_lost_constant_statement_rebuilds_every_part_as_a_cold_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The tests target's own fragments (the live module's constant statements among
    them) are lost while its units and the modules' scopes are kept: the reused units
    cannot lay out their constants without their values, so the target builds every
    part again, and writes what a cold run writes."""
    builds = _builds(monkeypatch)
    twins = Twins(tmp_path)
    twins.edit(_long_animal)
    session = Session(twins.root / ".md2sdk-cache", "zoo", TESTS)
    slot = session.fragments.slot
    for name in (slot, f"{slot}\0delta"):
        session.cache.drop(session.fragments.key, slot=name)
    forget()  # the next process finds the slot gone
    builds.clear()
    twins.edit(set_description("listKeepers", "Lists every keeper."))
    assert builds == [False, True]
    builds.clear()
    twins.edit(set_description("listKeepers", "Lists each keeper."))
    assert builds == [False]  # the rebuilt parts were kept
