"""Black in the writer: pinned mode, located failures, cache, parallel = serial."""

from __future__ import annotations

from pathlib import Path

import black
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.cache import BLACK, Cache
from generator.diagnostics import Diagnostics
from generator.kept import expect_more_runs, forget
from generator.write import MODE, format_files, formatting
from generator.write.fixed_points import FixedPoints
from generator.write.formatting import PARALLEL_THRESHOLD, cache_key


def test_mode_is_black_default_spelled_out() -> None:
    assert black.Mode() == MODE


def test_python_files_are_formatted_other_files_kept() -> None:
    diagnostics = Diagnostics()
    out = format_files({"a.py": "x=( 1, )\n", "b.md": "x=( 1, )\n"}, diagnostics)
    assert out == {"a.py": "x = (1,)\n", "b.md": "x=( 1, )\n"}
    assert not diagnostics.sorted()


def test_invalid_python_is_a_located_error() -> None:
    diagnostics = Diagnostics()
    source = "def ok():\n    pass\ndef f(:\n    pass\n"
    out = format_files({"pkg/x.py": source}, diagnostics, shown_root="generated")
    [problem] = diagnostics.sorted()
    assert problem.code == "format-failed"
    assert str(problem.location) == "generated/pkg/x.py:3:7"
    assert out["pkg/x.py"] == source


def test_results_come_from_the_cache(tmp_path: Path) -> None:
    source = "x=1\n"
    first = format_files({"a.py": source}, Diagnostics(), cache_dir=tmp_path)
    cache = Cache(tmp_path, BLACK)
    key = cache_key(cache, source)
    assert cache.path(key).is_file() and cache.path(key).parent.parent == tmp_path / "black"
    assert first["a.py"] == cache.load(key).decode() == "x = 1\n"  # type: ignore[union-attr]
    cache.store(key, b"x = 'from cache'\n")  # prove the second run reads it
    forget()  # ... when it is another process: this one keeps what it made
    second = format_files({"a.py": source}, Diagnostics(), cache_dir=tmp_path)
    assert second["a.py"] == "x = 'from cache'\n"


def test_cache_key_depends_on_source_only_through_its_bytes(tmp_path: Path) -> None:
    cache = Cache(tmp_path, BLACK)
    assert cache_key(cache, "x=1\n") == cache_key(Cache(tmp_path / "other", BLACK), "x=1\n")
    assert cache_key(cache, "x=1\n") != cache_key(cache, "x=1 \n")


def test_parallel_formatting_matches_serial_and_reports_progress() -> None:
    files = {f"m{i:03}.py": f"def f{i}( a,b ):\n  return a+{i}\n" for i in range(60)}
    files["bad.py"] = "def (:\n"
    assert len(files) > PARALLEL_THRESHOLD
    serial_diags, parallel_diags = Diagnostics(), Diagnostics()
    seen: list[int] = []
    serial = format_files(files, serial_diags, jobs=1)
    parallel = format_files(files, parallel_diags, jobs=2, progress=seen.append)
    assert serial == parallel
    assert serial["m007.py"] == "def f7(a, b):\n    return a + 7\n"
    assert serial_diags.sorted() == parallel_diags.sorted()
    assert [d.code for d in parallel_diags.sorted()] == ["format-failed"]
    assert sum(seen) == len(files)


def test_unwritable_cache_is_ignored(tmp_path: Path) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be")
    out = format_files({"a.py": "x=1\n"}, Diagnostics(), cache_dir=blocker)
    assert out == {"a.py": "x = 1\n"}


def test_shaped_files_within_the_line_length_skip_black() -> None:
    # Not black's shape on purpose: proves black did not run.
    source = "x=( 1, )\n"
    out = format_files({"a.py": source}, Diagnostics(), shaped=True)
    assert out["a.py"] == source


def test_shaped_files_with_a_long_line_still_go_through_black() -> None:
    long_call = "f(" + ", ".join(f"argument_{i}" for i in range(12)) + ")\n"
    assert len(long_call) > 88
    out = format_files({"a.py": "x=1\n" + long_call}, Diagnostics(), shaped=True)
    assert out["a.py"] == black.format_str("x=1\n" + long_call, mode=black.Mode())
    assert out["a.py"].startswith("x = 1\nf(\n")


