"""One report over both layers, and the release it calls for.

`compare` runs the wire layer on the two models and the SDK layer on the two surfaces
of the client md2sdk generates for them; the verdict is the largest bump of any change
(`Bump`), and `next_version` applies it to a version: breaking → major (minor while
the version is 0.x), new surface → minor, docs-only text → patch, nothing → none.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from generator.config import ApiConfig
from generator.diff.changes import Bump, Change, Level
from generator.diff.findings import Findings
from generator.diff.locate import Locator
from generator.diff.sdk import SdkComparer
from generator.diff.surface import Surface, sdk_surface
from generator.diff.wire import compare_wire
from generator.location import SourceLocation
from generator.model import Api

_RELEASE = re.compile(r"(\d+)\.(\d+)\.(\d+)")


@dataclass(frozen=True)
class DiffReport:
    """Every change from OLD to NEW, and the versions before and after."""

    old_label: str
    new_label: str
    changes: tuple[Change, ...]
    old_version: str

    @property
    def verdict(self) -> Bump:
        return max((c.bump for c in self.changes), default=Bump.NONE)

    @property
    def new_version(self) -> str:
        return next_version(self.old_version, self.verdict)

    def count(self, level: Level) -> int:
        return sum(1 for c in self.changes if c.level is level)

    def fails(self, threshold: str | None) -> bool:
        """True when a change reaches ``threshold`` (``breaking`` or ``warning``)."""
        if threshold is None:
            return False
        levels = {Level.BREAKING} | ({Level.WARNING} if threshold == "warning" else set())
        return any(c.level in levels for c in self.changes)


def next_version(version: str, bump: Bump) -> str:
    """``version`` after a release of kind ``bump`` (pre-release and local parts drop)."""
    found = _RELEASE.match(version)
    if found is None or bump is Bump.NONE:
        return version
    major, minor, patch = (int(p) for p in found.groups())
    if bump is Bump.MAJOR and major == 0:
        bump = Bump.MINOR
    if bump is Bump.MAJOR:
        return f"{major + 1}.0.0"
    if bump is Bump.MINOR:
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def compare(
    old: Api,
    new: Api,
    config: ApiConfig,
    *,
    old_surface: Surface | None = None,
    new_surface: Surface | None = None,
) -> list[Change]:
    """Every wire and SDK change from ``old`` to ``new`` (API-relative locations).

    The surfaces default to the ones md2sdk generates under ``config``; a recorded one
    (versioning) can stand in for ``old``'s.
    """
    findings = Findings()
    compare_wire(old, new, findings)
    old_surface = old_surface if old_surface is not None else sdk_surface(old, config)
    new_surface = new_surface if new_surface is not None else sdk_surface(new, config)
    SdkComparer(old_surface, new_surface, Locator(old), Locator(new), findings).run()
    return findings.changes()


def shown(changes: list[Change], old_root: str, new_root: str) -> tuple[Change, ...]:
    """Changes with each location under its side's root (``main:specs/x/a.md:3:1``)."""

    def under(root: str, location: SourceLocation | None) -> SourceLocation | None:
        if location is None or location.path.startswith("<"):
            return location
        return dataclasses.replace(location, path=f"{root}/{location.path}")

    out = []
    for change in changes:
        root = old_root if change.side == "old" else new_root
        location = under(root, change.location)
        assert location is not None
        out.append(
            dataclasses.replace(change, location=location, context=under(new_root, change.context))
        )
    return tuple(out)
