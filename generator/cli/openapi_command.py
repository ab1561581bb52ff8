"""``md2sdk openapi``: the OpenAPI document of some pages, to stdout or a file."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import click

from generator.cli.shared import DIR, PAGE_OR_DIR, TEMPLATES_HELP, load_adhoc
from generator.config import OPENAPI_VERSIONS, ApiConfig, display_path
from generator.diagnostics import Diagnostics
from generator.location import SourceLocation
from generator.pipeline import emit_api
from generator.reporting import Reporter, options


@click.command("openapi")
@click.argument("paths", nargs=-1, required=True, type=PAGE_OR_DIR)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--openapi-version", type=click.Choice(["3.1", "3.0"]), default="3.1", show_default=True
)
@click.option("--templates", type=DIR, help=TEMPLATES_HELP)
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
    api = load_adhoc(list(paths), diagnostics)
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
            from generator.write import write_file  # noqa: PLC0415 (lazy, see generator.cli.shared)

            try:
                write_file(output, text)
            except OSError as exc:
                where = SourceLocation(display_path(output))
                diagnostics.error("write-error", f"cannot write: {exc.strerror}", where)
    reporter.exit(diagnostics)
