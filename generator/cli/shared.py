"""What the commands share: argument types, the project to run, ad-hoc loading and
the summary lines.

The parser (`generator.load.sources` → mistune) is imported inside the functions that
use it, so `md2sdk generate` answered by its stamp stays quick.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

import click

from generator.config import ApiConfig, ProjectConfig, display_path, find_pyproject, load_config
from generator.diagnostics import Diagnostics
from generator.pipeline import RunResult
from generator.reporting import Reporter, summary_line

if TYPE_CHECKING:
    from generator.load.sources import Stage
    from generator.model import Api

DIR = click.Path(exists=True, file_okay=False, path_type=Path)
PAGE_OR_DIR = click.Path(exists=True, path_type=Path)
TEMPLATES_HELP = "Folder of templates overriding built-in ones."


def project_for(
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


def adhoc_loader(config: ApiConfig, root: Path, diagnostics: Diagnostics, stage: Stage) -> Api:
    """Ad-hoc folders: symlinks must stay inside the folder, paths shown as given."""
    from generator.load.sources import load_pages  # noqa: PLC0415 (lazy, see the module doc)

    return load_pages(config.name, [config.specs], config.specs, root, diagnostics, stage=stage)


def load_adhoc(paths: list[Path], diagnostics: Diagnostics) -> Api:
    """PATH... (pages or folders) as one API named after the first."""
    first = paths[0].resolve()
    name = first.stem if first.is_file() else first.name
    boundary = first.parent if first.is_file() else first
    from generator.load.sources import load_pages  # noqa: PLC0415 (lazy, see the module doc)

    return load_pages(name, paths, boundary, Path.cwd(), diagnostics)


def say_waiting(output: Path) -> None:
    """Tell the user another run holds the output lock."""
    click.echo(
        f"another md2sdk run is writing {display_path(output)}/; waiting for it to finish",
        err=True,
    )


def print_summary(result: RunResult, reporter: Reporter, *, check: bool) -> None:
    """One line per API: what was generated, written or found stale."""
    if reporter.quiet:
        return
    for api in result.apis:
        line = summary_line(api, result.plan, result.written, check=check, strict=reporter.strict)
        click.echo(line)


def plural(count: int, word: str) -> str:
    """``3 pages``, ``1 page``."""
    return f"{count} {word}{'' if count == 1 else 's'}"
