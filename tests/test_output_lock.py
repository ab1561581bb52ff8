"""Two ``md2sdk generate`` runs on one project at the same time, as real processes.

Before the output lock, two runs started together after ``generated/python`` was
deleted failed with ``write-error`` on each other's temp files. Now the second waits
for the first (saying so), then finds nothing left to do; the output is what one run
alone writes.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.write import output_lock

REPO = Path(__file__).resolve().parent.parent
CONFIG = """\
[tool.md2sdk]
output = "generated"

[tool.md2sdk.apis.petstore]
specs = "specs/petstore"
package = "petstore_client"
client-class = "PetstoreClient"
env-prefix = "PETSTORE"
targets = ["openapi", "python", "tests"]
"""
WAITING = "another md2sdk run is writing generated/; waiting for it to finish"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the petstore project, generated once, then ``generated/python`` deleted."""
    shutil.copytree(REPO / "specs" / "petstore", tmp_path / "specs" / "petstore")
    (tmp_path / "pyproject.toml").write_text(CONFIG, encoding="utf-8")
    assert _md2sdk(tmp_path).wait(timeout=300) == 0
    shutil.rmtree(tmp_path / "generated" / "python")
    return tmp_path


def _md2sdk(cwd: Path, log: Path | None = None) -> subprocess.Popen[bytes]:
    out = subprocess.DEVNULL if log is None else log.with_suffix(".out").open("wb")
    err = subprocess.DEVNULL if log is None else log.with_suffix(".err").open("wb")
    command = [sys.executable, "-m", "generator.cli", "generate"]
    return subprocess.Popen(command, cwd=cwd, stdout=out, stderr=err)


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _expected() -> dict[str, bytes]:
    committed = _tree(REPO / "generated")
    return {p: b for p, b in committed.items() if "petstore" in p}


def _wait_for(path: Path, text: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while text not in path.read_text(encoding="utf-8", errors="replace"):
        assert time.monotonic() < deadline, f"{path.name} never said {text!r}"
        time.sleep(0.05)


def test_a_second_run_waits_for_the_first_then_finds_nothing_to_do(project: Path) -> None:
    logs = [project / "run1.log", project / "run2.log"]
    with output_lock(project / "generated"):  # a third run, holding the output root
        runs = [_md2sdk(project, log) for log in logs]
        for log in logs:
            _wait_for(log.with_suffix(".err"), WAITING)
        assert all(run.poll() is None for run in runs)  # both still waiting
    assert [run.wait(timeout=300) for run in runs] == [0, 0]
    summaries = sorted(log.with_suffix(".out").read_text(encoding="utf-8") for log in logs)
    # One run wrote the deleted package; the other found the output current.
    assert "0 files written" in summaries[0], summaries
    assert "0 files written" not in summaries[1] and "files written" in summaries[1], summaries
    output = _tree(project / "generated")
    assert {p: b for p, b in output.items() if p != ".md2sdk-manifest.json"} == {
        p: b for p, b in _expected().items() if p != ".md2sdk-manifest.json"
    }
    assert not [p for p in output if p.endswith(".md2sdk-tmp")]
