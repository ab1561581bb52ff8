"""Operations taken from the last run when a sibling in their resource changed.

A resource whose key changed (`ModelReuse.resource_key`: one of its operations was
edited, or a definition one of them reaches) is built again, but most of its
operations are not changed: on Kubernetes editing one page of ``core_v1`` rebuilt
and re-rendered its 240 operations. What building one operation gives its resource
(`OperationPart`) is a function of the operation, the definitions it reaches, its
method and pager names (decided over the whole resource first, so a collision that
renames a sibling changes that sibling's key), the client options and paging config,
and the naming state when it is built. `OperationReuse` keys each part by those (the
naming state as the resource's starting point plus the naming changes of the parts
before it, as `ModelReuse` keys modules) and takes it from the last run when the key
is kept, replaying its naming changes; else builds it and keeps it.

Its method texts (`OperationTexts`, rendered from ``resources/operation.py.jinja``)
are kept under a key made from the part's and the resource's class names, so a
resource module is its head put together with its operations' kept texts
(`generator.emit.python.resource_text`): the same bytes as a full render, which
renders every operation's texts the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import NamedTuple

from generator.emit.incremental.active import keep, recording
from generator.emit.incremental.units import UnitMemo
from generator.emit.python.naming_state import Change, NamingState
from generator.emit.python.resource_units import ResourceUnit, dump_unit, load_object
from generator.emit.python.resources import OperationPart, ResourceView
from generator.hashing import hash_parts
from generator.model import Operation


class OperationTexts(NamedTuple):
    """One operation's pieces of its resource module (``resources/operation.py.jinja``)."""

    sync: str
    """Its method (and pager method) in the sync class."""
    asynchronous: str
    """The same in the async class."""
    sync_raw: str
    """Its entry in the sync raw-response class."""
    async_raw: str
    """Its entry in the async raw-response class."""


def text_keys(resource: ResourceView) -> list[bytes]:
    """The keys of the texts of ``resource``'s operations (their raw entries name the
    resource's classes): also carried into the next run when the resource is taken
    whole, so an edit of it later finds them. A part key is a digest, of one length:
    a text key is it followed by a digest of the class names (no hashing per
    operation, for every resource of every run)."""
    names = hash_parts(b"texts", resource.sync_class.encode(), resource.async_class.encode())
    return [key + names for key in resource.operation_keys]


def unit_head(unit: ResourceUnit) -> ResourceUnit:
    """``unit`` without what its operations' parts hold (they are kept under their
    own keys): what is kept of a resource's unit, which `whole_unit` completes."""
    if not unit.view.operation_keys:
        return unit
    return replace(unit, view=replace(unit.view, operations=()), inline=())


def whole_unit(
    head: ResourceUnit, operations: list[Operation], memo: UnitMemo
) -> ResourceUnit | None:
    """The unit `unit_head` kept, completed with its operations' parts from ``memo``;
    ``None`` when one is not there."""
    keys = head.view.operation_keys
    if not keys:
        return head
    if len(keys) != len(operations):
        return None
    parts: list[OperationPart] = []
    for operation, key in zip(operations, keys, strict=True):
        kept = memo.get(key)
        part = load_object(kept, [operation]) if isinstance(kept, bytes) else None
        if not isinstance(part, OperationPart):
            return None
        parts.append(part)
    view = replace(head.view, operations=tuple(p.view for p in parts))
    inline = tuple(p.inline for p in parts if p.inline is not None)
    return replace(head, view=view, inline=inline)


class OperationReuse:
    """The parts of the operations of one resource being built, in document order
    (see the module doc): a `generator.emit.python.resources.PartSource`."""

    def __init__(
        self,
        memo: UnitMemo,
        renderer: NamingState,
        chain: bytes,
        digests: Callable[[Operation], list[bytes]],
        advance: Callable[[bytes, tuple[Change, ...]], bytes],
    ) -> None:
        self.memo = memo
        self.renderer = renderer
        self.chain = hash_parts(chain, b"operations")
        """The naming state before the next operation: the resource's starting point
        and the naming changes of the operations before it."""
        self.digests = digests
        """An operation's content digest and those of the definitions it reaches."""
        self.advance = advance

    def __call__(
        self, operation: Operation, name: str, pager_name: str, build: Callable[[], OperationPart]
    ) -> tuple[bytes, OperationPart]:
        key = hash_parts(self.chain, b"operation", name.encode(), pager_name.encode(),
                         *self.digests(operation))  # fmt: skip
        kept = self.memo.get(key)
        part = load_object(kept, [operation]) if isinstance(kept, bytes) else None
        if isinstance(part, OperationPart):
            self.renderer.replay(part.changes)
            keep(part.fragments)
        else:
            with recording() as used:
                part = build()
            part = replace(part, fragments=tuple(sorted(used)))
            self.memo.put(key, dump_unit(part, [operation]))
        self.chain = self.advance(self.chain, part.changes)
        return key, part
