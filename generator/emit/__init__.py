"""Emitters: model → view-models → templates → files as data.

Each emitter is a function ``emit(api, config, diagnostics, env) -> dict[str, str]``
mapping paths relative to the output root (``openapi/catalog.yaml``,
``python/catalog/...``) to file text. Emitters never touch the disk and never format:
`generator.write` does both, so ``check``, dry runs and atomic writes come for free.
"""

from __future__ import annotations

from typing import Protocol

from jinja2 import Environment

from generator.config import ApiConfig
from generator.diagnostics import Diagnostics
from generator.model import Api

Files = dict[str, str]


class Emitter(Protocol):
    def __call__(
        self, api: Api, config: ApiConfig, diagnostics: Diagnostics, env: Environment
    ) -> Files: ...
