"""Running an API's emitters: each target through its own incremental session, in
this process or, for a big API's cold run, in forked worker processes.

Emitters are found by target name in `EMITTERS` and imported only when a target is
used; tests and callers pass their own (``emitters=``) to inject fakes. An emitter
that raises, or returns anything but ``{path: text}``, becomes an ``emit-failed``
error for its target.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from generator.config import ApiConfig
from generator.diagnostics import Diagnostics
from generator.location import SourceLocation

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

    from generator.emit import Emitter, Files
    from generator.emit.incremental.session import SessionStats
    from generator.model import Api
    from generator.write import Staged

EMITTERS: dict[str, tuple[str, str]] = {
    "model": ("generator.emit.model_json", "emit_model"),
    "openapi": ("generator.emit.openapi", "emit_openapi"),
    "python": ("generator.emit.python", "emit_python"),
    "tests": ("generator.emit.tests", "emit_tests"),
}

def load_emitter(target: str, where: SourceLocation, diagnostics: Diagnostics) -> Emitter | None:
    """The emitter function for ``target``, imported on first use."""
    module_name, attr = EMITTERS[target]
    try:
        emitter: Emitter = getattr(importlib.import_module(module_name), attr)
    except (ImportError, AttributeError) as exc:
        diagnostics.error(
            "emit-failed", f"target {target!r} is not available ({exc})", where
        )
        return None
    return emitter


PARALLEL_EMIT_OPERATIONS = 100
"""APIs with at least this many operations emit their targets in parallel processes
(forked, so the model is shared, not pickled) when the run is cold (no fragments kept
for some target); smaller ones are done before a pool would have started."""

_Job = tuple[str, "Emitter", "Api", ApiConfig, Path | None, Path | None, bool, SourceLocation]
"""(target, emitter, model, config, template overrides, cache folder, keep, where)."""
_JOBS: list[_Job] = []
"""The targets a forked emit worker runs: set before the pool forks, read by index."""


def emit_api(
    api: Api,
    config: ApiConfig,
    env_templates: Path | None,
    diagnostics: Diagnostics,
    emitters: Mapping[str, Emitter] | None = None,
    *,
    cache_dir: Path | None = None,
    stats: SessionStats | None = None,
    keep: bool = True,
    staged: Staged | None = None,
) -> Files:
    """All targets' files for one API; an emitter that raises contributes an error.

    Each target reports into its own collector, merged in target order, so files and
    diagnostics are the same whether targets ran one after another or in parallel.
    With a ``cache_dir``, fragments whose inputs are unchanged since an earlier run are
    reused (`generator.emit.incremental`; same bytes); ``stats`` is told how many were
    reused and how many laid out afresh; with ``keep=False`` (``md2sdk check``) the
    cache is only read, never rewritten. With ``staged`` (the run writes, and holds
    the output lock), a worker that formats its files also stages those the output
    root does not hold yet, added to ``staged`` for the write stage (`_emit_job`).
    """
    where = SourceLocation(config.specs.as_posix(), 1, 1)
    jobs: list[_Job] = []
    for target in config.targets:
        if emitters is None:
            emitter = load_emitter(target, where, diagnostics)
        elif (emitter := emitters.get(target)) is None:
            diagnostics.error("emit-failed", f"no emitter for target {target!r}", where)
        if emitter is not None:
            jobs.append((target, emitter, api, config, env_templates, cache_dir, keep, where))
    files: Files = {}
    for produced, reported, counted in _run_jobs(jobs, emitters is None, staged):
        files.update(produced)
        diagnostics.extend(reported)
        if stats is not None:
            stats.add(counted)
    return files


_Emitted = tuple["Files", Diagnostics, "SessionStats"]


def _run_jobs(jobs: list[_Job], parallel: bool, staged: Staged | None) -> Iterator[_Emitted]:
    big = bool(jobs) and len(jobs[0][2].operations) >= PARALLEL_EMIT_OPERATIONS
    workers = min(len(jobs), os.cpu_count() or 1)
    context = _fork_context() if parallel and big and workers > 1 and not _warm(jobs) else None
    if context is None:
        yield from map(_emit_target, jobs)
        return
    from concurrent.futures import (  # noqa: PLC0415 (see _fork_context)
        ProcessPoolExecutor,
        as_completed,
    )

    _JOBS[:] = jobs
    # The longest targets start first (on Kubernetes tests ~5 s, python ~3 s plus its
    # formatting, openapi ~1.3 s: openapi first made tests start last).
    order = sorted(range(len(jobs)), key=lambda i: (_EMIT_ORDER.get(jobs[i][0], 2), i))
    done: dict[int, _Emitted] = {}
    try:
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            # The others finish long before the first: they format their files there.
            root = staged.root if staged is not None else None
            futures = {pool.submit(_emit_job, i, i != order[0], root): i for i in order}
            for future in as_completed(futures):
                index = futures[future]
                done[index], ahead = future.result()
                if staged is not None and ahead is not None:
                    staged.add(ahead)
                if index == order[0] and len(done) < len(jobs):
                    # Its files format here while the last worker is still busy (on
                    # Kubernetes the python worker ran ~1 s longer than tests).
                    _preformat(jobs[index], done[index][0])
    finally:
        _JOBS.clear()
    for index in range(len(jobs)):
        yield done[index]


_EMIT_ORDER = {"tests": 0, "python": 1}
"""Targets started first in a parallel emit, by their usual cost (others after)."""


def _warm(jobs: list[_Job]) -> bool:
    """Whether every target's fragments are kept from the last run: an incremental run,
    emitted in this process (Kubernetes after a one-page edit: 2.5 s here, 3.5 s in a
    pool, which builds the package view twice and copies every file back)."""
    from generator.emit.incremental.session import has_fragments  # noqa: PLC0415 (jinja2)

    _, _, _, config, templates, cache_dir, _, _ = jobs[0]
    return has_fragments(cache_dir, config.name, [job[0] for job in jobs], templates)


def _fork_context() -> BaseContext | None:
    """The ``fork`` start method where the platform has it (the model is then shared
    with the workers, not pickled). Imported here: a no-op run never needs
    multiprocessing (~25 ms)."""
    from multiprocessing import get_all_start_methods, get_context  # noqa: PLC0415

    return get_context("fork") if "fork" in get_all_start_methods() else None


def _emit_job(index: int, preformat: bool, root: Path | None) -> tuple[_Emitted, Staged | None]:
    """Job ``index`` in a forked worker; with ``preformat`` its Python files are also
    formatted there (`_preformat`: on a cold Kubernetes run the python target's 10 MB
    compile on the core that would otherwise wait for the tests target, instead of
    after it), and with an output ``root`` its files are staged there too
    (`generator.write.stage_ahead`: the write stage, which runs alone, staged the
    python target's 960 files in 0.5-0.9 s of file creation)."""
    emitted = _emit_target(_JOBS[index])
    if not preformat:
        return emitted, None
    formatted = _preformat(_JOBS[index], emitted[0], jobs=1)
    if root is None or formatted is None or emitted[1].has_errors:
        return emitted, None
    from generator.write import stage_ahead  # noqa: PLC0415 (only this worker)

    return emitted, stage_ahead(root, formatted)


def _preformat(job: _Job, files: Files, jobs: int | None = None) -> Files | None:
    """Format ``files`` (``job``'s) into the formatter's cache, where the format stage
    finds them; what that reports is reported there. Returns them formatted, ``None``
    when not kept (``md2sdk check``, no cache) or one cannot be formatted."""
    _, _, _, _, templates, cache_dir, keep, _ = job
    if not keep or cache_dir is None:
        return None
    from generator.write import format_files  # noqa: PLC0415 (only this worker)

    diagnostics = Diagnostics()
    formatted = format_files(files, diagnostics, cache_dir=cache_dir, jobs=jobs,
                             shaped=templates is None)  # fmt: skip
    return None if diagnostics.has_errors else formatted


def _emit_target(job: _Job) -> _Emitted:
    """One target's files, emitted through its own incremental `Session`."""
    from generator.emit.incremental.session import Session  # noqa: PLC0415 (jinja2)

    target, emitter, api, config, templates, cache_dir, keep, where = job
    diagnostics = Diagnostics()
    session = Session(cache_dir, config.name, target, templates, keep=keep)
    try:
        with session.active():
            produced = emitter(api, config, diagnostics, session.environment())
    except Exception as exc:  # any bug in an emitter or template must not escape
        message = f"target {target!r} failed: {type(exc).__name__}: {exc}"
        diagnostics.error("emit-failed", message, where)
        return {}, diagnostics, session.stats
    if not isinstance(produced, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in produced.items()
    ):
        diagnostics.error("emit-failed", f"target {target!r} did not return {{path: text}}", where)
        return {}, diagnostics, session.stats
    return produced, diagnostics, session.close()
