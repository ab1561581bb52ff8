"""The hostile API folder goes through the whole pipeline and nothing in it becomes code.

`hostile.write_hostile_api` builds an API whose names and descriptions carry quotes,
backslashes, control characters, separators, bidi overrides, Jinja and f-string
syntax, HTML, keywords, builtins, dunders, colliding and empty names, 10,000-character
names, YAML-special strings, path traversal and an import-time canary. It is generated
once per module (every target that exists) and the output is checked: located
diagnostics, paths inside the output root, Python that compiles, imports without side
effects and passes ``mypy --strict``, OpenAPI that loads back to the docs' strings, and
doc text that is never rendered as a template.
"""

from __future__ import annotations

import ast
import dataclasses
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from openapi_spec_validator import validate

from generator.config import ApiConfig, ProjectConfig
from generator.diagnostics import Diagnostics
from generator.pipeline import RunResult, generate
from tests.robust.checks import line_count
from tests.robust.hostile import CANARY, CONTROL_TEXTS, LONG_NAME, write_hostile_api

ROOT = Path(__file__).resolve().parents[2]
TARGETS = ("model", "openapi", "python")
# Characters that must never reach generated files raw: they end comments or lines
# (CR, NEL, U+2028/9 in YAML and some editors) or are rejected by Python (NUL) ...
LINE_BREAKING = "\x00\r\u2028\u2029\x85"
# ... or reorder what a reviewer sees ("Trojan Source"): fine as data in YAML and
# JSON (they load back exactly), never in code or the package's own files.
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


