"""Property: damaged pages go through parse → resolve → emit with diagnostics only.

Like `test_fuzz_parse`, but the damaged page is resolved into an API and every
emitter runs on it (model JSON, OpenAPI, Python client). The run must end as the CLI
would with exit 0 or 1: no exception, no ``emit-failed`` or ``internal-error``
diagnostic (those mean md2sdk hit a bug), every diagnostic located on the page, every
generated ``.py`` compiling and every generated ``.yaml`` loading.
"""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings

from generator.config import ApiConfig
from generator.diagnostics import Diagnostic, Diagnostics
from generator.parse import parse_page
from generator.pipeline import emit_api
from generator.resolve import resolve_api
from tests.robust.checks import bad_diagnostics
from tests.robust.mutations import FUZZ_SETTINGS, LONG, corpus_pages, mutated_pages

PAGES = corpus_pages()
PATH = "specs/fuzz/page.md"
TARGETS = ("model", "openapi", "python")
CONFIG = dataclasses.replace(ApiConfig.for_folder(Path("specs/fuzz"), "fuzz"), targets=TARGETS)
BUG_CODES = {"emit-failed", "internal-error"}


def run_pipeline(text: str) -> tuple[dict[str, str], Diagnostics]:
    diagnostics = Diagnostics()
    page = parse_page(PATH, text, diagnostics)
    api = resolve_api("fuzz", [page], diagnostics)
    files = emit_api(api, CONFIG, None, diagnostics)
    return files, diagnostics


def check_pipeline(text: str) -> None:
    files, diagnostics = run_pipeline(text)
    bugs = [d.format() for d in diagnostics if d.code in BUG_CODES]
    assert bugs == []
    located = [d for d in diagnostics if d.location.path == PATH]
    assert bad_diagnostics(_only(located), PATH, text) == []
    for name, content in files.items():
        if name.endswith(".py"):
            ast.parse(content, filename=name)
        elif name.endswith(".yaml"):
            yaml.safe_load(content)


def _only(items: list[Diagnostic]) -> Diagnostics:
    collected = Diagnostics()
    collected.extend(items)
    return collected


@settings(FUZZ_SETTINGS, max_examples=FUZZ_SETTINGS.max_examples if LONG else 25)
@given(mutated_pages(PAGES))
def test_damaged_pages_generate_or_diagnose(page: tuple[str, str]) -> None:
    check_pipeline(page[1])


@pytest.mark.skipif(not LONG, reason="about a minute; runs in the long profile (make fuzz)")
@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_corpus_page_generates(page: Path) -> None:
    """Undamaged, each real page alone yields compiling code and no bug diagnostics."""
    check_pipeline(page.read_text(encoding="utf-8"))
