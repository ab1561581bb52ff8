"""Incremental regeneration gives exactly what a cold run gives, edit after edit.

A project is generated once (filling its caches), a page is edited, and the project is
regenerated through its caches; the result must equal, byte for byte, a cold run
(``use_cache=False``: no page, format or emit cache) of the edited docs in a second
project. The edits are the kinds that change other files than the edited page's own:
renames that change imports elsewhere, a definition removed, an operation moved to
another tag, operations added and removed. A hypothesis test applies random edit
sequences.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import resume
from generator.cache import Cache
from generator.config import load_config
from generator.diagnostics import Diagnostics
from generator.emit.incremental.active import active_units
from generator.emit.incremental.fragments import FragmentMemo
from generator.emit.incremental.units import UnitMemo
from generator.emit.python import package
from generator.emit.tests.imports import Effect, Imports
from generator.kept import expect_more_runs, forget
from generator.pipeline import RunResult, generate
from tests.incremental_tree import (
    CONFIG,
    Op,
    Param,
    Prop,
    Tree,
    placeholder_example,
    remove_definition,
    rename_definition,
    zoo,
)

Edit = Callable[[Tree], None]

PROCESSES = ("new-process", "watching", "resumed")
"""How a `Twins` rebuilds after each edit (see `Twins`)."""


def _project(root: Path, tree: Tree, config: str = CONFIG) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "pyproject.toml").write_text(config, encoding="utf-8")
    tree.write(root / "specs" / "zoo")
    return root


def _generate(root: Path, *, cached: bool) -> tuple[RunResult, list[str]]:
    diagnostics = Diagnostics()
    project = load_config(root / "pyproject.toml", diagnostics)
    result = generate(project, diagnostics, use_cache=cached)
    return result, [d.format() for d in diagnostics.sorted()]


def _reused(result: RunResult) -> int:
    return sum(api.reused for api in result.apis)


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


class Twins:
    """One project regenerated incrementally, compared with a cold run of the same docs."""

    def __init__(self, base: Path, *, process: str = "new-process", config: str = CONFIG) -> None:
        """``process`` (one of `PROCESSES`): the edits are rebuilt in the process that
        made the first run (``new-process``: one that keeps what it can for its next
        run, as any does), the way ``generate --watch`` does (``watching``: a process
        that said more runs will come, `generator.kept`), or each in a new process
        that resumes from the state the last one saved (``resumed``,
        `generator.resume`)."""
        assert process in PROCESSES
        self.base = base
        self.tree = zoo()
        self.config = config
        self.process = process
        self.root = _project(base / "incremental", self.tree, config)
        forget()
        result, _ = _generate(self.root, cached=True)
        assert result.written and _reused(result) == 0
        if process == "watching":
            expect_more_runs()

    def edit(self, change: Edit) -> RunResult:
        change(self.tree)
        self.tree.write(self.root / "specs" / "zoo")
        if self.process == "resumed":
            assert resume.save(self.root / ".md2sdk-cache")
            forget()  # a new process, which finds the saved state
        result, diagnostics = _generate(self.root, cached=True)
        if self.process == "resumed" and "emit" in result.timings:  # not answered by its stamp
            assert "resume" in result.timings
        cold_root = self.base / "cold"
        shutil.rmtree(cold_root, ignore_errors=True)
        _project(cold_root, self.tree, self.config)
        cold, cold_diagnostics = _generate(cold_root, cached=False)
        assert diagnostics == cold_diagnostics
        self.diagnostics = diagnostics
        assert result.written == cold.written
        assert _tree(self.root / "out") == _tree(cold_root / "out")
        return result


def set_description(op_id: str, text: str) -> Edit:
    def change(tree: Tree) -> None:
        tree.operations[op_id].description = text

    return change


def add_param(op_id: str, param: Param) -> Edit:
    return lambda tree: tree.operations[op_id].params.append(param)


def remove_prop(definition: str, name: str) -> Edit:
    def change(tree: Tree) -> None:
        tree.definitions[definition] = [p for p in tree.definitions[definition] if p.name != name]

    return change


def move_to_tag(op_id: str, tag: str) -> Edit:
    def change(tree: Tree) -> None:
        tree.operations[op_id].tag = tag

    return change


def drop_response(op_id: str, status: str) -> Edit:
    def change(tree: Tree) -> None:
        op = tree.operations[op_id]
        op.responses = [r for r in op.responses if r[0] != status]

    return change


def add_operation(op_id: str, op: Op) -> Edit:
    return lambda tree: tree.operations.__setitem__(op_id, op)


def add_type(name: str, cell: str, holder: str) -> Edit:
    """A non-object definition ``name`` and a property of ``holder`` that uses it."""

    def change(tree: Tree) -> None:
        tree.types[name] = cell
        tree.definitions[holder].append(Prop(name.lower(), name))

    return change


def remove_operation(op_id: str) -> Edit:
    return lambda tree: tree.operations.pop(op_id) and None


TWO_BODIES = Op(
    "POST", "/keepers", "keepers", "Adds a keeper.",
    [Param("Body", "keeper", "Keeper", True), Param("Body", "note", "string")],
    [("201", "Created", "Keeper")],
)  # fmt: skip
"""Building this operation's view warns (``multiple-bodies``)."""

