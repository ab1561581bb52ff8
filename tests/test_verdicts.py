"""Verdicts on body and response examples kept across runs (`generator.resolve.verdicts`).

A kept verdict is reused only while every definition its walk looked up has the same
signature: a definition changed so an example stops (or starts) being a placeholder is
decided again, in a new process (the store read back from disk) and in a watching one
(kept in memory); verdicts that do not reach the changed definition are reused; a
corrupt store is ignored with a warning; the code that decides verdicts is in the
store's key.
"""

from __future__ import annotations

import json
import logging
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.cache import VERDICTS
from generator.kept import forget, next_run
from generator.model import (
    NOWHERE,
    AllOfSchema,
    Api,
    ArraySchema,
    Definition,
    DocValue,
    EnumSchema,
    Example,
    ObjectSchema,
    Operation,
    PrimitiveSchema,
    Property,
    Reference,
    RefSchema,
    Response,
    ResponseExample,
    Schema,
)
from generator.resolve import placeholders
from generator.resolve.examples import mark_examples
from generator.resolve.verdicts import VerdictStore, definition_signature, signature
from generator.resources import package_root

STRING = PrimitiveSchema("string")


def ref(key: str) -> RefSchema:
    return RefSchema(Reference(key, f"#{key.lower()}", None, key.lower(), NOWHERE, key))


def prop(name: str, schema: Schema, example: object = None) -> Property:
    written = None if example is None else DocValue(json.dumps(example), example, True)
    return Property(name, schema, NOWHERE, example=written)


def definition(key: str, *props: Property) -> Definition:
    return Definition(key, key, ObjectSchema(props), NOWHERE)


def returning(path: str, schema: Schema, example: object) -> Operation:
    """``GET path`` answering 200 with ``schema`` and the response example ``example``."""
    text = json.dumps(example, indent=2)
    shown = ResponseExample("200", Example(DocValue(text, example, True), NOWHERE))
    return Operation(
        "GET", path, NOWHERE, responses=(Response("200", "OK", schema, NOWHERE),),
        response_examples=(shown,),
    )  # fmt: skip


DOG = {"name": "string", "owner": {"id": 0}}
"""What Swagger2Markup prints for `Dog` as `dogs` makes it."""
CAT = {"lives": 0}


def dogs(*, owner: Definition | None = None, dog: Definition | None = None) -> Api:
    owner = owner or definition("Owner", prop("id", PrimitiveSchema("integer")))
    dog = dog or definition("Dog", prop("name", STRING), prop("owner", ref("Owner")))
    cat = definition("Cat", prop("lives", PrimitiveSchema("integer")))
    ops = (
        returning("/dog", ref("Dog"), DOG),
        returning("/dogs", ArraySchema(ref("Dog")), [DOG]),
        returning("/cat", ref("Cat"), CAT),
    )
    return Api("t", None, ops, (dog, owner, cat), ())


def generated(api: Api) -> dict[str, bool]:
    return {
        op.path: op.response_examples[0].example.value.generated for op in api.operations
    }


@pytest.fixture
def walks(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[object]]:
    """The response examples walked (not answered from a kept verdict)."""
    seen: list[object] = []
    real = placeholders.Placeholders._response

    def walked(self: placeholders.Placeholders, value: object, schema: Schema) -> bool:
        seen.append(value)
        return real(self, value, schema)

    monkeypatch.setattr(placeholders.Placeholders, "_response", walked)
    yield seen


def run(cache: Path, api: Api, *, watching: bool) -> dict[str, bool]:
    """One run's marking with the store under ``cache`` (a new process: read back)."""
    if watching:
        next_run()
    else:
        forget()
    return generated(mark_examples(api, VerdictStore(cache, "t")))


@pytest.mark.parametrize("watching", [False, True], ids=["new-process", "watching"])
def test_a_changed_definition_decides_again_what_reaches_it(
    tmp_path: Path, walks: list[object], watching: bool
) -> None:
    forget()
    everything = {"/dog": True, "/dogs": True, "/cat": True}
    assert run(tmp_path, dogs(), watching=watching) == everything
    assert len(walks) == 3
    walks.clear()
    assert run(tmp_path, dogs(), watching=watching) == everything
    assert walks == []  # every verdict kept
    # Owner, reached through Dog, gets a property: the Dog examples are written now.
    owner = definition("Owner", prop("id", PrimitiveSchema("integer")), prop("nick", STRING))
    changed = run(tmp_path, dogs(owner=owner), watching=watching)
    assert changed == {"/dog": False, "/dogs": False, "/cat": True}
    assert walks == [DOG, [DOG]]  # the Cat verdict was kept
    walks.clear()
    # And back: the same examples are placeholders again.
    assert run(tmp_path, dogs(), watching=watching) == everything
    assert walks == [DOG, [DOG]]


