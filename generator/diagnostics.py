"""Diagnostics: located, coded problems found in the docs, collected and reported together.

Parsers never raise on bad input; they add a `Diagnostic` to a `Diagnostics` collector
and carry on with what they could read. The CLI prints them all at the end, sorted by
location, as ``path:line:col: severity[code]: message`` (or as GitHub annotations), and
picks the exit code from the worst severity.

Codes are stable strings (``unresolved-ref``, ``unknown-section``...) so users can grep
and tools can filter; every code used anywhere is listed in `CODES` with its meaning.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from generator.location import SourceLocation


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


CODES: dict[str, str] = {
    "unresolved-ref": "a link points at a definition or page the API does not contain",
    "ambiguous-ref": "a link's anchor matches several definitions; the nearest was used",
    "unknown-section": "a section heading or label is not one Swagger2Markup writes",
    "unknown-column": "a table column is not one Swagger2Markup writes",
    "bad-row": "a table row could not be read (too few cells, no name)",
    "bad-schema": "a schema cell could not be read; the value is treated as free-form",
    "bad-annotation": "a constraint annotation (Length, Minimum value...) is not a number; ignored",
    "bad-operation": "an operation heading has no readable METHOD /path; it was dropped",
    "duplicate-operation": "the same METHOD /path is documented twice; the first was kept",
    "duplicate-definition": "two definitions share one anchor; the second was renamed",
    "unknown-parameter-in": "a parameter's Type is not Path/Query/Header/Body/FormData",
    "bad-scheme": "a security scheme's Type is missing or unknown; it was read as given",
    "undefined-scheme": "an operation names a security scheme no page defines",
    "missing-overview": "no overview page: title and version were filled in",
    "unsupported": "a docs feature the target cannot express; it was approximated",
    "read-error": "a file could not be read or decoded",
    "empty-api": "an API folder holds no operations",
    "name-collision": "two names map to one identifier; one was renamed",
    "duplicate-parameter": "an operation lists the same parameter twice; the first was kept",
    "config": "the configuration is invalid",
    "usage": "the command line is invalid",
    "emit-failed": "an emitter could not produce its output",
    "missing-responses": "an operation documents no responses; a default response was filled in",
    "undeclared-path-parameter": "a {name} in a path has no Path parameter row; one was filled in",
    "format-failed": "a generated Python file is not valid Python, so black cannot format it",
    "bad-output-path": "an emitter produced a path outside the output root; nothing was written",
    "output-conflict": "two APIs produce the same output file; nothing was written",
    "outside-project": "a symlink in a specs folder points outside the project; not followed",
    "stale-output": "a generated file differs from what the docs and templates produce now",
    "write-error": "the output could not be written (permissions, disk full); nothing changed",
    "internal-error": "md2sdk hit a bug on this input; the input was skipped (please report it)",
    "example-mismatch": "a docs example does not fit its schema; a schema-derived value is used",
    "ignored-content": "lines of a page that nothing read into the model",
    "stray-table-row": "table-shaped lines outside any table; kept as text",
    "broken-row": "a table row is missing cells and the lines after it do not complete it",
    "assumed-schema": "a schema word md2sdk does not know; the schema was read as assumed",
    "assumed-parameter-in": "a parameter location md2sdk does not know; inferred as stated",
    "assumed-column": "a column label md2sdk does not know; its role inferred as stated",
    "missed-operation": "a METHOD /path block that no operation holds",
    "title-heading": "a definition's heading is its title, not the name links use",
    "table-in-description": "a Parameters or Responses table inside a description; kept as text",
    "assumed-base-path": "every operation path starts with the base path; read relative to it",
    "markup-in-name": "a parameter or property name holds markup; read without it",
    "pagination": "an operation the pagination config covers cannot page so; no iterator for it",
    "pagination-hint": "parameters look like paging but no pagination is configured (a proposal)",
    "multiple-bodies": "an operation documents several body parameters; they form one object body",
}


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem: where, how bad, which kind, and what to do about it."""

    location: SourceLocation
    severity: Severity
    code: str
    message: str

    def format(self) -> str:
        return f"{self.location}: {self.severity}[{self.code}]: {self.message}"

    def format_github(self) -> str:
        level = "error" if self.severity is Severity.ERROR else "warning"
        loc = self.location
        msg = _github_escape(f"[{self.code}] {self.message}")
        return f"::{level} file={loc.path},line={loc.line},col={loc.column}::{msg}"


def _github_escape(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


class Diagnostics:
    """A collector: parsers add to it, the CLI reads it once at the end."""

    def __init__(self) -> None:
        self._items: list[Diagnostic] = []

    def add(self, severity: Severity, code: str, message: str, location: SourceLocation) -> None:
        assert code in CODES, code
        self._items.append(Diagnostic(location, severity, code, message))

    def error(self, code: str, message: str, location: SourceLocation) -> None:
        self.add(Severity.ERROR, code, message, location)

    def warning(self, code: str, message: str, location: SourceLocation) -> None:
        self.add(Severity.WARNING, code, message, location)

    def extend(self, items: Iterable[Diagnostic]) -> None:
        self._items.extend(items)

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def sorted(self) -> list[Diagnostic]:
        """Unique diagnostics in location order (a page parsed twice reports once)."""
        return sorted(set(self._items))

    @property
    def has_errors(self) -> bool:
        return any(d.severity is Severity.ERROR for d in self._items)

    def count(self, severity: Severity) -> int:
        return sum(1 for d in self._items if d.severity is severity)