EDITS: list[tuple[str, Edit]] = [
    ("a description", set_description("getAnimal", "Gets one animal, with its keeper.")),
    ("a parameter added", add_param("listAnimals", Param("Query", "species", "string"))),
    ("a response field removed", remove_prop("Animal", "name")),
    ("a response row removed", drop_response("getAnimal", "404")),
    ("a definition renamed (imports elsewhere change)",
     lambda t: rename_definition(t, "Keeper", "Caretaker")),
    ("an operation moved to another tag", move_to_tag("createAnimal", "keepers")),
    ("a definition removed", lambda t: remove_definition(t, "AnimalList")),
    ("an operation added under a new tag", add_operation("feed", Op(
        "POST", "/animals/{animalId}/feed", "feeding", "Feeds it.",
        [Param("Path", "animalId", "string", True), Param("Body", "body", "Animal", True)],
        [("204", "Fed", None)],
    ))),
    ("a property added that references a definition",
     lambda t: t.definitions["Caretaker"].append(Prop("favourite", "Animal"))),
    ("an operation removed", remove_operation("listKeepers")),
    ("a type definition added, written out in another definition's module",
     add_type("Mood", "enum (calm, hungry)", "Animal")),
    ("only that type definition changed (Animal's module has it written out)",
     lambda t: t.types.__setitem__("Mood", "enum (calm, hungry, asleep)")),
    ("a type definition of a type definition",
     add_type("Moods", "< [Mood](Mood.md#mood) > array", "Caretaker")),
    ("only the type definition reached through the other changed",
     lambda t: t.types.__setitem__("Mood", "enum (calm, asleep)")),
    ("an operation whose view warns (two body parameters)", add_operation("addKeeper", TWO_BODIES)),
    ("another resource edited (the warning's resource is reused, its warning reported)",
     set_description("listAnimals", "Lists every animal.")),
    ("a tag's description changed (the client's docstring of its resource)",
     lambda t: t.tags.__setitem__("keepers", "Who feeds the animals.")),
    ("the same description again (nothing changes)",
     set_description("getAnimal", "Gets one animal, with its keeper.")),
]  # fmt: skip


@pytest.mark.parametrize("process", PROCESSES)
def test_each_edit_regenerates_exactly_what_a_cold_run_writes(
    tmp_path: Path, process: str
) -> None:
    twins = Twins(tmp_path, process=process)
    reused = 0
    for label, change in EDITS:
        result = twins.edit(change)
        reused += _reused(result)
        if label.startswith("the same"):
            assert not result.plan or result.plan.is_current, label
    assert reused > 0  # the edits were served from cached fragments, not re-laid out


