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
from bench.cold import summarise
from bench.edits import KINDS, _edit_description, _edit_table_cell, edit
from bench.report import render_table, verdicts
from bench.run import DEFAULT_BENCH_ROOT, child_env, main

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
    for kind in KINDS:  # each edit reaches at least the OpenAPI document and one module
        assert entry["edits"][kind]["written"] >= 2, kind
        assert entry["edits"][kind]["cli_wall"] > 0
        watch = entry["edits"][kind]["watch"]  # rebuilt in a process that ran before
        assert watch["written"] >= 2 and watch["seconds"] > 0 and watch["stages"]["parse"] >= 0
    assert entry["cold"]["peak_rss_mb"]["self"] > 10
    assert entry["floor"]["pages"] == 63 and entry["floor"]["seconds"] > 0
    assert 0 < entry["import"]["package"] < entry["import"]["process"]
    assert entry["ratio_vs_floor"] == pytest.approx(
        entry["cold"]["wall"] / entry["floor"]["seconds"]
    )
    if with_opc:
        assert entry["opc"]["version"] == opc.VERSION
        for label in ("original", "md2sdk_doc"):
            assert len(entry["opc"][label]["runs"]) == 1
        assert entry["ratio_vs_opc"] == pytest.approx(
            entry["cold"]["wall"] / entry["opc"]["original"]["median"]
        )
    names = {v["target"] for v in results["verdicts"]}
    assert "S every operation generated" in names and "S no-op, CLI" in names
    assert "S one page edited (parameter), in-process" in names
    assert "S one page edited (parameter), --watch rebuild" in names

    table = capsys.readouterr().out
    assert "S powerdns" in table and "no-op regenerate, s" in table
    assert "--watch rebuild, s" in table


def test_timed_processes_may_write_bytecode_as_an_installed_md2sdk_has_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    monkeypatch.setenv("MD2SDK_BENCH_PROBE", "kept")
    env = child_env()
    assert "PYTHONDONTWRITEBYTECODE" not in env and env["MD2SDK_BENCH_PROBE"] == "kept"


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
        "noop": {"wall": 0.2, "wall_in_process": 0.2, "imports": 0.1, "cli_wall": 0.25},
        "edits": {
            "description": {"wall": 2.0, "wall_in_process": 1.5, "imports": 0.1,
                            "cli_wall": 1.4},
            "parameter": {"wall": 1.0, "wall_in_process": 0.9, "imports": 0.1, "cli_wall": 1.2},
            "response-field": {"skipped": "no definition"},
        },
        "floor": {"seconds": 1.0}, "ratio_vs_floor": wall,
        **({"ratio_vs_opc": wall / opc_s, "opc": {"original": {"median": opc_s}}}
           if opc_s else {}),
    }  # fmt: skip


def test_verdicts_judge_the_largest_api_and_never_raise() -> None:
    results = {"apis": {"s": _entry("S", 1.0, 1.0, None), "l": _entry("L", 10.0, 30.0, 100.0)}}
    judged = {v["target"]: v["met"] for v in verdicts(results)}
    assert judged["L cold / openapi-python-client on the original spec"] is True  # 0.3x
    assert judged["L cold / read-and-parse floor"] is False  # 30x
    assert judged["L no-op, CLI"] is True
    assert judged["L one page edited (description), in-process"] is False  # 1.4 s
    assert judged["L one page edited (description), CLI"] is True  # 1.4 s
    assert judged["L one page edited (parameter), in-process"] is True  # 0.8 s
    assert "L one page edited (response-field), CLI" not in judged  # skipped
    assert judged["L peak RSS"] is False  # a 500 MB worker counts
    assert judged["time linear S→L (s per MB, ratio)"] is False  # 3 s/MB vs 1 s/MB
    assert judged["S every operation generated"] is False  # 2 of 3
    full = {**results, "machine": {"cores": 2, "python": "3.11", "load": [1.5, 2.0]}}
    table = render_table({**full, "targets": [], "verdicts": verdicts(results)})
    assert "MISSED L no-op" not in table and "met    L no-op, CLI" in table
    assert "load average 1.5 -> 2.0" in table


def test_cold_runs_and_floors_are_summed_up_by_pairs() -> None:
    """Cold runs and floors measured in turns: the median cold run and floor, and the
    median of each pair's ratio (a slow moment slows both sides of its pair)."""
    pairs = [({"wall": w, "n": i}, {"seconds": f}) for i, (w, f) in
             enumerate([(10.0, 4.0), (6.0, 3.0), (14.0, 4.0)])]  # fmt: skip
    summed = summarise(pairs)
    assert summed["cold"] == {"wall": 10.0, "n": 0} and summed["floor"] == {"seconds": 4.0}
    assert summed["ratio_vs_floor"] == 2.5  # of 2.5, 2.0 and 3.5
    assert summed["cold_walls"] == [10.0, 6.0, 14.0]
    assert summed["floor_seconds"] == [4.0, 3.0, 4.0]
    shown = ("cold_walls", "floor_seconds", "ratio_vs_floor")
    entry = {**_entry("L", 1.0, 10.0, None), **{key: summed[key] for key in shown}}
    machine = {"cores": 2, "python": "3.11", "load": [1.0, 1.0]}
    table = render_table({"apis": {"l": entry}, "targets": [], "verdicts": [], "machine": machine})
    assert "10.00 6.00 14.00" in table and "4.00 3.00 4.00" in table and "2.50x" in table
    with pytest.raises(ValueError):
        summarise([])


