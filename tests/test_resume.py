"""A new process starts from the state the last one saved (`generator.resume`).

The resumed runs' output equals a cold run's in `tests/test_incremental.py` (its
``resumed`` twins, after every edit there and in the random edit sequences); here: a
resumed process reads back no page it was given, a damaged or foreign state is ignored
with a warning, and the real command saves the state without making anyone wait.
"""

from __future__ import annotations

import fcntl
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from generator import resume
from generator.cache import RESUME, Cache
from generator.config import load_config
from generator.diagnostics import Diagnostics
from generator.emit.incremental import keys
from generator.kept import forget
from generator.load import pages
from generator.pipeline import emitting, generate
from tests.incremental_tree import zoo
from tests.test_incremental import Twins, _generate, _project, _tree, set_description

REPO = Path(__file__).resolve().parent.parent


def _unpickled_pages(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """The page blobs the run unpickles from the page store, as they happen."""
    seen: list[object] = []
    real = pages.page_of
    monkeypatch.setattr(pages, "page_of", lambda blob: seen.append(blob) or real(blob))
    return seen


def test_a_resumed_process_unpickles_no_page_it_was_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After an edit, a new process takes every unchanged page from the saved state
    and parses the edited one; without a state it unpickles each from the store."""
    twins = Twins(tmp_path, process="resumed")
    seen = _unpickled_pages(monkeypatch)
    twins.edit(set_description("getAnimal", "Gets one animal, resumed."))
    assert seen == []
    forget()
    Cache(twins.root / ".md2sdk-cache", RESUME).drop(None, slot=resume.SLOT)
    twins.edit(set_description("getAnimal", "Gets one animal, from the store."))
    assert len(seen) == len(list((twins.root / "specs").rglob("*.md"))) - 1


def test_a_damaged_state_is_ignored_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root = _project(tmp_path / "project", zoo())
    first, reported = _generate(root, cached=True)
    assert first.written and resume.save(root / ".md2sdk-cache")
    cache = Cache(root / ".md2sdk-cache", RESUME)
    slot = cache.path("", resume.SLOT)
    data = slot.read_bytes()
    slot.write_bytes(data[:-10] + b"0123456789")
    forget()
    (root / "out" / "openapi" / "zoo.yaml").unlink()
    again, reported_again = _generate(root, cached=True)
    assert again.written and reported_again == reported
    assert "truncated or altered" in caplog.text and "resume" in caplog.text


@pytest.mark.parametrize(
    "state",
    [["not", "a", "map"], {"generator.nowhere:store": {}}, {"os:environ": {}}],
    ids=["not-a-map", "unknown-store", "not-md2sdk"],
)
def test_a_state_that_does_not_load_is_ignored_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, state: object
) -> None:
    """An entry whose header and checksum pass (md2sdk wrote it) but whose payload is
    not a map of md2sdk's stores is a miss, reported; the run goes on from scratch."""
    root = _project(tmp_path / "project", zoo())
    cache = Cache(root / ".md2sdk-cache", RESUME)
    cache.store(cache.key(), pickle.dumps(state), slot=resume.SLOT)
    forget()
    result, _ = _generate(root, cached=True)
    assert result.written
    assert "does not load" in caplog.text


def test_the_command_saves_the_state_after_it_returns_and_the_next_one_resumes(
    tmp_path: Path,
) -> None:
    """``md2sdk generate`` saves in a detached process holding ``resume.lock``; the
    next ``md2sdk generate`` after an edit starts from it (its timings show the
    ``resume`` stage) and writes what a cold run writes."""
    root = _project(tmp_path / "project", zoo())
    command = [sys.executable, "-m", "generator.cli", "generate", "-v"]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    first = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, check=False)
    assert first.returncode == 0, first.stderr
    assert "timings:" in first.stderr and " resume " not in first.stderr  # nothing saved yet
    resume.wait_for_save(root / ".md2sdk-cache")
    assert Cache(root / ".md2sdk-cache", RESUME).load(None, slot=resume.SLOT) is not None
    page = root / "specs" / "zoo" / "operations" / "getAnimal.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nMore words.\n", encoding="utf-8")
    second = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, check=False)
    assert second.returncode == 0, second.stderr
    assert "timings: stamp" in second.stderr and " resume " in second.stderr
    resume.wait_for_save(root / ".md2sdk-cache")
    cold = _project(tmp_path / "cold", zoo())
    (cold / "specs").rename(tmp_path / "unused")
    (root / "specs").rename(cold / "specs")
    forget()
    _generate(cold, cached=False)
    assert _tree(root / "out") == _tree(cold / "out")



def test_a_run_whose_targets_ran_in_workers_saves_the_digests_they_took(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cold run's targets take the digests of every operation and definition in
    forked workers; the state saved after it has them all the same (the saving process
    takes them), so the next process after a one-page edit digests only that page's."""
    monkeypatch.setattr(emitting, "PARALLEL_EMIT_OPERATIONS", 1)  # workers, as when cold
    root = _project(tmp_path / "project", zoo())
    forget()
    diagnostics = Diagnostics()
    project = load_config(root / "pyproject.toml", diagnostics)
    first = generate(project, diagnostics, keep_state=True)
    assert first.written and "emit" in first.timings
    resume.wait_for_save(root / ".md2sdk-cache")
    forget()
    page = root / "specs" / "zoo" / "operations" / "getAnimal.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nMore words.\n", encoding="utf-8")
    digested: list[object] = []
    real = keys.content_bytes
    monkeypatch.setattr(keys, "content_bytes", lambda value: digested.append(value) or real(value))
    again, _ = _generate(root, cached=True)
    assert "resume" in again.timings and again.written
    assert [(op.method, op.path) for op in digested] == [("GET", "/animals/{animalId}")]


def test_a_state_that_cannot_be_pickled_leaves_the_saved_one(tmp_path: Path) -> None:
    root = _project(tmp_path / "project", zoo())
    _generate(root, cached=True)
    cache_root = root / ".md2sdk-cache"
    assert resume.save(cache_root)
    saved = Cache(cache_root, RESUME).load(None, slot=resume.SLOT)
    unpicklable = lambda: None  # noqa: E731 (a value pickle refuses)
    keys.model_digest(unpicklable)  # kept by identity in a resumable store
    assert not resume.save(cache_root)
    assert Cache(cache_root, RESUME).load(None, slot=resume.SLOT) == saved
    forget()  # no later test's save meets that value


def test_no_second_detached_save_starts_while_one_holds_the_lock(tmp_path: Path) -> None:
    """The running save's state serves the next process as well: none is queued."""
    cache_root = tmp_path / "cache"
    cache_root.mkdir()
    with open(cache_root / resume.LOCK, "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        assert not resume.save_detached(cache_root)
    assert resume.save_detached(cache_root, lambda: None)
    resume.wait_for_save(cache_root)
    assert Cache(cache_root, RESUME).load(None, slot=resume.SLOT) is not None
