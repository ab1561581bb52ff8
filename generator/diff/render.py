"""A `DiffReport` as text (terminal), markdown (a changelog section), JSON or GitHub
Actions annotations (on the markdown line each change comes from)."""

from __future__ import annotations

import json
from collections.abc import Callable

from generator.diff.changes import Bump, Change, Level
from generator.diff.report import DiffReport

FORMATS = ("text", "markdown", "json", "github")


def render(report: DiffReport, fmt: str) -> str:
    renderers: dict[str, Callable[[DiffReport], str]] = {
        "text": text,
        "markdown": markdown,
        "json": as_json,
        "github": github,
    }
    return renderers[fmt](report)


def _counts(report: DiffReport) -> str:
    parts = []
    for level, word in (
        (Level.BREAKING, "breaking"),
        (Level.WARNING, "warning"),
        (Level.INFO, "info"),
    ):
        n = report.count(level)
        if n:
            parts.append(f"{n} {word}" if level is not Level.WARNING or n == 1 else f"{n} warnings")
    return ", ".join(parts) or "no changes"


def _used(change: Change) -> str:
    if not change.used_by:
        return ""
    if len(change.used_by) <= 3:
        return f" (used by {', '.join(change.used_by)})"
    return f" (used by {change.used_by[0]} and {len(change.used_by) - 1} more operations)"


def text(report: DiffReport) -> str:
    """The terminal report: verdict first, then changes by level, wire before SDK."""
    lines = [
        f"md2sdk diff {report.old_label} → {report.new_label}",
        f"verdict: {report.verdict.label} ({_counts(report)}); "
        f"version {report.old_version} → {report.new_version}",
    ]
    for level in Level:
        chosen = [c for c in report.changes if c.level is level]
        if not chosen:
            continue
        lines.append("")
        lines.append(f"{level.value} ({len(chosen)})")
        for change in chosen:
            lines.append(f"  [{change.layer}] {change.subject}: {change.message}{_used(change)}")
            lines.append(f"      {change.rule} at {change.location}")
    return "\n".join(lines) + "\n"


_SECTIONS: tuple[tuple[str, Callable[[Change], bool]], ...] = (
    ("Breaking changes", lambda c: c.level is Level.BREAKING or (c.bump is Bump.MAJOR)),
    ("May break", lambda c: c.level is Level.WARNING),
    ("Features", lambda c: c.level is Level.INFO and c.bump is Bump.MINOR),
    ("Fixes and docs", lambda c: c.level is Level.INFO and c.bump is Bump.PATCH),
)


def markdown(report: DiffReport) -> str:
    """A changelog section: ``## <version>`` with the changes per operation and model."""
    lines = [f"## {report.new_version}", ""]
    if not report.changes:
        lines += ["No changes to the API.", ""]
    taken: set[int] = set()
    for title, belongs in _SECTIONS:
        chosen = [(i, c) for i, c in enumerate(report.changes) if i not in taken and belongs(c)]
        if not chosen:
            continue
        taken.update(i for i, _ in chosen)
        lines += [f"### {title}", ""]
        by_subject: dict[str, list[Change]] = {}
        for _, change in chosen:
            by_subject.setdefault(change.subject, []).append(change)
        for subject, changes in sorted(by_subject.items()):
            if len(changes) == 1:
                lines.append(f"- `{subject}`: {_md(changes[0])}")
            else:
                lines.append(f"- `{subject}`:")
                lines += [f"  - {_md(c)}" for c in changes]
        lines.append("")
    return "\n".join(lines)


def _md(change: Change) -> str:
    return f"{change.message}{_used(change)}"


def as_json(report: DiffReport) -> str:
    data = {
        "old": report.old_label,
        "new": report.new_label,
        "verdict": report.verdict.label,
        "version": {"old": report.old_version, "new": report.new_version},
        "counts": {level.value: report.count(level) for level in Level},
        "changes": [
            {
                "rule": c.rule,
                "level": c.level.value,
                "layer": c.layer,
                "subject": c.subject,
                "message": c.message,
                "old": c.old,
                "new": c.new,
                "location": str(c.location),
                "side": c.side,
                "context": None if c.context is None else str(c.context),
                "used_by": list(c.used_by),
                "symbols": list(c.symbols),
            }
            for c in report.changes
        ],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


_ANNOTATION = {Level.BREAKING: "error", Level.WARNING: "warning", Level.INFO: "notice"}


def _escape(text: str, *, property_: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_ else text


def github(report: DiffReport) -> str:
    """One annotation per change, on its line in NEW; a removal is annotated where its
    operation or schema is in NEW (its OLD place is named in the message)."""
    lines = []
    for change in report.changes:
        where = change.location if change.side == "new" else change.context
        message = f"{change.subject}: {change.message}{_used(change)}"
        if change.side == "old":
            message += f" (was at {change.location})"
        props = f"title={_escape(change.rule, property_=True)}"
        if where is not None and not where.path.startswith("<"):
            props = (
                f"file={_escape(where.path, property_=True)},line={where.line},"
                f"col={where.column},{props}"
            )
        lines.append(f"::{_ANNOTATION[change.level]} {props}::{_escape(message)}")
    summary = f"md2sdk diff: {report.verdict.label} ({_counts(report)})"
    lines.append(f"::notice title=md2sdk diff::{_escape(summary)}")
    return "\n".join(lines) + "\n"
