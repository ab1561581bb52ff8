"""Suite-wide settings: what makes the tests safe to run in parallel (pytest-xdist).

- Hypothesis has no per-example deadline here: a deadline measures the machine's load
  (two workers, other jobs), not md2sdk; speed is measured by ``make bench``. Tests set
  their own example counts and seeds with ``@settings``; everything else comes from
  this profile.
- Every test writes under its own ``tmp_path``; caches shared between workers (the
  repository's ``.md2sdk-cache``, pip's) are written atomically and content-addressed,
  so concurrent runs can only both write the same entry.
- Each test starts with nothing kept from earlier runs (`generator.kept`), as a new
  process would, and with the garbage collector on (a command run in-process leaves
  it off, as the CLI does: its process ends right after).
- ``toolchain`` marks the slow tests that run external toolchains in subprocesses
  (build, pip, mypy, ruff, pre-commit, Prism, the generated suites): ``make test`` runs
  them, ``make test-fast`` (``-m "not toolchain"``) skips them.
"""

from __future__ import annotations

import gc

import pytest
from hypothesis import settings

from generator.kept import forget

settings.register_profile("md2sdk", deadline=None)
settings.load_profile("md2sdk")


@pytest.fixture(autouse=True)
def _fresh_process() -> None:
    """Each test starts as a new process would: nothing kept from an earlier test's
    runs (`generator.kept`), no test taken for a watch unless it says so, and the
    garbage collector on."""
    forget()
    gc.enable()
