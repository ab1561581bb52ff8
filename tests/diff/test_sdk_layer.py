"""The SDK surface is the generated client's, and the SDK layer reads it right.

The surface comes from the python emitter's view, not from a second naming scheme: here
it is checked against the committed generated packages themselves (parsed with
``ast``), method by method and field by field, so an emitter change that the surface
did not follow fails this test.
"""

from __future__ import annotations

import ast
import copy
from contextlib import nullcontext
from pathlib import Path

import pytest

from generator.config import load_config
from generator.diagnostics import Diagnostics
from generator.diff.findings import Findings
from generator.diff.locate import Locator
from generator.diff.sdk import SdkComparer
from generator.diff.surface import Surface, sdk_surface
from generator.load.sources import load_api

ROOT = Path(__file__).resolve().parents[2]
_CALL_OPTIONS = {"extra_headers", "extra_query", "timeout"}


def surface_of(name: str) -> tuple[Surface, Path]:
    project = load_config(ROOT / "pyproject.toml")
    config = next(a for a in project.apis if a.name == name)
    api = load_api(config, ROOT, Diagnostics(), lambda _stage: nullcontext())
    surface = sdk_surface(api, config)
    return surface, project.output / "python" / name / "src" / surface["package"]


def classes(path: Path) -> dict[str, ast.ClassDef]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.name: node for node in tree.body if isinstance(node, ast.ClassDef)}


@pytest.mark.parametrize("name", ["catalog", "petstore"])
def test_surface_is_what_the_generated_package_defines(name: str) -> None:
    surface, package = surface_of(name)
    for attribute, resource in surface["resources"].items():
        sync = classes(package / "resources" / f"{resource['module']}.py")[resource["classes"][0]]
        defined = {
            node.name: node
            for node in sync.body
            if isinstance(node, ast.FunctionDef) and node.name != "with_raw_response"
        }
        methods = {m["name"]: m for m in surface["methods"].values()
                   if m["resource"] == attribute}  # fmt: skip
        assert set(defined) == set(methods)
        for method_name, node in defined.items():
            method = methods[method_name]
            assert [a.arg for a in node.args.args[1:]] == [p[0] for p in method["positional"]]
            keywords = [a.arg for a in node.args.kwonlyargs if a.arg not in _CALL_OPTIONS]
            assert keywords == list(method["keyword"])
            assert ast.unparse(node.returns) == method["returns"]  # type: ignore[arg-type]
    for path in (package / "models").glob("*.py"):
        for class_name, node in classes(path).items():
            fields = [
                s.target.id for s in node.body
                if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)
            ]  # fmt: skip
            assert fields == list(surface["models"][class_name]["fields"]), class_name
    generated = classes(package / "_exceptions.py")
    assert set(surface["exceptions"]) == {n for n in generated if not n.startswith("_")}


def test_exception_classes_come_from_the_exceptions_template() -> None:
    surface, _ = surface_of("catalog")
    assert {"APIError", "NotFoundError", "RateLimitError"} <= set(surface["exceptions"])


def test_a_removed_exception_class_breaks() -> None:
    """No docs edit removes an exception class (the runtime template defines them); an
    md2sdk upgrade could, and versioning compares against the recorded surface."""
    surface, _ = surface_of("petstore")
    old = copy.deepcopy(surface)
    old["exceptions"] = [*surface["exceptions"], "GoneError"]
    findings = Findings()
    project = load_config(ROOT / "pyproject.toml")
    config = next(a for a in project.apis if a.name == "petstore")
    api = load_api(config, ROOT, Diagnostics(), lambda _stage: nullcontext())
    SdkComparer(old, surface, Locator(api), Locator(api), findings).run()
    (change,) = findings.changes()
    assert (change.rule, change.subject, change.symbols) == (
        "sdk-exception-removed", "exceptions.GoneError", ("GoneError",),
    )  # fmt: skip
    assert change.side == "old"
