"""`generator.kept`: values kept for this run and the next, by key or by identity."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from generator import kept
from generator.kept import ByIdentity, FileFacts, Kept, file_signature, forget, next_run


def test_kept_values_last_one_unused_run() -> None:
    kept: Kept[str] = Kept()
    kept.put("a", "one")
    next_run()
    assert kept.get("a", lambda: None) == "one"  # used in this run: kept for the next
    next_run()
    assert kept.get("a", lambda: "again") == "one"
    next_run()
    next_run()
    assert kept.get("a", lambda: "made") == "made"


def test_by_identity_answers_the_same_object_only() -> None:
    made: list[list[int]] = []
    values: ByIdentity[int] = ByIdentity()

    def make(part: list[int]) -> int:
        made.append(part)
        return sum(part)

    part, equal = [1, 2], [1, 2]
    assert values.get(part, lambda: make(part)) == 3
    assert values.get(part, lambda: make(part)) == 3
    assert values.get(equal, lambda: make(equal)) == 3
    assert made == [part, equal] and made[1] is equal
    next_run()
    assert values.get(part, lambda: make(part)) == 3  # the next run, held with its value
    assert len(made) == 2


def test_by_identity_keeps_one_value_per_scope() -> None:
    values: ByIdentity[str] = ByIdentity()
    part = object()
    assert values.get(part, lambda: "a", scope="x") == "a"
    assert values.get(part, lambda: "b", scope="y") == "b"
    assert values.get(part, lambda: "c", scope="x") == "a"


def test_file_facts_hold_while_the_file_is_as_it_was(tmp_path: Path) -> None:
    """A fact learnt of a file is known until the file changes; nothing is learnt of a
    file modified too recently to tell a later change apart, and a signature taken
    before reading is the one kept (a change while reading then shows)."""
    facts: FileFacts[str] = FileFacts()
    path = tmp_path / "a.txt"
    path.write_text("one")
    facts.learn(str(path), "recent")
    assert facts.known(str(path)) is None  # modified within RACY_NS
    _age(path)
    before = file_signature(str(path))
    facts.learn(str(path), "one")
    assert facts.known(str(path)) == "one"
    path.write_text("two")  # same size: inode and size equal, times not
    _age(path, 7200)
    assert facts.known(str(path)) is None
    facts.learn(str(path), "stale", before)  # read before the change
    assert facts.known(str(path)) is None
    assert facts.known(str(tmp_path / "missing")) is None


def test_file_facts_without_following_know_nothing_of_a_symlink(tmp_path: Path) -> None:
    target = tmp_path / "t.txt"
    target.write_text("x")
    link = tmp_path / "l.txt"
    link.symlink_to(target)
    _age(target)
    facts: FileFacts[str] = FileFacts(follow=False)
    facts.learn(str(link), "linked")
    assert facts.known(str(link)) is None
    facts.learn(str(target), "file")
    assert facts.known(str(target)) == "file"


def _age(path: Path, seconds: int = 3600) -> None:
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns - seconds * 10**9))


def test_a_resumable_store_is_taken_as_the_run_before_by_the_next_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """What the stores named resumable hold after a run, pickled together and taken
    by a new process (`generator.resume`), answers its first run as the run before
    would: by key, and by the identity of the objects unpickled with it."""
    monkeypatch.setattr(kept, "_RESUMABLE", {})  # only this test's stores
    pages: Kept[str] = Kept("tests.test_kept:pages")
    digests: ByIdentity[int] = ByIdentity("tests.test_kept:digests")
    part = ["a", "part"]
    pages.put("page.md", "parsed")
    assert digests.get(part, lambda: 42) == 42
    saved = pickle.dumps(kept.resumable_state())
    forget()  # a new process
    next_run()  # its first run starts, then takes the state
    state = pickle.loads(saved)
    kept.resume(state)
    assert pages.get("page.md", lambda: None) == "parsed"
    [(_, (copy, _))] = state["tests.test_kept:digests"].items()
    assert copy == part and copy is not part
    assert digests.get(copy, lambda: 0) == 42  # the copy is the part now
    assert digests.get(["a", "part"], lambda: 0) == 0  # an equal object is not
    next_run()
    next_run()
    assert pages.get("page.md", lambda: None) is None  # unused for a run: let go


def test_two_resumable_stores_cannot_share_a_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kept, "_RESUMABLE", {})
    Kept[int]("tests.test_kept:one")
    with pytest.raises(ValueError, match="two kept stores"):
        Kept[int]("tests.test_kept:one")
