"""Suite-wide settings: what makes the tests safe to run in parallel (pytest-xdist).

- Hypothesis has no per-example deadline here: a deadline measures the machine's load
  (two workers, other jobs), not md2sdk; speed is measured by ``make bench``. Tests set
  their own example counts and seeds with ``@settings``; everything else comes from
  this profile.
- Every test writes under its own ``tmp_path``; caches shared between workers (the
  repository's ``.md2sdk-cache``, pip's) are written atomically and content-addressed,
  so concurrent runs can only both write the same entry.
- ``toolchain`` marks the slow tests that run external toolchains in subprocesses
  (build, pip, mypy, ruff, pre-commit, Prism, the generated suites): ``make test`` runs
  them, ``make test-fast`` (``-m "not toolchain"``) skips them.
"""

from __future__ import annotations

from hypothesis import settings

settings.register_profile("md2sdk", deadline=None)
settings.load_profile("md2sdk")
