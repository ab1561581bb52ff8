"""The ``md2sdk`` command: parse, generate, check, openapi and diff.

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
from typing import TYPE_CHECKING, NoReturn

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
from generator.pipeline import CACHE_FOLDER, RunResult, emit_api, generate
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
@click.option(
    "--coverage", is_flag=True, help="Per page: lines read, reported and unaccounted."
)
@options
def parse(paths: tuple[Path, ...], as_json: bool, coverage: bool, reporter: Reporter) -> None:
    """Read PATH... (pages or folders of pages) as one API and show its model."""
    diagnostics = Diagnostics()
    api = _load_adhoc(list(paths), diagnostics)
    if coverage:
        _print_coverage(list(paths), reporter)
    elif as_json:
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
@click.option(
    "--watch", "watching", is_flag=True, help="Regenerate on every save until Ctrl-C."
)
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


@cli.command("diff")
@click.argument("old", required=False)
@click.argument("new", required=False)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown", "json", "github"]),
    default="text",
    show_default=True,
    help="Terminal text, a changelog section, JSON, or GitHub Actions annotations.",
)
@click.option(
    "--fail-on",
    type=click.Choice(["breaking", "warning"]),
    help="Exit 1 when a change reaches this level.",
)
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--api", "api_name", help="A configured API: NEW defaults to its specs folder.")
@click.option("--base", help="A git revision: OLD is the NEW folder at that revision.")
def diff_command(
    *,
    old: str | None,
    new: str | None,
    fmt: str,
    fail_on: str | None,
    config_file: Path | None,
    api_name: str | None,
    base: str | None,
) -> None:
    """Compare two versions of an API's docs: the wire contract and the SDK surface.

    OLD and NEW are API folders or git revisions of one (main:specs/catalog). With
    --api NAME, NEW defaults to the API's specs folder; with --base REV, OLD is NEW's
    folder at REV (nothing is checked out). Exit 1 when --fail-on is reached.
    """
    from generator.diff import diff_sides  # noqa: PLC0415 (see the imports)
    from generator.diff.render import render  # noqa: PLC0415

    diagnostics = Diagnostics()
    old, new, config, project = _diff_sides(
        old, new, api_name=api_name, base=base, config_file=config_file, diagnostics=diagnostics
    )
    cache = None if project is None else project.root / CACHE_FOLDER
    output = None if project is None else project.output
    run = None
    if not diagnostics.has_errors:
        run = diff_sides(old, new, config, cache_dir=cache, output=output)
    found = [*diagnostics, *(run.diagnostics if run else [])]
    for item in sorted(set(found)):
        if fmt == "github":
            click.echo(item.format_github())
        else:
            click.echo(item.format(), err=True)
    if run is None or run.report is None:
        click.get_current_context().exit(1)
        return
    click.echo(render(run.report, fmt), nl=False)
    click.get_current_context().exit(1 if run.report.fails(fail_on) else 0)


def _diff_sides(
    old: str | None,
    new: str | None,
    *,
    api_name: str | None,
    base: str | None,
    config_file: Path | None,
    diagnostics: Diagnostics,
) -> tuple[str, str, ApiConfig | None, ProjectConfig | None]:
    """OLD and NEW as side specs, the API's config (for the client's names) and the
    project (its page cache, its recorded versions), from `diff_command`'s arguments."""
    config: ApiConfig | None = None
    project: ProjectConfig | None = None
    pyproject = config_file or find_pyproject(Path.cwd())
    if api_name is not None:
        if pyproject is None:
            raise click.UsageError("--api needs a pyproject.toml with [tool.md2sdk] (or --config)")
        project = load_config(pyproject, diagnostics)
        config = next((a for a in project.apis if a.name == api_name), None)
        if config is None and not diagnostics.has_errors:
            names = ", ".join(a.name for a in project.apis) or "none"
            raise click.UsageError(f"no API {api_name!r} in the config (configured: {names})")
    if pyproject is not None and project is None:
        root = pyproject.resolve().parent
        project = ProjectConfig(root=root, output=root / "generated")
    given = [side for side in (old, new) if side is not None]
    if config is not None and len(given) < 2:
        given.append(os.path.relpath(config.specs))
    if base is not None and len(given) == 1:
        folder = given[0]
        given.insert(0, f"{base}:{'' if folder.startswith('../') else './'}{folder}")
    if len(given) != 2:
        raise click.UsageError("give OLD and NEW, or NEW with --base REV, or --api NAME --base REV")
    return given[0], given[1], config, project


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


def _print_coverage(paths: list[Path], reporter: Reporter) -> None:
    """One line per page: how many of its non-blank lines the model holds."""
    from generator.load.sources import collect_pages  # noqa: PLC0415 (see the imports)
    from generator.parse.coverage import account_page  # noqa: PLC0415
    from generator.parse.ledger import NOTHING_KINDS  # noqa: PLC0415

    base = Path.cwd()
    first = paths[0].resolve()
    boundary = first.parent if first.is_file() else first
    rows: list[tuple[str, list[int]]] = []
    for page in collect_pages(paths, boundary, base, Diagnostics()):
        shown = display_path(page, base)
        try:
            text = page.read_bytes().decode("utf-8-sig")
        except (OSError, UnicodeDecodeError):  # reported by the parse already
            continue
        cov, _ = account_page(shown, text)
        rows.append(
            (shown, [cov.lines, cov.read, cov.reported, cov.nothing, len(cov.unaccounted)])
        )
    totals = [sum(values[i] for _, values in rows) for i in range(5)]
    rows.append((f"total ({_n(len(rows), 'page')})", totals))
    width = max(len(name) for name, _ in rows)
    heads = ("lines", "read", "reported", "nothing", "unaccounted")
    click.echo(f"{'page':<{width}}" + "".join(f"  {h:>7}" for h in heads))
    for name, values in rows:
        cells = "".join(f"  {v:>{max(len(h), 7)}}" for v, h in zip(values, heads, strict=True))
        click.echo(f"{name:<{width}}{cells}")
    if not reporter.quiet:
        click.echo("reported: named by a diagnostic (printed below); nothing: "
                   + "; ".join(NOTHING_KINDS))


def _watch(
    specs: tuple[Path, ...],
    reporter: Reporter,
    *,
    out: Path | None,
    templates: Path | None,
    targets: tuple[str, ...],
    config_file: Path | None,
) -> NoReturn:
    """``generate --watch``: `generator.watch.watch` with a fresh config every run."""
    from generator.watch import Build, watch  # noqa: PLC0415 (see the imports)

    source = None if specs else (config_file or find_pyproject(Path.cwd()))

    def build() -> Build:
        diagnostics = Diagnostics()
        project = _project(
            specs, diagnostics, out=out, templates=templates, targets=targets,
            config_file=config_file,
        )  # fmt: skip
        result = None
        if project is not None and not diagnostics.has_errors:
            result = generate(
                project, diagnostics, strict=reporter.strict,
                loader=_adhoc_loader if specs else None,
                waiting=partial(_say_waiting, project.output),
            )  # fmt: skip
        return Build(project, result, diagnostics, source)

    watch(build, reporter.show)
    click.get_current_context().exit(0)


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