def test_a_process_that_runs_again_reads_no_fragments_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A watching process keeps each target's fragments in memory (`generator.kept`):
    its next run reads no emit slot back from disk, and still equals a cold run."""
    twins = Twins(tmp_path)
    names: list[str] = []
    real = Cache.load_view  # every entry is read through it
    monkeypatch.setattr(
        Cache,
        "load_view",
        lambda self, key, **kw: names.append(self.inputs.name) or real(self, key, **kw),
    )
    result = twins.edit(set_description("getAnimal", "Read again from memory."))
    assert _reused(result) > 0
    assert "emit" not in names
    forget()  # a new process reads the slots back
    names.clear()
    twins.edit(set_description("getAnimal", "Read again from disk."))
    assert "emit" in names


def test_a_warm_run_loads_and_emits_a_current_api_and_writes_nothing(tmp_path: Path) -> None:
    """``generate(warm=True)`` (a watching process's first run) does the whole run even
    when the stamp says the output is current, so the rebuilds after it find the pages
    and fragments in memory; it writes nothing, and the stamp stays current."""
    twins = Twins(tmp_path)
    forget()  # as a new process would start
    diagnostics = Diagnostics()
    project = load_config(twins.root / "pyproject.toml", diagnostics)
    warm = generate(project, diagnostics, warm=True)
    assert "emit" in warm.timings and _reused(warm) > 0
    assert warm.plan is not None and not warm.plan.changes
    again, _ = _generate(twins.root, cached=True)
    assert "emit" not in again.timings  # the stamp answered


def test_a_corrupt_emit_cache_is_ignored_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    twins = Twins(tmp_path)
    slots = list((twins.root / ".md2sdk-cache" / "emit").glob("slot-*"))
    assert slots
    for slot in slots:
        data = slot.read_bytes()
        slot.write_bytes(data[:-10] + b"0123456789")
    forget()  # the next process finds the damaged slots (this one keeps its fragments)
    result = twins.edit(set_description("getAnimal", "Changed after the cache broke."))
    assert _reused(result) == 0
    assert any("ignored a emit cache entry" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize("process", PROCESSES)
def test_an_example_is_a_placeholder_exactly_while_its_definitions_print_it(
    tmp_path: Path, process: str
) -> None:
    """getAnimal's response example is Swagger2Markup's placeholder for Animal, whose
    keeper is a Keeper. Keeper's page changes while getAnimal's stays as it is: the
    example stops being a placeholder, then is one again, and the OpenAPI document
    shows it exactly while a person could have written it, as a cold run decides (the
    verdict kept from the run before must not be reused)."""
    twins = Twins(tmp_path, process=process)
    document = twins.root / "out" / "openapi" / "zoo.yaml"
    twins.edit(placeholder_example)
    assert "example:" not in document.read_text()
    twins.edit(remove_prop("Keeper", "shift"))
    assert "example:" in document.read_text()
    twins.edit(lambda t: t.definitions["Keeper"].append(Prop("shift", "string")))
    assert "example:" not in document.read_text()


def _edits() -> st.SearchStrategy[Edit]:
    ops = st.sampled_from(["listAnimals", "getAnimal", "createAnimal", "listKeepers"])
    words = st.text(alphabet="abcdefgh ", min_size=1, max_size=12).map(str.strip).filter(bool)
    names = st.sampled_from(["species", "sort", "q", "x_id"])
    return st.one_of(
        st.builds(set_description, ops, words),
        st.builds(lambda o, n: add_param(o, Param("Query", n, "string")), ops, names),
        st.builds(move_to_tag, ops, st.sampled_from(["animals", "keepers", "zoo"])),
        st.builds(drop_response, ops, st.sampled_from(["200", "401", "404"])),
        st.builds(
            remove_prop,
            st.sampled_from(["Animal", "Keeper"]),
            st.sampled_from(["name", "keeper", "shift"]),
        ),
        st.just(lambda t: rename_definition(t, "Keeper", "Keeper2")),
        st.just(placeholder_example),
    )


@settings(
    max_examples=4,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(_edits(), min_size=1, max_size=3), st.sampled_from(PROCESSES))
def test_random_edit_sequences_match_cold_runs(
    tmp_path: Path, edits: list[Edit], process: str
) -> None:
    base = tmp_path / f"run{len(list(tmp_path.iterdir()))}"
    twins = Twins(base, process=process)
    for change in edits:
        twins.edit(lambda tree, change=change: _tolerant(change, tree))


def _tolerant(change: Edit, tree: Tree) -> None:
    """Edits that name an operation or definition an earlier edit removed do nothing."""
    try:
        change(tree)
    except KeyError:
        return


def test_a_case_whose_hoisted_value_was_named_by_an_edited_operation_is_built_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """createAnimal's body and getAnimal's response are the same long Animal sample:
    the module holds it once, as a constant named after the first to use it
    (``_CREATE_ANIMAL_BODY``). When createAnimal stops sending it, getAnimal's
    remembered case (which used that name) no longer holds: its replay reports so, and
    it is built again under its own name, as a cold run does."""
    replays: list[bool] = []
    real = Imports.replay

    def replay(self: Imports, log: Sequence[Effect]) -> bool:
        replays.append(real(self, log))
        return replays[-1]

    monkeypatch.setattr(Imports, "replay", replay)
    twins = Twins(tmp_path)
    long_props = [Prop(f"characteristic_number_{n}", "string") for n in range(4)]
    twins.edit(lambda t: t.definitions["Animal"].extend(long_props))
    module = twins.root / "out" / "python" / "zoo" / "tests" / "test_animals.py"
    assert "json=_CREATE_ANIMAL_BODY" in module.read_text()  # getAnimal's mocked response

    def stop_sending(tree: Tree) -> None:
        tree.operations["createAnimal"].params = []
        tree.operations["createAnimal"].responses = [("201", "Created", None)]

    replays.clear()
    twins.edit(stop_sending)
    assert "_CREATE_ANIMAL_BODY" not in module.read_text()
    assert "json=_GET_ANIMAL_RESPONSE" in module.read_text()
    assert False in replays and True in replays


def test_an_edit_builds_only_the_files_its_slice_reaches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Files whose slice of the model is unchanged are taken whole from the last run,
    and so are their resources' views: a description edit rebuilds its resource's
    view, module and test module only (and its operation's part of the OpenAPI
    document); a field removed from Keeper rebuilds Keeper's module and every resource
    whose operations reach Keeper (animals through Animal), while Animal's module,
    which only names the Keeper class, is reused."""
    counts: dict[str, tuple[int, int]] = {}
    real = UnitMemo.save

    def save(self: UnitMemo) -> None:
        if self.session.cache.root is not None:  # not the cold twin's run
            counts[self.slot.split("\0")[1]] = (self.built, self.reused)
        real(self)

    monkeypatch.setattr(UnitMemo, "save", save)
    twins = Twins(tmp_path)
    twins.edit(set_description("listKeepers", "Lists every keeper."))
    # python: 3 model modules + 2 resources (view, module) + the README and the
    # models' index (neither reads the description) are reused; built: keepers' view
    # and module (their operations' parts and method texts are kept inside them);
    # tests: 2 test modules; openapi: 4 operations + 3 component schemas.
    assert counts == {"openapi": (1, 6), "python": (2, 7), "tests": (1, 1)}
    counts.clear()
    twins.edit(remove_prop("Keeper", "shift"))
    # openapi: Keeper's and Animal's schemas (Animal reaches Keeper: an example's fit
    # check may follow the link) and the three operations reaching Keeper are built;
    # AnimalList and listAnimals are reused. python: the README too (its tour calls
    # createAnimal with a sample Animal, whose keeper shows Keeper's fields), not the
    # models' index (the same classes). (In the animals resource, built again, the
    # part and method texts of listAnimals, which does not reach Keeper, come from
    # the last run's unit and module: tests/test_incremental_operations.py.)
    assert counts == {"openapi": (5, 2), "python": (6, 3), "tests": (2, 0)}


def _built_resources(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The tags whose resource views the incremental twin builds from now on (the
    others are taken from the last run, `generator.emit.python.resource_units`)."""
    built: list[str] = []
    real = package.build_resource

    def build(tag: str, *args: Any, **kwargs: Any) -> Any:
        units = active_units()
        if units is not None and units.session.cache.root is not None:  # not the cold twin
            built.append(tag)
        return real(tag, *args, **kwargs)

    monkeypatch.setattr(package, "build_resource", build)
    return built


def test_a_reused_resource_view_reports_what_building_it_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Building addKeeper's view warns (two body parameters). An edit of another
    resource takes keepers' view from the last run: the warning is still reported,
    as the cold run reports it."""
    twins = Twins(tmp_path)
    twins.edit(add_operation("addKeeper", TWO_BODIES))
    built = _built_resources(monkeypatch)
    twins.edit(set_description("listAnimals", "Lists every animal."))
    assert built == ["animals"]
    warned = [d for d in twins.diagnostics if "warning[multiple-bodies]" in d]
    assert [d.split(":")[0] for d in warned] == ["specs/zoo/operations/addKeeper.md"]


def test_the_readme_and_client_tests_read_views_taken_from_the_last_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The README's quick start and ``test_client.py`` call the first GET that
    documents a success body: listAnimals. Once no animals GET documents one, it is
    keepers' listKeepers, whose view is taken from the last run (and the files
    equal the cold run's)."""
    twins = Twins(tmp_path)
    built = _built_resources(monkeypatch)
    twins.edit(lambda t: [drop_response(op, "200")(t) for op in ("listAnimals", "getAnimal")])
    assert built == ["animals"]
    project = twins.root / "out" / "python" / "zoo"
    readme = (project / "README.md").read_text(encoding="utf-8")
    quick_start = readme.split("## Quick start", 1)[1].split("## ", 1)[0]
    assert "client.keepers.list_keepers()" in quick_start
    assert "client.keepers.list_keepers()" in (project / "tests" / "test_client.py").read_text()


def test_without_a_python_target_the_tests_target_keeps_the_resource_views(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a python target the tests target reads its package view; without one, the
    tests target builds the view itself and keeps the resources' views in its own
    units, so an edit builds only the edited resource's view there too."""
    config = CONFIG.replace('["openapi", "python", "tests"]', '["tests"]')
    assert config != CONFIG
    twins = Twins(tmp_path, config=config)
    built = _built_resources(monkeypatch)
    twins.edit(set_description("listKeepers", "Lists every keeper."))
    assert built == ["keepers"]
    assert not (twins.root / "out" / "python" / "zoo" / "src").exists()


def test_a_test_module_reads_only_its_own_fragments_and_only_when_built_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each test module's fragments are kept in a scope of their own: a description
    edit on listKeepers builds test_keepers.py again from the fragments of its
    scope, and never reads (nor rewrites) the scope of test_animals.py, reused whole."""
    opened: list[FragmentMemo] = []
    real = FragmentMemo.scope

    def scope(self: FragmentMemo, name: str) -> FragmentMemo:
        memo = real(self, name)
        if self.session.cache.root is not None and memo not in opened:  # not the cold twin
            opened.append(memo)
        return memo

    monkeypatch.setattr(FragmentMemo, "scope", scope)
    twins = Twins(tmp_path)
    opened.clear()  # the first run builds every module
    twins.edit(set_description("listKeepers", "Lists every keeper."))
    assert [memo.slot.rsplit("\0", 1)[1] for memo in opened] == ["keepers"]
    assert opened[0].known  # the fragments of the cold run's test_keepers.py
    opened.clear()
    twins.edit(set_description("listKeepers", "Lists each keeper."))
    assert [memo.slot.rsplit("\0", 1)[1] for memo in opened] == ["keepers"]
    assert opened[0].known.keys() & opened[0].used.keys()  # laid out last time, reused