def test_a_written_property_example_is_part_of_the_verdict(tmp_path: Path) -> None:
    forget()
    assert run(tmp_path, dogs(), watching=False)["/dog"]
    # A person wrote Dog.name's example: a body prints it, so "string" is no placeholder.
    written = definition("Dog", prop("name", STRING, "Rex"), prop("owner", ref("Owner")))
    assert not run(tmp_path, dogs(dog=written), watching=False)["/dog"]
    # A type changed under the same name and example: decided again too.
    typed = definition("Dog", prop("name", PrimitiveSchema("integer")), prop("owner", ref("Owner")))
    assert not run(tmp_path, dogs(dog=typed), watching=False)["/dog"]
    assert run(tmp_path, dogs(), watching=False)["/dog"]


def test_a_definition_that_appears_is_looked_up_again(tmp_path: Path) -> None:
    """A reference to no definition prints its link; once the definition exists, its
    properties are printed instead."""
    forget()
    link = {"name": "string", "owner": "[owner](#owner)"}
    without = Api("t", None, (returning("/dog", ref("Dog"), link),), dogs().definitions[:1], ())
    assert run(tmp_path, without, watching=False) == {"/dog": True}
    with_owner = Api("t", None, without.operations, dogs().definitions[:2], ())
    assert run(tmp_path, with_owner, watching=False) == {"/dog": False}


def test_only_this_runs_verdicts_are_kept(tmp_path: Path) -> None:
    forget()
    run(tmp_path, dogs(), watching=False)
    only_cat = Api("t", None, dogs().operations[2:], dogs().definitions, ())
    run(tmp_path, only_cat, watching=False)
    forget()
    assert len(VerdictStore(tmp_path, "t").known) == 1


def test_a_corrupt_store_is_ignored_with_a_warning(
    tmp_path: Path, walks: list[object], caplog: pytest.LogCaptureFixture
) -> None:
    forget()
    run(tmp_path, dogs(), watching=False)
    slots = list((tmp_path / "verdicts").glob("slot-*"))
    assert slots
    for slot in slots:
        slot.write_bytes(slot.read_bytes()[:-4] + b"oops")
    walks.clear()
    with caplog.at_level(logging.WARNING, "md2sdk.cache"):
        assert run(tmp_path, dogs(), watching=False) == {"/dog": True, "/dogs": True, "/cat": True}
    assert len(walks) == 3
    assert any("ignored a verdicts cache entry" in r.getMessage() for r in caplog.records)


def test_without_a_cache_nothing_is_kept(tmp_path: Path, walks: list[object]) -> None:
    forget()
    for _ in range(2):
        assert generated(mark_examples(dogs(), VerdictStore(None, "t")))["/dog"]
    assert len(walks) == 6
    assert not any(tmp_path.iterdir())


@pytest.mark.parametrize(
    "relative", ["resolve/placeholders.py", "resolve/verdicts.py", "parse/annotations.py"]
)
def test_the_code_that_decides_verdicts_is_in_the_key(tmp_path: Path, relative: str) -> None:
    package = tmp_path / "generator"
    shutil.copytree(package_root(), package, ignore=shutil.ignore_patterns("__pycache__"))
    before = VERDICTS.digest(package)
    (package / relative).write_bytes((package / relative).read_bytes() + b"\n# edited\n")
    assert VERDICTS.digest(package) != before


SCHEMAS: list[tuple[Schema, Schema]] = [
    (STRING, PrimitiveSchema("string", "date")),
    (STRING, PrimitiveSchema("integer")),
    (ref("Dog"), ref("Cat")),
    (ref("Dog"), RefSchema(Reference("Dog", "#dog", None, "hound", NOWHERE, "Dog"))),
    (ArraySchema(STRING), ArraySchema(PrimitiveSchema("boolean"))),
    (EnumSchema(("a", "b")), EnumSchema(("b", "a"))),
    (EnumSchema(("1",), "integer"), EnumSchema(("1",), "string")),
    (ObjectSchema((prop("a", STRING),)), ObjectSchema((prop("b", STRING),))),
    (ObjectSchema((prop("a", STRING),)), ObjectSchema((prop("a", STRING, "x"),))),
    (ObjectSchema((prop("a", STRING, "x"),)), ObjectSchema((prop("a", STRING, "y"),))),
    (AllOfSchema((ref("Dog"),)), AllOfSchema((ref("Dog"), ref("Cat")))),
]


@pytest.mark.parametrize(("one", "other"), SCHEMAS)
def test_signatures_tell_apart_what_the_checks_read(one: Schema, other: Schema) -> None:
    assert signature(one) != signature(other)


def test_signatures_leave_out_descriptions_and_places() -> None:
    dog = definition("Dog", prop("name", STRING))
    described = Definition(
        "Dog", "Dog", ObjectSchema((Property("name", STRING, NOWHERE, "Its name."),)),
        NOWHERE, description="A dog.",
    )  # fmt: skip
    assert definition_signature(dog) == definition_signature(described)
    placeholder = DocValue('"string"', "string", True, generated=True)
    marked = Property("name", STRING, NOWHERE, example=placeholder)
    assert signature(ObjectSchema((marked,))) == signature(ObjectSchema((prop("name", STRING),)))
