"""An edit of one operation rebuilds and re-renders that operation, not its siblings.

A resource whose key changed is built again from its operations' parts, each taken
from the last run when its own key is unchanged (`generator.emit.python.
operation_units`); the result must still equal a cold run byte for byte, also when
the edit renames a sibling's method through a name collision.
"""

from __future__ import annotations

import pickle
import re
from pathlib import Path
from typing import Any

import pytest
from jinja2 import DictLoader, Environment

from generator.emit.incremental.active import active_units
from generator.emit.incremental.units import UnitMemo
from generator.emit.python import resource_text, resource_units, resources
from generator.kept import expect_more_runs, forget
from tests.incremental_tree import Op, zoo
from tests.test_incremental import (
    CONFIG,
    Twins,
    _generate,
    _project,
    _tree,
    add_operation,
    remove_operation,
    set_description,
)

ANIMALS = "out/python/zoo/src/zoo_client/resources/animals.py"


def _built_operations(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The method names of the operations the incremental twin builds from now on."""
    built: list[str] = []
    real = resources.build_part

    def build(operation: Any, name: str, *args: Any, **kwargs: Any) -> Any:
        units = active_units()
        if units is not None and units.session.cache.root is not None:  # not the cold twin
            built.append(name)
        return real(operation, name, *args, **kwargs)

    monkeypatch.setattr(resources, "build_part", build)
    return built


def _rendered_texts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The method names of the operations whose method texts the incremental twin
    renders from now on."""
    rendered: list[str] = []
    real = resource_text.OperationTexts

    class Counting(real):
        def __new__(cls, *texts: str) -> Any:
            units = active_units()
            if units is not None and units.session.cache.root is not None:
                rendered.extend(re.findall(r"^    def (\w+)\(", texts[0], re.MULTILINE)[:1])
            return real(*texts)

    monkeypatch.setattr(resource_text, "OperationTexts", Counting)
    return rendered


def _methods(root: Path) -> list[str]:
    text = (root / ANIMALS).read_text(encoding="utf-8")
    head = text.split("\nclass AsyncAnimalsResource", 1)[0]
    names = re.findall(r"^    def (\w+)\(", head, re.MULTILINE)
    return [name for name in names if name != "with_raw_response"]


def test_an_edited_operation_is_built_again_and_its_siblings_are_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A description edit of getAnimal builds animals again: only getAnimal's part;
    listAnimals's and createAnimal's are the last run's (and so are their texts,
    also after a run that took animals whole: the last run's unit and module of a
    resource are found by its name, whichever run made them)."""
    twins = Twins(tmp_path)
    built = _built_operations(monkeypatch)
    rendered = _rendered_texts(monkeypatch)
    twins.edit(set_description("getAnimal", "Gets one animal, with its keeper."))
    assert built == rendered == ["get_animal"]
    built.clear()
    rendered.clear()
    twins.edit(set_description("listKeepers", "Lists every keeper."))
    assert built == rendered == ["list_keepers"]
    built.clear()
    rendered.clear()
    twins.edit(set_description("createAnimal", "Adds one animal."))
    assert built == rendered == ["create_animal"]


def test_a_sibling_renamed_by_a_name_collision_is_built_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ListAnimals, added before listAnimals in document order, takes the method name
    ``list_animals``: listAnimals, unchanged, becomes ``list_animals_2`` (its part,
    keyed by its name, is built again; the others are not), and gets its name back
    when ListAnimals is removed. Every run equals a cold run (`Twins.edit`)."""
    twins = Twins(tmp_path)
    built = _built_operations(monkeypatch)
    every = Op("GET", "/animals/all", "animals", "Lists all animals.", [], [("200", "OK", None)])
    twins.edit(add_operation("ListAnimals", every))
    assert sorted(built) == ["list_animals", "list_animals_2"]
    assert _methods(twins.root) == ["list_animals", "create_animal", "get_animal",
                                    "list_animals_2"]  # fmt: skip
    built.clear()
    twins.edit(remove_operation("ListAnimals"))
    assert built == ["list_animals"]
    assert _methods(twins.root) == ["create_animal", "get_animal", "list_animals"]


