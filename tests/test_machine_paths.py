"""No generated file says where the docs were, or where md2sdk ran (#16 item 12).

Page paths are shown relative to the working directory (or the project), so docs in
an absolute folder elsewhere are shown by their absolute path: in diagnostics that is
what the user needs, but a generated file holding one would differ from machine to
machine. Here the docs live in one folder, md2sdk runs from another and writes to a
third, and no file written may hold any of those paths. The docs have what makes
md2sdk write about paths: links to definition and security pages that are not there
(stand-ins that say what is missing), and a recorded API state (versioning).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from tests.diff.corpus.pairs import BASE

ROOT = Path(__file__).resolve().parents[1]
OWNER = '<a name="owner"></a>'


def _shop(folder: Path) -> Path:
    """The diff corpus's pet shop, its Owner definition and security schemes cut and
    linked on pages that are not part of the docs."""
    text = BASE[: BASE.index(OWNER)]
    text = text.replace("(#api_key)", "(security.md#api_key)")
    text = text.replace("(#shop_auth)", "(security.md#shop_auth)")
    text = text.replace("[Owner](#owner)", "[Owner](../people/owner.md#owner)")
    folder.mkdir(parents=True)
    (folder / "api.md").write_text(text, encoding="utf-8")
    return folder


def _written(out: Path) -> dict[str, str]:
    files = {p.relative_to(out).as_posix(): p for p in out.rglob("*") if p.is_file()}
    return {name: path.read_text(encoding="utf-8") for name, path in sorted(files.items())}


def _leaks(files: dict[str, str], *paths: Path) -> dict[str, list[str]]:
    """File → the machine paths it holds (each path also as its resolved form)."""
    needles = {str(p) for path in paths for p in (path, path.resolve())}
    found = {name: sorted(n for n in needles if n in text) for name, text in files.items()}
    return {name: hits for name, hits in found.items() if hits}


@pytest.fixture
def places(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path, Path]:
    """(docs home, working directory, output folder): three unrelated folders."""
    docs, cwd, out = tmp_path / "docs-home", tmp_path / "elsewhere", tmp_path / "out-dir"
    for name in ("catalog", "petstore"):
        shutil.copytree(ROOT / "specs" / name, docs / name)
    _shop(docs / "shop")
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    return docs, cwd, out


def test_generating_from_an_absolute_folder_writes_no_machine_path(
    places: tuple[Path, Path, Path],
) -> None:
    docs, cwd, out = places
    folders = [str(docs / name) for name in ("catalog", "petstore", "shop")]
    targets = ["--target", "python", "--target", "tests", "--target", "openapi"]
    result = CliRunner().invoke(cli, ["generate", *folders, "--out", str(out), *targets])
    assert result.exit_code == 0, result.output
    # The diagnostics do show where the pages are: absolute paths, as given.
    assert f"{docs}/shop/api.md:" in result.stderr
    files = _written(out)
    assert len([n for n in files if n.startswith("python/shop/")]) > 10
    # What made md2sdk write about pages is there (so this test can fail):
    shop = files["openapi/shop.yaml"]
    assert "but ../people/owner.md is not among the docs'' pages" in shop  # YAML's ''"
    client = files["python/shop/src/shop_client/_client.py"]
    assert "Not defined on any page (page security.md is not part of this API's docs)" in client
    assert "Definition ''errors'' is missing: the docs link to" in files["openapi/catalog.yaml"]
    assert _leaks(files, docs, cwd, out) == {}


def test_a_configured_api_run_from_elsewhere_records_no_machine_path(
    places: tuple[Path, Path, Path],
) -> None:
    """With ``--config`` from another folder, and ``versioning = "semver"``, which
    records the API's state (model and SDK surface) in the output."""
    docs, cwd, _ = places
    project = cwd.parent / "project"
    shutil.copytree(docs / "shop", project / "docs" / "shop")
    (project / "pyproject.toml").write_text(
        '[tool.md2sdk]\noutput = "generated"\n\n[tool.md2sdk.apis.shop]\n'
        'specs = "docs/shop"\nversioning = "semver"\n',
        encoding="utf-8",
    )
    config = ["--config", str(project / "pyproject.toml")]
    result = CliRunner().invoke(cli, ["generate", *config])
    assert result.exit_code == 0, result.output
    files = _written(project / "generated")
    assert ".md2sdk-surface-shop.json" in files
    assert "python/shop/CHANGELOG.md" in files
    assert _leaks(files, docs, cwd, project) == {}
