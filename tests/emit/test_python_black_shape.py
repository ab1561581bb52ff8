"""The client emitter writes Python already in black's shape: black (the writer's pinned
mode) leaves the emitted files unchanged, so formatting them costs little and changes
nothing. Checked for the real docs, the fixtures (hostile one included) and the wild
corpus (where only statements left on one overlong line may change), and for the
layout helpers with arbitrary names at several indents."""

from __future__ import annotations

import difflib
import functools
import keyword
import sys
from collections.abc import Callable
from pathlib import Path

import black
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.config import ApiConfig
from generator.diagnostics import Diagnostics
from generator.emit.pyshape import import_line
from generator.emit.python import emit_python
from generator.emit.python.layout import (
    call_in_parens,
    call_statement,
    class_head,
    conditional_assignment,
    fits,
    self_def,
)
from generator.emit.templating import make_environment, pystr
from generator.model import Api
from generator.parse import parse_page
from generator.resolve import resolve_api
from generator.write.formatting import black_mode

sys.path.insert(0, str(Path(__file__).parent))

import python_build
import python_fixtures
from test_python_wild import WILD, wild_apis


def _fixture(make: Callable[[], Api]) -> tuple[Api, ApiConfig]:
    api = make()
    return api, ApiConfig.for_folder(Path("specs") / api.name, api.name)


def _wild(name: str) -> tuple[Api, ApiConfig]:
    diagnostics = Diagnostics()
    pages = wild_apis()[name]
    parsed = [
        parse_page(p.name.split("__", 1)[1], p.read_text(encoding="utf-8"), diagnostics)
        for p in pages
    ]
    return resolve_api(name, parsed, diagnostics), ApiConfig.for_folder(Path(name), name)


def _real(name: str) -> Callable[[], tuple[Api, ApiConfig]]:
    return lambda: (python_build.load_spec(name), python_build.project_config(name))


def _apis() -> dict[str, Callable[[], tuple[Api, ApiConfig]]]:
    apis = {name: _real(name) for name in ("catalog", "petstore")}
    for name, make in (
        ("catalog-fixture", python_fixtures.catalog_api),
        ("petstore-fixture", python_fixtures.petstore_api),
        ("hostile", python_fixtures.hostile_api),
    ):
        apis[name] = functools.partial(_fixture, make)
    if WILD.is_dir():
        for name in wild_apis():
            apis[f"wild-{name}"] = functools.partial(_wild, name)
    return apis


APIS = _apis()


def _black_changes(files: dict[str, str]) -> dict[str, list[str]]:
    """Path → the lines black replaces, for every ``.py`` file black would change."""
    changes = {}
    for path, text in files.items():
        if path.endswith(".py"):
            formatted = black.format_str(text, mode=black_mode())
            if formatted != text:
                diff = difflib.unified_diff(text.splitlines(), formatted.splitlines(), n=0)
                changes[path] = [
                    line[1:] for line in diff if line[:1] == "-" and not line.startswith("---")
                ]
    return changes


@pytest.mark.parametrize("name", list(APIS))
def test_client_modules_are_black_fixed_points(name: str) -> None:
    api, config = APIS[name]()
    changes = _black_changes(emit_python(api, config, Diagnostics(), make_environment()))
    if name.startswith("wild-"):
        # Beyond the splits the layout helpers know (names of 70+ characters), a
        # statement is left on one overlong line for black: never a wrong layout.
        wrong = {p: [x for x in lines if fits(x)] for p, lines in changes.items()}
        assert {p: lines for p, lines in wrong.items() if lines} == {}
    else:
        assert changes == {}


# ------------------------------------------------------------------ helpers

NAMES = st.from_regex(r"[a-z_][a-z0-9_]{0,70}", fullmatch=True).filter(
    lambda n: not keyword.iskeyword(n)
)
CLASSES = st.from_regex(r"[A-Z][A-Za-z0-9]{0,70}", fullmatch=True)
INDENTS = st.sampled_from([0, 4, 8, 12])


def _is_fixed_point(code: str, indent: int) -> bool:
    """Whether black keeps ``code`` (at ``indent``) unchanged inside nested classes."""
    heads = "".join(f"{' ' * i}class A{i}:\n" for i in range(0, indent, 4))
    source = f"{heads}{code}\n"
    return bool(black.format_str(source, mode=black_mode()) == source)


def _shaped_or_left_long(code: str, indent: int) -> bool:
    """Black's layout, or (beyond the splits the helper knows) one overlong line."""
    return _is_fixed_point(code, indent) or ("\n" not in code and not fits(code))


