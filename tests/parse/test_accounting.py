"""The line accounting over everything in ../shared and the test fixtures (pages and
trees in the styles of real docs, tests/fixtures/): every
non-blank line is in the model, in a diagnostic that names it, or one that carries
nothing. No line is unaccounted, and every line reported as ignored (or as a table row
outside a table, or as a broken row) is pinned, per tree, in a reviewed snapshot."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from syrupy.assertion import SnapshotAssertion

from generator.cli import cli
from generator.diagnostics import Diagnostics
from generator.parse import read_page
from generator.parse.coverage import account_page, missing_words, vocabulary
from generator.parse.ledger import NOTHING, PENDING, READ, REPORTED

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
TREES = {
    "corpus": SHARED / "corpus",
    "bench/powerdns": SHARED / "bench" / "md" / "powerdns",
    "bench/slack": SHARED / "bench" / "md" / "slack",
    "bench/kubernetes": SHARED / "bench" / "md" / "kubernetes",
    "fixtures/broken_docs": ROOT / "tests" / "robust" / "broken_docs",
    "fixtures/hostile_api": ROOT / "tests" / "robust" / "hostile_api",
    "fixtures/fidelity": ROOT / "tests" / "parse" / "fidelity",
    "fixtures/trees": ROOT / "tests" / "fixtures",
}
REPORTING = {"ignored-content", "stray-table-row", "broken-row"}


@pytest.mark.parametrize("tree", sorted(TREES))
def test_every_line_is_accounted_for(tree: str, snapshot: SnapshotAssertion) -> None:
    root = TREES[tree]
    lost: list[str] = []
    reported: list[str] = []
    totals = dict.fromkeys(("pages", "lines", "read", "reported", "nothing"), 0)
    for path in sorted(root.rglob("*.md")):
        shown = path.relative_to(root).as_posix()
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError:  # the loader reports the whole page (read-error)
            reported.append(f"{shown}: not UTF-8, reported whole by the loader")
            continue
        coverage, diagnostics = account_page(shown, text)
        lines = text.splitlines()
        lost.extend(f"{shown}:{n}: {lines[n - 1]!r}" for n in coverage.unaccounted)
        reported.extend(d.format() for d in diagnostics.sorted() if d.code in REPORTING)
        totals["pages"] += 1
        totals["lines"] += coverage.lines
        totals["read"] += coverage.read
        totals["reported"] += coverage.reported
        totals["nothing"] += coverage.nothing
    assert lost == []
    assert {"totals": totals, "reported": reported} == snapshot


def test_what_no_parser_takes_is_reported_once_per_run() -> None:
    text = (
        "### Get a pet\n```\nGET /pets/{id}\n```\n\n#### Parameters\n"
        "Only the first table of a Parameters section is read.\n\nIt goes on here.\n\n"
        "|Type|Name|Schema|\n|---|---|---|\n|**Path**|**id**  <br>*required*|string|\n\n"
        "|Type|Name|Schema|\n|---|---|---|\n|**Query**|**q**|string|\n"
    )
    diagnostics = Diagnostics()
    page, ledger = read_page("p.md", text, diagnostics)
    assert [p.name for p in page.operations[0].parameters] == ["id"]
    assert [(d.code, d.location.line, d.message) for d in diagnostics] == [
        ("ignored-content", 7, "2 lines not read into the model in section 'Parameters': "
         "'Only the first table of a Parameters section is read.'"),
        ("ignored-content", 15, "3 lines not read into the model in section 'Parameters': "
         "'|Type|Name|Schema|'"),
    ]
    assert ledger.status[7] == ledger.status[9] == REPORTED
    assert ledger.status[11] == READ and ledger.status[8] == 0


def test_anchors_rules_and_front_matter_carry_nothing() -> None:
    text = "---\ntitle: x\n---\n{% summary %}\n<a name=\"pet\"></a>\n### Pet\n\n---\n"
    diagnostics = Diagnostics()
    _, ledger = read_page("p.md", text, diagnostics)
    assert [ledger.status[n] for n in (1, 2, 3, 4, 5, 8)] == [NOTHING] * 6
    assert ledger.status[6] == PENDING or ledger.status[6] == REPORTED


def test_a_table_row_read_as_prose_is_reported() -> None:
    text = (
        "### Pet\n\n|Name|Schema|\n|---|---|\n|**id**|integer|\n\n"
        "A pet.\n|**name**|string|\n"
    )
    diagnostics = Diagnostics()
    read_page("p.md", text, diagnostics)
    found = [(d.code, d.location.line) for d in diagnostics]
    assert found == [("stray-table-row", 8)]


def test_a_line_the_model_does_not_hold_is_unaccounted() -> None:
    page, _ = read_page("p.md", "### Pet\n\n|Name|Schema|\n|---|---|\n|**id**|integer|\n",
                        Diagnostics())
    words = vocabulary(page)
    assert missing_words("|**id**|integer|", words) == []
    assert missing_words("|**owner**|integer|", words) == ["owner"]


def test_parse_coverage_prints_each_page_and_a_total(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text(
        "<a name=\"pet\"></a>\n### Pet\n\n|Name|Schema|\n|---|---|\n|**id**|integer|\n\n"
        "A note nothing reads.\n|**name**|string|\n", encoding="utf-8",
    )
    (tmp_path / "docs" / "b.md").write_text("---\ntitle: x\n---\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["parse", "docs", "--coverage"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["page", "lines", "read", "reported", "nothing", "unaccounted"]
    assert lines[1].split() == ["docs/a.md", "7", "5", "1", "1", "0"]
    assert lines[2].split() == ["docs/b.md", "3", "0", "0", "3", "0"]
    assert lines[3].split() == ["total", "(2", "pages)", "10", "5", "1", "4", "0"]
    assert "stray-table-row" in result.stderr
