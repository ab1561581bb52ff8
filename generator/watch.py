"""``md2sdk generate --watch``: regenerate on every save, through the incremental path.

After a first run, the specs folders, the template overrides and the config file are
watched (``watchfiles``: the OS's file events, debounced, editor swap files and
bytecode ignored). Every batch of saves runs `generate` again — the page cache parses
only the saved pages, the emit cache lays out only the fragments they changed — and
prints one line (what changed, files written, seconds) and then the diagnostics of
the new state. A save that breaks the docs is reported and writes nothing (the run
fails as a whole, so the last good output stays); the next good save recovers. Ctrl-C
stops the watch cleanly, between runs or during one (the writer never leaves the
output half-written).
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import click

from generator.config import ProjectConfig, display_path
from generator.diagnostics import Diagnostics, Severity
from generator.pipeline import RunResult

DEBOUNCE_MS = 200
"""Saves closer together than this are one rebuild (an editor writing several files)."""


@dataclass
class Build:
    """What one run gave: the project it read (``None``: the config is broken), its
    result (``None``: it did not get to generate) and its diagnostics."""

    project: ProjectConfig | None
    result: RunResult | None
    diagnostics: Diagnostics
    config_file: Path | None = None
    """The ``pyproject.toml`` the project came from (watched too), if any."""


WATCHED_SUFFIXES = (".md", ".jinja", ".toml")
"""Files whose saves trigger a run: pages, templates, the config."""

Builder = Callable[[], Build]
Show = Callable[[Diagnostics], None]


def watch(build: Builder, show: Show, *, debounce_ms: int = DEBOUNCE_MS) -> None:
    """Run ``build`` now and after every change to what it reads, until Ctrl-C."""
    import watchfiles  # noqa: PLC0415 (only --watch needs it)

    default = watchfiles.DefaultFilter()

    def relevant(change: watchfiles.Change, path: str) -> bool:
        """Pages, templates and the config; not editors' and tools' temp files."""
        return path.endswith(WATCHED_SUFFIXES) and default(change, path)

    started = time.perf_counter()
    current = build()
    _report(current, "first run", time.perf_counter() - started, show)
    _collect()
    try:
        while True:
            roots = watched(current)
            if not roots:
                click.echo("nothing to watch: no specs folder exists", err=True)
                return
            click.echo(f"watching {', '.join(display_path(r) for r in roots)} (Ctrl-C stops)")
            changed = watchfiles.watch(
                *roots, watch_filter=relevant, debounce=debounce_ms, raise_interrupt=True
            )
            for changes in changed:
                started = time.perf_counter()
                current = build()
                _report(current, _what_changed(changes), time.perf_counter() - started, show)
                _collect()
                if set(watched(current)) != set(roots):
                    break  # the config now names other folders: watch those
    except KeyboardInterrupt:
        click.echo("stopped watching")


def _collect() -> None:
    """Collect cyclic garbage now, between runs, while nothing waits on it: a run may
    leave the collector off (`generate`'s ``collect``), since its first pass walks
    every object the run made."""
    gc.enable()
    gc.collect()


def watched(build: Build) -> list[Path]:
    """The folders and files a run read: specs folders, template overrides, the config."""
    project = build.project
    paths = [] if build.config_file is None else [build.config_file]
    if project is not None:
        paths += [project.root / api.specs for api in project.apis]
        if project.templates is not None:
            paths.append(project.root / project.templates)
    return sorted({p for p in paths if p.exists()})


def _what_changed(changes: Iterable[tuple[object, str]]) -> str:
    names = sorted({display_path(Path(path)) for _, path in changes})
    if len(names) == 1:
        return f"{names[0]} changed"
    return f"{len(names)} files changed: {', '.join(names[:3])}{', ...' if len(names) > 3 else ''}"


def _report(build: Build, cause: str, seconds: float, show: Show) -> None:
    """One line for the run, then its diagnostics."""
    errors = build.diagnostics.count(Severity.ERROR)
    warnings = build.diagnostics.count(Severity.WARNING)
    result = build.result
    if result is not None and result.written and result.plan is not None:
        written = sum(result.plan.written_by_api.values())
        removed = sum(result.plan.removed_by_api.values())
        unchanged = sum(result.plan.unchanged_by_api.values())
        outcome = f"{written} files written, {unchanged} unchanged"
        if removed:
            outcome += f", {removed} removed"
    elif result is not None and not errors and result.plan is not None:
        outcome = f"nothing to do, {sum(result.plan.unchanged_by_api.values())} files current"
    elif errors:
        plural = "s" if errors != 1 else ""
        outcome = f"{errors} error{plural}; nothing written, the last good output is kept"
    else:
        outcome = "nothing to do"
    if warnings and not errors:
        outcome += f", {warnings} warning{'s' if warnings != 1 else ''}"
    click.echo(f"{cause}: {outcome} ({seconds:.2f} s)")
    show(build.diagnostics)
