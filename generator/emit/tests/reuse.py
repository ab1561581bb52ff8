"""Test modules taken whole from the last run when their resource's slice is unchanged.

``test_<tag>.py`` is made of its resource's operations: their Python views (the names
the client gives them), the definitions they reach, the client options and the
package's names. The Python target keys each resource by exactly that slice
(`ResourceView.unit_key`, `generator.emit.python.reuse`); a test module's key adds
what the tests read besides: the package's and clients' names, the model names a
test imports from, its module stem and title. On a hit the module's text, the
diagnostics building it reported, and its part of ``test_live.py`` are taken from
the last run.

``test_live.py`` holds every operation, with one set of hoisted constants shared by
all (`imports.Imports`): a constant is named after the first operation that uses its
value, so a resource's live cases depend on the resources before it. Their changes
to the live module's imports are logged (`imports.Effect`) and replayed on a hit;
when a replay answers another constant name than it did (an earlier resource now
hoists other values), the resource is built again, as `cases.operation_cases` does
for one operation.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator import hashing
from generator.diagnostics import Diagnostic
from generator.emit.incremental.keys import content_bytes
from generator.emit.incremental.units import UnitMemo
from generator.emit.python.package import PackageView
from generator.emit.python.resources import ResourceView
from generator.emit.tests.imports import Effect
from generator.hashing import hash_parts


@dataclass(frozen=True)
class TestUnit:
    """What one resource contributes to the tests: its module's text and diagnostics,
    and its live cases (text, changes to the live imports, names they use)."""

    text: str
    reported: tuple[Diagnostic, ...]
    live_text: str
    live_effects: tuple[Effect, ...]
    live_used: frozenset[str]
    live_exceptions: frozenset[str]
    live_adapted: bool


class TestUnits:
    """The kept test units of one package view (``memo`` ``None``: none kept)."""

    def __init__(self, memo: UnitMemo | None, package: PackageView, base_url: str) -> None:
        self.memo = memo
        names = sorted(name for name, _ in package.model_exports)
        shared = (package.package, package.client_class, package.async_client_class,
                  package.title, names, base_url)  # fmt: skip
        self.shared = hashing.digest(content_bytes(shared))

    def key(self, resource: ResourceView, stem: str, title: str) -> bytes:
        """The key of ``resource``'s test unit; empty when the resource has none."""
        if self.memo is None or not resource.unit_key:
            return b""
        return hash_parts(self.shared, resource.unit_key, content_bytes((stem, title)))

    def get(self, key: bytes) -> TestUnit | None:
        """The unit kept under ``key``, or ``None``. The fragments it was made of stay
        in its module's scope (`generator.emit.incremental.active.scoped`), which a
        run that reuses the unit neither reads nor writes."""
        kept = self.memo.get(key) if self.memo is not None and key else None
        return kept if isinstance(kept, TestUnit) else None

    def put(self, key: bytes, unit: TestUnit) -> None:
        """Keep ``unit`` under ``key`` for the next run."""
        if self.memo is not None and key:
            self.memo.put(key, unit)
