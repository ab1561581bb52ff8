"""Every file the tests target emits is already in black's shape: black (with the
writer's pinned mode) leaves it unchanged, for the configured APIs, the fixtures
(hostile docs included) and the 16 APIs of the wild corpus. So formatting them is
black's fast path today, and could be skipped."""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

import black
import pytest

from generator.config import ApiConfig
from generator.diagnostics import Diagnostics
from generator.emit.templating import make_environment
from generator.emit.tests import emit_tests
from generator.model import Api
from generator.parse import parse_page
from generator.resolve import resolve_api
from generator.write.formatting import black_mode

sys.path.insert(0, str(Path(__file__).parent))

import python_fixtures

ROOT = Path(__file__).resolve().parents[2]
WILD = ROOT.parent / "shared" / "corpus" / "wild"


def _load(name: str, pages: list[tuple[str, Path]]) -> Api:
    diagnostics = Diagnostics()
    parsed = [parse_page(shown, path.read_text(encoding="utf-8"), diagnostics)
              for shown, path in pages]  # fmt: skip
    return resolve_api(name, parsed, diagnostics)


def _apis() -> dict[str, Api]:
    apis = {
        "fixture-petstore": python_fixtures.petstore_api(),
        "fixture-catalog": python_fixtures.catalog_api(),
        "fixture-hostile": python_fixtures.hostile_api(),
    }
    for name in ("catalog", "petstore"):
        folder = ROOT / "specs" / name
        pages = [(str(p.relative_to(ROOT)), p) for p in sorted(folder.rglob("*.md"))]
        apis[name] = _load(name, pages)
    groups: dict[str, list[tuple[str, Path]]] = defaultdict(list)
    for page in sorted(WILD.glob("*.md")):
        api, shown = page.name.split("__", 1)
        groups[api].append((shown, page))
    for api, pages in groups.items():
        apis[f"wild-{api}"] = _load(api, pages)
    return apis


APIS = _apis()


@pytest.mark.parametrize("name", sorted(APIS))
def test_every_emitted_test_file_is_a_black_fixed_point(name: str) -> None:
    api = APIS[name]
    config = ApiConfig.for_folder(Path(api.name), api.name)
    files = emit_tests(api, config, Diagnostics(), make_environment())
    assert files
    changed = [p for p, text in files.items() if black.format_str(text, mode=black_mode()) != text]
    assert changed == []


def test_the_wild_corpus_is_covered() -> None:
    if WILD.is_dir():
        assert sum(1 for name in APIS if name.startswith("wild-")) == 16
