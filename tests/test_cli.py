"""The md2sdk command with a fake loader: exit codes, output formats, check, overrides."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from pipeline_fakes import fake_loader, snapshot_tree, tiny_api

from generator import cli as cli_module
from generator.emit.model_json import dumps
from generator.emit.templating import BUILTIN_TEMPLATES
from generator.load import sources
from generator.model import Api
from generator.pipeline import EMITTERS

PYPROJECT = """\
[tool.md2sdk]
output = "generated"

[tool.md2sdk.apis.alpha]
specs = "specs/alpha"
targets = ["model"]
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "specs/alpha").mkdir(parents=True)
    (tmp_path / "specs/alpha/paths.md").write_text("# paths\n")
    (tmp_path / "pyproject.toml").write_text(PYPROJECT)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sources, "load_api", fake_loader)
    return tmp_path


def md2sdk(*args: str) -> Result:
    return CliRunner().invoke(cli_module.cli, list(args), catch_exceptions=False)


def test_generate_then_nothing_changes(project: Path) -> None:
    first = md2sdk("generate")
    assert (first.exit_code, first.stdout) == (
        0, "alpha: 1 operation, 1 model, 1 file written, 0 unchanged\n"
    )  # fmt: skip
    assert (project / "generated/model/alpha.json").read_text() == dumps(tiny_api("alpha"))
    before = snapshot_tree(project / "generated")
    second = md2sdk("generate")
    assert second.stdout == "alpha: 1 operation, 1 model, 0 files written, 1 unchanged\n"
    assert snapshot_tree(project / "generated") == before


def test_warnings_exit_0_strict_makes_them_errors(project: Path) -> None:
    (project / "specs/alpha/WARN").write_text("")
    result = md2sdk("generate")
    assert result.exit_code == 0
    assert result.stderr == (
        "specs/alpha/paths.md:5:1: warning[unknown-section]: section 'Foo' is unknown\n"
    )
    assert result.stdout.endswith("1 file written, 0 unchanged, 1 warning\n")
    shutil.rmtree(project / "generated")
    strict = md2sdk("generate", "--strict")
    assert strict.exit_code == 1
    assert strict.stderr.startswith("specs/alpha/paths.md:5:1: error[unknown-section]")
    assert strict.stdout == "alpha: 1 operation, 1 model, nothing written, 1 error\n"
    assert not (project / "generated").exists()


def test_github_annotations_on_stdout(project: Path) -> None:
    (project / "specs/alpha/WARN").write_text("")
    (project / "specs/alpha/ERROR").write_text("")
    result = md2sdk("generate", "--format", "github", "-q")
    assert result.exit_code == 1
    assert result.stdout == (
        "::warning file=specs/alpha/paths.md,line=5,col=1::[unknown-section] section 'Foo' "
        "is unknown\n"
        "::error file=specs/alpha/paths.md,line=7,col=1::[bad-operation] no METHOD /path\n"
    )
    assert result.stderr == ""


def test_verbose_prints_stage_timings_quiet_prints_nothing(project: Path) -> None:
    verbose = md2sdk("generate", "-v")
    assert verbose.stderr.startswith("timings: stamp ")
    for stage in ("parse", "emit", "format", "plan", "write"):
        assert f" {stage} " in verbose.stderr
    quiet = md2sdk("generate", "-q")
    assert (quiet.exit_code, quiet.stdout, quiet.stderr) == (0, "", "")


def test_check_exit_codes_and_diff(project: Path) -> None:
    stale = md2sdk("check")
    assert stale.exit_code == 1
    assert "add: generated/model/alpha.json" in stale.stdout
    md2sdk("generate")
    current = md2sdk("check")
    assert (current.exit_code, current.stdout) == (
        0, "alpha: 1 operation, 1 model, 0 files stale, 1 up to date\n"
    )  # fmt: skip
    target = project / "generated/model/alpha.json"
    target.write_text(target.read_text().replace('"alpha"', '"edited"', 1))
    edited = md2sdk("check")
    assert edited.exit_code == 1
    assert "update: generated/model/alpha.json" in edited.stdout
    assert '-  "name": "edited",\n+  "name": "alpha",\n' in edited.stdout
    assert edited.stdout.endswith(
        "generated/ is stale: run `md2sdk generate` (or `make generate`)\n"
    )
    assert target.read_text().count('"edited"') == 1  # check never writes


def test_config_errors_are_located_and_exit_1(project: Path) -> None:
    (project / "pyproject.toml").write_text(PYPROJECT.replace('["model"]', '["cobol"]'))
    result = md2sdk("generate")
    assert result.exit_code == 1
    assert result.stderr.startswith("pyproject.toml:6:1: error[config]: targets = ['cobol']")


