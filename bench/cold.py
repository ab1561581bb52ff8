"""Cold generation and the read+mistune floor, measured in turns.

The shared machines' speed drifts by up to 2x within an hour (the same cold Kubernetes
build took 7.3 s and 15 s), so a cold run and a floor measured minutes apart differ by
the host as much as by the code. `bench.run` therefore measures ``--reps`` pairs, one
after the other (cold, floor, cold, floor, ...); the table shows the cold run of median
wall time, the median floor, and the median of the pairs' ratios.
"""

from __future__ import annotations

import statistics
from typing import Any

Pair = tuple[dict[str, Any], dict[str, Any]]
"""One cold run (its child's JSON with the process ``wall``) and the floor measured
right after it (its child's JSON, ``seconds`` in-process)."""


def summarise(pairs: list[Pair]) -> dict[str, Any]:
    """The figures of ``pairs`` (at least one): ``cold`` (the run of median wall; the
    upper one of two), ``floor`` (likewise, by seconds), ``ratio_vs_floor`` (the median
    of each pair's cold wall / floor seconds) and every run's wall and floor seconds."""
    if not pairs:
        raise ValueError("no cold run measured")
    colds = sorted((cold for cold, _ in pairs), key=lambda run: run["wall"])
    floors = sorted((floor for _, floor in pairs), key=lambda run: run["seconds"])
    return {
        "cold": colds[len(colds) // 2],
        "floor": floors[len(floors) // 2],
        "ratio_vs_floor": statistics.median(c["wall"] / f["seconds"] for c, f in pairs),
        "cold_walls": [cold["wall"] for cold, _ in pairs],
        "floor_seconds": [floor["seconds"] for _, floor in pairs],
    }
