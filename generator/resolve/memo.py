"""Operations and definitions resolved and marked by the last run, taken again when
nothing they were made from changed: the last run of this process (``md2sdk generate
--watch``) or of the process it resumes from (`generator.resume`). Every run with a
cache folder keeps its memo (a run without one resolves as if there were none).

A watching process, or one resuming, keeps the parsed pages of the files a save did not touch
(`generator.load.pages`): the same `Operation` and `Definition` objects, run after
run. Resolving rebuilt every one of them anyway (new objects, equal values), marking
walked every example again (on Kubernetes most of resolving), and every emitter then
took the digests of 1,900 new objects to find the few that changed.

A resolved value follows from the parsed one and what the resolver looks up for it.
So this memo keeps, per parsed operation or definition (by identity, the object
held), the resolved value and the labels its links gave definitions, taken only when
everything else resolution reads is equal to what it was (the lookup tables, the
overview, tag spellings and the base-path decision: the context in
`generator.resolve.api`; and each inline schema the value read, with those it read in
turn: `_stale`). The links inside an inline schema give their labels once per run,
where the schema is first read (`SchemaResolver.replay` gives them with a kept value
when no value read it before in the run), as a cold run gives them. A value whose
resolution reported something (besides its links to stand-ins) or met a promoted
schema is never kept, and nothing is taken after
a run that promoted an inline schema (which schema of a cycle is promoted depends on
which link reached it first). A stand-in is named on first use: a value with links to
stand-ins is taken only when each would get the key it got (the stand-ins are then
made and reported again, as resolving it would), and a stand-in made equal to the last
run's is that object. A definition's name follows from
it and the labels links gave it (`SchemaResolver.named`); a marked definition from the
named one alone (marking a definition reads no other; one that did would not be
kept); an operation's marked value from the resolved one and the marked definitions
its marking read (`Placeholders` reads them through `Verdicts.definition`, noted per
operation), with the verdicts its marking asked for (`generator.resolve.verdicts`),
which a run that takes it keeps too. So after an edit of one definition page only the
operations whose marking read that definition are marked again.

What a run takes from the memo is the object the last run built, so an emitter's
digest of it, remembered by identity (`generator.emit.incremental.keys`), is found
again too.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Generic, TypeVar

from generator.diagnostics import Diagnostics
from generator.kept import Kept
from generator.model import Definition, ObjectSchema, Operation
from generator.resolve.schemas import Event, SchemaResolver, StandIn, free_key, stand_in_anchor

Labels = tuple[Event, ...]
"""``(definition key, link label)`` in the order a value's links gave them, and the
ids of the inline schemas they were replaced by, where they were
(`generator.resolve.schemas.Event`)."""

T = TypeVar("T", Operation, Definition)


@dataclass
class Resolved(Generic[T]):
    """One operation or definition as the last run resolved it, with the labels its
    links gave definitions and its links to stand-ins (in order)."""

    parsed: T
    resolved: T
    labels: Labels
    stand_ins: tuple[StandIn, ...] = ()


@dataclass
class Named:
    """One resolved definition as the last run named it, from the labels links gave it
    (`SchemaResolver.named`)."""

    resolved: Definition
    labels: tuple[str, ...]
    named: Definition


@dataclass
class Marked:
    """One resolved operation as the last run marked it, with the verdict keys its
    marking asked for (`generator.resolve.verdicts`) and the marked definitions it
    read (``(key, definition or None)``, in key order)."""

    resolved: Operation
    marked: Operation
    verdicts: tuple[bytes, ...]
    read: Reads = ()


Reads = tuple[tuple[str, Definition | None], ...]


@dataclass
class ResolveMemo:
    """What one API's last run resolved and marked (see the module doc)."""

    context: object = None
    """What resolving read besides the operations and definitions (`resolve_api`)."""
    clean: bool = False
    """The run promoted no inline schema (which schema of a cycle is promoted depends
    on which operation reached the cycle first)."""
    operations: dict[int, Resolved[Operation]] = field(default_factory=dict)
    definitions: dict[int, Resolved[Definition]] = field(default_factory=dict)
    named: dict[int, Named] = field(default_factory=dict)
    marked_definition: dict[int, tuple[Definition, Definition]] = field(default_factory=dict)
    """Per named definition (by identity): it and its marked value (marking one reads
    nothing else)."""
    marked_definitions: tuple[Definition, ...] | None = None
    """The API's definitions as marked."""
    marked: dict[int, Marked] = field(default_factory=dict)
    stand_ins: dict[str, Definition] = field(default_factory=dict)
    """The stand-ins made, by key (one made equal again is taken again)."""
    inline: dict[str, ObjectSchema] = field(default_factory=dict)
    """The inline schemas by id, as they were."""
    inline_events: dict[str, tuple[Event, ...]] = field(default_factory=dict)
    """What resolving each inline schema logged (its links' labels, the inline
    schemas it read), replayed with a kept value that read it."""
    inline_irregular: frozenset[str] = frozenset()
    """The inline schemas whose resolution met a stand-in or a promoted schema."""

    def holds(self, context: object) -> bool:
        """Whether resolutions made by the last run hold under ``context`` (compared
        once per run: the tables are thousands of entries)."""
        return self.clean and self.context == context

    def marks_hold(self, definitions: tuple[Definition, ...]) -> bool:
        """Whether every marking of an operation by the last run holds under the
        marked ``definitions`` (the same objects, definition by definition)."""
        return self.marked_definitions == definitions

    def rekeyed(self) -> ResolveMemo:
        """This memo with its tables keyed by the identities of the objects they hold
        in this process (a memo saved by another process, `generator.resume`)."""
        return dataclasses.replace(
            self,
            operations={id(r.parsed): r for r in self.operations.values()},
            definitions={id(r.parsed): r for r in self.definitions.values()},
            named={id(n.resolved): n for n in self.named.values()},
            marked_definition={id(d[0]): d for d in self.marked_definition.values()},
            marked={id(m.resolved): m for m in self.marked.values()},
        )