@settings(max_examples=60, derandomize=True, database=None, deadline=None)
@given(st.lists(NAMES, min_size=1, max_size=6), st.lists(NAMES, min_size=1, max_size=4), INDENTS)
@example(["io_k8s_api_core_v1_pod"], ["IoK8SApiCoreV1Pod as IoK8SApiCoreV1Pod"], 4)
def test_import_line(parts: list[str], names: list[str], indent: int) -> None:
    assert _is_fixed_point(import_line("." + ".".join(parts), names, indent), indent)


@settings(max_examples=60, derandomize=True, database=None, deadline=None)
@given(NAMES, st.text(max_size=40), INDENTS)
def test_conditional_assignment(name: str, env: str, indent: int) -> None:
    code = conditional_assignment(
        f"self.{name}", name, f"{name} is not None", f"env({pystr(env)})", indent
    )
    assert _shaped_or_left_long(code, indent)


@pytest.mark.parametrize(
    ("name", "env"),
    [("api_key", "CATALOG_API_KEY"), ("a" * 30, "B" * 30), ("a" * 40, "B" * 40), ("a" * 60, "B")],
)
def test_conditional_assignment_of_real_sizes_is_shaped(name: str, env: str) -> None:
    code = conditional_assignment(
        f"self.{name}", name, f"{name} is not None", f"env({pystr(env)})", 8
    )
    assert _is_fixed_point(code, 8)


@settings(max_examples=60, derandomize=True, database=None, deadline=None)
@given(st.text(max_size=120), INDENTS)
@example("Missing base_url: pass base_url= or set $PETSTORE_BASE_URL", 12)
def test_call_in_parens(message: str, indent: int) -> None:
    assert _is_fixed_point(call_in_parens("raise ValueError", pystr(message), indent), indent)


def _call(name: str, cls: str, indent: int, factory: bool) -> str:
    if factory:
        args = [pystr(name), f"lambda: {cls}(self)"]
        return call_statement("return ", "self._resource", args, indent)
    return call_statement(f"self.{name} = ", "to_raw_response", [f"resource.{name}"], indent)


@settings(max_examples=80, derandomize=True, database=None, deadline=None)
@given(NAMES, CLASSES, INDENTS, st.booleans())
def test_call_statement(name: str, cls: str, indent: int, factory: bool) -> None:
    assert _shaped_or_left_long(_call(name, cls, indent, factory), indent)


@pytest.mark.parametrize(
    ("name", "cls", "factory"),
    [
        ("host_group_operation_controller", "HostGroupOperationControllerResource", True),
        ("admissionregistration_v1_alpha1", "AsyncAdmissionregistrationV1Alpha1Resource", True),
        ("list_namespaced_horizontal_pod_autoscaler", "", False),
        ("create_admissionregistration_v1_alpha1_initializer_configuration", "", False),
        ("get_rest_v1_orchestrators_orchestrator_id_locations_loc_5003a942", "", False),
    ],
)
def test_call_statement_of_real_sizes_is_shaped(name: str, cls: str, factory: bool) -> None:
    code = _call(name, cls, 8, factory)
    assert "\n" in code and _is_fixed_point(code, 8)


@settings(max_examples=60, derandomize=True, database=None, deadline=None)
@given(NAMES, CLASSES, st.sampled_from([4, 8]))
@example("host_group_operation_controller", "HostGroupOperationControllerResourceWithRaw", 4)
def test_self_def(name: str, returns: str, indent: int) -> None:
    code = self_def(name, returns, indent) + f"\n{' ' * indent}    pass"
    assert _is_fixed_point(code, indent) or not fits(code.split("\n")[0])


@settings(max_examples=60, derandomize=True, database=None, deadline=None)
@given(CLASSES, st.sampled_from(["TypedDict, total=False", "BaseModel"]))
@example("IoK8SApiAdmissionregistrationV1Alpha1InitializerConfigu97ca8293Param", "TypedDict")
def test_class_head(name: str, bases: str) -> None:
    code = class_head(name, bases) + '\n    """Doc."""'
    assert _is_fixed_point(code, 0)


@settings(max_examples=80, derandomize=True, database=None, deadline=None)
@given(NAMES, CLASSES, st.sampled_from([4, 8]))
@example(
    "create_admissionregistration_v1_alpha1_initializer_configuration",
    "AdmissionregistrationV1Alpha1Resource",
    4,
)
def test_raw_method_assignment_is_shaped(name: str, cls: str, indent: int) -> None:
    """``name: Final = RawMethod(Resource.name)``: shaped even when the dotted name is
    longer than a line (black puts it alone between the brackets), so the writer's
    black pass never has to run on a resource module for it."""
    code = call_statement(f"{name}: Final = ", "RawMethod", [f"{cls}.{name}"], indent)
    assert _is_fixed_point(code, indent)