def _strings(value: object) -> list[str]:
    """The strings of ``value`` and of the tuples it is made of."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, tuple):
        return [s for item in value for s in _strings(item)]
    return []


def test_a_resource_module_is_kept_once_with_where_its_operations_texts_are(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The python target's units hold each operation's method texts once: inside
    its resource module's text (kept with where each operation's texts are in it),
    never on their own as well, which made the units a half larger; before and
    after an edit of it (the last run's module, which the edit took its unchanged
    operations' texts from, is not kept again)."""
    kept: list[dict[bytes, bytes]] = []
    real = UnitMemo.save

    def save(memo: UnitMemo) -> None:
        if "\0python\0" in memo.slot and memo.session.cache.root is not None:
            kept.append(dict(memo.used))
        real(memo)

    monkeypatch.setattr(UnitMemo, "save", save)
    twins = Twins(tmp_path)
    twins.edit(set_description("getAnimal", "Gets one animal, with its keeper."))
    text = (twins.root / ANIMALS).read_text(encoding="utf-8")
    assert len(kept) == 2
    for used in kept:
        strings = [s for data in used.values() for s in _strings(pickle.loads(data))]
        modules = [s for s in strings if "class AsyncAnimalsResource(" in s]
        methods = [s for s in strings if "    async def get_animal(" in s]
        assert len(modules) == 1 and methods == modules
    assert modules[0] == text


def _template(runs: str) -> Environment:
    """An environment whose resource template places each operation's texts so."""
    head = "head {{ view }}\n"
    return Environment(loader=DictLoader({"python/src/resources/resource.py.jinja": head + runs}))


def test_a_resource_template_that_only_concatenates_the_texts_is_cut_into_pieces() -> None:
    runs = "".join(f"[{{% for t in methods %}}{{{{ t.{f} }}}}{{% endfor %}}]"
                   for f in ("sync", "asynchronous", "sync_raw", "async_raw"))  # fmt: skip
    render = _template(runs).get_template("python/src/resources/resource.py.jinja").render
    texts = [resource_text.OperationTexts("s1", "a1", "r1", "q1"),
             resource_text.OperationTexts("s2", "a2", "r2", "q2")]  # fmt: skip
    pieces = resource_text._head(render, "v", texts)  # type: ignore[arg-type]
    assert pieces == ("head v\n[", "][", "][", "][", "]")


@pytest.mark.parametrize(
    "runs",
    [
        "{% for t in methods %}{{ t.sync }}\n{% endfor %}",  # a separator
        "{% for t in methods | reverse %}{{ t.sync }}{% endfor %}",  # another order
        "{% for t in methods %}{{ t.sync }}{{ t.sync }}{% endfor %}",  # twice
    ],
)
def test_a_resource_template_that_places_the_texts_otherwise_is_kept_whole(runs: str) -> None:
    """Such a template's module is rendered with the real texts and kept whole: the
    pieces would not put it together."""
    render = _template(runs).get_template("python/src/resources/resource.py.jinja").render
    texts = [resource_text.OperationTexts("s1", "a1", "r1", "q1"),
             resource_text.OperationTexts("s2", "a2", "r2", "q2")]  # fmt: skip
    pieces = resource_text._head(render, "v", texts)  # type: ignore[arg-type]
    assert pieces == (render(view="v", methods=texts),)


def test_a_watching_process_reads_an_unchanged_resource_unit_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """keepers is unchanged by edits of getAnimal: a watching process's first rebuild
    reads its kept unit, the next ones take that object again (its bytes and operations
    are the same objects), and the output still equals a cold run's."""
    tree = zoo()
    root = _project(tmp_path / "watching", tree, CONFIG)
    forget()
    _generate(root, cached=True)
    expect_more_runs()
    read: list[str] = []
    real = resource_units.load_object

    def counting(data: bytes, operations: Any) -> object:
        read.extend(op.path for op in operations if op is not None)
        return real(data, operations)

    monkeypatch.setattr(resource_units, "load_object", counting)
    for number, (op_id, text) in enumerate([
        ("getAnimal", "Gets one animal, with its keeper."),
        ("getAnimal", "Gets one animal, by id."),
        ("listAnimals", "Lists every animal."),
    ]):  # fmt: skip
        set_description(op_id, text)(tree)
        tree.write(root / "specs" / "zoo")
        _generate(root, cached=True)
        assert ("/keepers" in read) == (number == 0)
        read.clear()
    cold = _project(tmp_path / "cold", tree, CONFIG)
    _generate(cold, cached=False)
    assert _tree(root / "out") == _tree(cold / "out")
