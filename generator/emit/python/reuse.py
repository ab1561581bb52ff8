"""Model modules taken whole from the last run when their slice of the model is unchanged.

A definition's model module is a function of three things: the definition itself,
the definitions its hints expand (a reference to a non-class definition is written
out where it is used, and ``allOf`` parts are flattened into the class), and the
`TypeRenderer`'s naming state when the module is built (the class and module names
of every definition, the ``...Param`` and inline class names handed out so far). A
reference to a *class* contributes only that class's name, which the naming state
holds, so editing a class's fields leaves the modules that merely reference it alone.

The naming state is made by the modules built before, in document order: each one's
changes are journalled by the renderer (`TypeRenderer.journal`). `ModelReuse` keys a
module by the digest of its slice and a running digest of the journal so far (every
naming change, leaving out the field hints no model module reads), and on a hit
replays the journalled changes instead of building the module, so the state the next
module sees is the state a full build leaves. A rename or an added inline object
changes the journal and so every later key: those modules are built again.

A resource module (and the model modules of its operations' inline objects) is keyed
the same way by its operations, every definition they reach (docstrings, samples and
pager detection read their content), its names, the client options and paging
config, and the naming state so far (`ModelReuse.resource_key`). Its view is not
built either when that key is unchanged: the client, README and tests read every
operation's view, so the python target keeps each resource's view whole, with what
building it changed and reported (`ModelReuse.resource`,
`generator.emit.python.resource_units`), and renders only the resources whose key
changed. A resource built again takes its unchanged operations' parts and method
texts from the last run (`generator.emit.python.operation_units`): the parts are
kept inside its unit, the texts inside its module's (with where each is), and the
last run's unit and module of a resource are found by its tag and module name, so
a resource taken whole is one look-up, as before operations were kept. The tests
target keys its modules from these keys (`generator.emit.tests.reuse`). Which
definitions each slice reaches:
`generator.emit.python.reach`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from generator.emit.incremental.active import keep, recording
from generator.emit.incremental.keys import (
    content_bytes,
    content_digest,
    stable_bytes,
)
from generator.emit.incremental.units import UnitMemo
from generator.emit.python.models import ModelModuleView, build_definition_module
from generator.emit.python.naming_state import Change
from generator.emit.python.operation_units import OperationReuse, OperationTexts
from generator.emit.python.reach import Reach
from generator.emit.python.resource_units import (
    ResourceUnit,
    dump_unit,
    load_kept,
    load_object,
    view_key,
)
from generator.emit.python.resources import OperationPart, ResourceView
from generator.emit.python.types import TypeRenderer
from generator.emit.reach import LinkGraph
from generator.hashing import hash_parts
from generator.model import (
    Definition,
    Operation,
)

TextSource = Callable[
    [bytes, Callable[[], OperationTexts]], tuple[OperationTexts, tuple[bytes, ...]]
]
"""``(key, render) -> (texts, fragments)``: an operation's method texts kept under
``key`` in the last run's module of its resource, else ``render()``'s."""

Span = tuple[bytes, tuple[tuple[int, int], ...], tuple[bytes, ...]]
"""Where an operation's method texts are in its module's text: their key, the
bounds of each, the fragments they were made of."""

ModuleText = tuple[str, tuple[Span, ...]]
"""A resource module's text and its operations' `Span`s."""


def reused_module(module: str, exports: tuple[str, ...], text: str) -> ModelModuleView:
    """The view of a model module taken from the last run: its name, exports, text."""
    return ModelModuleView(
        module=module, description="", classes=(), aliases=(), typing_imports="",
        datetime_imports="", extensions_imports="", uses_files=False, uses_field=False,
        top_imports=(), late_imports=(), reused=(text, exports),
    )  # fmt: skip


@dataclass
class ModelReuse:
    """The model modules of one package view: reused or built (then kept once
    rendered, `rendered`). ``memo`` ``None``: every module is built, none kept."""

    memo: UnitMemo | None
    renderer: TypeRenderer
    links: LinkGraph
    """The API's link graph (`generator.emit.reach`)."""
    models: bool = True
    """Whether model modules are looked up (the tests target renders none: it only
    needs the resources' keys and views, and the naming state they are made from)."""
    views: bool = True
    """Whether resource views are looked up and kept (`resource`)."""
    chain: bytes = b""
    pending: dict[str, tuple[bytes, tuple[Change, ...], tuple[str, ...], set[bytes]]] = field(
        default_factory=dict
    )
    reach: Reach = field(init=False)
    _last: dict[bytes, OperationPart] = field(init=False, default_factory=dict)
    """The last run's parts of the resource being built (`resource`)."""
    _parts: OperationReuse | None = field(init=False, default=None)
    """The source of the parts of the resource being built."""

    def __post_init__(self) -> None:
        # The renderer's state before any module: every later one follows from it.
        r = self.renderer
        unresolved = sorted(k for k, d in r.definitions.items() if d.unresolved)
        start = (sorted(r.reserved), tuple(r.class_of.items()), tuple(r.module_of_def.items()),
                 sorted(r.class_keys), unresolved)  # fmt: skip
        self.chain = hash_parts(b"models", _names_bytes(start))
        self.reach = Reach(self.links, r.class_keys)

    def definition_modules(self) -> list[ModelModuleView]:
        """Every definition's module, in document order (`build_model_modules`)."""
        renderer = self.renderer
        modules: list[ModelModuleView] = []
        for definition in renderer.definitions.values():
            mark = len(renderer.journal)
            looked_up = self.memo is not None and self.models
            key = self._key(definition) if looked_up else b""
            kept = self.memo.get(key) if self.memo is not None and looked_up else None
            if isinstance(kept, tuple):
                changes, module, exports, text, fragments = kept
                renderer.replay(changes)
                keep(fragments)
                modules.append(reused_module(module, exports, text))
            else:
                with recording() as used:
                    view = build_definition_module(definition, renderer)
                changes = tuple(renderer.journal[mark:])
                if looked_up:
                    self.pending[view.module] = (key, changes, view.exports, used)
                modules.append(view)
            self._advance(changes)
        return modules

    def rendered(self, module: str, render: Callable[[], str]) -> str:
        """``render()``: the text of model module ``module``, built this run; kept with
        what building it changed and the fragments it was made of."""
        with recording() as used:
            text = render()
        pending = self.pending.pop(module, None)
        if pending is not None and self.memo is not None:
            key, changes, exports, built = pending
            fragments = tuple(sorted(built | used))
            self.memo.put(key, (changes, module, exports, text, fragments))
        return text

    def resource_key(self, parts: tuple[object, ...], operations: list[Operation]) -> bytes:
        """The key of a resource module (and of its operations' inline model modules):
        ``parts`` (its names and what of the package it reads), its operations, every
        definition they reach (docstrings, samples and pager detection read their
        content), and the naming state so far. Empty without a memo."""
        if self.memo is None:
            return b""
        keys = [self.chain, content_bytes(parts)]
        keys += [content_digest(operation) for operation in operations]
        keys += self.reach.reached_digests(operations)
        return hash_parts(*keys)

    def operations(self, context: bytes) -> OperationReuse | None:
        """The source of the operation parts of the resource about to be built
        (`generator.emit.python.operation_units`); ``context``: the bytes of what of
        the package an operation reads (client options, paging config)."""
        if self.memo is None or not self.views:
            return None

        def digests(operation: Operation) -> list[bytes]:
            return [context, content_digest(operation), *self.reach.reached_digests([operation])]

        self._parts = OperationReuse(self._last, self.renderer, self.chain, digests, _advanced)
        return self._parts

    def resource(
        self, tag: str, key: bytes, operations: list[Operation], build: Callable[[], ResourceUnit]
    ) -> ResourceUnit:
        """The unit of the resource ``tag`` keyed ``key`` (`resource_key`) made of
        ``operations``: the last run's, its naming changes replayed and its fragments
        kept alive; else ``build()`` (kept, with the fragments it asked for and its
        operations' parts, which a later build of it takes where their keys are
        unchanged). Either way its naming changes are carried into the keys of the
        ones after."""
        memo = self.memo if self.views and key else None
        kept = memo.get(view_key(key)) if memo is not None else None
        loaded = load_kept(view_key(key), kept, operations) if isinstance(kept, bytes) else None
        unit = _unit(loaded)
        if unit is not None:
            self.renderer.replay(unit.changes)
            keep(unit.fragments)
        else:
            self._last = self._last_parts(tag, operations) if memo is not None else {}
            self._parts = None
            with recording() as used:
                unit = build()
            unit = replace(unit, fragments=tuple(sorted(used)))
            if memo is not None:
                parts = tuple(self._parts.parts.items()) if self._parts is not None else ()
                memo.put(view_key(key), dump_unit((unit, parts), operations))
            self._last, self._parts = {}, None
        if memo is not None:
            digests = tuple(content_digest(operation) for operation in operations)
            memo.note(_pointer(b"resource", tag), (key, digests))
        self._advance(unit.changes)
        return unit

    def _last_parts(self, tag: str, operations: list[Operation]) -> dict[bytes, OperationPart]:
        """The operation parts of the last run's unit of resource ``tag``, by key:
        read against this run's operations of equal content (their keys hold it), any
        other as ``None`` (its parts' keys are not this run's)."""
        assert self.memo is not None
        pointer = self.memo.peek(_pointer(b"resource", tag))
        if not (isinstance(pointer, tuple) and len(pointer) == 2):
            return {}
        last_key, digests = pointer
        kept = self.memo.peek(view_key(last_key)) if isinstance(last_key, bytes) else None
        if not isinstance(kept, bytes) or not isinstance(digests, tuple):
            return {}
        now = {content_digest(operation): operation for operation in operations}
        loaded = load_object(kept, [now.get(d) for d in digests])
        if not (isinstance(loaded, tuple) and len(loaded) == 2):
            return {}
        return {k: part for k, part in loaded[1] if isinstance(part, OperationPart)}

    def inline_key(self, resource_key: bytes, module: str) -> bytes:
        """The key of the inline model module ``module`` of the resource whose key
        is ``resource_key`` (it is made along with the resource's operations)."""
        return hash_parts(resource_key, module.encode()) if resource_key else b""

    def module_text(
        self, resource: ResourceView, render: Callable[[TextSource], ModuleText]
    ) -> str:
        """The text of ``resource``'s module (`generator.emit.python.resource_text`):
        the last run's when its key is kept; else ``render(texts)`` (kept), where
        ``texts`` gives an operation's method texts, the last run's from this
        resource's module where their key is there."""
        memo = self.memo
        key = resource.unit_key
        pointer = _pointer(b"module", resource.module)
        kept = memo.get(key) if memo is not None and key else None
        if isinstance(kept, tuple) and len(kept) == 3 and isinstance(kept[0], str):
            keep(kept[1])
            assert memo is not None
            memo.note(pointer, key)
            return kept[0]
        last = self._last_texts(pointer) if memo is not None and key else {}

        def texts(
            text_key: bytes, render_one: Callable[[], OperationTexts]
        ) -> tuple[OperationTexts, tuple[bytes, ...]]:
            found = last.get(text_key)
            if found is not None:
                keep(found[1])
                return found
            with recording() as used:
                made = render_one()
            return made, tuple(sorted(used))

        with recording() as used:
            text, spans = render(texts)
        if memo is not None and key:
            memo.put(key, (text, tuple(sorted(used)), spans))
            memo.note(pointer, key)
        return text

    def _last_texts(self, pointer: bytes) -> dict[bytes, tuple[OperationTexts, tuple[bytes, ...]]]:
        """The operations' method texts in the last run's module named by ``pointer``,
        by key, with the fragments each was made of."""
        assert self.memo is not None
        last_key = self.memo.peek(pointer)
        kept = self.memo.peek(last_key) if isinstance(last_key, bytes) else None
        if not (isinstance(kept, tuple) and len(kept) == 3 and isinstance(kept[0], str)):
            return {}
        text, _, spans = kept
        found: dict[bytes, tuple[OperationTexts, tuple[bytes, ...]]] = {}
        for text_key, bounds, fragments in spans:
            found[text_key] = (OperationTexts(*(text[a:b] for a, b in bounds)), fragments)
        return found

    def file(self, key: bytes, render: Callable[[], str]) -> str:
        """The text kept under ``key`` (a resource's, an inline module's, a package
        file's: `generator.emit.python.package_files`), else ``render()``, kept with
        the fragments it was made of (which a hit keeps alive in the fragment cache,
        for the edit that changes the file)."""
        kept = self.memo.get(key) if self.memo is not None and key else None
        if isinstance(kept, tuple):
            text, fragments = kept
            keep(fragments)
            return str(text)
        with recording() as used:
            text = render()
        if self.memo is not None and key:
            self.memo.put(key, (text, tuple(sorted(used))))
        return text

    def _advance(self, changes: Iterable[Change]) -> None:
        self.chain = _advanced(self.chain, changes)

    def _key(self, definition: Definition) -> bytes:
        reach = self.reach
        parts = [self.chain, reach.digest(definition.key)]
        parts += [reach.digest(k) for k in sorted(reach.expanded_from(definition.key))]
        return hash_parts(*parts)



def _unit(loaded: object) -> ResourceUnit | None:
    """The unit in what `ModelReuse.resource` kept (a unit and its parts)."""
    if isinstance(loaded, tuple) and len(loaded) == 2 and isinstance(loaded[0], ResourceUnit):
        return loaded[0]
    return None


def _pointer(kind: bytes, name: str) -> bytes:
    """The key of the pointer to the last run's unit of resource (or module) ``name``."""
    return hash_parts(b"last", kind, name.encode())


def _advanced(chain: bytes, changes: Iterable[Change]) -> bytes:
    """``chain`` (a digest of the naming state) after ``changes``: every naming change,
    leaving out the field hints no model module reads. No change leaves it as it is,
    so a module or operation that names nothing, added or removed, leaves the keys
    of the ones after it alone."""
    naming = tuple(c for c in changes if c[0] != "f")
    return hash_parts(chain, _names_bytes(naming)) if naming else chain


def _names_bytes(names: object) -> bytes:
    """The bytes of naming state (names, changes) for a key: without pickle's memo, as
    the names may come from the last run (`NamingState`, a replayed change), where
    equal strings are not the same objects they are in a fresh build."""
    material = stable_bytes(names)
    return content_bytes(names) if material is None else material
