"""A map kept in a cache slot as a base and a delta (`generator.cache_map`)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from generator.cache import EMIT, Cache
from generator.cache_map import MapSlot
from generator.kept import forget


def slot(root: Path) -> MapSlot[str, bytes]:
    cache = Cache(root, EMIT)
    return MapSlot(
        cache, cache.key("map"), "api\0target", size=len,
        valid=lambda k, v: isinstance(k, str) and isinstance(v, bytes),
    )  # fmt: skip


def files(found: MapSlot[str, bytes]) -> tuple[bytes, bytes | None]:
    base = found.cache.path(found.key, found.slot).read_bytes()
    delta = found.cache.path(found.key, found.delta_slot)
    return base, delta.read_bytes() if delta.exists() else None


BASE = {f"k{i}": bytes([i]) * 100 for i in range(20)}


def test_a_small_change_writes_a_delta_that_a_new_process_applies(tmp_path: Path) -> None:
    first = slot(tmp_path)
    assert first.load() == {}
    first.save(dict(BASE))
    base, delta = files(first)
    assert delta is None
    changed = {**BASE, "k3": b"new", "extra": b"x"}
    del changed["k5"]
    first.save(changed)
    assert files(first)[0] == base and files(first)[1] is not None
    forget()
    assert slot(tmp_path).load() == changed


def test_edits_that_keep_changing_one_big_entry_write_deltas(tmp_path: Path) -> None:
    """One entry of a third of the base's bytes (Kubernetes' core_v1 unit) changed
    again and again: each save is a delta of that entry, the base is never rewritten."""
    first = slot(tmp_path)
    start = {**BASE, "big": b"0" * 1000}  # 1,000 of 3,000 bytes
    first.save(start)
    base = files(first)[0]
    for version in range(1, 4):
        edited = {**start, "big": str(version).encode() * 1000}
        first.save(edited)
        assert files(first)[0] == base and files(first)[1] is not None
        forget()
        assert slot(tmp_path).load() == edited


def test_a_big_change_writes_a_new_base_and_a_stale_delta_is_never_applied(
    tmp_path: Path,
) -> None:
    first = slot(tmp_path)
    first.save(dict(BASE))
    first.save({**BASE, "k1": b"small"})
    stale = files(first)[1]
    assert stale is not None
    renewed = dict.fromkeys(BASE, b"y" * 100)  # every entry changed: past DELTA_SHARE
    first.save(renewed)
    assert files(first)[1] is None
    first.cache.path(first.key, first.delta_slot).write_bytes(stale)  # made for the old base
    forget()
    assert slot(tmp_path).load() == renewed


def test_a_corrupt_delta_is_ignored_with_a_warning_and_bad_entries_dropped(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    first = slot(tmp_path)
    first.save({**BASE, "bad": "not bytes"})  # type: ignore[dict-item]
    first.save({**BASE, "k2": b"changed"})
    delta = first.cache.path(first.key, first.delta_slot)
    delta.write_bytes(delta.read_bytes()[:-4])
    forget()
    with caplog.at_level(logging.WARNING, logger="md2sdk.cache"):
        assert slot(tmp_path).load() == BASE  # the base alone, its bad entry dropped
    assert any("truncated or altered" in r.getMessage() for r in caplog.records)


def test_a_process_that_loads_again_reads_nothing_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    slot(tmp_path).save(dict(BASE))
    forget()
    assert slot(tmp_path).load() == BASE
    reads: list[str] = []
    real = Cache.load_view  # every entry is read through it
    monkeypatch.setattr(
        Cache, "load_view", lambda self, *a, **k: reads.append("x") or real(self, *a, **k)
    )
    assert slot(tmp_path).load() == BASE and reads == []
    forget()
    assert slot(tmp_path).load() == BASE and reads == ["x", "x"]  # a new process: base, delta
