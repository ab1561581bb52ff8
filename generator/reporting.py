"""What the CLI tells people: diagnostics, summary lines, a progress bar, exit codes.

Diagnostics are printed once, at the end, sorted and de-duplicated: as text on stderr
(``path:line:col: severity[code]: message``) or, with ``--format github``, as GitHub
Actions annotations on stdout, where the runner picks them up. ``--strict`` reports
warnings as errors. A progress bar is drawn only when stderr is a terminal and the
tree is big enough for one to matter; pipes and CI logs get diagnostics and the
summary only.
"""

from __future__ import annotations

import dataclasses
import functools
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NoReturn

import click

from generator.diagnostics import Diagnostic, Diagnostics, Severity
from generator.pipeline import ApiResult
from generator.write import Plan

PROGRESS_MINIMUM = 40
"""Formatting fewer files than this is quick; no bar is drawn for it."""


@dataclass
class Reporter:
    """The output options every command shares (``--strict --format -q -v``)."""

    strict: bool = False
    fmt: str = "text"
    quiet: bool = False
    verbose: bool = False
    _drawn: bool = False

    def effective(self, diagnostics: Diagnostics) -> list[Diagnostic]:
        """Sorted diagnostics, warnings promoted to errors under ``--strict``."""
        items = diagnostics.sorted()
        if self.strict:
            items = [dataclasses.replace(d, severity=Severity.ERROR) for d in items]
        return items

    def show(self, diagnostics: Diagnostics) -> None:
        """Print the diagnostics (text on stderr, or annotations on stdout)."""
        for item in self.effective(diagnostics):
            if self.fmt == "github":
                click.echo(item.format_github())
            else:
                click.echo(item.format(), err=True)

    def exit(self, diagnostics: Diagnostics, *, failed: bool = False) -> NoReturn:
        """Print the diagnostics and leave with 1 on any error (or ``failed``), else 0."""
        self.show(diagnostics)
        items = self.effective(diagnostics)
        errors = any(d.severity is Severity.ERROR for d in items)
        click.get_current_context().exit(1 if errors or failed else 0)

    def progress(self, label: str, done: int, total: int) -> None:
        if self.quiet or total < PROGRESS_MINIMUM or not sys.stderr.isatty():
            return
        width = 30
        filled = width * done // max(total, 1)
        bar = "#" * filled + "-" * (width - filled)
        click.echo(f"\r{label}: formatting [{bar}] {done}/{total}", err=True, nl=False)
        self._drawn = True

    def done_progress(self) -> None:
        if self._drawn:
            click.echo("\r\x1b[2K", err=True, nl=False)
            self._drawn = False

    def timings(self, seconds: dict[str, float]) -> None:
        if self.verbose and seconds:
            parts = ", ".join(f"{stage} {value:.3f}s" for stage, value in seconds.items())
            click.echo(f"timings: {parts}", err=True)

    def reuse(self, apis: list[ApiResult]) -> None:
        """With ``-v``, per API that emitted: how much came whole from the last run."""
        if not self.verbose:
            return
        for api in apis:
            units = api.units_built + api.units_reused
            fragments = api.rendered + api.reused
            if units or fragments:
                click.echo(
                    f"{api.name}: kept from the last run {api.units_reused} of {units} "
                    f"files or parts, {api.reused} of {fragments} fragments",
                    err=True,
                )


def options(func: Callable[..., None]) -> Callable[..., None]:
    """Add the shared output options; the command receives them as ``reporter``."""

    @click.option("--strict", is_flag=True, help="Treat warnings as errors.")
    @click.option(
        "--format",
        "fmt",
        type=click.Choice(["text", "github"]),
        default="text",
        show_default=True,
        help="Diagnostics as text or as GitHub Actions annotations.",
    )
    @click.option("-q", "--quiet", is_flag=True, help="Print diagnostics only.")
    @click.option(
        "-v", "--verbose", is_flag=True,
        help="Also print per-stage timings and what was kept from the last run.",
    )  # fmt: skip
    @functools.wraps(func)
    def command(
        *args: Any, strict: bool, fmt: str, quiet: bool, verbose: bool, **kwargs: Any
    ) -> None:
        reporter = Reporter(strict=strict, fmt=fmt, quiet=quiet, verbose=verbose)
        func(*args, reporter=reporter, **kwargs)

    return command


def summary_line(
    api: ApiResult, plan: Plan | None, written: bool, *, check: bool, strict: bool
) -> str:
    """``catalog: 1 operation, 0 models, 3 files written, 12 unchanged, 1 warning``."""
    parts = [_n(api.operations, "operation"), _n(api.models, "model")]
    if plan is not None and (written or check):
        changed = plan.written_by_api.get(api.name, 0)
        same = plan.unchanged_by_api.get(api.name, 0)
        removed = plan.removed_by_api.get(api.name, 0)
        if check:
            parts += [f"{_n(changed + removed, 'file')} stale", f"{same} up to date"]
        else:
            parts += [f"{_n(changed, 'file')} written", f"{same} unchanged"]
            if removed:
                parts.append(f"{removed} removed")
    elif not check:
        parts.append("nothing written")
    errors = api.diagnostics.count(Severity.ERROR)
    warnings = api.diagnostics.count(Severity.WARNING)
    if strict:
        errors, warnings = errors + warnings, 0
    if errors:
        parts.append(_n(errors, "error"))
    if warnings:
        parts.append(_n(warnings, "warning"))
    return f"{api.name}: {', '.join(parts)}"


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"