def test_edits_of_each_kind_change_one_page_twice(tmp_path: Path) -> None:
    """Each kind edits one page, and a second edit of the kind changes it again."""
    specs = tmp_path / "specs"
    (specs / "operations").mkdir(parents=True)
    (specs / "definitions").mkdir()
    op = specs / "operations" / "getPet.md"
    op.write_text(
        "### GET /pet\n\n#### Description\nGets a pet.\n\n\n#### Parameters\n\n"
        "|Type|Name|Description|Schema|\n|---|---|---|---|\n|**Path**|**id**  <br>*required*|"
        "The id|string|\n\n\n#### Responses\n\n|HTTP Code|Description|Schema|\n|---|---|---|\n"
        "|**200**|OK|[Pet](../definitions/Pet.md#pet)|\n",
        encoding="utf-8",
    )
    pet = specs / "definitions" / "Pet.md"
    pet.write_text(
        "### Pet\n\n|Name|Description|Schema|\n|---|---|---|\n|**id**  <br>*required*|Id|string|\n"
        "|**name**  <br>*optional*|Name|string|\n|**tag**  <br>*optional*|Tag|string|\n",
        encoding="utf-8",
    )
    assert edit("description", specs) == op
    assert "Gets a pet. (edited by md2sdk bench)" in op.read_text(encoding="utf-8")
    assert edit("parameter", specs) == edit("parameter", specs) == op
    text = op.read_text(encoding="utf-8")
    assert "|**Query**|**md2sdkBench1**  <br>*optional*|Added by the md2sdk bench.|string|" in text
    assert "**md2sdkBench2**" in text and text.index("md2sdkBench2") < text.index("Responses")
    assert edit("response-field", specs) == pet.resolve()
    assert "**tag**" not in pet.read_text(encoding="utf-8")
    edit("response-field", specs)
    assert "**name**" not in pet.read_text(encoding="utf-8")
    assert "**id**" in pet.read_text(encoding="utf-8")  # required fields stay


@pytest.mark.skipif(not S_API.is_dir(), reason="shared bench corpus not present")
def test_compare_times_both_trees_on_every_edit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from bench.compare import main as compare  # noqa: PLC0415

    repo = Path(__file__).resolve().parents[1]
    argv = [str(repo), str(repo), "--api", "powerdns", "--rounds", "1", "--work", str(tmp_path)]
    assert compare(argv) == 0
    lines = capsys.readouterr().out.splitlines()[1:]
    assert [line.split()[:2] for line in lines] == [
        [mode, kind] for mode in ("edit", "watch") for kind in KINDS
    ]
    for line in lines:  # "edit description old 0.71 new 0.69": a figure each, none failed
        _, _, _, old, _, new = line.split()
        assert float(old) > 0 and float(new) > 0


def test_compare_says_when_the_docs_have_nothing_of_a_kind(tmp_path: Path) -> None:
    """An edit kind the docs offer nothing for is shown as ``-``, not as a failure."""
    from bench.compare import timed  # noqa: PLC0415

    repo = Path(__file__).resolve().parents[1]
    specs = tmp_path / "specs" / "tiny"
    specs.mkdir(parents=True)
    (specs / "overview.md").write_text("# Tiny\n\nNo operations at all.\n", encoding="utf-8")
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        '[tool.md2sdk]\noutput = "out"\n\n[tool.md2sdk.apis.tiny]\nspecs = "specs/tiny"\n',
        encoding="utf-8",
    )
    assert timed(repo, pyproject, "response-field", "edit") == "-"


def test_compare_runs_in_a_folder_of_its_own_unless_told(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two comparisons at once must not share scratch projects (one deleted the
    other's while it ran): without ``--work`` each gets a new folder, removed after."""
    from bench import compare  # noqa: PLC0415

    seen: list[Path] = []

    def fake(args: object, work: Path) -> int:
        assert work.is_dir()
        seen.append(work)
        return 0

    monkeypatch.setattr(compare, "_compare", fake)
    assert compare.main(["old", "new"]) == 0 and compare.main(["old", "new"]) == 0
    assert seen[0] != seen[1] and not seen[0].exists() and not seen[1].exists()
    assert compare.main(["old", "new", "--work", str(tmp_path)]) == 0
    assert seen[2] == tmp_path
