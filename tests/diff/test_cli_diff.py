"""``md2sdk diff`` on the command line: sides from folders and git revisions, exit codes,
located errors, formats, and a working tree that git revisions never touch."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from tests.diff.corpus.pairs import BASE, PAIRS, materialize

REMOVED = next(p for p in PAIRS if p.name == "operation-removed")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["diff", *args])
    return result.exit_code, result.stdout, result.stderr


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)
    return done.stdout.decode()


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository with the base docs committed under docs/shop, then edited
    (one operation removed) and left uncommitted."""
    root = tmp_path / "repo"
    (root / "docs" / "shop").mkdir(parents=True)
    git(root, "init", "-q")
    git(root, "config", "user.email", "md2sdk@example.invalid")
    git(root, "config", "user.name", "md2sdk")
    (root / "docs" / "shop" / "api.md").write_text(BASE, encoding="utf-8")
    (root / "pyproject.toml").write_text(
        '[tool.md2sdk]\noutput = "generated"\n\n[tool.md2sdk.apis.shop]\n'
        'specs = "docs/shop"\nclient-class = "ShopClient"\n',
        encoding="utf-8",
    )
    (root / ".gitignore").write_text(".md2sdk-cache/\n", encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "base")
    materialize(REMOVED, tmp_path / "pair")
    new = (tmp_path / "pair" / "new" / "api.md").read_text(encoding="utf-8")
    (root / "docs" / "shop" / "api.md").write_text(new, encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def test_folders_and_fail_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    materialize(REMOVED, tmp_path)
    monkeypatch.chdir(tmp_path)
    code, out, _ = run("old", "new")
    assert code == 0
    assert "verdict: major (2 breaking)" in out
    assert "api-removed-without-deprecation at old/api.md:" in out
    assert run("old", "new", "--fail-on", "breaking")[0] == 1
    assert run("old", "new", "--fail-on", "warning")[0] == 1
    assert run("new", "new", "--fail-on", "warning")[0] == 0


def test_revision_against_the_working_tree_touches_nothing(repo: Path) -> None:
    status = git(repo, "status", "--porcelain")
    head = git(repo, "rev-parse", "HEAD")
    code, out, _ = run("--base", "HEAD", "docs/shop", "--format", "json")
    assert code == 0
    report = json.loads(out)
    assert report["old"] == "HEAD:docs/shop" and report["new"] == "docs/shop"
    removed = next(c for c in report["changes"] if c["rule"] == "api-removed-without-deprecation")
    assert removed["location"].startswith("HEAD:docs/shop/api.md:")
    assert removed["side"] == "old"
    # Nothing was checked out, staged or written but the page cache (as for generate).
    assert git(repo, "status", "--porcelain") == status
    assert git(repo, "rev-parse", "HEAD") == head
    assert git(repo, "stash", "list") == ""
    names = sorted(p.name for p in repo.iterdir())
    assert names == [".git", ".gitignore", ".md2sdk-cache", "docs", "pyproject.toml"]


def test_configured_api_with_base_and_github_annotations(repo: Path) -> None:
    code, out, _ = run("--api", "shop", "--base", "HEAD", "--format", "github",
                       "--fail-on", "breaking")  # fmt: skip
    assert code == 1
    lines = out.splitlines()
    # A removed operation has no place in NEW: its annotation names OLD's place.
    assert any(
        line.startswith("::error title=api-removed-without-deprecation::DELETE /pets/{petId}")
        and "(was at HEAD:docs/shop/api.md:" in line
        for line in lines
    )
    assert any(line.startswith("::error title=sdk-method-removed::client.pets.delete_pet")
               for line in lines)  # fmt: skip
    assert lines[-1].startswith("::notice title=md2sdk diff::md2sdk diff: major")


def test_revision_to_revision(repo: Path) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "remove delete")
    code, out, _ = run("HEAD~1:docs/shop", "HEAD:docs/shop", "--format", "markdown")
    assert code == 0
    assert out.startswith("## 2.0.0\n\n### Breaking changes\n")
    assert "- `DELETE /pets/{petId}`: operation removed" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("nowhere", "docs/shop"), "nowhere:1:1: error[read-error]: no such folder"),
        (("nope:docs/shop", "docs/shop"), "nope:docs/shop:1:1: error[read-error]: unknown git"),
        (("HEAD:docs/none", "docs/shop"), "HEAD:docs/none:1:1: error[read-error]: no markdown"),
    ],
)
def test_unreadable_sides_are_located_errors(
    repo: Path, args: tuple[str, str], message: str
) -> None:
    code, out, err = run(*args)
    assert code == 1
    assert out == ""
    assert err.startswith(message)


def test_usage_errors_exit_2(repo: Path) -> None:
    assert run()[0] == 2
    assert run("docs/shop")[0] == 2
    code, _, err = run("--api", "nope", "--base", "HEAD")
    assert code == 2 and "no API 'nope'" in err
    assert run("a", "b", "--format", "yaml")[0] == 2
