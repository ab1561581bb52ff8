"""A resource's view taken from the last run is the view building it gives.

`generator.emit.python.resource_units` keeps what building each resource gives the
package view (every operation's view, its inline model modules, the README's tour
call, the diagnostics it reported) and a later run with the same slices takes it
instead of building it. The package view of that run must equal one built from
nothing, field by field, and hold this run's model objects.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from generator.config import ApiConfig
from generator.diagnostics import Diagnostic, Diagnostics
from generator.emit.incremental.session import Session
from generator.emit.python.package import PackageView, build_package
from generator.kept import forget
from generator.model import Api
from tests.emit import python_build, python_fixtures


def _hostile() -> tuple[Api, ApiConfig]:
    api = python_fixtures.hostile_api()
    return api, ApiConfig.for_folder(Path("specs") / api.name, api.name)


def _catalog() -> tuple[Api, ApiConfig]:
    return python_build.load_spec("catalog"), python_build.project_config("catalog")


CASES: dict[str, Callable[[], tuple[Api, ApiConfig]]] = {"hostile": _hostile, "catalog": _catalog}
"""hostile: inline request and response objects, an undocumented path parameter (an
``unsupported`` warning while building its view); catalog: auto-paging operations."""


def _kept_run(
    api: Api, config: ApiConfig, cache: Path
) -> tuple[PackageView, list[Diagnostic], int, int]:
    """The package view built through the python target's units kept under ``cache``:
    the view, what it reported, and how many units were built and reused."""
    session = Session(cache, config.name, "python")
    reported = Diagnostics()
    with session.active():
        view = build_package(api, config, reported, session.units)
    session.close()
    return view, list(reported), session.units.built, session.units.reused


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_resource_view_taken_from_the_last_run_is_the_view_a_build_gives(
    tmp_path: Path, case: str
) -> None:
    api, config = CASES[case]()
    reported = Diagnostics()
    built = build_package(api, config, reported)  # no units: every view built
    forget()
    _, first_reported, first_built, _ = _kept_run(api, config, tmp_path)
    # Every resource's unit kept, its operations' parts inside it (not on their own).
    units = len(built.groups)
    assert first_built == units
    forget()  # the next run reads the units back from disk, as a new process does
    kept, kept_reported, kept_built, kept_reused = _kept_run(api, config, tmp_path)
    assert (kept_built, kept_reused) == (0, units)
    unkeyed = [replace(r, unit_key=b"", operation_keys=()) for r in kept.groups]
    assert unkeyed == list(built.groups)
    assert kept.resources == tuple(r for r in kept.groups if not r.is_root)
    assert kept.root == next((r for r in kept.groups if r.is_root), None)
    assert kept.models == built.models  # the inline objects' modules among them
    assert kept.model_exports == built.model_exports
    assert (kept.quick_start, kept.tour, kept.pager_example) == (
        built.quick_start, built.tour, built.pager_example,
    )  # fmt: skip
    assert kept_reported == first_reported == list(reported)
    # The kept views hold this run's operations and parameters, as built ones do.
    operations = {id(o) for o in api.operations}
    parameters = {id(p) for o in api.operations for p in o.parameters}
    for resource in kept.groups:
        for op in resource.operations:
            assert id(op.operation) in operations
            assert all(id(p) in parameters for _, p in op.sources if p in op.operation.parameters)
    if case == "hostile":
        assert any(r.inline_modules for r in kept.groups)
        assert [(d.code, d.location.path) for d in kept_reported] == [("unsupported", "paths.md")]
    else:
        assert any(op.pager for r in kept.groups for op in r.operations)


def test_a_units_model_references_are_read_only_against_operations() -> None:
    """A unit writes the resource's operations and parameters as references: read
    against a run's operations they are that run's objects; read otherwise, they fail
    (never a copy of the model)."""
    import pickle  # noqa: PLC0415

    from generator.emit.python.resource_units import dump_unit, load_object  # noqa: PLC0415

    api, _ = _catalog()
    operations = list(api.operations)
    data = dump_unit((operations[0], operations[0].parameters), operations)
    loaded = load_object(data, operations)
    assert isinstance(loaded, tuple)
    assert loaded[0] is operations[0]
    assert all(a is b for a, b in zip(loaded[1], operations[0].parameters, strict=True))
    with pytest.raises(pickle.UnpicklingError):
        pickle.loads(data)
    assert load_object(data, []) is None
