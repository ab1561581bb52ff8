"""Generate the project's APIs (client, tests, OpenAPI) into a folder and run their tests.

Used by the contract test and by ``tests/test_generated_clients.py``. Generation goes
through the real CLI with the project's ``[tool.md2sdk]`` config (names, base URLs),
so what is tested is what ``md2sdk generate`` writes, black formatting included.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APIS = ("catalog", "petstore")
_SUMMARY = re.compile(r"(\d+) (passed|failed|skipped|errors?|xfailed|xpassed)")


def md2sdk() -> list[str]:
    """The CLI of the running interpreter's environment."""
    return [sys.executable, "-c", "import sys; from generator.cli import main; sys.exit(main())"]


def generate(out: Path) -> None:
    """``md2sdk generate`` for every configured API with the python, tests, openapi targets."""
    command = [*md2sdk(), "generate", "--out", str(out), "-q"]
    for target in ("python", "tests", "openapi"):
        command += ["--target", target]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"md2sdk generate failed:\n{done.stdout}\n{done.stderr}"


@dataclass(frozen=True)
class SuiteRun:
    """The outcome of one pytest run over a generated test folder."""

    returncode: int
    counts: dict[str, int]
    output: str

    def count(self, outcome: str) -> int:
        return self.counts.get(outcome, 0)


def run_tests(
    api_root: Path, *paths: str, env: dict[str, str] | None = None, timeout: float = 600
) -> SuiteRun:
    """pytest over ``api_root``'s tests (or ``paths`` in it), the package on PYTHONPATH."""
    environ = {**os.environ, **(env or {})}
    environ["PYTHONPATH"] = str(api_root / "src")
    environ.pop("PYTEST_ADDOPTS", None)
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rfEs",
               "-W", "ignore::DeprecationWarning", *(paths or ("tests",))]  # fmt: skip
    done = subprocess.run(
        command, cwd=api_root, env=environ, capture_output=True, text=True,
        timeout=timeout, check=False,
    )  # fmt: skip
    output = done.stdout + done.stderr
    last = output.strip().splitlines()[-1] if output.strip() else ""
    counts: dict[str, int] = {}
    for number, outcome in _SUMMARY.findall(last):
        counts["errors" if outcome.startswith("error") else outcome] = int(number)
    return SuiteRun(done.returncode, counts, output)
