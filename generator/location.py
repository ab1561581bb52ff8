"""Where something was read or written: a path with a 1-based line and column.

Its own module, below both the model and the diagnostics, so the modules a no-op
``md2sdk generate`` needs (config, stamp, reporting, the writer) can report a location
without importing the whole model (thirty dataclasses, a noticeable share of start-up).
`generator.model` re-exports it: model nodes carry one.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class SourceLocation:
    """A position in a docs page: path as given on the command line, 1-based line/col."""

    path: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"
