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
from typing import Any

import pytest

from generator.config import load_config
from generator.diagnostics import Diagnostics
from generator.diff.findings import Findings
from generator.diff.locate import Locator
from generator.diff.sdk import SdkComparer
from generator.diff.surface import Surface, sdk_surface
from generator.load.sources import load_api

ROOT = Path(__file__).resolve().parents[2]
CALL_OPTIONS = ["extra_headers", "extra_query", "timeout", "max_retries"]
"""The per-call options every method ends with: not API arguments, not in the surface."""
CLIENT_OPTIONS = ["base_url", "timeout", "max_retries", "default_headers",
                  "idempotency_header", "strict_response_validation", "http_client"]  # fmt: skip
"""The constructor options every client has after the API's own (`Surface` options)."""


def surface_of(name: str) -> tuple[Surface, Path]:
    project = load_config(ROOT / "pyproject.toml")
    config = next(a for a in project.apis if a.name == name)
    api = load_api(config, ROOT, Diagnostics(), lambda _stage: nullcontext())
    surface = sdk_surface(api, config)
    return surface, project.output / "python" / name / "src" / surface["package"]


def classes(path: Path) -> dict[str, ast.ClassDef]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.name: node for node in tree.body if isinstance(node, ast.ClassDef)}


def typed_dicts(path: Path) -> dict[str, dict[str, tuple[str, bool]]]:
    """Every TypedDict of a module, class or functional form: key → (hint, required)."""
    found: dict[str, dict[str, tuple[str, bool]]] = {}

    def entry(annotation: ast.expr) -> tuple[str, bool]:
        if isinstance(annotation, ast.Constant):  # the functional form's string types
            annotation = ast.parse(annotation.value, mode="eval").body
        required = isinstance(annotation, ast.Subscript) and ast.unparse(annotation.value) == (
            "Required"
        )
        inner = annotation.slice if isinstance(annotation, ast.Subscript) and required else None
        return ast.unparse(inner if inner is not None else annotation), required

    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ClassDef) and [ast.unparse(b) for b in node.bases] == ["TypedDict"]:
            assert [ast.unparse(k) for k in node.keywords] == ["total=False"]
            found[node.name] = {
                s.target.id: entry(s.annotation) for s in node.body
                if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)
            }  # fmt: skip
        elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            call, (target,) = node.value, node.targets
            if ast.unparse(call.func) == "TypedDict" and isinstance(target, ast.Name):
                keys = call.args[1]
                assert isinstance(keys, ast.Dict)
                found[target.id] = {
                    k.value: entry(v) for k, v in zip(keys.keys, keys.values, strict=True)
                    if isinstance(k, ast.Constant)
                }  # fmt: skip
    return found


def norm(hint: str) -> str:
    """A hint as ``ast.unparse`` writes it (single quotes), to compare with the code."""
    return ast.unparse(ast.parse(hint, mode="eval"))


def _arguments(node: ast.FunctionDef | ast.AsyncFunctionDef) -> tuple[list[str], list[str]]:
    return [a.arg for a in node.args.args[1:]], [a.arg for a in node.args.kwonlyargs]


def _check_class(
    node: ast.ClassDef, methods: dict[str, dict[str, Any]], pager_class: str, *, is_async: bool
) -> None:
    """``node`` defines exactly the surface's methods and their pagers, with the
    surface's arguments (then the call options) and return types."""
    kind = ast.AsyncFunctionDef if is_async else ast.FunctionDef
    defined = {
        n.name: n for n in node.body
        if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef) and n.name != "with_raw_response"
    }  # fmt: skip
    pagers = {m["pager"]["name"]: m for m in methods.values() if m["pager"]}
    assert set(defined) == set(methods) | set(pagers)
    for name, method in [*methods.items(), *pagers.items()]:
        function = defined[name]
        pager = method["pager"] if name in pagers else None
        assert isinstance(function, ast.FunctionDef if pager else kind), name
        positional, keywords = _arguments(function)
        assert positional == [p[0] for p in method["positional"]]
        annotations = [ast.unparse(a.annotation) for a in function.args.args[1:]]  # type: ignore[arg-type]
        assert annotations == [norm(p[2]) for p in method["positional"]]
        assert keywords == [*method["keyword"], *CALL_OPTIONS]
        hints = [ast.unparse(a.annotation) for a in function.args.kwonlyargs]  # type: ignore[arg-type]
        assert hints[: len(method["keyword"])] == [
            norm(k["hint"]) for k in method["keyword"].values()
        ]
        returns = ast.unparse(function.returns)  # type: ignore[arg-type]
        expected = (
            f"{pager_class}[{pager['page']}, {pager['item']}]" if pager else method["returns"]
        )
        assert returns == norm(expected), name