def test_long_strings_and_docstrings_do_not_send_a_shaped_file_to_black() -> None:
    text = "word " * 20 + "(see [x])"
    call = "client." + "very_long_resource_name_" * 3 + "operation("
    source = (
        f'"""{text}"""\n\nX = "{text}"\nY = {{\n    "key": "{text}",\n}}\n'
        f'Z = {call}\n    1,\n    2,\n)\n{call})\n'
    )
    assert max(len(line) for line in source.split("\n")) > 88
    assert black.format_str(source, mode=black.Mode()) == source
    out = format_files({"a.py": source.replace("X = ", "X=")}, Diagnostics(), shaped=True)
    assert out["a.py"] == source.replace("X = ", "X=")  # black did not run


def test_shaped_files_are_still_compiled_and_errors_located() -> None:
    diagnostics = Diagnostics()
    source = "def ok():\n    pass\ndef f(:\n    pass\n"
    out = format_files({"pkg/x.py": source}, diagnostics, shown_root="generated", shaped=True)
    [problem] = diagnostics.sorted()
    assert problem.code == "format-failed"
    assert str(problem.location) == "generated/pkg/x.py:3:7"
    assert out["pkg/x.py"] == source


def test_a_null_byte_in_a_shaped_file_is_a_located_error_too() -> None:
    diagnostics = Diagnostics()
    out = format_files({"pkg/x.py": "x = 1\0\n"}, diagnostics, shaped=True)
    [problem] = diagnostics.sorted()
    assert problem.code == "format-failed"
    assert "null bytes" in problem.message
    assert str(problem.location) == "pkg/x.py:1:1"
    assert out["pkg/x.py"] == "x = 1\0\n"


def test_shaped_and_black_results_are_cached_apart(tmp_path: Path) -> None:
    source = "x=1\n"
    shaped = format_files({"a.py": source}, Diagnostics(), cache_dir=tmp_path, shaped=True)
    formatted = format_files({"a.py": source}, Diagnostics(), cache_dir=tmp_path)
    assert (shaped["a.py"], formatted["a.py"]) == ("x=1\n", "x = 1\n")
    cache = Cache(tmp_path, BLACK)
    assert cache_key(cache, source, shaped=True) != cache_key(cache, source)


def test_only_a_file_black_changes_gets_a_cache_entry(tmp_path: Path) -> None:
    """A source black leaves alone is known through its path's fixed point (one slot
    for all of them), not an entry of its own: no second copy of the file, and no file
    created per generated file."""
    sources = {"same.py": "x = 1\n", "changed.py": "x=1\n", "blank.py": "\n\n"}
    first = format_files(sources, Diagnostics(), cache_dir=tmp_path)
    cache = Cache(tmp_path, BLACK)
    assert not cache.path(cache_key(cache, "x = 1\n")).exists()
    assert cache.load(cache_key(cache, "x=1\n")) == b"x = 1\n"
    assert len(list((tmp_path / "black").glob("*/*"))) == 2  # changed.py, blank.py
    assert first == {"same.py": "x = 1\n", "changed.py": "x = 1\n", "blank.py": first["blank.py"]}
    forget()
    assert format_files(sources, Diagnostics(), cache_dir=tmp_path) == first


def test_the_pool_gives_back_unchanged_files_as_they_are() -> None:
    files = {f"m{i:03}.py": f"def f{i}(a, b):\n    return a + {i}\n" for i in range(30)}
    files["odd.py"] = "y=2\n"
    assert len(files) > PARALLEL_THRESHOLD
    out = format_files(files, Diagnostics(), jobs=2, shaped=True)
    assert out == {**files, "odd.py": "y=2\n"}
    out = format_files(files, Diagnostics(), jobs=2)
    assert out == {**files, "odd.py": "y = 2\n"}


