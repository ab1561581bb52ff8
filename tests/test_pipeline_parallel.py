"""Targets emitted in parallel processes give exactly what one process gives."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest

from generator.config import load_config
from generator.diagnostics import Diagnostics
from generator.load.sources import load_api
from generator.pipeline import Timings, emit_api, emitting

ROOT = Path(__file__).resolve().parents[1]


def emit_catalog(templates: Path | None = None) -> tuple[dict[str, str], list[str]]:
    diagnostics = Diagnostics()
    project = load_config(ROOT / "pyproject.toml", diagnostics)
    config = next(api for api in project.apis if api.name == "catalog")
    api = load_api(config, project.root, diagnostics, Timings().stage)
    files = emit_api(api, config, templates, diagnostics)
    return files, [d.format() for d in diagnostics]


def tag_worker_pids(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each target's files gain ``pid/<target>``: the process that emitted it."""
    original = emitting._emit_target

    def tagged(job: Any) -> tuple[dict[str, str], Diagnostics, Any]:
        files, diagnostics, stats = original(job)
        return {**files, f"pid/{job[0]}": str(os.getpid())}, diagnostics, stats

    monkeypatch.setattr(emitting, "_emit_target", tagged)


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: emit never forks")
def test_parallel_emit_matches_sequential(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(emitting, "PARALLEL_EMIT_OPERATIONS", 10**9)
    sequential = emit_catalog()
    monkeypatch.setattr(emitting, "PARALLEL_EMIT_OPERATIONS", 1)
    tag_worker_pids(monkeypatch)
    files, diagnostics = emit_catalog()
    pids = {files.pop(f"pid/{target}") for target in ("openapi", "python", "tests")}
    assert str(os.getpid()) not in pids  # every target ran in a worker process
    assert (files, diagnostics) == sequential
    assert list(files) == list(sequential[0])
    assert [d.split(": ")[0:2] for d in diagnostics] == [  # the workers' warnings came back
        ["specs/catalog/definitions/batch.md:12:1", "warning[unresolved-ref]"],
        ["specs/catalog/definitions/batch.md:17:1", "warning[unresolved-ref]"],
    ]


def test_a_failing_template_in_a_worker_is_an_emit_failed_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(emitting, "PARALLEL_EMIT_OPERATIONS", 1)
    (tmp_path / "openapi").mkdir()
    (tmp_path / "openapi/document.yaml.jinja").write_text("{{ no_such_value }}\n")
    files, diagnostics = emit_catalog(tmp_path)
    failed = [d for d in diagnostics if "emit-failed" in d]
    assert len(failed) == 1 and "target 'openapi' failed: UndefinedError" in failed[0]
    assert not any(path.startswith("openapi/") for path in files)
    assert any(path.startswith("python/") for path in files)


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: emit never forks")
def test_an_incremental_emit_runs_in_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cold emit forks (no fragments kept); once every target's fragments are kept
    for the current inputs, the next emit stays in this process, with the same files."""
    monkeypatch.setattr(emitting, "PARALLEL_EMIT_OPERATIONS", 1)
    tag_worker_pids(monkeypatch)
    runs, pids = [], []
    for _ in range(2):
        diagnostics = Diagnostics()
        project = load_config(ROOT / "pyproject.toml", diagnostics)
        config = next(api for api in project.apis if api.name == "catalog")
        api = load_api(config, project.root, diagnostics, Timings().stage)
        files = emit_api(api, config, None, diagnostics, cache_dir=tmp_path)
        pids.append({files.pop(f"pid/{target}") for target in config.targets})
        runs.append(files)
    assert str(os.getpid()) not in pids[0]  # cold: every target in a worker
    assert pids[1] == {str(os.getpid())}  # incremental: all here
    assert runs[0] == runs[1]


def formatted_after_a_cold_emit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, last: str
) -> dict[str, set[str]]:
    """Per target, the Python files found formatted in the formatter's cache (as its
    paths' fixed points) after a cold parallel emit of the catalog in which ``last``
    finishes last: its worker starts once every other target's worker is done."""
    from generator.cache import BLACK, Cache  # noqa: PLC0415
    from generator.write.fixed_points import FixedPoints  # noqa: PLC0415
    from generator.write.formatting import cache_key  # noqa: PLC0415

    monkeypatch.setattr(emitting, "PARALLEL_EMIT_OPERATIONS", 1)
    emit, preformat = emitting._emit_target, emitting._preformat
    done = tmp_path / "done"
    done.mkdir()

    def waiting(job: Any) -> tuple[dict[str, str], Diagnostics, Any]:
        # A worker is done after emitting (tests, started first) or after formatting
        # its files there (the others).
        others = [done / t for t in ("openapi", "python", "tests") if t != job[0]]
        deadline = time.monotonic() + 60
        while job[0] == last and not all(p.exists() for p in others):
            assert time.monotonic() < deadline, "the other targets never finished"
            time.sleep(0.02)
        emitted = emit(job)
        if job[0] == "tests":
            (done / job[0]).touch()
        return emitted

    def formatting(job: Any, files: dict[str, str], jobs: int | None = None) -> None:
        preformat(job, files, jobs)
        if os.getpid() != parent:
            (done / job[0]).touch()

    parent = os.getpid()
    monkeypatch.setattr(emitting, "_emit_target", waiting)
    monkeypatch.setattr(emitting, "_preformat", formatting)
    diagnostics = Diagnostics()
    project = load_config(ROOT / "pyproject.toml", diagnostics)
    config = next(api for api in project.apis if api.name == "catalog")
    api = load_api(config, project.root, diagnostics, Timings().stage)
    files = emit_api(api, config, None, diagnostics, cache_dir=tmp_path)
    cache = Cache(tmp_path, BLACK)
    fixed = FixedPoints(cache)
    found = {"python": set(), "tests": set()}
    for path, text in files.items():
        if path.endswith(".py") and fixed.holds(path, cache_key(cache, text, True)):
            found["tests" if "/tests/" in path else "python"].add(path)
    python = {p for p in files if p.endswith(".py") and "/src/" in p}
    assert python and found["python"] == python
    return found


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: emit never forks")
def test_the_targets_started_after_the_first_format_their_files_in_their_worker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a cold parallel emit, every target but the first started (tests, the longest)
    leaves its Python files formatted in the formatter's cache, where the format stage
    finds them instead of compiling them after the tests target is done; the first
    one's, when it finishes last, are left to the format stage."""
    assert formatted_after_a_cold_emit(tmp_path, monkeypatch, last="tests")["tests"] == set()


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: emit never forks")
def test_the_first_target_formats_here_while_a_worker_is_still_busy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the first target started (tests) finishes before another, its files are
    formatted in this process meanwhile, into the formatter's cache."""
    found = formatted_after_a_cold_emit(tmp_path, monkeypatch, last="openapi")
    assert found["tests"] and all("/tests/" in p for p in found["tests"])


def _zoo(root: Path) -> list[str]:
    """A zoo project (`tests.incremental_tree`) at ``root``, generated once: its
    diagnostics."""
    from tests.incremental_tree import zoo  # noqa: PLC0415
    from tests.test_incremental import _generate, _project  # noqa: PLC0415

    return _generate(_project(root, zoo()), cached=True)[1]


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: emit never forks")
def test_a_cold_parallel_run_stages_the_workers_files_there_and_writes_a_cold_runs_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The targets formatted in their worker (python, openapi) are also staged there
    (`generator.write.stage_ahead`): the write stage, in this process, stages only the
    first target's files (tests) and the manifest, and the output is what a run
    emitting in this process writes."""
    from generator.write import commit  # noqa: PLC0415
    from tests.test_incremental import _tree  # noqa: PLC0415

    sequential = tmp_path / "sequential"
    assert not any("error" in d for d in _zoo(sequential))
    log = tmp_path / "staged.log"
    real_stage = commit._stage

    def logged(root: Path, path: str, data: bytes) -> str:
        with log.open("a", encoding="utf-8") as handle:
            handle.write(f"{os.getpid()} {path}\n")
        return real_stage(root, path, data)

    monkeypatch.setattr(commit, "_stage", logged)
    monkeypatch.setattr(emitting, "PARALLEL_EMIT_OPERATIONS", 1)
    parallel = tmp_path / "parallel"
    assert not any("error" in d for d in _zoo(parallel))
    assert _tree(parallel / "out") == _tree(sequential / "out")
    by: dict[str, str] = dict(reversed(line.split(" ", 1)) for line in log.read_text().splitlines())
    here = str(os.getpid())
    assert {p for p, pid in by.items() if pid == here} == {
        p for p in _tree(parallel / "out") if p.startswith("python/zoo/tests/")
    } | {".md2sdk-manifest.json"}
    assert any(p.startswith("python/zoo/src/") for p, pid in by.items() if pid != here)
    assert any(p.startswith("openapi/") for p, pid in by.items() if pid != here)


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: emit never forks")
@pytest.mark.parametrize("target", ["tests", "python"])
def test_a_failing_parallel_run_leaves_nothing_its_workers_staged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target: str
) -> None:
    """A target fails in its worker: the tests target after the others staged their
    files, or the python target, which then stages none of its own. The run writes
    nothing and deletes what was staged, and the folders made for it."""
    from generator.write import commit  # noqa: PLC0415

    emit = emitting._emit_target
    log = tmp_path / "staged.log"
    real_stage = commit._stage

    def logged(root: Path, path: str, data: bytes) -> str:
        with log.open("a", encoding="utf-8") as handle:
            handle.write(f"{path}\n")
        return real_stage(root, path, data)

    def failing(job: Any) -> tuple[dict[str, str], Diagnostics, Any]:
        files, diagnostics, stats = emit(job)
        if job[0] == target == "tests":
            deadline = time.monotonic() + 60
            while not list((tmp_path / "zoo" / "out").rglob("*.md2sdk-tmp")):
                assert time.monotonic() < deadline, "the python target staged nothing"
                time.sleep(0.02)  # until the python target has staged its files
        if job[0] == target:
            diagnostics.error("emit-failed", "injected", job[7])
        return files, diagnostics, stats

    monkeypatch.setattr(commit, "_stage", logged)
    monkeypatch.setattr(emitting, "PARALLEL_EMIT_OPERATIONS", 1)
    monkeypatch.setattr(emitting, "_emit_target", failing)
    project = tmp_path / "zoo"
    assert any("injected" in d for d in _zoo(project))
    assert not (project / "out").exists()
    staged = log.read_text().splitlines()
    assert any(p.startswith("openapi/") for p in staged)  # the others did stage
    assert any(p.startswith("python/zoo/src/") for p in staged) == (target == "tests")
