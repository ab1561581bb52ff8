"""The per-API store of parsed pages: a run after an edit reads and parses one page.

What it must never change: the pages, their diagnostics and their order, whether each
page came from the store (by stat or by bytes) or was parsed; a corrupt or foreign
store is ignored with a warning; a page modified within the file system's timestamp
granularity of the store's saving is read again ("racily clean").
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.diagnostics import Diagnostics
from generator.kept import forget
from generator.load import pages
from generator.load.sources import load_pages, read_pages
from generator.load.store import Entry, PageStore
from generator.model import Api

SPECS = Path(__file__).resolve().parents[1] / "specs" / "petstore"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    folder = tmp_path / "specs" / "petstore"
    folder.mkdir(parents=True)
    for page in SPECS.rglob("*.md"):
        target = folder / page.relative_to(SPECS)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(page.read_bytes())
        os.utime(target, ns=(10**18, 10**18))  # long before any store is saved
    return tmp_path


class Counted:
    """Which pages were read from disk and which were parsed, in a run."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.read: list[str] = []
        self.parsed: list[str] = []
        real_parse, real_read = pages._parse_all, Path.read_bytes

        def parse(todo: list[tuple[str, bytes]], *args: object) -> object:
            self.parsed.extend(shown for shown, _ in todo)
            return real_parse(todo, *args)  # type: ignore[arg-type]

        def read(path: Path) -> bytes:
            if path.suffix == ".md":
                self.read.append(path.name)
            return real_read(path)

        monkeypatch.setattr(pages, "_parse_all", parse)
        monkeypatch.setattr(Path, "read_bytes", read)

    def clear(self) -> None:
        self.read.clear()
        self.parsed.clear()


def _load(project: Path, cache: bool = True) -> tuple[Api, list[str]]:
    diagnostics = Diagnostics()
    api = load_pages(
        "petstore", [project / "specs" / "petstore"], project, project, diagnostics,
        cache_dir=project / ".md2sdk-cache" if cache else None,
    )  # fmt: skip
    return api, [d.format() for d in diagnostics]