def kept_of(table: dict[int, Resolved[T]], parsed: T) -> Resolved[T] | None:
    """The last run's resolution of ``parsed`` in ``table`` (of a memo that holds)."""
    found = table.get(id(parsed))
    return found if found is not None and found.parsed is parsed else None


def marked_of(
    memo: ResolveMemo, resolved: Operation, definition: Callable[[str], Definition | None] | None
) -> Marked | None:
    """The last run's marking of ``resolved``: under the same marked definitions
    (``definition`` None: `ResolveMemo.marks_hold`), or when each definition its
    marking read is the object ``definition`` gives for its key now."""
    found = memo.marked.get(id(resolved))
    if found is None or found.resolved is not resolved:
        return None
    if definition is not None and any(definition(k) is not d for k, d in found.read):
        return None
    return found


def marked_definition_of(memo: ResolveMemo, named: Definition) -> Definition | None:
    """The last run's marking of the definition ``named`` (the same object)."""
    found = memo.marked_definition.get(id(named))
    return found[1] if found is not None and found[0] is named else None


def named_of(memo: ResolveMemo, resolved: Definition, labels: tuple[str, ...]) -> Named | None:
    """The last run's naming of ``resolved`` from the same ``labels``."""
    found = memo.named.get(id(resolved))
    if found is None or found.resolved is not resolved or found.labels != labels:
        return None
    return found


def _rekeyed(key: object, memo: ResolveMemo) -> tuple[object, ResolveMemo]:
    return key, memo.rekeyed()


_MEMOS: Kept[ResolveMemo] = Kept("generator.resolve.memo:memos", _rekeyed)


def resolve_memo(cache_dir: Path | None, api: str) -> ResolveMemo:
    """The memo of ``api`` (under ``cache_dir``) in this process, kept for its next run."""
    memo = _MEMOS.get((str(cache_dir), api), ResolveMemo)
    assert memo is not None  # made when missing
    return memo


def next_memo(cache_dir: Path | None, api: str, memo: ResolveMemo) -> None:
    """Keep ``memo``, filled by this run, for the next (it replaces the last run's)."""
    _MEMOS.put((str(cache_dir), api), memo)


