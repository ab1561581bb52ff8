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
before it, as `ModelReuse` keys modules) and takes it from the last run's unit of
the same resource when the key is there, replaying its naming changes; else builds
it. The parts are kept inside their resource's unit (`ModelReuse.resource`), not
each on its own: a run that takes the resource whole loads them in one piece.

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
from generator.emit.python.naming_state import Change, NamingState
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


class OperationReuse:
    """The parts of the operations of one resource being built, in document order
    (see the module doc): a `generator.emit.python.resources.PartSource`."""

    def __init__(
        self,
        last: dict[bytes, OperationPart],
        renderer: NamingState,
        chain: bytes,
        digests: Callable[[Operation], list[bytes]],
        advance: Callable[[bytes, tuple[Change, ...]], bytes],
    ) -> None:
        self.last = last
        """The last run's parts of this resource, by key (`ModelReuse.resource`)."""
        self.parts: dict[bytes, OperationPart] = {}
        """This run's, by key: kept with the resource's unit."""
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
        part = self.last.get(key)
        if part is not None:
            self.renderer.replay(part.changes)
            keep(part.fragments)
        else:
            with recording() as used:
                part = build()
            part = replace(part, fragments=tuple(sorted(used)))
        self.parts[key] = part
        self.chain = self.advance(self.chain, part.changes)
        return key, part
