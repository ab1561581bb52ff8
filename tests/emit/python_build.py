"""Generate a Python client package into a folder, formatted as the writer would."""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path

import black

from generator.config import ApiConfig, load_config
from generator.diagnostics import Diagnostics
from generator.emit.python import emit_python
from generator.emit.templating import make_environment
from generator.load.sources import load_api
from generator.model import Api

ROOT = Path(__file__).resolve().parents[2]


def project_config(name: str) -> ApiConfig:
    """The API's entry in the project's ``[tool.md2sdk]`` config."""
    config = load_config(ROOT / "pyproject.toml")
    return next(a for a in config.apis if a.name == name)


def load_spec(name: str, diagnostics: Diagnostics | None = None) -> Api:
    """The real, parsed and resolved model of ``specs/<name>``."""
    config = project_config(name)
    diagnostics = Diagnostics() if diagnostics is None else diagnostics
    return load_api(config, ROOT, diagnostics, lambda _stage: nullcontext())


def render(
    api: Api, diagnostics: Diagnostics | None = None, config: ApiConfig | None = None
) -> dict[str, str]:
    """``emit_python`` (default config unless given), each ``.py`` formatted by black."""
    config = config or ApiConfig.for_folder(Path("specs") / api.name, api.name)
    diagnostics = Diagnostics() if diagnostics is None else diagnostics
    files = emit_python(api, config, diagnostics, make_environment())
    return {
        path: black.format_str(text, mode=black.Mode()) if path.endswith(".py") else text
        for path, text in files.items()
    }


def write(api: Api, out: Path, config: ApiConfig | None = None) -> Path:
    """Write the package under ``out``; returns its project folder (``python/<api>``)."""
    for path, text in render(api, config=config).items():
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return out / "python" / api.name
