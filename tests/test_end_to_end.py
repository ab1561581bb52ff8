"""End to end: regenerating every configured API into a temporary folder gives exactly
the committed ``generated/`` tree, file by file, with a readable diff when it does not."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli

REPO = Path(__file__).resolve().parent.parent
COMMITTED = REPO / "generated"


def tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


def test_fresh_generation_matches_committed_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    out = tmp_path / "generated"
    result = CliRunner().invoke(cli, ["generate", "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output
    fresh, committed = tree(out), tree(COMMITTED)
    assert sorted(fresh) == sorted(committed), "files added or removed: regenerate"
    problems = []
    for name, data in fresh.items():
        if data != committed[name]:
            diff = difflib.unified_diff(
                committed[name].decode("utf-8", "replace").splitlines(),
                data.decode("utf-8", "replace").splitlines(),
                f"committed/{name}", f"fresh/{name}", lineterm="", n=2,
            )
            problems.append("\n".join(list(diff)[:40]))
    assert not problems, "generated/ is stale (run `make generate`):\n" + "\n\n".join(problems)
