"""The Python emitter's output: valid, deterministic, stable under black.

The real APIs' packages are not snapshotted here: the end-to-end test compares them
with the committed ``generated/`` tree, the one place an intended change shows."""

from __future__ import annotations

import ast
import sys
from dataclasses import replace
from pathlib import Path

import black
import pytest

from generator.config import ApiConfig
from generator.diagnostics import Diagnostics
from generator.emit.python import emit_python
from generator.emit.templating import make_environment
from generator.model import Api

sys.path.insert(0, str(Path(__file__).parent))

import python_build
import python_fixtures

FIXTURES = {
    "catalog-fixture": python_fixtures.catalog_api,
    "petstore-fixture": python_fixtures.petstore_api,
    "hostile": python_fixtures.hostile_api,
}


def real(name: str) -> tuple[Api, ApiConfig]:
    return python_build.load_spec(name), python_build.project_config(name)


def emit(
    api: Api, config: ApiConfig | None = None, diagnostics: Diagnostics | None = None
) -> dict[str, str]:
    config = config or ApiConfig.for_folder(Path("specs") / api.name, api.name)
    diagnostics = Diagnostics() if diagnostics is None else diagnostics
    return emit_python(api, config, diagnostics, make_environment())


def every_api() -> list[tuple[str, Api, ApiConfig | None]]:
    apis: list[tuple[str, Api, ApiConfig | None]] = [(n, f(), None) for n, f in FIXTURES.items()]
    apis += [(n, *real(n)) for n in ("catalog", "petstore")]
    return apis


@pytest.mark.parametrize("name", [*FIXTURES, "catalog", "petstore"])
def test_every_file_is_valid_python_and_black_stable(name: str) -> None:
    api, config = (FIXTURES[name](), None) if name in FIXTURES else real(name)
    files = emit(api, config)
    for path, text in files.items():
        if not path.endswith(".py"):
            continue
        ast.parse(text, filename=path)
        formatted = black.format_str(text, mode=black.Mode())
        assert black.format_str(formatted, mode=black.Mode()) == formatted, path


@pytest.mark.parametrize("name", [*FIXTURES, "catalog", "petstore"])
def test_output_is_deterministic(name: str) -> None:
    make = FIXTURES.get(name)
    first = emit(*((make(), None) if make else real(name)))
    second = emit(*((make(), None) if make else real(name)))
    assert first == second
    assert list(first) == sorted(first)


def test_layout_keeps_tests_folder_free_and_names_from_config() -> None:
    api, config = real("catalog")
    files = python_build.render(api, config=config)
    root = "python/catalog"
    assert f"{root}/pyproject.toml" in files and f"{root}/README.md" in files
    assert f"{root}/src/catalog_client/py.typed" in files
    assert not any(p.startswith(f"{root}/tests/") for p in files)
    assert 'name = "catalog-client"' in files[f"{root}/pyproject.toml"]
    assert 'version = "1.0.0"' in files[f"{root}/pyproject.toml"]
    client = files[f"{root}/src/catalog_client/_client.py"]
    assert "class CatalogClient(" in client and "class AsyncCatalogClient(" in client
    assert '"CATALOG_API_KEY"' in client and '"CATALOG_IMS_ORG_ID"' in client


def test_no_absolute_paths_or_timestamps() -> None:
    for _, api, config in every_api():
        for path, text in emit(api, config).items():
            assert "/work/" not in text and "/tmp/" not in text, path
            assert not Path(path).is_absolute()


def test_unresolved_references_are_dicts_with_a_reason() -> None:
    api, config = real("catalog")
    batch = emit(api, config)["python/catalog/src/catalog_client/models/batch.py"]
    assert "# unresolved reference 'errors.md#errors': the docs do not define it" in batch
    assert "errors: list[dict[str, Any]] | None = None" in batch


