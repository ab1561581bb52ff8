"""``md2sdk generate`` (once or ``--watch``) and ``md2sdk check`` (is ``generated/``
what a fresh generation would write?)."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import NoReturn

import click

from generator import resume
from generator.cli.shared import (
    DIR,
    TEMPLATES_HELP,
    adhoc_loader,
    print_summary,
    project_for,
    say_waiting,
)
from generator.config import KNOWN_TARGETS, display_path, find_pyproject
from generator.diagnostics import Diagnostics
from generator.pipeline import CACHE_FOLDER, generate
from generator.reporting import Reporter, options


@click.command("generate")
@click.argument("specs", nargs=-1, type=DIR)
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), help="Output root.")
@click.option("--templates", type=DIR, help=TEMPLATES_HELP)
@click.option(
    "--target",
    "targets",
    multiple=True,
    type=click.Choice(KNOWN_TARGETS),
    help="Emit only these targets (repeatable); default: the config's.",
)
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--watch", "watching", is_flag=True, help="Regenerate on every save until Ctrl-C.")
@options
def generate_command(
    *,
    specs: tuple[Path, ...],
    out: Path | None,
    templates: Path | None,
    targets: tuple[str, ...],
    config_file: Path | None,
    watching: bool,
    reporter: Reporter,
) -> None:
    """Generate everything the config lists, or each SPECS folder as one API.

    With no SPECS the project comes from [tool.md2sdk] in the nearest pyproject.toml.
    With --watch, keep regenerating (incrementally) whenever a page, a template
    override or the config is saved, printing one line per run and its diagnostics.
    """
    if watching:
        _watch(
            specs, reporter, out=out, templates=templates, targets=targets,
            config_file=config_file,
        )  # fmt: skip
    diagnostics = Diagnostics()
    project = project_for(
        specs, diagnostics, out=out, templates=templates, targets=targets, config_file=config_file
    )
    if project is not None and not diagnostics.has_errors:
        result = generate(
            project,
            diagnostics,
            strict=reporter.strict,
            progress=reporter.progress,
            use_cache=not specs,
            loader=adhoc_loader if specs else None,
            waiting=None if reporter.quiet else partial(say_waiting, project.output),
            collect=False,  # the process ends right after (`generator.cli._exit`)
            keep_state=True,  # for the next process, saved detached (`generator.resume`)
        )
        reporter.done_progress()
        print_summary(result, reporter, check=False)
        reporter.timings(result.timings)
        reporter.reuse(result.apis)
    reporter.exit(diagnostics)


@click.command("check")
@click.option("--templates", type=DIR, help=TEMPLATES_HELP)
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path))
@options
def check(templates: Path | None, config_file: Path | None, reporter: Reporter) -> None:
    """Exit 1, with a short diff, when generated/ differs from a fresh generation."""
    diagnostics = Diagnostics()
    project = project_for((), diagnostics, templates=templates, config_file=config_file)
    stale = False
    if project is not None and not diagnostics.has_errors:
        result = generate(
            project, diagnostics, check=True, strict=reporter.strict, collect=False
        )
        print_summary(result, reporter, check=True)
        if result.plan is not None and not result.plan.is_current:
            stale = True
            shown = display_path(project.output)
            for change in result.plan.changes:
                click.echo(f"{change.kind}: {shown}/{change.path}")
            click.echo(result.plan.diff(), nl=False)
            click.echo(f"{shown}/ is stale: run `md2sdk generate` (or `make generate`)")
    reporter.exit(diagnostics, failed=stale)


def _watch(
    specs: tuple[Path, ...],
    reporter: Reporter,
    *,
    out: Path | None,
    templates: Path | None,
    targets: tuple[str, ...],
    config_file: Path | None,
) -> NoReturn:
    """``generate --watch``: `generator.watch.watch` with a fresh config every run; once
    stopped, what the last run kept is saved for the next process (`generator.resume`)."""
    from generator.watch import Build, watch  # noqa: PLC0415 (lazy, see generator.cli.shared)

    source = None if specs else (config_file or find_pyproject(Path.cwd()))

    runs = 0
    cache: Path | None = None

    def build() -> Build:
        nonlocal runs, cache
        runs += 1
        diagnostics = Diagnostics()
        project = project_for(
            specs, diagnostics, out=out, templates=templates, targets=targets,
            config_file=config_file,
        )  # fmt: skip
        result = None
        if project is not None and not diagnostics.has_errors:
            cache = None if specs else project.root / CACHE_FOLDER
            result = generate(
                project, diagnostics, strict=reporter.strict,
                loader=adhoc_loader if specs else None,
                waiting=partial(say_waiting, project.output), warm=runs == 1,
                collect=False,  # the watch collects while it waits for the next save
            )  # fmt: skip
        return Build(project, result, diagnostics, source)

    watch(build, reporter.show)
    if cache is not None:
        resume.save_detached(cache)
    click.get_current_context().exit(0)
