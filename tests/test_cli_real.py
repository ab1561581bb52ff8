"""The CLI on the real docs (real parser and emitters): parse, openapi, a full check."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

from generator.cli import cli

REPO = Path(__file__).resolve().parent.parent
CATALOG_PAGE = REPO.parent / "shared/corpus/adobe-catalog/get_batch.md"


def md2sdk(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture(autouse=True)
def in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)


def test_parse_json_of_the_catalog_page_is_stable() -> None:
    first = md2sdk("parse", "--json", "specs/catalog")
    assert first.exit_code == 0
    assert md2sdk("parse", "--json", "specs/catalog").stdout == first.stdout
    model = json.loads(first.stdout)
    [operation] = model["operations"]
    assert (operation["method"], operation["path"]) == ("GET", "/batches")
    assert len(operation["parameters"]) == 31
    # project-relative, whatever the working directory
    assert operation["location"].startswith("specs/catalog/operations/get_batch.md:")


@pytest.mark.skipif(not CATALOG_PAGE.exists(), reason="../shared is not beside the repo")
def test_parse_summary_of_a_lone_page_warns_and_exits_0() -> None:
    result = md2sdk("parse", str(CATALOG_PAGE))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[1] == "  GET /batches  get_batch  (31 parameters, 6 responses)"
    assert result.stderr.startswith(f"{CATALOG_PAGE}:50:1: warning[unresolved-ref]: link [batch]")
    assert md2sdk("parse", "--strict", str(CATALOG_PAGE)).exit_code == 1


def test_openapi_to_stdout_and_to_a_file(tmp_path: Path) -> None:
    shown = md2sdk("openapi", "specs/petstore")
    assert shown.exit_code == 0, shown.stderr
    assert yaml.safe_load(shown.stdout)["openapi"] == "3.1.0"
    target = tmp_path / "deep" / "petstore.yaml"
    written = md2sdk("openapi", "specs/petstore", "-o", str(target), "--openapi-version", "3.0")
    assert (written.exit_code, written.stdout) == (0, "")
    document = yaml.safe_load(target.read_text())
    assert document["openapi"] == "3.0.3"
    assert "/pets" in document["paths"]
    assert md2sdk("openapi", "specs/petstore", "--openapi-version", "2.0").exit_code == 2


def test_generate_then_check_on_the_real_project(tmp_path: Path) -> None:
    out = tmp_path / "out"
    generated = md2sdk("generate", "--out", str(out), "-q")
    assert generated.exit_code == 0, generated.stderr
    assert (out / "openapi/petstore.yaml").exists()
    assert (out / "python/catalog/pyproject.toml").exists()
