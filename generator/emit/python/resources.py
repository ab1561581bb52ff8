"""Operations grouped into resource modules (one per tag; untagged ones on the client).

A resource module holds the endpoint constants, a sync and an async class with the
same methods, and their ``with_raw_response`` wrappers. Inline request/response objects
of its operations become model modules of their own so ``models`` stays the one place
classes live.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from generator.config_paging import Pagination
from generator.diagnostics import Diagnostic, Diagnostics
from generator.emit.pyshape import import_line
from generator.emit.python.layout import call_statement, self_def
from generator.emit.python.models import (
    ImportView,
    ModelModuleView,
    class_imports,
    finish_module,
    isort_key,
)
from generator.emit.python.naming_state import Change
from generator.emit.python.operations import OperationView, build_operation, operation_names
from generator.emit.python.options import CLIENT_ATTRIBUTES, ClientOptions
from generator.emit.python.types import ModuleUse, TypeRenderer
from generator.emit.templating import pystr
from generator.model import Api, Operation
from generator.naming import TYPE_NAMES, class_name, module_name, safe_snake, unique_names

ROOT = ""
"""The group of untagged operations (or all of them, when the API has no tags)."""


@dataclass(frozen=True)
class ResourceView:
    attribute: str
    module: str
    sync_class: str
    async_class: str
    sync_raw_class: str
    async_raw_class: str
    description: str
    operations: tuple[OperationView, ...]
    typing_imports: str
    abc_imports: str
    datetime_imports: str
    uses_files: bool
    imports: tuple[ImportView, ...]
    is_root: bool
    inline_modules: tuple[str, ...] = ()
    """The model modules of its operations' inline objects."""
    unit_key: bytes = b""
    """The key its module's text is kept under between runs (`ModelReuse.resource_key`);
    its operations' inline model modules are kept under keys made from it."""
    operation_keys: tuple[bytes, ...] = ()
    """The keys each operation's part and method texts are kept under between runs
    (`generator.emit.python.operation_units`); empty when none are kept."""

    @property
    def uses_pager(self) -> bool:
        return any(op.pager for op in self.operations)

    def property_def(self, returns: str) -> str:
        """The client property's ``def <attribute>(self) -> <returns>:`` line(s)."""
        return self_def(self.attribute, returns, indent=4)

    def raw_property_def(self, returns: str) -> str:
        """The resource's ``def with_raw_response(self) -> <returns>:`` line(s)."""
        return self_def("with_raw_response", returns, indent=4)

    def factory_code(self, name: str) -> str:
        """The client property's ``return self._resource(...)``, black-shaped."""
        args = (pystr(self.attribute), f"lambda: {name}(self)")
        return call_statement("return ", "self._resource", args, indent=8)

    def import_code(self, name: str) -> str:
        """``from .resources.<module> import <name>`` inside a client property."""
        return import_line(f".resources.{self.module}", [name], indent=8)

    @property
    def class_names(self) -> tuple[str, ...]:
        """The module's four classes in import (isort) order."""
        names = (self.sync_class, self.async_class, self.sync_raw_class, self.async_raw_class)
        return tuple(sorted(names, key=isort_key))


def group_operations(api: Api) -> dict[str, list[Operation]]:
    """Tag → operations (first tag wins), in document order; untagged under `ROOT`."""
    groups: dict[str, list[Operation]] = {}
    for operation in api.operations:
        groups.setdefault(operation.tags[0] if operation.tags else ROOT, []).append(operation)
    return groups


def resource_names(
    groups: dict[str, list[Operation]], options: ClientOptions, reserved_classes: set[str]
) -> tuple[dict[str, str], dict[str, str]]:
    """(tag → client attribute, tag → class stem), unique against client attributes."""
    tags = [t for t in groups if t != ROOT]
    taken = set(CLIENT_ATTRIBUTES) | {o.name for o in options.options}
    attributes = unique_names(
        tags, lambda t: safe_snake(t, fallback="resource", avoid=TYPE_NAMES), reserved=taken
    )
    stems = unique_names(
        tags, lambda t: class_name(t) + "Resource", reserved=reserved_classes, fold=True
    )
    return attributes, stems


