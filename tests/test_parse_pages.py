"""Parsing many pages: the process pool and the parsed-page cache change speed only.

Whichever way a page is obtained (in-process, in a pool worker, from the cache) the
pages and the diagnostics are the same, in the same order.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.diagnostics import Diagnostics
from generator.load import pages as parse_pages
from generator.load.pages import parse_sources, read_sources
from generator.load.sources import collect_pages, read_page
from generator.model import Page

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "wild"
SPECS = Path(__file__).resolve().parents[1] / "specs"


def sources_of(folder: Path) -> list[tuple[str, bytes]]:
    diagnostics = Diagnostics()
    found = collect_pages([folder], folder, folder, diagnostics)
    return read_sources([(p, p.relative_to(folder).as_posix()) for p in found], diagnostics)


def serial(folder: Path) -> tuple[list[Page], Diagnostics]:
    diagnostics = Diagnostics()
    found = collect_pages([folder], folder, folder, diagnostics)
    pages = [read_page(p, folder, diagnostics) for p in found]
    return [p for p in pages if p is not None], diagnostics


@pytest.mark.parametrize("folder", [SPECS / "petstore", CORPUS])
def test_pool_gives_the_serial_pages_and_diagnostics(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not folder.is_dir():
        pytest.skip(f"{folder} not present")
    monkeypatch.setattr(parse_pages, "PARALLEL_THRESHOLD", 2)
    expected, expected_diagnostics = serial(folder)
    diagnostics = Diagnostics()
    assert parse_sources(sources_of(folder), diagnostics, jobs=2) == expected
    assert list(diagnostics) == list(expected_diagnostics)


@pytest.mark.parametrize("workers", [2, 3, 8])
def test_pages_go_to_the_pool_in_many_contiguous_chunks(workers: int) -> None:
    """A page's cost is not its size: many chunks per worker, so none is left with a
    long last one (`CHUNKS_PER_WORKER`); in order, every page once."""
    sources = [(f"p{i}.md", b"x" * (1 + i % 7) * 100) for i in range(500)]
    chunks = parse_pages._chunks(sources, workers)
    assert [s for chunk in chunks for s in chunk] == sources
    wanted = workers * parse_pages.CHUNKS_PER_WORKER
    assert wanted // 2 <= len(chunks) <= wanted + 1
    target = sum(len(d) for _, d in sources) // wanted  # each holds at most one page more
    assert all(sum(len(d) for _, d in chunk) < target + 700 for chunk in chunks)


def test_cache_serves_unchanged_pages_without_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sources = sources_of(SPECS / "petstore")
    first = parse_sources(sources, Diagnostics(), cache_dir=tmp_path)

    def no_parsing(todo: list[tuple[str, bytes]], *args: object) -> list[object]:
        assert todo == [], "a cached page was parsed again"
        return []

    monkeypatch.setattr(parse_pages, "_parse_all", no_parsing)
    assert parse_sources(sources, Diagnostics(), cache_dir=tmp_path) == first


def test_cache_misses_on_changed_bytes_and_survives_corrupt_entries(tmp_path: Path) -> None:
    page = b'\n<a name="ping"></a>\n### GET /ping\n\n#### Responses\n\n'
    page += b"|HTTP Code|Description|Schema|\n|---|---|---|\n|**200**|OK|string|\n"
    [before] = parse_sources([("ping.md", page)], Diagnostics(), cache_dir=tmp_path)
    changed = page.replace(b"/ping", b"/pong")
    [after] = parse_sources([("ping.md", changed)], Diagnostics(), cache_dir=tmp_path)
    assert (before.operations[0].path, after.operations[0].path) == ("/ping", "/pong")
    for entry in (tmp_path / "pages").rglob("*"):
        if entry.is_file():
            entry.write_bytes(b"not a pickle")
    [again] = parse_sources([("ping.md", page)], Diagnostics(), cache_dir=tmp_path)
    assert again == before


def test_cached_pages_report_their_diagnostics_again(tmp_path: Path) -> None:
    sources = [("bad.md", b"# Title\n\ncaf\xe9\n")]
    reports = []
    for _ in range(2):
        diagnostics = Diagnostics()
        assert parse_sources(sources, diagnostics, cache_dir=tmp_path) == []
        reports.append([(str(d.location), d.code) for d in diagnostics])
    assert reports[0] == reports[1] == [("bad.md:3:4", "read-error")]