def test_hostile_docs_text_cannot_escape_its_context() -> None:
    files = emit(python_fixtures.hostile_api())
    root = files["python/hostile-api/src/hostile_api_client/resources/_root.py"]
    tree = ast.parse(root)
    functions = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)]
    doc = ast.get_docstring(next(f for f in functions if f.name == "get_things_id_undocumented"))
    assert doc is not None and doc.startswith('Get a "thing" """ with \\ backslashes\nand a')
    node = files["python/hostile-api/src/hostile_api_client/models/node.py"]
    assert 'quote: str | None = \'he said """hi"""\\\\\'' in node


def test_problems_become_diagnostics_not_tracebacks() -> None:
    diagnostics = Diagnostics()
    emit(python_fixtures.hostile_api(), diagnostics=diagnostics)
    [problem] = diagnostics.sorted()
    assert problem.code == "unsupported" and "undocumented" in problem.message
    assert str(problem.location) == "paths.md:1:1"


def test_bad_version_falls_back_with_a_warning() -> None:
    api = python_fixtures.petstore_api()
    config = ApiConfig.for_folder(Path("specs/petstore"), "petstore")
    diagnostics = Diagnostics()
    files = emit_python(
        api, ApiConfig(**{**config.__dict__, "version": "latest!"}), diagnostics, make_environment()
    )
    assert 'version = "0.1.0"' in files["python/petstore/pyproject.toml"]
    [problem] = diagnostics.sorted()
    assert (str(problem.location), problem.code) == ("overview.md:1:1", "unsupported")
    assert "'latest!' is not a PEP 440 version" in problem.message


@pytest.mark.parametrize("package", ["../../evil", "/tmp/evil", "class", "a-b"])
def test_unusable_configured_names_fall_back_with_a_warning(package: str) -> None:
    api = python_fixtures.petstore_api()
    config = ApiConfig.for_folder(Path("specs/petstore"), "petstore")
    config = ApiConfig(**{**config.__dict__, "package": package, "env_prefix": "bad prefix"})
    diagnostics = Diagnostics()
    files = emit_python(api, config, diagnostics, make_environment())
    assert all(p.startswith("python/petstore/") and ".." not in p for p in files)
    assert "python/petstore/src/petstore_client/__init__.py" in files
    assert (
        '"PETSTORE_API_KEY"'
        in python_build.render(api, config=config)["python/petstore/src/petstore_client/_client.py"]
    )
    assert sorted(d.code for d in diagnostics) == ["config", "config"]


def test_readme_keeps_docs_text_but_no_control_characters() -> None:
    api = python_fixtures.petstore_api()
    assert api.overview is not None
    overview = replace(api.overview, description="line one\r\nline two\rthree\x00\u202e end")
    poisoned = replace(api, overview=overview)
    readme = emit(poisoned)["python/petstore/README.md"]
    assert "line one\nline two\nthree end" in readme
    assert "\r" not in readme and "\x00" not in readme and "\u202e" not in readme


def test_one_status_table_feeds_exceptions_docstrings_and_tests() -> None:
    """``_exceptions.py`` (tree, classes, mapping), ``Raises:`` and the generated tests
    all follow `STATUS_ERRORS`: a status changed there changes everywhere."""
    from generator.emit.python.errors import STATUS_ERRORS, error_class  # noqa: PLC0415

    files = emit(*real("catalog"))
    exceptions = files["python/catalog/src/catalog_client/_exceptions.py"]
    for entry in STATUS_ERRORS:
        assert f"class {entry.name}(APIStatusError):\n    \"\"\"{entry.docstring}\"\"\"" in (
            exceptions
        )
        assert f"── {entry.tree_label}" in exceptions
        if entry.status:
            assert f"    {entry.status}: {entry.name},\n" in exceptions
            assert error_class(str(entry.status)) == entry.name
    assert error_class("503") == "InternalServerError"
    assert error_class("418") == "APIStatusError"
    resource = files["python/catalog/src/catalog_client/resources/_root.py"]
    assert "NotFoundError: 404 Not found" in resource