def remembering(
    resolver: SchemaResolver,
    definitions: list[Definition],
    operations: list[tuple[Operation, Operation]],
    *,
    memo: ResolveMemo,
    context: object,
    diagnostics: Diagnostics,
) -> tuple[list[Definition], list[Operation], ResolveMemo]:
    """The definitions (resolved, then named) and the operations (each given as
    ``(parsed, made ready)``) resolved in a process that will run again: taken from
    the last run's ``memo`` where it holds under ``context`` (everything else
    resolving reads but the inline schemas) and every inline schema the value read
    is as it was, and kept in the memo returned for the next run."""
    last = memo if memo.holds(context) else None
    fresh = ResolveMemo(context=context, inline=resolver.inline)
    resolver.previous = memo.stand_ins
    resolver.previous_inline = memo.inline_events
    stale = _stale(memo, resolver.inline) if last is not None else set()
    told = partial(_resolved, resolver, diagnostics=diagnostics, stale=stale)
    resolved_definitions = [
        told(d, d, resolver.definition,
             last=last.definitions if last else None, fresh=fresh.definitions)
        for d in definitions
    ]  # fmt: skip
    resolved_operations = [
        told(found, op, resolver.operation,
             last=last.operations if last else None, fresh=fresh.operations)
        for found, op in operations
    ]  # fmt: skip
    fresh.clean = not resolver.promoted
    fresh.stand_ins = {d.key: d for d in resolver.extra_definitions() if d.unresolved}
    fresh.inline_events = dict(resolver.inline_events)
    fresh.inline_irregular = frozenset(resolver.irregular_inline)
    named = [_named(resolver, d, memo, fresh) for d in resolved_definitions]
    return named, resolved_operations, fresh


def _resolved(
    resolver: SchemaResolver,
    parsed: T,
    value: T,
    resolve: Callable[[T], T],
    *,
    last: dict[int, Resolved[T]] | None,
    fresh: dict[int, Resolved[T]],
    diagnostics: Diagnostics,
    stale: set[str],
) -> T:
    """``resolve(value)`` (``value``: ``parsed`` made ready, an operation's tags and path
    settled), or the last run's resolution of ``parsed`` from ``last`` (the table of a
    memo that holds: `generator.resolve.memo`) when its links to stand-ins get the same
    keys now (they are made and reported again); kept in ``fresh`` unless resolving it
    reported something besides its stand-ins or met a promoted schema."""
    kept = kept_of(last, parsed) if last is not None else None
    if kept is not None and any(isinstance(e, str) and e in stale for e in kept.labels):
        kept = None  # it read an inline schema that changed
    if kept is not None and _same_keys(resolver, kept.stand_ins):
        resolver.replay(kept.labels)
        for reference, missing_page, _ in kept.stand_ins:
            resolver.stand_in(reference, missing_page)
        fresh[id(parsed)] = kept
        return kept.resolved
    before = (len(diagnostics), resolver.irregular)
    resolver.log, resolver.stand_ins = [], []
    resolved = resolve(value)
    labels, stand_ins = tuple(resolver.log), tuple(resolver.stand_ins)
    resolver.log = resolver.stand_ins = None
    # Each link to a stand-in reports one warning and counts one irregular link.
    if (len(diagnostics) - before[0], resolver.irregular - before[1]) == (len(stand_ins),) * 2:
        fresh[id(parsed)] = Resolved(parsed, resolved, labels, stand_ins)
    return resolved


def _stale(memo: ResolveMemo, inline: dict[str, ObjectSchema]) -> set[str]:
    """The inline schemas a value resolved by the last run cannot have read as they are
    now: changed (or gone, or never resolved then), met a stand-in (which the value
    that read it first made), or reading one that is."""
    stale = {k for k in memo.inline.keys() | inline.keys() if memo.inline.get(k) != inline.get(k)}
    stale |= inline.keys() - memo.inline_events.keys()
    stale |= memo.inline_irregular
    grew = True
    while grew:
        grew = False
        for ident, events in memo.inline_events.items():
            if ident not in stale and any(isinstance(e, str) and e in stale for e in events):
                stale.add(ident)
                grew = True
    return stale


def _same_keys(resolver: SchemaResolver, stand_ins: tuple[StandIn, ...]) -> bool:
    """Whether ``stand_ins`` (links of the last run) would get the keys they got then."""
    made: dict[str, str] = {}
    for reference, _, key in stand_ins:
        anchor, ident = stand_in_anchor(reference)
        known = resolver.missing.get(ident, made.get(ident))
        if known is None:
            known = made[ident] = free_key(anchor, resolver.taken, set(made.values()))
        if known != key:
            return False
    return True


def _named(
    resolver: SchemaResolver, definition: Definition, memo: ResolveMemo | None, fresh: ResolveMemo
) -> Definition:
    """`SchemaResolver.named`, or the last run's answer for the same definition object
    and the same labels (so an unchanged definition stays the last run's object)."""
    labels = tuple(resolver.labels.get(definition.key, ()))
    kept = named_of(memo, definition, labels) if memo is not None else None
    if kept is None:
        kept = Named(definition, labels, resolver.named(definition))
    fresh.named[id(definition)] = kept
    return kept.named
