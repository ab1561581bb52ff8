"""config → pages → model → emitters → formatter → writer, with nothing written on error.

`generate` runs every configured API through the stages and hands the files to the
writer only when no stage reported an error (with ``strict``, no warning either):
an emitter that raises becomes an ``emit-failed`` error, so a broken template can
never leave ``generated/`` half old, half new. ``check=True`` stops short of writing
and returns the plan, whose diff shows what is stale.

Emitters run through `generator.pipeline.emitting`; tests and callers pass their own
(``emitters=``) to inject fakes. Every stage is timed (`Timings`) for ``-v`` and the
benchmarks.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from generator import resume
from generator.cache import inputs_taken_once
from generator.config import ApiConfig, ProjectConfig, display_path
from generator.diagnostics import Diagnostics, Severity
from generator.kept import expect_more_runs, first_run, next_run
from generator.location import SourceLocation
from generator.pipeline.emitting import emit_api
from generator.stamp import Stamp, fingerprint, is_current, output_state, read_stamp, write_stamp
from generator.write import Plan, Staged, apply_plan, format_files, output_lock, plan_write

if TYPE_CHECKING:
    from generator.emit import Emitter, Files
    from generator.model import Api

# The parser (mistune), the resolver and the templates (jinja2) are imported when a
# run first needs them, so a no-op run answered by its stamp never loads them.

CACHE_FOLDER = ".md2sdk-cache"

Progress = Callable[[str, int, int], None]
"""Told ``(api, files formatted so far, files to format)`` while formatting runs."""

Stage = Callable[[str], AbstractContextManager[None]]
"""Times one stage: ``with stage("parse"): ...`` (`generator.load.sources.Stage`)."""

Loader = Callable[[ApiConfig, Path, Diagnostics, Stage], "Api"]
"""Reads one configured API into a model (`load_api`; tests inject their own)."""


class Timings:
    """Seconds spent per stage, summed over APIs, in first-use order."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextlib.contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start


@dataclass
class ApiResult:
    """What one API produced: counts for the summary line and its own diagnostics."""

    name: str
    operations: int = 0
    models: int = 0
    files: Files = field(default_factory=dict)
    diagnostics: Diagnostics = field(default_factory=Diagnostics)
    rendered: int = 0
    """Fragments laid out afresh (the rest came from the emit cache)."""
    reused: int = 0
    """Fragments taken from the emit cache."""
    units_built: int = 0
    """Files (or a file's parts) built whole this run (`generator.emit.incremental.units`)."""
    units_reused: int = 0
    """Files (or a file's parts) taken whole from the last run."""


@dataclass
class RunResult:
    apis: list[ApiResult]
    plan: Plan | None
    written: bool
    timings: dict[str, float]


