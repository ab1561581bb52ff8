"""``md2sdk diff``: what a change to the docs means for the wire contract and the SDK.

The stage, module by module: `sides` reads the two versions (folders or git revisions,
into memory) and parses them; `wire` (with `wire_requests`, `wire_responses`,
`wire_security`) and `schemas` (`schema_shapes`) compare the two models as HTTP
contracts, with the direction-aware rules of `changes`, collected by `findings`;
`surface` reads the generated client's surface off the python emitter's view, and `sdk`
(`sdk_methods`, `sdk_models`, `hints`, `locate`) compares two surfaces; `report` joins
both layers into a verdict; `render` prints it as text, markdown, JSON or GitHub
annotations; `versioning` (with `state`) turns verdicts into package versions and a
changelog at generate time.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.config import ApiConfig
from generator.diagnostics import Diagnostic, Diagnostics
from generator.diff.report import DiffReport, compare, shown
from generator.diff.sides import load_sides, read_side

__all__ = ["DiffReport", "DiffRun", "compare", "diff_sides"]


@dataclass(frozen=True)
class DiffRun:
    """A report (None when a side could not be read) and the docs' diagnostics."""

    report: DiffReport | None
    diagnostics: list[Diagnostic]


def diff_sides(
    old_spec: str,
    new_spec: str,
    config: ApiConfig | None = None,
    *,
    cache_dir: Path | None = None,
    output: Path | None = None,
) -> DiffRun:
    """Compare the API at ``old_spec`` with the one at ``new_spec`` (each a folder or
    ``REV:path``); ``config`` names the client (default: NEW's folder name). With
    versioning on, OLD's version is the one recorded under ``output``."""
    from generator.emit.python.identity import package_version  # noqa: PLC0415 (jinja2)

    diagnostics = Diagnostics()
    old = read_side(old_spec, diagnostics)
    new = read_side(new_spec, diagnostics)
    if old is None or new is None or diagnostics.has_errors:
        return DiffRun(None, list(diagnostics))
    config = config or ApiConfig.for_folder(Path(new.root), new.name)
    old_api, new_api, found = load_sides(old, new, config.name, cache_dir)
    found = list(diagnostics) + found
    if any(d.severity == "error" for d in found):
        return DiffRun(None, found)
    changes = compare(old_api, new_api, config)
    version = package_version(old_api, config, Diagnostics())
    if config.versioning == "semver" and output is not None:
        from generator.diff.versioning import recorded_version  # noqa: PLC0415

        version = recorded_version(output, config.name) or version
    report = DiffReport(old.root, new.root, shown(changes, old.root, new.root), version)
    return DiffRun(report, found)
