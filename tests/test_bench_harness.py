"""The benchmark harness, end to end on the S API (powerdns) with one repetition.

Only the harness is under test here, not md2sdk's speed: the run must succeed, write
JSON with every figure the table and issue 8 need, and its self-checks must hold
(nothing rewritten by a no-op run, the edited page changes the output, every
operation of the original spec generated). openapi-python-client is included when
its venv is already installed (``make bench`` installs it); installing it here would
need the network.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import opc
from bench.report import render_table, verdicts
from bench.run import DEFAULT_BENCH_ROOT, _edit_description, _edit_table_cell, main

S_API = DEFAULT_BENCH_ROOT / "md" / "powerdns"


@pytest.mark.skipif(not S_API.is_dir(), reason="shared bench corpus not present")
def test_harness_runs_s_end_to_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "results.json"
    with_opc = opc.executable().exists()
    argv = ["--apis", "powerdns", "--reps", "1", "--json", str(out), "--work", str(tmp_path)]
    # The generated tests are most of the formatting work; the harness needs only these.
    argv += ["--targets", "openapi,python"]
    assert main(argv if with_opc else [*argv, "--no-opc"]) == 0

    results = json.loads(out.read_text(encoding="utf-8"))
    assert results["machine"]["cores"] >= 1
    assert results["targets"] == ["openapi", "python"]
    entry = results["apis"]["powerdns"]
    assert entry["size"] == "S"
    assert entry["operations"] == entry["spec_operations"] == entry["openapi_operations"] == 36
    assert entry["pages"] == 63
    for stage in ("parse", "resolve", "emit", "format", "write"):
        assert entry["cold"]["stages"][stage] >= 0
    assert entry["cold"]["written"] > 0
    assert entry["noop"]["written"] == 0
    assert entry["edit"]["written"] >= 2  # the page's operation in OpenAPI and Python
    assert entry["cold"]["peak_rss_mb"]["self"] > 10
    assert entry["floor"]["pages"] == 63 and entry["floor"]["seconds"] > 0
    assert 0 < entry["import"]["package"] < entry["import"]["process"]
    assert entry["ratio_vs_floor"] == pytest.approx(
        entry["cold"]["wall"] / entry["floor"]["seconds"]
    )
    if with_opc:
        assert entry["opc"]["version"] == opc.VERSION
        assert len(entry["opc"]["runs"]) == 1
        assert entry["ratio_vs_opc"] > 0
    names = {v["target"] for v in results["verdicts"]}
    assert "S every operation generated" in names and "S no-op" in names

    table = capsys.readouterr().out
    assert "S powerdns" in table and "no-op regenerate, s" in table


def test_edit_changes_a_description_or_a_table_cell() -> None:
    page = ["### GET /x", "", "#### Description", "Lists x.", ""]
    assert _edit_description(page) and page[3].startswith("Lists x. (edited")
    table = ["|Type|Name|Description|Schema|", "|---|---|---|---|"]
    table.append("|**Path**|**id**|The id|string|")
    assert not _edit_description(list(table))
    assert _edit_table_cell(table) and table[2] == (
        "|**Path**|**id**|The id (edited by md2sdk bench)|string|"
    )


def _entry(size: str, mb: float, wall: float, opc_s: float | None) -> dict[str, object]:
    return {
        "size": size, "markdown_mb": mb, "pages": 1, "operations": 2, "openapi_operations": 2,
        "spec_operations": 3, "files": 1, "output_mb": 0.1, "operations_per_second": 1.0,
        "cold": {"wall": wall, "wall_in_process": wall, "imports": 0.1, "stages": {},
                 "peak_rss_mb": {"self": 100.0, "children": 500.0}},
        "noop": {"wall": 0.2, "wall_in_process": 0.2, "imports": 0.1},
        "edit": {"wall": 2.0, "wall_in_process": 1.5, "imports": 0.1},
        "floor": {"seconds": 1.0}, "ratio_vs_floor": wall,
        **({"ratio_vs_opc": wall / opc_s, "opc": {"median": opc_s}} if opc_s else {}),
    }  # fmt: skip


def test_verdicts_judge_the_largest_api_and_never_raise() -> None:
    results = {"apis": {"s": _entry("S", 1.0, 1.0, None), "l": _entry("L", 10.0, 30.0, 100.0)}}
    judged = {v["target"]: v["met"] for v in verdicts(results)}
    assert judged["L cold / openapi-python-client"] is True  # 0.3x
    assert judged["L cold / read-and-parse floor"] is False  # 30x
    assert judged["L no-op"] is True and judged["L one page edited"] is False
    assert judged["L peak RSS"] is False  # a 500 MB worker counts
    assert judged["time linear S→L (s per MB, ratio)"] is False  # 3 s/MB vs 1 s/MB
    assert judged["S every operation generated"] is False  # 2 of 3
    full = {**results, "machine": {"cores": 2, "python": "3.11"}, "targets": []}
    table = render_table({**full, "verdicts": verdicts(results)})
    assert "MISSED L no-op" not in table and "met    L no-op" in table