def test_usage_errors_exit_2(project: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    assert md2sdk("generate", "--format", "xml").exit_code == 2
    assert md2sdk("generate", "no/such/folder").exit_code == 2
    elsewhere = tmp_path_factory.mktemp("no_config")
    result = CliRunner().invoke(cli_module.cli, ["generate", "--config", str(elsewhere / "x")])
    assert result.exit_code == 1  # an unreadable config file is a config error
    assert "error[config]: cannot read" in result.stderr


def test_emitter_failure_exits_1_and_writes_nothing(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    md2sdk("generate")
    before = snapshot_tree(project / "generated")
    (project / "specs/alpha/more.md").write_text("")  # the model would change
    monkeypatch.setitem(EMITTERS, "openapi", ("pipeline_fakes", "failing_emitter"))
    (project / "pyproject.toml").write_text(PYPROJECT.replace('["model"]', '["model", "openapi"]'))
    result = md2sdk("generate")
    assert result.exit_code == 1
    assert "specs/alpha:1:1: error[emit-failed]: target 'openapi' failed: RuntimeError" in (
        result.stderr
    )
    assert snapshot_tree(project / "generated") == before


def test_template_override_changes_real_openapi_output(project: Path) -> None:
    mine = project / "mine/openapi"
    mine.mkdir(parents=True)
    builtin = (BUILTIN_TEMPLATES / "openapi/document.yaml.jinja").read_text()
    first, rest = builtin.split("\n", 1)
    (mine / "document.yaml.jinja").write_text(f"{first}\n# Custom header for ACME\n{rest}")
    plain = md2sdk("generate", "--target", "openapi")
    assert plain.exit_code == 0, plain.stderr
    text = (project / "generated/openapi/alpha.yaml").read_text()
    assert "ACME" not in text
    custom = md2sdk("generate", "--target", "openapi", "--templates", "mine")
    assert custom.exit_code == 0, custom.stderr
    assert (project / "generated/openapi/alpha.yaml").read_text() == (
        "# Custom header for ACME\n" + text
    )


def test_python_from_overridden_templates_is_formatted_by_black(project: Path) -> None:
    # Built-in templates emit black's layout and skip black; an override may not.
    mine = project / "mine/python/src"
    mine.mkdir(parents=True)
    (mine / "_types.py.jinja").write_text("{# view: PackageView #}\nX=( 1, )\n")
    plain = md2sdk("generate", "--target", "python")
    assert plain.exit_code == 0, plain.stderr
    types = project / "generated/python/alpha/src/alpha_client/_types.py"
    assert "X = (1,)" not in types.read_text()
    custom = md2sdk("generate", "--target", "python", "--templates", "mine")
    assert custom.exit_code == 0, custom.stderr
    assert types.read_text() == "X = (1,)\n"


def test_adhoc_generate_needs_no_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "docs/shop").mkdir(parents=True)
    monkeypatch.chdir(tmp_path)

    def fake_pages(name: str, *args: object, **kwargs: object) -> Api:
        return tiny_api(name)

    monkeypatch.setattr(sources, "load_pages", fake_pages)
    result = md2sdk("generate", "docs/shop", "--out", "out", "--target", "model")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "shop: 1 operation, 1 model, 1 file written, 0 unchanged\n"
    assert (tmp_path / "out/model/shop.json").exists()
    assert not (tmp_path / ".md2sdk-cache").exists()  # ad-hoc runs leave no cache behind


def test_parse_json_is_the_serialized_model_and_stable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = tmp_path / "get_batch.md"
    page.write_text("")
    monkeypatch.setattr(sources, "load_pages", lambda name, *a, **k: tiny_api(name))
    first = md2sdk("parse", str(page), "--json")
    assert first.exit_code == 0
    assert first.stdout == dumps(tiny_api("get_batch"))
    assert md2sdk("parse", str(page), "--json").stdout == first.stdout
    summary = md2sdk("parse", str(page))
    assert summary.stdout.splitlines() == [
        "get_batch: 1 operation, 1 definition (0 unresolved), 0 security schemes, 1 page",
        "  GET /things/0  getThing0  (1 parameter, 1 response)",
    ]


def test_internal_bug_is_one_diagnostic_line_not_a_traceback(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*args: object, **kwargs: object) -> Api:
        raise ZeroDivisionError("oops")

    monkeypatch.setattr(sources, "load_api", broken)
    monkeypatch.setattr("sys.argv", ["md2sdk", "generate"])
    with pytest.raises(SystemExit) as done:
        cli_module.main()
    assert done.value.code == 1
    assert capsys.readouterr().err == (
        "generate:0:0: error[internal-error]: md2sdk failed (ZeroDivisionError: oops); "
        "please report this bug\n"
    )
