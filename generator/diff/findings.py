"""Collecting findings: one `Change` per distinct fact, however many operations share it.

A schema used by forty operations that loses a property is one change ("schema Pet:
response property `tag` removed") used by forty operations, not forty changes. The
`Findings` collector merges by (rule, subject, message) and remembers which operations
led to each; the schema walker reports a change inside a named definition under
``schema <name>``, and everything else under the operation (``GET /pets``).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from generator.diff.changes import RULES, Change
from generator.location import SourceLocation


@dataclass
class Findings:
    """Changes keyed by (rule, subject, message), each with the operations using it."""

    _changes: dict[tuple[str, str, str], Change] = field(default_factory=dict)
    _users: dict[tuple[str, str, str], set[str]] = field(default_factory=dict)

    def add(
        self,
        rule: str,
        subject: str,
        message: str,
        location: SourceLocation,
        *,
        side: str = "new",
        old: str | None = None,
        new: str | None = None,
        context: SourceLocation | None = None,
        user: str = "",
        symbols: tuple[str, ...] = (),
    ) -> tuple[str, str, str]:
        """Record one change (merged with an equal one); returns its key."""
        assert rule in RULES, rule
        key = (rule, subject, message)
        if key not in self._changes:
            self._changes[key] = Change(
                rule, subject, message, location, side, old, new, context, symbols=symbols
            )
            self._users[key] = set()
        if user and user != subject:
            self._users[key].add(user)
        return key

    def use(self, key: tuple[str, str, str], user: str) -> None:
        """``user`` (an operation) also leads to the change ``key``."""
        if user and user != key[1]:
            self._users[key].add(user)

    def changes(self) -> list[Change]:
        out = [
            replace(change, used_by=tuple(sorted(self._users[key])))
            for key, change in self._changes.items()
        ]
        return sorted(out, key=Change.sort_key)
