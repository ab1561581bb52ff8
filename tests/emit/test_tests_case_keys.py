"""The keys the tests target remembers by: an operation's cases (`cases.view_key`), a
hoisted constant's statement (`imports.Imports.statements`).

The key takes the model operation by its content digest and the view's other fields
by their stable bytes: it must differ whenever anything a case is built from differs,
the operation alone included, and stay equal for an equal view built afresh.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest

from generator.emit.incremental.session import Session
from generator.emit.pyshape import value_expr
from generator.emit.python import package_view
from generator.emit.python.operations import OperationView
from generator.emit.tests.cases import view_key
from generator.emit.tests.imports import Imports
from generator.model import DocValue, Parameter, ParameterIn, PrimitiveSchema, ResponseExample

sys.path.insert(0, str(Path(__file__).parent))

from python_build import load_spec, project_config


def _views() -> list[OperationView]:
    api = load_spec("petstore")
    package, _ = package_view(api, project_config("petstore"))
    return [op for resource in package.groups for op in resource.operations]


@pytest.fixture(scope="module")
def views() -> list[OperationView]:
    return _views()


def _with_sources(views: list[OperationView]) -> OperationView:
    return next(v for v in views if v.sources and v.operation.parameters)


def test_an_equal_view_built_afresh_has_the_same_key(views: list[OperationView]) -> None:
    again = _views()
    for view, copy in zip(views, again, strict=True):
        assert copy.operation is not view.operation
        assert view_key(copy) == view_key(view) is not None


def test_views_of_different_operations_have_different_keys(views: list[OperationView]) -> None:
    keys = {view_key(view) for view in views}
    assert len(keys) == len(views)


def test_the_key_changes_when_only_the_operation_changes(views: list[OperationView]) -> None:
    """Examples are read only from the model operation, never shown in the view."""
    view = views[0]
    example = ResponseExample("200", DocValue('{"a": 1}', {"a": 1}, True))
    edited = replace(view.operation, response_examples=(*view.operation.response_examples, example))
    assert view_key(replace(view, operation=edited)) != view_key(view)


def test_the_key_changes_with_a_source_parameter(views: list[OperationView]) -> None:
    view = _with_sources(views)
    name, own = view.sources[0]
    assert own in view.operation.parameters
    # One of the operation's own parameters enters the key by its place there...
    other = Parameter("other", ParameterIn.QUERY, PrimitiveSchema("string"), own.location)
    ops = replace(view.operation, parameters=(*view.operation.parameters, other))
    moved = replace(view, operation=ops, sources=((name, other), *view.sources[1:]))
    assert view_key(moved) != view_key(replace(view, operation=ops))
    # ...and one that is not (a merged body) by its content.
    stranger = replace(own, description=own.description + " (changed)")
    assert stranger not in view.operation.parameters
    first = replace(view, sources=((name, stranger), *view.sources[1:]))
    second = replace(view, sources=((name, replace(stranger, description="x")), *view.sources[1:]))
    assert len({view_key(view), view_key(first), view_key(second)}) == 3


def test_the_key_changes_with_any_other_field_of_the_view(views: list[OperationView]) -> None:
    view = views[0]
    assert view_key(replace(view, docstring=view.docstring + "x")) != view_key(view)
    assert view_key(replace(view, name=view.name + "_x")) != view_key(view)


def test_a_view_that_cannot_be_pickled_has_no_key(views: list[OperationView]) -> None:
    assert view_key(replace(views[0], summary=lambda: None)) is None  # type: ignore[arg-type]


def _statements(root: Path, value: object) -> tuple[tuple[str, ...], int]:
    """A module's constant statements for ``value`` hoisted as ``_BIG`` under a fresh
    session on ``root``'s cache; how many fragments it took from the last run."""
    session = Session(root, "x", "tests")
    with session.active():
        imports = Imports(set())
        imports.hoist(value_expr(value), "big")
        statements = imports.statements()
    reused = session.stats.fragments_reused
    session.close()
    return statements, reused


def test_a_constant_statement_is_kept_by_its_value_not_its_name(tmp_path: Path) -> None:
    """Constants are remembered by their value's digest (`Imports.statements`): an
    equal value built afresh takes the last run's statement, another value under the
    same name never does."""
    first = {"name": "x" * 60, "items": list(range(30))}
    statements, reused = _statements(tmp_path, first)
    assert reused == 0 and statements[0].startswith("_BIG: Any = {")
    again, reused = _statements(tmp_path, {"name": "x" * 60, "items": list(range(30))})
    assert (again, reused) == (statements, 1)
    other, _ = _statements(tmp_path, {"name": "y" * 60, "items": list(range(30))})
    assert other != statements and "yyyy" in other[0]
