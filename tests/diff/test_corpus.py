"""Every OLD/NEW pair of the corpus gives the report it should (rules, levels, places).

Each pair asserts the rules it is about (`Pair.expect`) and, for the "no change" pairs
(moved pages, re-wrapped text, re-ordered rows, inline instead of linked schema), that
the wire layer reports nothing; the whole text report is a reviewed snapshot.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from syrupy.assertion import SnapshotAssertion

from generator.diff.changes import RULES, Level
from generator.diff.render import render
from tests.diff.corpus.pairs import PAIRS, Pair
from tests.diff.helpers import diff_pair

# Rules no edit of the docs can trigger, and where they are tested instead.
UNREACHABLE_FROM_DOCS = {
    # The exception classes come from the runtime template, the same for every API;
    # an md2sdk upgrade can still drop one, which versioning's recorded surface shows
    # (tests/diff/test_sdk_layer.py).
    "sdk-exception-removed",
}


def test_the_corpus_has_a_pair_for_every_rule() -> None:
    covered = set().union(*(p.expect for p in PAIRS))
    assert set(RULES) - covered == UNREACHABLE_FROM_DOCS
    assert len(PAIRS) >= 40
    assert len({p.name for p in PAIRS}) == len(PAIRS)
    assert sum(p.wire_quiet for p in PAIRS) >= 6
    assert sum(p.wire_quiet and not p.expect for p in PAIRS) >= 4


@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: p.name)
def test_pair_report(
    pair: Pair,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    snapshot: SnapshotAssertion,
    page_cache: Path,
) -> None:
    run = diff_pair(pair, tmp_path, monkeypatch, page_cache)
    assert run.diagnostics == []
    assert run.report is not None
    rules = {c.rule for c in run.report.changes}
    assert pair.expect <= rules, f"missing {sorted(pair.expect - rules)}"
    if pair.wire_quiet:
        assert [c for c in run.report.changes if c.layer == "wire"] == []
    for change in run.report.changes:
        # NEW's docs for what is there, OLD's for what went away.
        assert change.location.path == f"{change.side}/api.md" or pair.split_new
        assert change.location.line > 0
    assert render(run.report, "text") == snapshot


def test_breaking_changes_fail_the_build_and_give_a_major_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pair = next(p for p in PAIRS if p.name == "operation-removed")
    report = diff_pair(pair, tmp_path, monkeypatch).report
    assert report is not None
    assert report.count(Level.BREAKING) == 2
    assert report.fails("breaking") and report.fails("warning")
    assert (report.old_version, report.new_version) == ("1.0.0", "2.0.0")


def test_docs_only_changes_are_a_patch_and_fail_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pair = next(p for p in PAIRS if p.name == "description-fix")
    report = diff_pair(pair, tmp_path, monkeypatch).report
    assert report is not None
    assert report.verdict.label == "patch" and report.new_version == "1.0.1"
    assert not report.fails("warning")


@pytest.mark.parametrize("fmt", ["markdown", "json", "github"])
def test_report_formats(
    fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, snapshot: SnapshotAssertion
) -> None:
    pair = next(p for p in PAIRS if p.name == "model-removed")
    report = diff_pair(pair, tmp_path, monkeypatch).report
    assert report is not None
    assert render(report, fmt) == snapshot
