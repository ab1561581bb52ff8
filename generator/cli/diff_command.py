"""``md2sdk diff``: what a change of the docs means for the wire and the SDK."""

from __future__ import annotations

import os
from pathlib import Path

import click

from generator.config import ApiConfig, ProjectConfig, find_pyproject, load_config
from generator.diagnostics import Diagnostics
from generator.pipeline import CACHE_FOLDER


@click.command("diff")
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
    from generator.diff import diff_sides  # noqa: PLC0415 (lazy, see generator.cli.shared)
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
