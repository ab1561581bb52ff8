"""The tests emitter: values from the docs' examples, wire rules, and the rendered files.

Behaviour of the generated tests themselves (green, and red on a mutated client) is
checked in ``tests/test_generated_clients.py``; here the emitter's choices are pinned:
which value a test passes, what it expects on the wire, that hostile docs text stays
inert, that output is deterministic, and one read snapshot of a whole module.
"""

from __future__ import annotations

import ast
import json
import sys
from pathlib import Path

import black
import pytest
from syrupy.assertion import SnapshotAssertion

from generator.config import ApiConfig
from generator.diagnostics import Diagnostics
from generator.emit.fits import fits, kind_fits
from generator.emit.samples import sample
from generator.emit.templating import make_environment
from generator.emit.tests import emit_tests
from generator.emit.tests.values import Chosen, expected_pairs, path_values, pick_values
from generator.model import (
    Api,
    ArraySchema,
    Constraints,
    DocValue,
    EnumSchema,
    Example,
    MapSchema,
    Operation,
    Parameter,
    ParameterIn,
    PrimitiveSchema,
    RequestExample,
    ResponseExample,
    SourceLocation,
)

sys.path.insert(0, str(Path(__file__).parent))

import python_fixtures

HERE = SourceLocation("ops.md", 3, 1)
STRING = PrimitiveSchema("string")
INT = PrimitiveSchema("integer")
EMPTY = Api("x", None, (), (), ())


def render(api: Api, diagnostics: Diagnostics | None = None) -> dict[str, str]:
    config = ApiConfig.for_folder(Path("specs") / api.name, api.name)
    collector = Diagnostics() if diagnostics is None else diagnostics
    return emit_tests(api, config, collector, make_environment())


def doc(value: object) -> DocValue:
    return DocValue(json.dumps(value), value, True)


# ------------------------------------------------------------------ values


def test_path_values_read_the_example_path_back_into_parameters() -> None:
    assert path_values("/pets/{petId}/tags/{tag}", "/pets/7/tags/a%20b") == {
        "petId": "7",
        "tag": "a%20b",
    }
    assert path_values("/pets/{petId}", "/stores/7") == {}
    assert path_values("/a.b/{x}", "/aXb/1") == {}  # template text is literal, not a regex


def test_example_values_are_used_when_they_fit_and_replaced_when_not() -> None:
    params = [
        Parameter("petId", ParameterIn.PATH, INT, HERE, required=True),
        Parameter("limit", ParameterIn.QUERY, INT, HERE, constraints=Constraints(minimum=1)),
        Parameter("q", ParameterIn.QUERY, STRING, HERE),
        Parameter("kind", ParameterIn.QUERY, EnumSchema(("cat", "dog")), HERE),
    ]
    request = RequestExample(
        path=Example(DocValue("/pets/7", "/pets/7", False), HERE),
        query=Example(doc({"limit": 0, "q": "rex", "kind": "string"}), HERE),
    )
    op = Operation("GET", "/pets/{petId}", HERE, parameters=tuple(params),
                   request_example=request)  # fmt: skip
    diagnostics = Diagnostics()
    chosen = pick_values(op, params, EMPTY, diagnostics)
    assert [c.value for c in chosen] == [7, 1, "rex", "cat"]
    assert [d.code for d in diagnostics] == ["example-mismatch"] * 2
    assert all(d.location == HERE for d in diagnostics)


def test_samples_honour_formats_bounds_and_enums() -> None:
    assert sample(PrimitiveSchema("string", "date-time"), EMPTY) == "2020-01-01T00:00:00Z"
    assert sample(STRING, EMPTY, Constraints(min_length=9)) == "stringxxx"
    assert sample(INT, EMPTY, Constraints(minimum=5, exclusive_minimum=True)) == 6
    assert sample(EnumSchema(("b", "a")), EMPTY) == "b"
    assert sample(ArraySchema(INT), EMPTY) == [0, 0]
    assert sample(MapSchema(STRING), EMPTY) == {"key": "string"}
    hinted = sample(STRING, EMPTY, None, (doc(3), doc("docs")))
    assert hinted == "docs"  # the first hint that fits wins


def test_fits_rejects_placeholders() -> None:
    assert not fits("object", MapSchema(STRING), EMPTY)
    assert not fits("string", EnumSchema(("a",)), EMPTY)
    assert not fits(True, INT, EMPTY)
    assert not fits("2020-01-01", PrimitiveSchema("string", "date-time"), EMPTY)
    assert fits({"k": "v"}, MapSchema(STRING), EMPTY)
    assert not kind_fits("object", MapSchema(STRING), EMPTY)
    assert kind_fits([{"partial": 1}], ArraySchema(MapSchema(INT)), EMPTY)


