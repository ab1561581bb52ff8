"""Generate a Python client package into a folder, formatted as the writer would."""

from __future__ import annotations

from pathlib import Path

import black

from generator.config import ApiConfig
from generator.diagnostics import Diagnostics
from generator.emit.python import emit_python
from generator.emit.templating import make_environment
from generator.model import Api


def render(api: Api, diagnostics: Diagnostics | None = None) -> dict[str, str]:
    """``emit_python`` with default config, each ``.py`` formatted by black."""
    config = ApiConfig.for_folder(Path("specs") / api.name, api.name)
    files = emit_python(api, config, diagnostics or Diagnostics(), make_environment())
    return {
        path: black.format_str(text, mode=black.Mode()) if path.endswith(".py") else text
        for path, text in files.items()
    }


def write(api: Api, out: Path) -> Path:
    """Write the package under ``out``; returns its project folder (``python/<api>``)."""
    for path, text in render(api).items():
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return out / "python" / api.name
