"""End to end: regenerating every configured API into a temporary folder gives exactly
the committed ``generated/`` tree (the files md2sdk owns there, by its manifest), file
by file, with a readable diff when it does not.

This is the one test that guards the committed output: an intended output change
touches ``generated/`` (``make generate``) and nothing else in the tests.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from owned import differences

from generator.cli import cli
from generator.write import MANIFEST

REPO = Path(__file__).resolve().parent.parent
COMMITTED = REPO / "generated"


def test_fresh_generation_matches_committed_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    out = tmp_path / "generated"
    result = CliRunner().invoke(cli, ["generate", "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output
    problems = differences(out, COMMITTED)
    assert not problems, "generated/ is stale (run `make generate`):\n" + "\n\n".join(problems)
    assert (out / MANIFEST).read_bytes() == (COMMITTED / MANIFEST).read_bytes()


def test_build_leftovers_beside_generated_files_are_not_compared(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh"
    shutil.copytree(COMMITTED, fresh)
    package = fresh / "python" / "petstore"
    (package / "build" / "lib").mkdir(parents=True)
    (package / "build" / "lib" / "x.py").write_text("leftover\n")
    (package / "src" / "petstore_client.egg-info").mkdir()
    (package / "src" / "petstore_client.egg-info" / "PKG-INFO").write_text("leftover\n")
    assert differences(fresh, COMMITTED) == []

    # ...while the files md2sdk owns still are.
    owned_file = package / "README.md"
    owned_file.write_text(owned_file.read_text() + "hand edit\n")
    (package / "pyproject.toml").unlink()
    problems = differences(fresh, COMMITTED)
    assert [p.splitlines()[0] for p in problems] == [
        "only in committed: python/petstore/pyproject.toml",
        "--- committed/python/petstore/README.md",
    ]
    assert "+hand edit" in problems[1].splitlines()
