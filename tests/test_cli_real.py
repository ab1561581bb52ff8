"""The CLI on the real docs (real parser and emitters): parse, openapi, a full check."""

from __future__ import annotations

import json
import re
import shutil
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


def test_verbose_says_how_much_was_kept_from_the_last_run(tmp_path: Path) -> None:
    shutil.copytree(REPO / "specs/petstore", tmp_path / "specs/petstore")
    config = tmp_path / "pyproject.toml"
    config.write_text(
        '[tool.md2sdk]\noutput = "out"\n\n[tool.md2sdk.apis.petstore]\n'
        'specs = "specs/petstore"\ntargets = ["openapi", "python", "tests"]\n'
    )
    cold = md2sdk("generate", "--config", str(config), "-v")
    assert cold.exit_code == 0, cold.stderr
    [line] = [s for s in cold.stderr.splitlines() if s.startswith("petstore: kept")]
    kept, total = re.match(r"petstore: kept from the last run (\d+) of (\d+) files", line).groups()
    assert kept == "0" and int(total) > 0 and line.endswith(" fragments")
    page = tmp_path / "specs/petstore/paths.md"
    page.write_text(page.read_text() + "\nEdited for the test.\n")
    edited = md2sdk("generate", "--config", str(config), "-v")
    [line] = [s for s in edited.stderr.splitlines() if s.startswith("petstore: kept")]
    kept, total = re.match(r"petstore: kept from the last run (\d+) of (\d+) files", line).groups()
    assert 0 < int(kept) <= int(total)
    page.write_text(page.read_text() + "\nEdited again.\n")
    plain = md2sdk("generate", "--config", str(config))
    assert plain.exit_code == 0 and "kept from the last run" not in plain.stderr
    assert "file written" in plain.stdout or "files written" in plain.stdout
