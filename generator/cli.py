"""The ``md2sdk`` command: parse, generate, check and openapi.

Exit codes: 0 success (warnings allowed), 1 errors in the docs, the config or the
output (including stale ``generated/`` for ``check``), 2 usage. Diagnostics are
collected and printed once, sorted, on stderr as ``path:line:col: severity[code]:
message`` (or on stdout as GitHub Actions annotations with ``--format github``);
``--strict`` turns warnings into errors. Nothing is written when any error occurred.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import click

from generator.config import (
    KNOWN_TARGETS,
    OPENAPI_VERSIONS,
    ApiConfig,
    ProjectConfig,
    display_path,
    find_pyproject,
    load_config,
)
from generator.diagnostics import Diagnostics
from generator.location import SourceLocation
from generator.pipeline import RunResult, emit_api, generate
from generator.reporting import Reporter, options, summary_line

if TYPE_CHECKING:
    from generator.load.sources import Stage
    from generator.model import Api

# The parser (generator.load.sources → mistune) and the model's JSON form are imported by
# the commands that use them, so `md2sdk generate` answered by its stamp stays quick.

_DIR = click.Path(exists=True, file_okay=False, path_type=Path)
_PAGE_OR_DIR = click.Path(exists=True, path_type=Path)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def cli() -> None:
    """Generate Python SDKs, OpenAPI documents and tests from Swagger2Markup markdown."""


def main() -> None:
    """The console script: `cli`, with a last-resort guard against md2sdk's own bugs.

    Every expected failure is a diagnostic already; an exception reaching here is a bug,
    reported as one ``internal-error`` line (exit 1) instead of a traceback, unless
    ``MD2SDK_TRACEBACK=1`` asks for the traceback.
    """
    try:
        # Without standalone mode click returns the code `ctx.exit(code)` gave it.
        code = cli.main(standalone_mode=False)
    except click.ClickException as usage:
        usage.show()
        sys.exit(usage.exit_code)
    except click.Abort:  # Ctrl-C; the writer has already left the output intact
        click.echo("Aborted!", err=True)
        sys.exit(130)
    except Exception as exc:
        if os.environ.get("MD2SDK_TRACEBACK") == "1":
            raise
        where = SourceLocation(" ".join(sys.argv[1:2]) or "md2sdk", 0, 0)
        message = f"md2sdk failed ({type(exc).__name__}: {exc}); please report this bug"
        click.echo(f"{where}: error[internal-error]: {message}", err=True)
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=_PAGE_OR_DIR)
@click.option("--json", "as_json", is_flag=True, help="Print the whole model as JSON.")
@options
def parse(paths: tuple[Path, ...], as_json: bool, reporter: Reporter) -> None:
    """Read PATH... (pages or folders of pages) as one API and show its model."""
    diagnostics = Diagnostics()
    api = _load_adhoc(list(paths), diagnostics)
    if as_json:
        from generator.emit.model_json import dumps  # noqa: PLC0415 (see the imports)

        click.echo(dumps(api), nl=False)
    elif not reporter.quiet:
        resolved = [d for d in api.definitions if not d.unresolved]
        click.echo(
            f"{api.name}: {_n(len(api.operations), 'operation')}, "
            f"{_n(len(resolved), 'definition')} "
            f"({len(api.definitions) - len(resolved)} unresolved), "
            f"{_n(len(api.security_schemes), 'security scheme')}, {_n(len(api.pages), 'page')}"
        )
        for op in api.operations:
            click.echo(
                f"  {op.method} {op.path}  {op.operation_id or '-'}  "
                f"({_n(len(op.parameters), 'parameter')}, {_n(len(op.responses), 'response')})"
            )
    reporter.exit(diagnostics)


@cli.command("generate")
@click.argument("specs", nargs=-1, type=_DIR)
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), help="Output root.")
@click.option("--templates", type=_DIR, help="Folder of templates overriding built-in ones.")
@click.option(
    "--target",
    "targets",
    multiple=True,
    type=click.Choice(KNOWN_TARGETS),
    help="Emit only these targets (repeatable); default: the config's.",
)
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path))
@options
def generate_command(
    *,
    specs: tuple[Path, ...],
    out: Path | None,
    templates: Path | None,
    targets: tuple[str, ...],
    config_file: Path | None,
    reporter: Reporter,
) -> None:
    """Generate everything the config lists, or each SPECS folder as one API.

    With no SPECS the project comes from [tool.md2sdk] in the nearest pyproject.toml.
    """
    diagnostics = Diagnostics()
    project = _project(
        specs, diagnostics, out=out, templates=templates, targets=targets, config_file=config_file
    )
    if project is not None and not diagnostics.has_errors:
        result = generate(
            project,
            diagnostics,
            strict=reporter.strict,
            progress=reporter.progress,
            use_cache=not specs,
            loader=_adhoc_loader if specs else None,
            waiting=None if reporter.quiet else partial(_say_waiting, project.output),
        )
        reporter.done_progress()
        _print_summary(result, reporter, check=False)
        reporter.timings(result.timings)
    reporter.exit(diagnostics)


@cli.command()
@click.option("--templates", type=_DIR, help="Folder of templates overriding built-in ones.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path))
@options
def check(templates: Path | None, config_file: Path | None, reporter: Reporter) -> None:
    """Exit 1, with a short diff, when generated/ differs from a fresh generation."""
    diagnostics = Diagnostics()
    project = _project((), diagnostics, templates=templates, config_file=config_file)
    stale = False
    if project is not None and not diagnostics.has_errors:
        result = generate(project, diagnostics, check=True, strict=reporter.strict)
        _print_summary(result, reporter, check=True)
        if result.plan is not None and not result.plan.is_current:
            stale = True
            shown = display_path(project.output)
            for change in result.plan.changes:
                click.echo(f"{change.kind}: {shown}/{change.path}")
            click.echo(result.plan.diff(), nl=False)
            click.echo(f"{shown}/ is stale: run `md2sdk generate` (or `make generate`)")
    reporter.exit(diagnostics, failed=stale)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=_PAGE_OR_DIR)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--openapi-version", type=click.Choice(["3.1", "3.0"]), default="3.1", show_default=True
)
@click.option("--templates", type=_DIR, help="Folder of templates overriding built-in ones.")
@options
def openapi(
    paths: tuple[Path, ...],
    output: Path | None,
    openapi_version: str,
    templates: Path | None,
    reporter: Reporter,
) -> None:
    """Write the OpenAPI document of PATH... (pages or folders, one API) to stdout or FILE."""
    diagnostics = Diagnostics()
    api = _load_adhoc(list(paths), diagnostics)
    config = dataclasses.replace(
        ApiConfig.for_folder(paths[0], api.name),
        targets=("openapi",),
        openapi_version=OPENAPI_VERSIONS[openapi_version],
    )
    files = emit_api(api, config, templates, diagnostics)
    failed = diagnostics.has_errors or (reporter.strict and len(diagnostics) > 0)
    if not failed and files:
        text = next(iter(files.values()))
        if output is None:
            click.echo(text, nl=False)
        else:
            from generator.write import write_file  # noqa: PLC0415 (see the imports)

            try:
                write_file(output, text)
            except OSError as exc:
                where = SourceLocation(display_path(output))
                diagnostics.error("write-error", f"cannot write: {exc.strerror}", where)
    reporter.exit(diagnostics)


def _project(
    specs: tuple[Path, ...],
    diagnostics: Diagnostics,
    *,
    out: Path | None = None,
    templates: Path | None = None,
    targets: tuple[str, ...] = (),
    config_file: Path | None = None,
) -> ProjectConfig | None:
    """The project to run: from the config, or made up for ad-hoc SPECS folders."""
    if specs:
        names = [folder.resolve().name for folder in specs]
        if len(set(names)) != len(names):
            raise click.UsageError("two SPECS folders have the same name")
        pairs = zip(specs, names, strict=True)
        apis = tuple(ApiConfig.for_folder(folder, name) for folder, name in pairs)
        project = ProjectConfig(root=Path.cwd(), output=out or Path("generated"), apis=apis)
    else:
        pyproject = config_file or find_pyproject(Path.cwd())
        if pyproject is None:
            raise click.UsageError(
                "no pyproject.toml with [tool.md2sdk] here or above; "
                "pass SPECS folders or --config FILE"
            )
        project = load_config(pyproject, diagnostics)
        if out is not None:
            project = dataclasses.replace(project, output=out)
    if templates is not None:
        project = dataclasses.replace(project, templates=templates)
    if targets:
        apis = tuple(dataclasses.replace(api, targets=targets) for api in project.apis)
        project = dataclasses.replace(project, apis=apis)
    return project


def _adhoc_loader(config: ApiConfig, root: Path, diagnostics: Diagnostics, stage: Stage) -> Api:
    """Ad-hoc folders: symlinks must stay inside the folder, paths shown as given."""
    from generator.load.sources import load_pages  # noqa: PLC0415 (see the imports)

    return load_pages(config.name, [config.specs], config.specs, root, diagnostics, stage=stage)


def _load_adhoc(paths: list[Path], diagnostics: Diagnostics) -> Api:
    first = paths[0].resolve()
    name = first.stem if first.is_file() else first.name
    boundary = first.parent if first.is_file() else first
    from generator.load.sources import load_pages  # noqa: PLC0415 (see the imports)

    return load_pages(name, paths, boundary, Path.cwd(), diagnostics)


def _say_waiting(output: Path) -> None:
    click.echo(
        f"another md2sdk run is writing {display_path(output)}/; waiting for it to finish",
        err=True,
    )


def _print_summary(result: RunResult, reporter: Reporter, *, check: bool) -> None:
    if reporter.quiet:
        return
    for api in result.apis:
        line = summary_line(api, result.plan, result.written, check=check, strict=reporter.strict)
        click.echo(line)


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


if __name__ == "__main__":  # pragma: no cover
    main()