def test_readme_installs_from_the_folder_unless_a_distribution_is_named() -> None:
    api = python_fixtures.petstore_api()
    config = ApiConfig.for_folder(Path("specs/petstore"), "petstore")
    derived = emit(api, config)["python/petstore/README.md"]
    assert "pip install .\n" in derived and "pip install petstore-client" not in derived
    named = replace(config, distribution="acme-petstore", published=True)
    readme = emit(api, named)["python/petstore/README.md"]
    assert "pip install acme-petstore\n" in readme and "pip install .\n" not in readme


def test_readme_quick_start_uses_the_docs_values_and_names_the_credentials() -> None:
    readme = emit(*real("petstore"))["python/petstore/README.md"]
    quick = readme.split("## Quick start", 1)[1].split("##", 1)[0]
    assert "Set `PETSTORE_ACCESS_TOKEN` first" in quick
    assert "    result = client.pet.find_pets_by_status()\n    print(result)\n" in quick
    tour = readme.split("## Operations", 1)[1].split("##", 1)[0]
    assert '    client.pet.add_pet(\n        body={\n' in tour  # never a bodiless POST
    assert '"photoUrls": ["string", "string"],' in tour


def test_no_generated_file_holds_a_path_of_the_generating_machine(tmp_path: Path) -> None:
    """Generated from an absolute folder, run from elsewhere: the python and tests
    targets' files name no folder of the machine (stand-in models included)."""
    import subprocess  # noqa: PLC0415

    specs = tmp_path / "machine-specific-folder" / "adobe-catalog"
    specs.mkdir(parents=True)
    wild = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "wild"
    for page in wild.glob("adobe-catalog__*.md"):
        (specs / page.name.split("__", 1)[1]).write_bytes(page.read_bytes())
    out = tmp_path / "out"
    elsewhere = tmp_path / "cwd"
    elsewhere.mkdir()
    command = [sys.executable, "-c", "import sys; from generator.cli import main; main()",
               "generate", str(specs), "--out", str(out), "-q", "--target", "python",
               "--target", "tests"]  # fmt: skip
    root = Path(__file__).resolve().parents[2]
    environ = {**__import__("os").environ, "PYTHONPATH": str(root)}
    done = subprocess.run(command, cwd=elsewhere, env=environ, capture_output=True,
                          text=True, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    files = [p for p in out.rglob("*") if p.is_file() and not p.name.startswith(".md2sdk")]
    assert len(files) > 20
    leaks = [
        str(p.relative_to(out))
        for p in files
        if "machine-specific-folder" in p.read_text(encoding="utf-8", errors="replace")
        or str(tmp_path) in p.read_text(encoding="utf-8", errors="replace")
    ]
    assert leaks == []


@pytest.mark.parametrize(
    ("title", "description"),
    [
        ("Swagger Petstore", "Typed Python client for the Swagger Petstore API"),
        ("ARLAS Exploration API", "Typed Python client for the ARLAS Exploration API"),
        ("Catalog Service RESTful API Resource.",
         "Typed Python client for the Catalog Service RESTful API Resource"),
        ("Rapid api gateway", "Typed Python client for the Rapid api gateway"),
        ("Capital Ideas", "Typed Python client for the Capital Ideas API"),
    ],
)  # fmt: skip
def test_the_distribution_description_says_api_once(title: str, description: str) -> None:
    api = python_fixtures.petstore_api()
    assert api.overview is not None
    api = replace(api, overview=replace(api.overview, title=title))
    config = ApiConfig.for_folder(Path("specs/petstore"), "petstore")
    pyproject = emit(api, config)["python/petstore/pyproject.toml"]
    assert f"description = {description!r}".replace("'", '"') in pyproject


def test_the_package_declares_what_its_own_tests_need() -> None:
    api, config = real("petstore")
    files = python_build.render(api, config=config)
    pyproject = files["python/petstore/pyproject.toml"]
    assert '[project.optional-dependencies]\ntest = ["pytest>=7", "respx>=0.20"]' in pyproject
    readme = files["python/petstore/README.md"]
    assert "## Tests" in readme and "set `PETSTORE_TEST_LIVE_URL` to its URL" in readme
