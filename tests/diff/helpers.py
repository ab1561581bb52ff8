"""Running `md2sdk diff` on a corpus pair (in-process), and its models and surfaces."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from generator.config import ApiConfig
from generator.config_paging import Pagination, PagingRule
from generator.diagnostics import Diagnostics
from generator.diff import DiffRun, diff_sides
from generator.diff.sides import load_sides, read_folder
from generator.model import Api
from tests.diff.corpus.pairs import Pair, materialize

CONFIG = replace(
    ApiConfig.for_folder(Path("new"), "shop"), pagination=Pagination(PagingRule("offset"))
)
"""Both sides are generated as the ``shop`` API (``shop_client``, ``Client``), with
offset pagination (``offset``/``limit``): an operation pages when the docs give it both
query parameters (the base's ``GET /pets`` has ``limit`` only)."""


def diff_pair(
    pair: Pair, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cache: Path | None = None
) -> DiffRun:
    """The diff of ``pair`` as ``md2sdk diff old new`` run in its folder reports it."""
    materialize(pair, tmp_path)
    monkeypatch.chdir(tmp_path)
    return diff_sides("old", "new", CONFIG, cache_dir=cache)


def pair_models(pair: Pair, folder: Path, cache: Path | None = None) -> tuple[Api, Api]:
    """OLD's and NEW's resolved models (pages from ``cache`` where they were parsed)."""
    old, new = materialize(pair, folder)
    found = Diagnostics()
    old_api, new_api, diagnostics = load_sides(
        read_folder(old, found), read_folder(new, found), "shop", cache
    )
    assert not list(found) and not diagnostics
    return old_api, new_api
