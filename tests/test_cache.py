"""The one cache helper: keys follow every declared input, entries are checked.

Each declared input of each cache (`generator.cache.PAGES`, `BLACK`, `STAMPS`) is
changed on a copy of md2sdk's package and templates, and the key must change with it;
an input a cache does not declare must leave its key alone, so unrelated edits keep
the cache warm. Entries that are corrupt, foreign or of older inputs are never served.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any

import pytest

from generator import cache as cache_module
from generator.cache import (
    BLACK,
    EMIT,
    PAGES,
    STAMPS,
    Cache,
    Inputs,
    files_digest,
    inputs_taken_once,
)
from generator.config import load_config
from generator.diagnostics import Diagnostics
from generator.kept import expect_more_runs, forget
from generator.load import pages
from generator.load.pages import parse_sources
from generator.pipeline import generate
from generator.resources import builtin_templates, package_root
from tests.incremental_tree import CONFIG, zoo

ROOT = Path(__file__).resolve().parents[1]
PING = b'<a name="ping"></a>\n### GET /ping\n\n#### Responses\n\n'
PING += b"|HTTP Code|Description|Schema|\n|---|---|---|\n|**200**|OK|string|\n"


@pytest.fixture
def copies(tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the ``generator`` package and of the built-in templates."""
    package = tmp_path / "generator"
    shutil.copytree(package_root(), package, ignore=shutil.ignore_patterns("__pycache__"))
    templates = tmp_path / "templates"
    shutil.copytree(builtin_templates(), templates)
    return package, templates


def edit(path: Path) -> None:
    path.write_bytes(path.read_bytes() + b"\n# edited\n")


@pytest.mark.parametrize(
    ("inputs", "relative"),
    [
        (PAGES, "parse/operation.py"),
        (PAGES, "parse/labels/labels_de.properties"),  # the stale-cache bug of issue 15
        (PAGES, "model.py"),
        (PAGES, "location.py"),
        (PAGES, "diagnostics.py"),
        (PAGES, "load/pages.py"),
        (BLACK, "write/formatting.py"),
        (STAMPS, "emit/python/package.py"),
        (STAMPS, "parse/labels/labels_en.properties"),
        (STAMPS, "templates:python/README.md.jinja"),
    ],
)
def test_editing_a_declared_file_changes_the_key(
    copies: tuple[Path, Path], inputs: Inputs, relative: str
) -> None:
    package, templates = copies
    before = inputs.digest(package, templates)
    in_templates = relative.startswith("templates:")
    edit(templates / relative[10:] if in_templates else package / relative)
    assert inputs.digest(package, templates) != before


@pytest.mark.parametrize(
    ("inputs", "relative"),
    [
        (PAGES, "emit/openapi/document.py"),
        (PAGES, "write/formatting.py"),
        (BLACK, "parse/operation.py"),
        (BLACK, "parse/labels/labels_de.properties"),
    ],
)
def test_editing_an_undeclared_file_keeps_the_key(
    copies: tuple[Path, Path], inputs: Inputs, relative: str
) -> None:
    package, templates = copies
    before = inputs.digest(package, templates)
    edit(package / relative)
    (templates / "openapi" / "document.yaml.jinja").write_text("changed\n")
    assert inputs.digest(package, templates) == before