@pytest.mark.parametrize("name", ["catalog", "petstore"])
def test_surface_is_what_the_generated_package_defines(name: str) -> None:
    surface, package = surface_of(name)
    for attribute, resource in surface["resources"].items():
        defined = classes(package / "resources" / f"{resource['module']}.py")
        methods = {m["name"]: m for m in surface["methods"].values()
                   if m["resource"] == attribute}  # fmt: skip
        sync, asynchronous = (defined[c] for c in resource["classes"][:2])
        _check_class(sync, methods, "SyncPager", is_async=False)
        _check_class(asynchronous, methods, "AsyncPager", is_async=True)
    models = surface["models"]
    params = {m["params"]["name"]: m["params"]["keys"] for m in models.values()}
    seen: set[str] = set()
    for path in (package / "models").glob("*.py"):
        dicts = typed_dicts(path)
        for class_name, node in classes(path).items():
            if class_name in dicts:
                continue
            fields = [
                s.target.id for s in node.body
                if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)
            ]  # fmt: skip
            assert fields == list(models[class_name]["fields"]), class_name
            assert models[class_name]["module"] == path.stem
            seen.add(class_name)
        for dict_name, keys in dicts.items():
            wanted = params[dict_name]
            assert keys == {k: (norm(v["hint"]), v["required"]) for k, v in wanted.items()}
            seen.add(dict_name)
    assert seen == set(models) | set(params)
    client = classes(package / "_client.py")[surface["client"]]
    init = next(n for n in client.body if isinstance(n, ast.FunctionDef) and n.name == "__init__")
    assert _arguments(init) == ([], [*surface["options"], *CLIENT_OPTIONS])
    generated = classes(package / "_exceptions.py")
    assert set(surface["exceptions"]) == {n for n in generated if not n.startswith("_")}


def test_the_surface_holds_what_16_added() -> None:
    """Petstore's ``DELETE /pets/{petId}`` takes the client's required ``api_key`` per
    call; bodies take a model or its TypedDict (lists: any sequence of either);
    no-content operations return None; catalog's ``get_batch`` pages (``get_batch_iter``)."""
    petstore, _ = surface_of("petstore")
    delete = petstore["methods"]["pet.delete_pet"]
    assert delete["keyword"]["api_key"] == {"wire": "api_key", "kind": "option",
        "hint": "str | NotGiven", "default": "NOT_GIVEN", "option": "api_key"}  # fmt: skip
    assert delete["returns"] == "None"
    assert petstore["methods"]["pet.add_pet"]["keyword"]["body"]["hint"] == (
        "Pet | PetParam | NotGiven"
    )
    users = petstore["methods"]["user.create_users_with_array_input"]["keyword"]["body"]
    assert users["hint"] == "Sequence[User | UserParam] | NotGiven"
    assert petstore["models"]["Pet"]["params"]["keys"]["photoUrls"] == {
        "hint": "list[str]", "required": True,
    }  # fmt: skip
    catalog, _ = surface_of("catalog")
    pager = catalog["methods"]["get_batch"]["pager"]
    assert pager == {"name": "get_batch_iter", "page": "dict[str, Batch]",
                     "item": "tuple[str, Batch]"}  # fmt: skip


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


def _changes(name: str, old: Surface, new: Surface) -> list[tuple[str, str, str]]:
    findings = Findings()
    project = load_config(ROOT / "pyproject.toml")
    config = next(a for a in project.apis if a.name == name)
    api = load_api(config, ROOT, Diagnostics(), lambda _stage: nullcontext())
    SdkComparer(old, new, Locator(api), Locator(api), findings).run()
    return [(c.rule, c.subject, c.message) for c in findings.changes()]


def test_a_surface_recorded_before_pagers_and_typed_dicts_reads_as_unchanged() -> None:
    """Versioning compares with the surface an older md2sdk recorded: one without
    ``pager`` and ``params`` says nothing about them either way."""
    surface, _ = surface_of("catalog")
    old = copy.deepcopy(surface)
    for method in old["methods"].values():
        del method["pager"]
    for model in old["models"].values():
        del model["params"]
    assert _changes("catalog", old, surface) == []
    assert _changes("catalog", surface, old) == []


def test_a_typed_dict_change_its_model_does_not_show_is_reported_on_its_own() -> None:
    """The emitter derives each TypedDict from its class, so today only its name changes
    alone; a key's type, optionality or presence changing without the field's (another
    md2sdk's record) is still a finding, on the TypedDict."""
    surface, _ = surface_of("petstore")
    old = copy.deepcopy(surface)
    keys = old["models"]["Pet"]["params"]["keys"]
    keys["category"]["hint"] = "dict[str, Any]"
    keys["id"]["required"] = True
    keys["legacy"] = {"hint": "str", "required": False}
    del keys["tags"]
    assert _changes("petstore", old, surface) == [
        ("sdk-field-became-optional", "models.PetParam", "key `id` became optional"),
        ("sdk-field-removed", "models.PetParam", "key `legacy` removed"),
        ("sdk-field-type-changed", "models.PetParam",
         "key `category`: dict[str, Any] → CategoryParam (changed)"),
        ("sdk-field-added", "models.PetParam", "key `tags` added (optional)"),
    ]  # fmt: skip
