"""Summary lines and the progress bar: only on a terminal, only for big trees."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from generator.diagnostics import Diagnostics
from generator.model import SourceLocation
from generator.pipeline import ApiResult
from generator.reporting import PROGRESS_MINIMUM, Reporter, summary_line
from generator.write import Plan


def result(warnings: int = 0) -> ApiResult:
    diagnostics = Diagnostics()
    for i in range(warnings):
        diagnostics.warning("unresolved-ref", f"w{i}", SourceLocation("p.md", i + 1))
    return ApiResult("catalog", operations=1, models=0, diagnostics=diagnostics)


def plan() -> Plan:
    p = Plan(root=Path("."))
    p.written_by_api, p.unchanged_by_api, p.removed_by_api = {"catalog": 3}, {"catalog": 12}, {}
    return p


def test_summary_lines() -> None:
    assert summary_line(result(1), plan(), True, check=False, strict=False) == (
        "catalog: 1 operation, 0 models, 3 files written, 12 unchanged, 1 warning"
    )
    assert summary_line(result(2), None, False, check=False, strict=True) == (
        "catalog: 1 operation, 0 models, nothing written, 2 errors"
    )
    assert summary_line(result(), plan(), False, check=True, strict=False) == (
        "catalog: 1 operation, 0 models, 3 files stale, 12 up to date"
    )
    removed = plan()
    removed.removed_by_api = {"catalog": 2}
    assert summary_line(result(), removed, True, check=False, strict=False).endswith(
        "3 files written, 12 unchanged, 2 removed"
    )


class FakeTerminal(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.mark.parametrize(
    ("tty", "quiet", "total", "drawn"),
    [(True, False, PROGRESS_MINIMUM, True), (False, False, 500, False),
     (True, True, 500, False), (True, False, PROGRESS_MINIMUM - 1, False)],
)  # fmt: skip
def test_progress_bar_only_on_a_terminal_for_big_trees(
    monkeypatch: pytest.MonkeyPatch, tty: bool, quiet: bool, total: int, drawn: bool
) -> None:
    terminal = FakeTerminal(tty)
    monkeypatch.setattr("sys.stderr", terminal)
    reporter = Reporter(quiet=quiet)
    reporter.progress("catalog", total // 2, total)
    assert (f"{total // 2}/{total}" in terminal.getvalue()) is drawn
    reporter.done_progress()
    assert terminal.getvalue().endswith("\r\x1b[2K") is drawn