@dataclasses.dataclass
class Generated:
    root: Path
    out: Path
    result: RunResult
    diagnostics: Diagnostics
    paths: list[Path]  # what generation wrote, before any test ran anything in it

    def files(self) -> Iterator[Path]:
        return iter(self.paths)

    @property
    def package_src(self) -> Path:
        return self.out / "python" / "hostile" / "src"

    @property
    def model(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads((self.out / "model" / "hostile.json").read_text())
        return data


# One worker for the whole module: its tests share the generated API.
pytestmark = pytest.mark.xdist_group("hostile")


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Generated:
    root = tmp_path_factory.mktemp("hostile")
    specs = write_hostile_api(root / "specs" / "hostile")
    config = dataclasses.replace(ApiConfig.for_folder(specs, "hostile"), targets=TARGETS)
    project = ProjectConfig(root=root, output=root / "out", apis=(config,))
    diagnostics = Diagnostics()
    cwd = Path.cwd()
    os.chdir(root)  # a canary written by anything at generation time lands here
    try:
        result = generate(project, diagnostics, use_cache=False)
    finally:
        os.chdir(cwd)
    files = sorted(p for p in (root / "out").rglob("*") if p.is_file())
    return Generated(root, root / "out", result, diagnostics, files)


def test_generation_succeeds_with_located_diagnostics(generated: Generated) -> None:
    assert not generated.diagnostics.has_errors, [d.format() for d in generated.diagnostics]
    assert generated.result.written
    for d in generated.diagnostics:
        page = generated.root / d.location.path
        assert page.is_file(), d.format()
        text = page.read_text(encoding="utf-8")
        assert 1 <= d.location.line <= line_count(text) + 1, d.format()


def test_every_hostile_operation_and_parameter_arrives(generated: Generated) -> None:
    operations = {(o["method"], o["path"]): o for o in generated.model["operations"]}
    assert len(operations) == 6
    assert ("PUT", "/'''/" + '"""' + "/{7*7}") in operations
    control = operations[("GET", "/control")]
    names = [p["name"] for p in control["parameters"]]
    assert names[0] == LONG_NAME
    assert set(CONTROL_TEXTS) <= set(names)


def test_output_paths_stay_inside_the_output_root(generated: Generated) -> None:
    out = generated.out.resolve()
    for path in generated.files():
        assert not path.is_symlink()
        assert path.resolve().is_relative_to(out)
        assert all(part not in ("..", "") for part in path.relative_to(out).parts)
    outside = {
        p.relative_to(generated.root).parts[0] for p in generated.root.rglob("*") if p.is_file()
    }
    assert outside == {"specs", "out"}
    assert "etc" not in {p.name for p in generated.out.rglob("*")}


def test_generated_python_compiles(generated: Generated) -> None:
    sources = [p for p in generated.files() if p.suffix == ".py"]
    assert len(sources) > 10
    for path in sources:
        ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def test_no_invisible_or_line_breaking_characters_in_output(generated: Generated) -> None:
    found: dict[str, list[str]] = {}
    for path in generated.files():
        text = path.read_text(encoding="utf-8")
        banned = LINE_BREAKING if path.suffix in (".yaml", ".json") else LINE_BREAKING + BIDI
        if chars := sorted({f"U+{ord(c):04X}" for c in text if c in banned}):
            found[path.relative_to(generated.out).as_posix()] = chars
    assert found == {}


def test_import_runs_nothing_but_definitions(generated: Generated, tmp_path: Path) -> None:
    script = (
        "import importlib, pkgutil, hostile_client\n"
        "for m in pkgutil.walk_packages(hostile_client.__path__, 'hostile_client.'):\n"
        "    importlib.import_module(m.name)\n"
        "print(len(hostile_client.__all__))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tmp_path,
        env={
            **os.environ,
            "PYTHONPATH": str(generated.package_src),
            "PYTHONDONTWRITEBYTECODE": "1",
        },
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) > 0
    canaries = [*tmp_path.rglob(CANARY), *generated.root.rglob(CANARY), *ROOT.glob(CANARY)]
    assert canaries == []


@pytest.mark.toolchain
def test_generated_package_passes_mypy_strict(generated: Generated) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir=/dev/null", "hostile_client"],
        cwd=generated.package_src,
        check=False,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _openapi(generated: Generated) -> dict[str, Any]:
    document: dict[str, Any] = yaml.safe_load(
        (generated.out / "openapi" / "hostile.yaml").read_text(encoding="utf-8")
    )
    return document


def test_openapi_is_valid_and_keeps_every_docs_string(generated: Generated) -> None:
    loaded = set(_strings(_openapi(generated)))
    model = generated.model
    expected: list[str] = [model["overview"]["title"], model["overview"]["description"]]
    for operation in model["operations"]:
        expected += [operation.get("summary", ""), operation.get("description", "")]
        expected += operation.get("tags", [])
        for parameter in operation.get("parameters", []):
            if parameter["place"] != "body":  # a body is a requestBody, not named
                expected += [parameter["name"], parameter.get("description", "")]
        expected += [r.get("description", "") for r in operation.get("responses", [])]
    for definition in model["definitions"]:
        for prop in definition["schema"].get("properties", []):
            expected += [prop["name"], prop.get("description", "")]
    missing = [s for s in expected if s and s not in loaded]
    assert missing == []


def test_openapi_document_is_valid(generated: Generated) -> None:
    validate(_openapi(generated))


def test_yaml_special_strings_stay_strings(generated: Generated) -> None:
    document = _openapi(generated)
    assert document["info"]["version"] == "yes"
    schemas = document["components"]["schemas"]
    props = next(s["properties"] for s in schemas.values() if "match" in s.get("properties", {}))
    for key in ("yes", "null", "&a", "*a", "#", ":", "!!python/object:os.system"):
        assert key in props, key
    assert props["mode"]["enum"] == ["yes", "null", '"""', "'''", "{{ 7*7 }}", "class", "../../x"]


def test_doc_content_is_never_rendered_as_a_template(generated: Generated) -> None:
    texts = {p: p.read_text(encoding="utf-8") for p in generated.files()}
    openapi = texts[generated.out / "openapi" / "hostile.yaml"]
    assert "{% for x in range(3) %}loop{% endfor %}" in openapi
    assert "{% if true %}IF{% endif %} {# comment #}" in openapi
    client = texts[generated.package_src / "hostile_client" / "_client.py"]
    assert "{{ 7*7 }}" in client
    for path, text in texts.items():
        assert "looploop" not in text, path
        assert "Hostile \"\"\" API ''' 49" not in text, path