@pytest.mark.parametrize("inputs", [PAGES, BLACK, STAMPS])
def test_md2sdk_and_python_versions_change_every_key(
    copies: tuple[Path, Path], inputs: Inputs, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = inputs.digest(*copies)
    monkeypatch.setattr(cache_module, "__version__", "99.0")
    after_md2sdk = inputs.digest(*copies)
    monkeypatch.setattr(cache_module.sys, "version", "3.99.0")
    assert len({before, after_md2sdk, inputs.digest(*copies)}) == 3


@pytest.mark.parametrize(
    ("inputs", "library"),
    [(PAGES, "mistune"), (BLACK, "black"), *((STAMPS, d) for d, _ in STAMPS.libraries)],
)
def test_a_declared_library_version_changes_the_key(
    copies: tuple[Path, Path], inputs: Inputs, library: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = inputs.digest(*copies)
    real = cache_module.installed_version

    def bumped(distribution: str, module: str) -> str:
        version = real(distribution, module)
        return version + ".1" if distribution == library else version

    monkeypatch.setattr(cache_module, "installed_version", bumped)
    assert inputs.digest(*copies) != before


def test_stamps_see_a_touched_file_without_reading_it(copies: tuple[Path, Path]) -> None:
    package, templates = copies
    before = STAMPS.digest(package, templates)
    target = package / "naming.py"
    info = target.stat()
    os.utime(target, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000))
    assert STAMPS.digest(package, templates) != before


def test_pages_declare_every_module_the_parser_imports() -> None:
    """A module the parser uses but `PAGES` forgets would serve stale pages."""
    code = (
        "import sys, generator.parse\n"
        "print('\\n'.join(sorted(m.__file__ for n, m in sys.modules.items()\n"
        "    if n.startswith('generator.') and getattr(m, '__file__', None))))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    used = [Path(f).resolve().relative_to(package_root()).as_posix() for f in out.split()]
    used += ["load/pages.py"] + [
        f"parse/labels/{p.name}" for p in (package_root() / "parse" / "labels").iterdir()
    ]
    missing = [u for u in used if not any(fnmatchcase(u, p) for p in PAGES.files)]
    assert "parse/labels.py" in used and missing == []


def test_a_label_edit_reparses_cached_pages(
    copies: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package, _ = copies
    monkeypatch.setattr(cache_module, "package_root", lambda: package)
    parsed: list[str] = []
    real = pages._parse_all

    def counting(todo: list[tuple[str, bytes]], *args: object) -> object:
        parsed.extend(shown for shown, _ in todo)
        return real(todo, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(pages, "_parse_all", counting)
    sources = [("ping.md", PING)]
    for _ in range(2):
        parse_sources(sources, Diagnostics(), cache_dir=tmp_path / "cache")
    assert parsed == ["ping.md"]  # the second run came from the cache
    edit(package / "parse" / "labels" / "labels_fr.properties")
    parse_sources(sources, Diagnostics(), cache_dir=tmp_path / "cache")
    assert parsed == ["ping.md", "ping.md"]


def test_a_run_reads_the_inputs_of_each_kind_once_the_next_run_again(
    copies: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    package, templates = copies
    monkeypatch.setattr(cache_module, "package_root", lambda: package)
    monkeypatch.setattr(cache_module, "builtin_templates", lambda: templates)
    with inputs_taken_once():
        before = EMIT.digest()
        edit(package / "emit" / "links.py")
        assert EMIT.digest() == before  # a run reads md2sdk's files once
        assert EMIT.digest(package) != before  # given folders: read every time
    assert EMIT.digest() == EMIT.digest(package) != before  # the next run reads them again


def test_generate_takes_each_kind_of_inputs_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run makes several caches of one kind (`EMIT`: one per target, and more); each
    kind's files are read and hashed once."""
    (tmp_path / "pyproject.toml").write_text(CONFIG, encoding="utf-8")
    zoo().write(tmp_path / "specs" / "zoo")
    taken: list[str] = []
    real = Inputs._digest

    def counted(inputs: Inputs, *args: Path | None) -> bytes:
        taken.append(inputs.name)
        return real(inputs, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(Inputs, "_digest", counted)
    diagnostics = Diagnostics()
    generate(load_config(tmp_path / "pyproject.toml", diagnostics), diagnostics)
    assert not diagnostics.has_errors
    assert taken.count("emit") == 1 and len(taken) == len(set(taken)) > 3


# Entries


def test_store_then_load_and_a_disabled_cache(tmp_path: Path) -> None:
    cache = Cache(tmp_path, PAGES)
    key = cache.key("a.md", b"bytes")
    assert cache.load(key) is None
    cache.store(key, b"payload")
    assert cache.load(key) == b"payload"
    assert cache.path(key) == tmp_path / "pages" / key[:2] / key
    assert cache.key("a.md", b"bytes") == key != cache.key("a.md", b"bytes ")
    assert cache.key("a.m", b"dbytes") != key  # parts are length-delimited
    disabled = Cache(None, PAGES)
    disabled.store(key, b"payload")
    assert disabled.load(key) is None


def _other_format(head: bytes) -> bytes:
    ours = b"md2sdk-cache %d " % cache_module.FORMAT
    assert head.startswith(ours)
    return head.replace(ours, b"md2sdk-cache %d " % (cache_module.FORMAT - 1), 1)


def _corrupt_entries(cache: Cache, key: str) -> dict[str, bytes]:
    good = cache.path(key).read_bytes()
    head, _, payload = good.partition(b"\n")
    return {
        "truncated": good[:-2],
        "altered": head + b"\n" + payload.replace(b"pay", b"PAY"),
        "not md2sdk's": b"\x80\x04not a cache entry at all",
        "empty": b"",
        "other format": _other_format(head) + b"\n" + payload,
        "other cache": head.replace(b" pages ", b" black ") + b"\n" + payload,
        "other key": head.replace(key.encode(), b"0" * 64) + b"\n" + payload,
    }


@pytest.mark.parametrize(
    "kind",
    ["truncated", "altered", "not md2sdk's", "empty", "other format", "other cache", "other key"],
)
def test_corrupt_or_foreign_entries_are_ignored_with_a_warning(
    tmp_path: Path, kind: str, caplog: pytest.LogCaptureFixture
) -> None:
    cache = Cache(tmp_path, PAGES)
    key = cache.key("x")
    cache.store(key, b"payload")
    cache.path(key).write_bytes(_corrupt_entries(cache, key)[kind])
    with caplog.at_level(logging.WARNING, logger="md2sdk.cache"):
        assert cache.load(key) is None
    [record] = caplog.records
    assert record.getMessage().startswith(f"{cache.path(key)}: warning: ignored a pages cache")
    cache.store(key, b"payload")  # rebuilt
    assert cache.load(key) == b"payload"


def test_a_slot_written_in_an_older_format_is_a_silent_miss(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Like a slot of older inputs: upgrading md2sdk must not warn about its own caches."""
    cache = Cache(tmp_path, PAGES)
    cache.store("k", b"payload", slot="api")
    path = cache.path("k", slot="api")
    head, _, payload = path.read_bytes().partition(b"\n")
    path.write_bytes(_other_format(head) + b"\n" + payload)
    with caplog.at_level(logging.WARNING, logger="md2sdk.cache"):
        assert cache.load("k", slot="api") is None
    assert caplog.records == []
    cache.store("k", b"payload", slot="api")
    assert cache.load("k", slot="api") == b"payload"


def test_caches_not_declared_warn_ignore_silently(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    cache = Cache(tmp_path, STAMPS)
    cache.store("k", b"payload", slot="api")
    cache.path("k", slot="api").write_bytes(b"{")
    with caplog.at_level(logging.WARNING, logger="md2sdk.cache"):
        assert cache.load("k", slot="api") is None
    assert caplog.records == []


def test_a_slot_keeps_one_entry_and_answers_only_its_current_key(tmp_path: Path) -> None:
    cache = Cache(tmp_path, STAMPS)
    cache.store("old", b"first", slot="catalog")
    cache.store("new", b"second", slot="catalog")
    assert [p.name for p in (tmp_path / "stamps").iterdir()] == [
        cache.path("", slot="catalog").name
    ]
    assert cache.load("old", slot="catalog") is None
    assert cache.load("new", slot="catalog") == b"second"
    assert cache.load(None, slot="catalog") == b"second"
    assert cache.load(None, slot="petstore") is None
    cache.drop(None, slot="catalog")
    assert cache.load(None, slot="catalog") is None


def test_an_unwritable_cache_only_costs_time(tmp_path: Path) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be")
    cache = Cache(blocker, PAGES)
    cache.store("k", b"payload")
    assert cache.load("k") is None


def test_stamps_are_entries_of_the_stamps_cache(tmp_path: Path) -> None:
    """The stamp module writes through the helper: header, then its JSON."""
    from generator.stamp import Stamp, read_stamp, stamp_file, write_stamp  # noqa: PLC0415

    stamp = Stamp("f" * 64, {"a.py": (1, 2)}, 3, 4, ())
    write_stamp(tmp_path, "catalog", stamp)
    head, _, body = stamp_file(tmp_path, "catalog").read_bytes().partition(b"\n")
    assert head.startswith(b"md2sdk-cache %d stamps " % cache_module.FORMAT + b"f" * 64 + b" ")
    assert json.loads(body)["operations"] == 3
    assert read_stamp(tmp_path, "catalog") == stamp


def test_holds_reads_the_header_only(tmp_path: Path) -> None:
    cache = Cache(tmp_path, PAGES)
    key, other = cache.key("a.md", b"x"), cache.key("b.md", b"x")
    assert not cache.holds(key) and not cache.holds(key, slot="api")
    cache.store(key, b"payload")
    cache.store(key, b"payload", slot="api")
    assert cache.holds(key) and cache.holds(key, slot="api")
    assert not cache.holds(other, slot="api")  # the slot holds another key's entry
    assert not Cache(tmp_path, BLACK).holds(key)  # another cache's folder and name
    cache.path(key, "api").write_bytes(b"garbage\n")
    assert not cache.holds(key, slot="api")
    assert not Cache(None, PAGES).holds(key)


def test_a_watching_process_reads_an_input_file_again_only_when_it_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every run digests md2sdk's own files (an edit of a template must show), but a
    watching process reads a file again only when its signature changed; a file
    modified in the last seconds, or in a one-off process, is read every time."""
    folder = tmp_path / "inputs"
    folder.mkdir()
    page = folder / "a.txt"
    page.write_text("one\n")
    opened: list[str] = []
    real = open

    def counting(path: str, *args: Any) -> Any:
        opened.append(path)
        return real(path, *args)

    monkeypatch.setattr(cache_module, "open", counting, raising=False)
    forget()
    expect_more_runs()
    first = files_digest(folder)
    assert files_digest(folder) == first and len(opened) == 2  # just written: racy
    hour_ago = page.stat().st_mtime_ns - 3600 * 10**9
    os.utime(page, ns=(hour_ago, hour_ago))
    files_digest(folder)
    opened.clear()
    assert files_digest(folder) == first and opened == []
    page.write_text("two\n")  # same size, the same times put back: the change time moved
    os.utime(page, ns=(hour_ago, hour_ago))
    assert files_digest(folder) != first and len(opened) == 1
    forget()  # a one-off process
    opened.clear()
    files_digest(folder)
    files_digest(folder)
    assert len(opened) == 2
