"""Limits: a 20 MB page and a 100,000-row table parse in linear time and bounded memory.

Each case is parsed at 1x and 10x size in a fresh process (`limits_probe`), which
reports the parse time and how much the peak resident memory grew. The 10x run must
take less than 20x the time and grow memory less than 20x (linear would be 10x; the
slack absorbs timer noise and allocator arenas, while a quadratic step would show as
~100x), every operation and row must come through, and no diagnostic may be raised.
No absolute times are asserted: CI machines differ, ratios do not.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/statm").exists(), reason="memory is measured through /proc (Linux)"
)
ROOT = Path(__file__).resolve().parents[2]
RATIO = 20.0


def probe(kind: str, size: float) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-m", "tests.robust.limits_probe", kind, str(size)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    result: dict[str, float] = json.loads(done.stdout)
    return result


@pytest.mark.parametrize(
    ("kind", "small", "big"),
    [("page", 2.0, 20.0), ("table", 10_000, 100_000)],
    ids=["20MB-page", "100k-row-table"],
)
def test_parse_grows_linearly(kind: str, small: float, big: float) -> None:
    # The 1x run is cheap: take the faster of two so one hiccup cannot halve the ratio.
    one = min(probe(kind, small), probe(kind, small), key=lambda r: r["seconds"])
    ten = probe(kind, big)
    assert ten["chars"] >= 9 * one["chars"]
    if kind == "page":
        assert ten["chars"] >= 20_000_000
        assert ten["operations"] >= 9 * one["operations"]
    else:
        assert (one["rows"], ten["rows"]) == (small, big)
    assert one["diagnostics"] == ten["diagnostics"] == 0
    assert ten["seconds"] < RATIO * one["seconds"], (one, ten)
    # Memory: the 1x run's growth is floored at 1 MB so allocator noise on a small
    # run cannot make the ratio meaningless.
    assert ten["peak_growth"] < RATIO * max(one["peak_growth"], 1 << 20), (one, ten)
    # Bounded: the parse never needs more than a fixed multiple of the page size
    # (a str of ASCII text costs one byte per character).
    assert ten["peak_growth"] < 40 * ten["chars"], (one, ten)