@dataclass(frozen=True)
class OperationPart:
    """What building one operation gives its resource: its view, the model module of
    its inline objects, what its hints import, what building it changed in the naming
    state and what it reported."""

    view: OperationView
    inline: ModelModuleView | None
    use: ModuleUse
    changes: tuple[Change, ...]
    reported: tuple[Diagnostic, ...]
    fragments: tuple[bytes, ...] = ()
    """The fragments building it asked for (`generator.emit.incremental.active.keep`)."""


PartSource = Callable[
    [Operation, str, str, Callable[[], OperationPart]], tuple[bytes, OperationPart]
]
"""``(operation, name, pager name, build) -> (key, part)``: an operation's part, built
or taken from the last run (`generator.emit.python.operation_units`)."""


def build_resource(
    tag: str,
    operations: list[Operation],
    *,
    attribute: str,
    stem: str,
    description: str,
    renderer: TypeRenderer,
    options: ClientOptions,
    diagnostics: Diagnostics,
    reserved_methods: set[str],
    pagination: Pagination,
    parts: PartSource | None = None,
) -> tuple[ResourceView, list[ModelModuleView]]:
    """One resource module's view plus the model modules of its inline objects.

    Method names are decided over the whole resource (collisions); each operation's
    part is then built in document order, or taken from ``parts``."""
    use = ModuleUse(typing={"Final"})
    names = operation_names(operations, reserved_methods | {"with_raw_response"})
    pager_names = unique_names(
        names, lambda n: f"{n}_iter", reserved=reserved_methods | {"with_raw_response", *names}
    )
    views: list[OperationView] = []
    extra_modules: list[ModelModuleView] = []
    keys: list[bytes] = []
    for operation, name in zip(operations, names, strict=True):
        build = partial(
            build_part, operation, name, pager_names[name], renderer=renderer,
            options=options, pagination=pagination,
        )  # fmt: skip
        key, part = (b"", build()) if parts is None else parts(
            operation, name, pager_names[name], build
        )
        keys.append(key)
        diagnostics.extend(part.reported)
        views.append(part.view)
        extra_modules.extend([part.inline] if part.inline is not None else [])
        use.typing |= part.use.typing
        use.abc |= part.use.abc
        use.datetime |= part.use.datetime
        use.classes |= part.use.classes
        use.typed_dict |= part.use.typed_dict
        use.files = use.files or part.use.files
    module = "_root" if tag == ROOT else module_name(attribute)
    view = ResourceView(
        attribute=attribute,
        module=module,
        sync_class=stem,
        async_class=f"Async{stem}",
        sync_raw_class=f"{stem}WithRawResponse",
        async_raw_class=f"Async{stem}WithRawResponse",
        description=description,
        operations=tuple(views),
        typing_imports=", ".join(sorted(use.typing, key=isort_key)),
        abc_imports=", ".join(sorted(use.abc, key=isort_key)),
        datetime_imports=", ".join(sorted(use.datetime, key=isort_key)),
        uses_files=use.files,
        imports=class_imports(use, renderer, own="", prefix="..models."),
        is_root=tag == ROOT,
        inline_modules=tuple(m.module for m in extra_modules),
        operation_keys=tuple(keys) if any(keys) else (),
    )
    return view, extra_modules


def build_part(
    operation: Operation,
    name: str,
    pager_name: str,
    *,
    renderer: TypeRenderer,
    options: ClientOptions,
    pagination: Pagination,
) -> OperationPart:
    """Build one operation of a resource (`OperationPart`): its view, and the model
    module of its inline objects, named after the first of them."""
    reported = Diagnostics()
    use = ModuleUse(inline_module=ModuleUse())
    mark = len(renderer.journal)
    view = build_operation(
        operation, name, renderer=renderer, options=options, use=use, diagnostics=reported,
        pagination=pagination, pager_name=pager_name,
    )  # fmt: skip
    inline, use.inline_module = use.inline_module, None
    module: ModelModuleView | None = None
    if inline is not None and inline.inline:
        module = finish_module(
            renderer.new_module_name(inline.inline[0].name), description="", classes=[],
            aliases=[], use=inline, renderer=renderer,
        )  # fmt: skip
    changes = tuple(renderer.journal[mark:])
    return OperationPart(view, module, use, changes, tuple(reported))
