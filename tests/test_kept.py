"""`generator.kept`: values kept for this run and the next, by key or by identity."""

from __future__ import annotations

import os
from pathlib import Path

from generator.kept import ByIdentity, FileFacts, Kept, file_signature, next_run


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
