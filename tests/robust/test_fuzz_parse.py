"""Property: no damaged page makes the parser raise, and everything it says is located.

Pages from the shared corpus are damaged by `mutations.mutated_pages` (lines deleted,
duplicated, swapped; rows cut; cells dropped, added or filled with hostile unicode;
headings changed; text truncated). For every result, `parse_page` must return a
`Page`, every diagnostic must carry a known code and a line on the page, and every
location in the model must lie on the page. Bounded and derandomized here; run
``MD2SDK_FUZZ=long`` (``make fuzz``) for the long profile.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given

from generator.diagnostics import Diagnostics
from generator.model import Page
from generator.parse import parse_page
from generator.parse.blocks import parse_blocks
from tests.robust.checks import bad_diagnostics, bad_locations, line_count
from tests.robust.mutations import FUZZ_SETTINGS, corpus_pages, hostile_text, mutated_pages

PAGES = corpus_pages()
PATH = "specs/fuzz/page.md"


def test_the_corpus_is_there() -> None:
    """The fuzzer needs real pages; an empty corpus would make every property vacuous."""
    assert len(PAGES) >= 50


def check_page(text: str) -> Page:
    diagnostics = Diagnostics()
    page = parse_page(PATH, text, diagnostics)
    assert isinstance(page, Page)
    assert bad_diagnostics(diagnostics, PATH, text) == []
    assert bad_locations(page, PATH, text) == []
    return page


@FUZZ_SETTINGS
@given(mutated_pages(PAGES))
def test_damaged_pages_parse_with_located_diagnostics(page: tuple[str, str]) -> None:
    check_page(page[1])


@FUZZ_SETTINGS
@given(mutated_pages(PAGES))
@example(("indented code after a heading (bug 2)", "\n### T\n    code\nPOST /b\n```\n"))
def test_blocks_are_located_on_the_page(page: tuple[str, str]) -> None:
    text = page[1]
    blocks = parse_blocks(PATH, text)
    last = line_count(text) + 1
    assert all(1 <= b.location.line <= last for b in blocks)
    assert [b.location.line for b in blocks] == sorted(b.location.line for b in blocks)


@FUZZ_SETTINGS
@given(hostile_text)
@example("\x00")
@example("\r")
@example("|\r|")
@example("\u2028# x\u2029")
@example("#" * 7 + " x")
@example("| a |\n|---|\n| \\")
def test_hostile_text_alone_parses(text: str) -> None:
    check_page(text)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_corpus_page_cut_at_every_table_line(page: Path) -> None:
    """Truncating just before, inside and just after table rows (six spread over the
    page) never raises."""
    text = page.read_text(encoding="utf-8")
    lines = text.split("\n")
    rows = [i for i, line in enumerate(lines) if line.lstrip().startswith("|")]
    for i in rows[:: max(1, len(rows) // 6)]:
        head = "\n".join(lines[:i])
        row = lines[i]
        for cut in (head, f"{head}\n{row[: len(row) // 2]}", f"{head}\n{row}"):
            check_page(cut)
