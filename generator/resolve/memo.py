"""Operations resolved and marked by this process's last run, taken again when nothing
they were made from changed (``md2sdk generate --watch``, any process that runs again).

A watching process keeps the parsed pages of the files a save did not touch
(`generator.load.pages`): the same `Operation` objects, run after run. Resolving
rebuilt every one of them anyway (new objects, equal values), and marking their
examples walked every example again: on Kubernetes most of resolving, and every
emitter then took the digests of 1,014 new objects to find the few that changed.

An operation's resolved value follows from the parsed operation and what the resolver
looks up for it, and its marked value from the resolved one and the API's marked
definitions. So this memo keeps, per parsed operation (by identity, the object held),
the resolved value and the labels its links gave definitions (`SchemaResolver.named`
reads them), and per resolved operation the marked value and the verdicts its
marking asked for. A run takes them only when everything else resolution reads is
equal to what it was (`resolve_context`: the lookup tables, inline schemas, overview,
tag spellings and paths of all operations), and marking only when the marked
definitions are equal too. An operation whose resolution reported something (a link
to a stand-in always does) or made a stand-in is never kept, and nothing is taken
after a run that promoted an inline schema (which schema of a cycle is promoted
depends on which operation reached it first).

What a run takes from the memo is the object the last run built, so an emitter's
digest of it, remembered by identity (`generator.emit.incremental.keys`), is found
again too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.kept import Kept
from generator.model import Operation

Labels = tuple[tuple[str, str], ...]
"""``(definition key, link label)`` in the order an operation's links gave them."""


@dataclass
class Resolved:
    """One operation as the last run resolved it."""

    parsed: Operation
    resolved: Operation
    labels: Labels


@dataclass
class Marked:
    """One resolved operation as the last run marked it, with the verdict keys its
    marking asked for (`generator.resolve.verdicts`)."""

    resolved: Operation
    marked: Operation
    verdicts: tuple[bytes, ...]


@dataclass
class OperationMemo:
    """What one API's last run resolved and marked (see the module doc)."""

    context: object = None
    """What resolving read besides the operations (`resolve_context`)."""
    definitions: object = None
    """The marked definitions marking read."""
    clean: bool = False
    """The run promoted no inline schema (which schema of a cycle is promoted depends
    on which operation reached the cycle first)."""
    resolved: dict[int, Resolved] = field(default_factory=dict)
    marked: dict[int, Marked] = field(default_factory=dict)

    def resolved_of(self, parsed: Operation) -> Resolved | None:
        """The last run's resolution of ``parsed`` (ask only when `holds`)."""
        found = self.resolved.get(id(parsed))
        return found if found is not None and found.parsed is parsed else None

    def marked_of(self, resolved: Operation) -> Marked | None:
        """The last run's marking of ``resolved`` (ask only when `marks_hold`)."""
        found = self.marked.get(id(resolved))
        return found if found is not None and found.resolved is resolved else None

    def holds(self, context: object) -> bool:
        """Whether resolutions made by the last run hold under ``context`` (compared
        once per run: the tables are thousands of entries)."""
        return self.clean and self.context == context

    def marks_hold(self, definitions: object) -> bool:
        """Whether the last run's markings hold under the marked ``definitions``."""
        return self.definitions == definitions


_MEMOS: Kept[OperationMemo] = Kept()


def operation_memo(cache_dir: Path | None, api: str) -> OperationMemo:
    """The memo of ``api`` (under ``cache_dir``) in this process, kept for its next run."""
    memo = _MEMOS.get((str(cache_dir), api), OperationMemo)
    assert memo is not None  # made when missing
    return memo


def next_memo(cache_dir: Path | None, api: str, memo: OperationMemo) -> None:
    """Keep ``memo``, filled by this run, for the next (it replaces the last run's)."""
    _MEMOS.put((str(cache_dir), api), memo)