@pytest.mark.parametrize(
    ("fmt", "pairs"),
    [
        ("multi", [("t", "a"), ("t", "b c")]),
        ("csv", [("t", "a,b c")]),
        ("ssv", [("t", "a b c")]),
        ("pipes", [("t", "a|b c")]),
        (None, [("t", "a,b c")]),
    ],
)
def test_expected_pairs_follow_the_collection_format(
    fmt: str | None, pairs: list[tuple[str, str]]
) -> None:
    param = Parameter("t", ParameterIn.QUERY, ArraySchema(STRING, fmt), HERE)
    assert expected_pairs(Chosen(param, ["a", "b c"]), EMPTY) == pairs


def test_booleans_go_out_as_json_literals() -> None:
    param = Parameter("flag", ParameterIn.QUERY, PrimitiveSchema("boolean"), HERE)
    assert expected_pairs(Chosen(param, False), EMPTY) == [("flag", "false")]


# ------------------------------------------------------------------ files


@pytest.mark.parametrize(
    "api", [python_fixtures.petstore_api(), python_fixtures.catalog_api(),
            python_fixtures.hostile_api()], ids=["petstore", "catalog", "hostile"]
)  # fmt: skip
def test_every_file_is_python_black_accepts(api: Api) -> None:
    files = render(api)
    assert f"python/{api.name}/tests/conftest.py" in files
    assert any(p.endswith("/test_live.py") for p in files)
    for path, text in files.items():
        assert path.startswith(f"python/{api.name}/tests/")
        ast.parse(text, filename=path)
        black.format_str(text, mode=black.Mode())


def test_output_is_deterministic() -> None:
    assert render(python_fixtures.petstore_api()) == render(python_fixtures.petstore_api())


def test_every_operation_has_its_tests() -> None:
    api = python_fixtures.petstore_api()
    files = render(api)
    text = "\n".join(t for p, t in files.items() if "/test_" in p and "live" not in p)
    tree = ast.parse(text)
    tests = {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}
    live = ast.parse(next(t for p, t in files.items() if p.endswith("test_live.py")))
    live_tests = [n for n in ast.walk(live) if isinstance(n, ast.FunctionDef)]
    assert len(live_tests) == len(api.operations)
    assert sum(1 for t in tests if t.endswith("_raw_response")) == len(api.operations)
    assert sum(1 for t in tests if t.endswith("_async")) == len(api.operations)
    # Only a string path value can be empty (and type-check as one).
    with_text_path = [
        o
        for o in api.operations
        if any(p.place is ParameterIn.PATH and p.schema == PrimitiveSchema("string")
               for p in o.parameters)
    ]  # fmt: skip
    assert sum(1 for t in tests if t.endswith("_empty_path_value")) == len(with_text_path)
    assert any(t.endswith("_empty_path_value") for t in tests) == bool(with_text_path)


def test_response_example_that_does_not_fit_is_reported_and_replaced() -> None:
    op = Operation(
        "GET", "/things", HERE, "listThings",
        responses=(python_fixtures.resp("200", "ok", MapSchema(STRING)),),
        response_examples=(ResponseExample("200", Example(doc("object"), HERE)),),
    )  # fmt: skip
    diagnostics = Diagnostics()
    files = render(Api("things", None, (op,), (), ()), diagnostics)
    assert [d.code for d in diagnostics] == ["example-mismatch"]
    module = black.format_str(files["python/things/tests/test_root.py"], mode=black.Mode())
    assert 'json={"key": "string"}' in module
    assert '"object"' not in module


def test_petstore_pet_module_snapshot(snapshot: SnapshotAssertion) -> None:
    files = render(python_fixtures.petstore_api())
    pet = next(p for p in files if p.endswith("/tests/test_pet.py"))
    assert files[pet] == snapshot  # as emitted: the module is already in black's shape


def test_tests_target_reads_the_python_targets_view(monkeypatch: pytest.MonkeyPatch) -> None:
    """The python and tests targets of one API build the package view once, together."""
    import generator.emit.python as python_target  # noqa: PLC0415 (patched below)
    import generator.emit.python.package as package_module  # noqa: PLC0415
    import generator.emit.tests as tests_target  # noqa: PLC0415

    built: list[str] = []
    real_build = python_target.build_package

    def counting(api: Api, config: ApiConfig, diagnostics: Diagnostics) -> object:
        built.append(api.name)
        return real_build(api, config, diagnostics)

    for module in (python_target, package_module, tests_target):
        monkeypatch.setattr(module, "build_package", counting, raising=False)
    api = python_fixtures.petstore_api("shared-view")
    config = ApiConfig.for_folder(Path("specs") / api.name, api.name)
    reported = Diagnostics()
    python_target.emit_python(api, config, reported, make_environment())
    emit_tests(api, config, Diagnostics(), make_environment())
    assert built == ["shared-view"]