@inputs_taken_once()
def generate(
    project: ProjectConfig,
    diagnostics: Diagnostics,
    *,
    check: bool = False,
    strict: bool = False,
    emitters: Mapping[str, Emitter] | None = None,
    progress: Progress | None = None,
    use_cache: bool = True,
    loader: Loader | None = None,
    waiting: Callable[[], None] | None = None,
    warm: bool = False,
    collect: bool = True,
    keep_state: bool = False,
) -> RunResult:
    """Run every API of ``project``; write (or, with ``check``, only plan) the result.

    ``warm`` runs every API even when its stamp says the output is current (writing
    nothing then): a watching process's first run, which leaves the pages, fragments
    and formatted files in memory (`generator.kept`) for the rebuilds that follow.

    ``loader`` defaults to `generator.load.sources.load_api`. A run that may write holds
    the output root's lock (`output_lock`; ``waiting`` is told when it has to wait for
    another run), except when every API's stamp already says its output is current:
    such a run writes nothing, and a run writing at that moment cannot have made the
    stamps match (it writes the files first, its stamps last).

    ``collect``: turn the cyclic garbage collector back on when the run ends (it is off
    during the run, `_gc_paused`). Its first pass then walks every object the run
    made, 0.26 s after a one-page edit of Kubernetes; a process that exits right
    after (the CLI) or collects while it waits (``--watch``) passes ``False``.

    The first run of a process starts from the state the last process saved
    (`generator.resume`); ``keep_state`` saves this run's for the next process, in a
    detached process once the output is written (the CLI's one-off runs).
    """
    timings = Timings()
    next_run()  # a watching process keeps what this run decodes again (generator.kept)
    if warm:
        expect_more_runs()
    cache = project.root / CACHE_FOLDER if use_cache else None
    # Stamps and saved states only when the real loader and emitters run: injected
    # ones are not covered by the fingerprint, nor by the state's key.
    real = cache is not None and emitters is None and _is_load_api(loader)
    stamped = real and not check
    prints: dict[str, str] = {}
    current: dict[str, Stamp] = {}
    if stamped and cache is not None:
        with timings.stage("stamp"):
            for config in project.apis:
                prints[config.name] = fingerprint(config, project)
                stamp = None if warm else read_stamp(cache, config.name)
                if stamp is not None and is_current(stamp, prints[config.name], project.output):
                    current[config.name] = stamp
    run = partial(
        _run, project, diagnostics, timings, cache=cache, check=check, strict=strict,
        emitters=emitters, progress=progress, loader=loader, prints=prints,
        resume_from=cache if real and first_run() else None,
    )  # fmt: skip
    models: list[Api] = []
    if check or len(current) == len(project.apis):
        with _gc_paused(collect):
            return run(current, models, staged=None)
    with (
        output_lock(project.output, waiting),
        _gc_paused(collect),
        Staged(project.output) as staged,
    ):
        if stamped and cache is not None and not warm:
            with timings.stage("stamp"):  # the run we waited for may have made them current
                current = {
                    name: stamp
                    for name, print_ in prints.items()
                    if (stamp := read_stamp(cache, name)) is not None
                    and is_current(stamp, print_, project.output)
                }
        result = run(current, models, staged=staged)
    if keep_state and stamped and cache is not None and len(current) < len(project.apis):
        resume.save_detached(cache, partial(_prime, models))
    return result


def _prime(apis: list[Api]) -> None:
    """What the state saved for the next process should hold of ``apis``, taken
    where a cold run took it in its emit workers (`generator.emit.reach.prime`)."""
    from generator.emit.reach import prime  # noqa: PLC0415 (see top)

    for api in apis:
        prime(api)


