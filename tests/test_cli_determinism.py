"""Same docs → byte-identical output, whatever the hash seed, checkout folder or cwd.

Runs the real ``md2sdk generate`` (real parser, real emitters) on the repository's
own specs and config in two copies of the project placed at different depths, once
from the project root and once from a sub-folder, with different ``PYTHONHASHSEED``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def copy_project(destination: Path) -> Path:
    destination.mkdir(parents=True)
    shutil.copytree(REPO / "specs", destination / "specs")
    shutil.copy(REPO / "pyproject.toml", destination / "pyproject.toml")
    return destination


def generate(cwd: Path, seed: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "generator.cli", "generate", "-q"],
        cwd=cwd, env=env, capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_output_is_byte_identical_across_seeds_and_folders(tmp_path: Path) -> None:
    first = copy_project(tmp_path / "a")
    second = copy_project(tmp_path / "b" / "deeper" / "checkout")
    one = generate(first, "1")
    two = generate(second / "specs", "4242")  # run from a sub-folder of the project
    assert one.returncode == 0, one.stderr
    assert two.returncode == 0, two.stderr
    assert one.stderr == two.stderr  # diagnostics too: project-relative paths only
    files = tree(first / "generated")
    assert files, "nothing was generated"
    assert files == tree(second / "generated")
    for text in files.values():
        assert str(tmp_path).encode() not in text  # no absolute paths leak into output
