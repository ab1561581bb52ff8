"""openapi-python-client, the generator users would otherwise pick, in its own venv.

It is installed pinned (`VERSION`) into ``bench/.venv-opc`` (git-ignored) with pip, so
its dependencies never mix with md2sdk's. Its default post-hooks run ``ruff``; the
venv's ``bin`` goes first on ``PATH`` so they find the ruff it was installed with.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

VERSION = "0.29.1"
VENV = Path(__file__).resolve().parent / ".venv-opc"


def executable(venv: Path = VENV) -> Path:
    return venv / "bin" / "openapi-python-client"


def ensure_installed(venv: Path = VENV) -> Path:
    """The pinned openapi-python-client, installed on first use; raises on failure."""
    tool = executable(venv)
    if tool.exists() and _installed_version(tool) == VERSION:
        return tool
    if not (venv / "bin" / "python").exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet",
         f"openapi-python-client=={VERSION}"],
        check=True,
    )  # fmt: skip
    return tool


def _installed_version(tool: Path) -> str | None:
    done = subprocess.run([str(tool), "--version"], capture_output=True, text=True, check=False)
    return done.stdout.strip().rsplit(" ", 1)[-1] if done.returncode == 0 else None


def generate(tool: Path, document: Path, output: Path) -> tuple[float, str]:
    """Seconds openapi-python-client takes to generate a client from ``document``, and
    its console output (it lists the endpoints it skipped there).

    Raises `RuntimeError` when it exits non-zero; warnings are its normal behaviour.
    """
    if not (tool.parent / "ruff").exists():  # its default post-hooks would then fail
        raise RuntimeError(f"ruff is missing beside {tool}: its post-hooks could not run")
    if output.exists():
        shutil.rmtree(output)
    env = dict(os.environ, PATH=f"{tool.parent}{os.pathsep}{os.environ.get('PATH', '')}")
    command = [str(tool), "generate", "--path", str(document), "--output-path", str(output)]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        tail = (done.stderr or done.stdout).strip().splitlines()[-5:]
        raise RuntimeError("openapi-python-client failed: " + " | ".join(tail))
    return seconds, done.stdout + done.stderr


def skipped_endpoints(log: str) -> int:
    """How many endpoints openapi-python-client's output says it could not generate."""
    return sum(1 for line in log.splitlines() if line.startswith("WARNING parsing "))