@contextlib.contextmanager
def _gc_paused(resume: bool = True) -> Iterator[None]:
    """No cyclic garbage collection while a run builds its model and views.

    Models and views are millions of small objects that live until the run ends, and
    hold no reference cycles; each full pass of the collector walks all of them again
    (on Kubernetes ~40% of reading and resolving, more of emitting). Peak memory is
    the same either way; the collector is back on after the run (unless not
    ``resume``: the caller turns it on, `generate`'s ``collect``).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled and resume:
            gc.enable()


def _run(
    project: ProjectConfig,
    diagnostics: Diagnostics,
    timings: Timings,
    current: Mapping[str, Stamp],
    models: list[Api],
    *,
    staged: Staged | None,
    cache: Path | None,
    check: bool,
    strict: bool,
    emitters: Mapping[str, Emitter] | None,
    progress: Progress | None,
    loader: Loader | None,
    prints: Mapping[str, str],
    resume_from: Path | None,
) -> RunResult:
    """`generate` once the stamps are read: APIs in ``current`` replay their stamp;
    the others start from the state saved under ``resume_from``, if any, and their
    models are added to ``models``. Files staged ahead of the write (``staged``, when
    the run may write) are added to ``staged`` and taken by the write stage."""
    if resume_from is not None and len(current) < len(project.apis):
        started = time.perf_counter()
        if resume.load(resume_from):  # timed only when taken: -v tells it was
            timings.seconds["resume"] = time.perf_counter() - started
    results: list[ApiResult] = []
    shown_root = display_path(project.output)
    fresh: dict[str, int] = {}
    for config in project.apis:
        result = ApiResult(config.name)
        stamp = current.get(config.name)
        if stamp is not None:
            result.operations, result.models = stamp.operations, stamp.models
            result.diagnostics.extend(stamp.diagnostics)
            diagnostics.extend(result.diagnostics)
            results.append(result)
            fresh[config.name] = len(stamp.files)
            continue
        if loader is None or _is_load_api(loader):
            from generator.load.sources import load_api  # noqa: PLC0415 (see top)

            load: Loader = partial(load_api, cache_dir=cache)
        else:
            load = loader
        api = load(config, project.root, result.diagnostics, timings.stage)
        models.append(api)
        result.operations = len(api.operations)
        result.models = sum(1 for d in api.definitions if not d.unresolved)
        emitted, extra = config, {}
        if config.versioning == "semver" and not result.diagnostics.has_errors:
            from generator.diff.versioning import release  # noqa: PLC0415 (see top)

            with timings.stage("version"):
                made = release(api, config, project.output, result.diagnostics)
            emitted, extra = dataclasses.replace(config, version=made.version), made.files
        with timings.stage("emit"):
            from generator.emit.incremental.session import SessionStats  # noqa: PLC0415

            stats = SessionStats()
            files = emit_api(
                api, emitted, project.templates, result.diagnostics, emitters,
                cache_dir=cache, stats=stats, keep=not check, staged=staged,
            )  # fmt: skip
            files.update(extra)
            result.rendered, result.reused = stats.fragments_rendered, stats.fragments_reused
            result.units_built, result.units_reused = stats.units_built, stats.units_reused
        with timings.stage("format"):
            result.files = format_files(
                files,
                result.diagnostics,
                cache_dir=cache,
                shown_root=shown_root,
                progress=_progress_for(progress, config.name, files),
                # md2sdk's own emitters and templates emit black's layout; template
                # overrides and injected emitters may not.
                shaped=project.templates is None and emitters is None,
            )
        diagnostics.extend(result.diagnostics)
        results.append(result)
    failed = diagnostics.has_errors or (strict and diagnostics.count(Severity.WARNING) > 0)
    plan: Plan | None = None
    if not failed or check:
        with timings.stage("plan"):
            outputs = {r.name: r.files for r in results if r.name not in fresh}
            plan = plan_write(project.output, outputs, diagnostics)
            plan.unchanged_by_api.update(fresh)
        failed = failed or diagnostics.has_errors
    written = False
    if plan is not None and not failed and not check:
        with timings.stage("write"):
            try:
                apply_plan(plan, staged)
                written = True
            except OSError as exc:
                where = SourceLocation(display_path(Path(exc.filename or project.output)))
                diagnostics.error("write-error", f"cannot write: {exc.strerror}", where)
    if written and cache is not None:
        with timings.stage("stamp"):
            _record_stamps(cache, project.output, results, prints, fresh)
    return RunResult(results, plan, written, timings.seconds)


def _is_load_api(loader: Loader | None) -> bool:
    """``loader`` is md2sdk's own (looked up without importing the parser for it)."""
    sources = sys.modules.get("generator.load.sources")
    return loader is None or (sources is not None and loader is sources.load_api)


def _record_stamps(
    cache: Path,
    output: Path,
    results: list[ApiResult],
    prints: Mapping[str, str],
    fresh: Mapping[str, int],
) -> None:
    """Stamp every API this run generated and wrote without an error."""
    for result in results:
        if result.name in fresh or result.name not in prints or result.diagnostics.has_errors:
            continue
        stamp = Stamp(
            fingerprint=prints[result.name],
            files=output_state(output, result.files),
            operations=result.operations,
            models=result.models,
            diagnostics=tuple(result.diagnostics),
        )
        write_stamp(cache, result.name, stamp)


def _progress_for(
    progress: Progress | None, name: str, files: Files
) -> Callable[[int], None] | None:
    if progress is None:
        return None
    total = sum(1 for path in files if path.endswith(".py"))
    done = 0

    def step(count: int) -> None:
        nonlocal done
        done += count
        progress(name, done, total)

    return step
