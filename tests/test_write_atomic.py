"""The one atomic-write helper: whole new file or the old one, never a part, no debris."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.write import atomic
from generator.write.atomic import TEMP_SUFFIX, stage, write_atomic


def test_replaces_the_file_with_the_given_mode(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_bytes(b"old")
    write_atomic(target, b"new", mode=0o640)
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_a_failed_rename_keeps_the_old_file_and_leaves_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "a.txt"
    target.write_bytes(b"old")

    def refuse(src: object, dst: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic.os, "replace", refuse)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, b"new", durable=True)
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_a_failed_write_deletes_the_staged_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(path: object, mode: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "chmod", refuse)
    with pytest.raises(OSError, match="No space"):
        stage(tmp_path / "a.txt", b"data", mode=0o644)
    assert list(tmp_path.iterdir()) == []


def test_staged_temp_files_are_hidden_beside_the_target(tmp_path: Path) -> None:
    temp = stage(tmp_path / "a.txt", b"data")
    assert temp.parent == tmp_path
    assert temp.name.startswith(".a.txt.") and temp.name.endswith(TEMP_SUFFIX)
    assert temp.read_bytes() == b"data" and not (tmp_path / "a.txt").exists()
    os.unlink(temp)