def test_a_process_that_formats_again_reads_no_entry_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What this process formatted or read is kept (`generator.kept`): formatting the
    same sources again (a watching process) reads no cache entry; a new process does."""
    sources = {"a.py": "x=1\n", "b.py": "y = 2\n"}
    first = format_files(sources, Diagnostics(), cache_dir=tmp_path)
    loads: list[str] = []
    real = Cache.load
    monkeypatch.setattr(
        Cache, "load", lambda self, key, **kw: loads.append(key) or real(self, key, **kw)
    )
    assert format_files(sources, Diagnostics(), cache_dir=tmp_path) == first
    assert loads == []
    forget()
    assert format_files(sources, Diagnostics(), cache_dir=tmp_path) == first
    # b.py is its own format: the fixed points' slot answers it without an entry read.
    assert loads == [cache_key(Cache(tmp_path, BLACK), "x=1\n")]


def test_a_watching_process_hashes_a_source_it_formatted_before_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A watching process takes the key of the same source object again; an equal
    string made anew is hashed, and so is every source in a one-off process."""
    forget()
    source = "".join(["x = ", "1\n"])
    hashed: list[object] = []
    real = Cache.key

    def key(self: Cache, *parts: str | bytes) -> str:
        hashed.extend(part for part in parts[:1] if part == source)
        return real(self, *parts)

    monkeypatch.setattr(Cache, "key", key)
    files = {"a.py": source}
    format_files(files, Diagnostics(), cache_dir=tmp_path, shaped=True)
    format_files(files, Diagnostics(), cache_dir=tmp_path, shaped=True)
    assert hashed == [source, source]
    expect_more_runs()
    hashed.clear()
    format_files(files, Diagnostics(), cache_dir=tmp_path, shaped=True)
    format_files(files, Diagnostics(), cache_dir=tmp_path, shaped=True)
    assert hashed == [source]
    format_files({"a.py": "".join(["x = ", "1\n"])}, Diagnostics(), cache_dir=tmp_path, shaped=True)
    assert hashed == [source, source]
    forget()


def test_a_new_process_takes_fixed_points_from_one_slot_only_for_the_same_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sources = {"a.py": "x = 1\n", "pkg/b.py": "def f():\n    return 2\n"}
    assert format_files(sources, Diagnostics(), cache_dir=tmp_path, shaped=True) == sources
    for entry in (tmp_path / "black").glob("*/*"):  # every entry but the slots
        entry.unlink()
    forget()
    formatted: list[str] = []
    real = formatting._format
    monkeypatch.setattr(
        formatting, "_format", lambda source, *a: formatted.append(source) or real(source, *a)
    )
    again = format_files(sources, Diagnostics(), cache_dir=tmp_path, shaped=True)
    assert again == sources and formatted == []
    forget()
    edited = {**sources, "a.py": "x = 2\n"}
    assert format_files(edited, Diagnostics(), cache_dir=tmp_path, shaped=True) == edited
    assert formatted == ["x = 2\n"]  # another source at that path is formatted (compiled)
    forget()
    moved = {"c.py": "x = 1\n"}  # a fixed point is known per path, not per source
    assert format_files(moved, Diagnostics(), cache_dir=tmp_path, shaped=True) == moved
    assert formatted == ["x = 2\n", "x = 1\n"]


def test_fixed_points_saved_by_two_processes_meanwhile_are_all_kept(tmp_path: Path) -> None:
    """The workers of a parallel emit and the parent each record their files' fixed
    points in the one slot: a save reads the slot again first, so neither drops the
    other's entries (the parent reading the slot again when it formats is
    `tests/test_pipeline_parallel.py`'s)."""
    cache = Cache(tmp_path, BLACK)
    first, second = FixedPoints(cache), FixedPoints(cache)  # both read it empty
    first.record("a.py", "key-a")
    first.save()
    second.record("b.py", "key-b")
    second.save()
    again = FixedPoints(cache)
    assert again.holds("a.py", "key-a") and again.holds("b.py", "key-b")
    first.record("a.py", "key-a2")  # a path recorded again takes the new key
    first.save()
    assert FixedPoints(cache).holds("a.py", "key-a2") and FixedPoints(cache).holds("b.py", "key-b")


_PIECES = ("x" * 60, "f(", ")", "()", '"""', '"a (b"', "'c'", "[", " ", "\n", "y = ")


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_long_lines_of_an_ascii_source_are_read_as_line_by_line(pieces: list[str]) -> None:
    """An ASCII source's long lines are found by a search and their docstring state by
    counting quotes (`black_would_leave`); the answer is the line-by-line reading's."""
    source = "".join(pieces)
    expected = formatting._would_leave_lines(source)
    assert formatting.black_would_leave(source) is expected


def test_a_long_first_line_and_one_after_an_unclosed_docstring() -> None:
    call = "x = f(" + ", ".join(["argument"] * 12) + ")"
    assert not formatting.black_would_leave(call + "\n")
    assert formatting.black_would_leave('"""Doc\n' + call + '\n"""\n')
    assert not formatting.black_would_leave('"""Doc"""\n' + call)
    at_limit = "f(" + "a" * 85 + ")"
    assert len(at_limit) == 88
    assert formatting.black_would_leave(at_limit + "\n" + at_limit)
