"""Run mypy --strict (no pydantic plugin) and pyright on snippets and generated packages,
with the generated sources on the search path.

pyright is the npm package pinned in package.json (installed by ``npm ci`` with Prism,
which ``make test`` runs), so no test downloads anything at run time."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

BIN = Path(sys.executable).parent
PYRIGHT = Path(__file__).resolve().parents[2] / "node_modules" / ".bin" / "pyright"


def mypy(code: str, sources: list[Path], folder: Path) -> subprocess.CompletedProcess[str]:
    """``mypy --strict`` on ``code`` (written to ``folder/snippet.py``)."""
    snippet = folder / "snippet.py"
    snippet.write_text(code, encoding="utf-8")
    config = folder / "mypy.ini"
    config.write_text("[mypy]\n", encoding="utf-8")  # not the project's settings
    environ = {**os.environ, "MYPYPATH": os.pathsep.join(str(s) for s in sources)}
    return subprocess.run(
        [BIN / "mypy", "--strict", "--no-incremental", "--cache-dir", "/dev/null",
         "--config-file", str(config), str(snippet)],
        capture_output=True, text=True, cwd=folder, env=environ, check=False,
    )  # fmt: skip


def pyright(
    *args: str, cwd: Path, timeout: float = 300, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """The pinned pyright CLI, finding packages through this venv's python (first on
    PATH); ``env`` adds variables. Fails, never skips, when ``npm ci`` has not run."""
    assert PYRIGHT.exists(), f"{PYRIGHT} is missing: run `npm ci` (make test does)"
    environ = {**os.environ, **(env or {})}
    environ["PATH"] = f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"
    return subprocess.run(
        [PYRIGHT, *args], capture_output=True, text=True, cwd=cwd, env=environ,
        timeout=timeout, check=False,
    )  # fmt: skip


def pyright_strict(
    code: str, sources: list[Path], folder: Path
) -> subprocess.CompletedProcess[str]:
    """pyright in strict mode on ``code`` (``folder/snippet.py``)."""
    (folder / "snippet.py").write_text(code, encoding="utf-8")
    config = {"typeCheckingMode": "strict", "extraPaths": [str(s) for s in sources],
              "pythonPath": sys.executable}  # fmt: skip
    (folder / "pyrightconfig.json").write_text(json.dumps(config), encoding="utf-8")
    return pyright("snippet.py", cwd=folder)