def test_unchanged_pages_are_neither_read_nor_parsed(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cold = _load(project, cache=False)
    counted = Counted(monkeypatch)
    assert _load(project) == cold
    assert len(counted.parsed) == len(counted.read) > 3
    counted.clear()
    assert _load(project) == cold
    assert (counted.read, counted.parsed) == ([], [])


def test_an_edited_page_alone_is_read_and_parsed_and_the_result_is_a_cold_one(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _load(project)
    page = sorted((project / "specs" / "petstore").rglob("*.md"))[-1]
    page.write_bytes(page.read_bytes() + b"\nOne more paragraph.\n")
    counted = Counted(monkeypatch)
    edited = _load(project)
    assert (counted.read, counted.parsed) == ([page.name], [page.relative_to(project).as_posix()])
    assert edited == _load(project, cache=False)


def test_a_process_that_runs_again_decodes_only_what_changed(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A watching process keeps the pages it parsed or unpickled (`generator.kept`): its
    next run neither reads the store back nor unpickles a page; a new process does."""
    _load(project)
    page = sorted((project / "specs" / "petstore").rglob("*.md"))[-1]
    page.write_bytes(page.read_bytes() + b"\nOne more paragraph.\n")
    unpickled: list[bytes] = []
    real = pages.page_of
    monkeypatch.setattr(pages, "page_of", lambda blob: unpickled.append(blob) or real(blob))
    counted = Counted(monkeypatch)
    edited = _load(project)
    assert (unpickled, counted.parsed) == ([], [page.relative_to(project).as_posix()])
    assert edited == _load(project, cache=False)
    forget()
    counted.clear()
    assert _load(project) == edited
    assert counted.parsed == [] and len(unpickled) == len(edited[0].pages) > 3


def test_a_touched_page_is_read_again_but_not_parsed(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cold = _load(project)
    page = sorted((project / "specs" / "petstore").rglob("*.md"))[0]
    os.utime(page, ns=(2 * 10**18, 2 * 10**18))
    counted = Counted(monkeypatch)
    assert _load(project) == cold
    assert (counted.read, counted.parsed) == ([page.name], [])


def test_a_page_changed_within_the_timestamp_granularity_is_read_again(tmp_path: Path) -> None:
    store = PageStore(tmp_path, "api")
    now = time.time_ns()
    stat = (10, now, now, 1)
    store.keep("a.md", Entry(stat, b"digest", b"blob"))
    store.save()
    saved = PageStore(tmp_path, "api")
    assert saved.by_stat("a.md", stat) is None  # modified "now": could change unseen
    old = (10, 1, 1, 1)
    store.now = {"a.md": Entry(old, b"digest", b"blob")}
    store.save()
    again = PageStore(tmp_path, "api")
    found = again.by_stat("a.md", old)
    assert found is not None and (found.stat, found.digest, found.blob) == (old, b"digest", b"blob")
    assert again.by_stat("a.md", (10, 1, 2, 1)) is None  # ctime moved: rewritten in place
    assert again.by_digest("a.md", b"digest") is not None
    assert again.by_digest("a.md", b"other") is None


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[:-3],  # truncated
        lambda data: b"\x80\x04garbage",  # not an md2sdk cache entry
        lambda data: data.replace(b" pages ", b" black ", 1),  # another cache's entry
    ],
    ids=["truncated", "garbage", "foreign"],
)
def test_a_corrupt_or_foreign_store_is_ignored_with_a_warning(
    project: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    damage: object,
) -> None:
    cold = _load(project)
    [slot] = (project / ".md2sdk-cache" / "pages").glob("slot-*")
    slot.write_bytes(damage(slot.read_bytes()))  # type: ignore[operator]
    forget()  # the next process finds the damaged store (this one keeps its pages)
    counted = Counted(monkeypatch)
    with caplog.at_level(logging.WARNING, logger="md2sdk.cache"):
        assert _load(project) == cold
    assert len(counted.parsed) > 3
    [warning] = [r.getMessage() for r in caplog.records]
    assert f"{slot}: warning: ignored a pages cache entry" in warning


def test_pages_from_the_store_report_their_diagnostics_again(project: Path) -> None:
    bad = project / "specs" / "petstore" / "zz-bad.md"
    bad.write_bytes(b"# Title\n\ncaf\xe9\n")
    os.utime(bad, ns=(10**18, 10**18))
    runs = [_load(project)[1] for _ in range(2)]
    assert runs[0] == runs[1]
    assert [d for d in runs[0] if "zz-bad.md" in d] == [
        "specs/petstore/zz-bad.md:3:4: error[read-error]: not UTF-8 text "
        "(invalid continuation byte)"
    ]


def test_store_pages_equal_serial_parsing(project: Path) -> None:
    _load(project)
    diagnostics = Diagnostics()
    serial = read_pages([project / "specs" / "petstore"], diagnostics, base=project)
    assert _load(project)[0].pages == tuple(p.path for p in serial)


def test_an_edit_saves_a_delta_and_a_bigger_change_a_new_base(tmp_path: Path) -> None:
    """After a few pages changed only a delta is written (the base, 23 MB on Kubernetes,
    stays); past `DELTA_SHARE` of the base's bytes the base is rewritten and the delta
    dropped; a delta made for another base is never applied."""
    old = (10, 1, 1, 1)

    def entries(version: str, count: int = 16) -> dict[str, Entry]:
        return {
            f"p{i:02}.md": Entry(old, f"{version}{i}".encode(), b"x" * 100) for i in range(count)
        }

    store = PageStore(tmp_path, "api")
    store.now = entries("a")
    store.save()
    base_file = store.cache.path(store.key, store.slot)
    delta_file = store.cache.path(store.key, store.stored.delta_slot)
    base_bytes = base_file.read_bytes()
    assert not delta_file.exists()

    store = PageStore(tmp_path, "api")
    store.now = {**store.known, "p03.md": Entry(old, b"b3", b"y" * 100)}
    del store.now["p05.md"]
    store.save()
    assert base_file.read_bytes() == base_bytes and delta_file.exists()
    stale_delta = delta_file.read_bytes()
    forget()
    loaded = PageStore(tmp_path, "api")
    assert loaded.known.keys() == entries("a").keys() - {"p05.md"}
    assert loaded.known["p03.md"].digest == b"b3" and loaded.known["p04.md"].digest == b"a4"

    loaded.now = entries("c")  # every page changed: a new base
    loaded.save()
    assert base_file.read_bytes() != base_bytes and not delta_file.exists()
    delta_file.write_bytes(stale_delta)  # made for the old base
    forget()
    assert {e.digest for e in PageStore(tmp_path, "api").known.values()} == {
        f"c{i}".encode() for i in range(16)
    }


def test_a_run_that_parses_a_few_pages_never_imports_the_process_pool(project: Path) -> None:
    """The pool's modules (~30 ms to import) are loaded only when a pool starts: a run
    after a one-page edit of a big API parses one page."""
    _load(project)
    page = sorted((project / "specs" / "petstore").rglob("*.md"))[-1]
    page.write_bytes(page.read_bytes() + b"\nOne more paragraph.\n")
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from generator.diagnostics import Diagnostics\n"
        "from generator.load.sources import load_pages\n"
        f"root = Path({str(project)!r})\n"
        "load_pages('petstore', [root / 'specs' / 'petstore'], root, root, Diagnostics(),\n"
        "           cache_dir=root / '.md2sdk-cache')\n"
        "print(sorted(m for m in sys.modules if m.startswith(('concurrent', 'multiprocessing'))))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
