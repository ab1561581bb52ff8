"""Definitions → model module views (one module per definition, plus its inline objects).

Class modules import the classes they reference at their bottom: by then the module's
own classes exist, so two models that reference each other import cleanly whichever
loads first, and pydantic resolves the (postponed) annotations on first use. Alias
modules (``PetList = list[Pet]``) need the classes at import time; nothing imports an
alias module, so their top-of-module imports cannot form a cycle.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.emit.pyshape import import_line
from generator.emit.python.types import AliasView, ClassView, ModuleUse, TypeRenderer
from generator.model import Definition


@dataclass(frozen=True)
class ImportView:
    module: str
    names: tuple[str, ...]

    @property
    def code(self) -> str:
        """The ``from module import ...`` statement, in black's shape."""
        return import_line(self.module, self.names)


@dataclass(frozen=True)
class ModelModuleView:
    """Everything ``models/module.py.jinja`` places; imports are exact (no unused ones)."""

    module: str
    description: str
    classes: tuple[ClassView, ...]
    aliases: tuple[AliasView, ...]
    typing_imports: str
    datetime_imports: str
    extensions_imports: str
    """``Required, TypedDict`` (from ``typing_extensions``) for the Param TypedDicts."""
    uses_files: bool
    uses_field: bool
    top_imports: tuple[ImportView, ...]
    late_imports: tuple[ImportView, ...]
    reused: tuple[str, tuple[str, ...]] | None = None
    """(text, exports) of a module taken whole from the last run, whose classes were
    then not built (`generator.emit.python.reuse`); ``None`` when built."""

    @property
    def exports(self) -> tuple[str, ...]:
        if self.reused is not None:
            return self.reused[1]
        classes = tuple(name for c in self.classes for name in (c.name, c.params.name))
        return classes + tuple(a.name for a in self.aliases)


def isort_key(name: str) -> tuple[int, list[int | str]]:
    """Ruff/isort member order: CONSTANTS, Classes, functions; natural, case-blind."""
    kind = 0 if name.isupper() and len(name) > 1 else 1 if name[:1].isupper() else 2
    return kind, [int(t) if t.isdigit() else t.lower() for t in re.split(r"(\d+)", name) if t]


def class_imports(
    use: ModuleUse, renderer: TypeRenderer, own: str, prefix: str = "."
) -> tuple[ImportView, ...]:
    """``from .module import Name`` for every class used that lives elsewhere."""
    wanted: dict[str, list[str]] = {}
    for name in sorted(use.classes, key=isort_key):
        module = renderer.module_of_class.get(name, own)
        if module != own:
            wanted.setdefault(module, []).append(name)
    ordered = sorted(wanted.items(), key=lambda item: isort_key(item[0])[1])
    return tuple(ImportView(f"{prefix}{m}", tuple(n)) for m, n in ordered)


def build_definition_module(definition: Definition, renderer: TypeRenderer) -> ModelModuleView:
    """The module for one definition: its class (or alias) and any inline classes."""
    use = ModuleUse()
    name = renderer.class_of[definition.key]
    # A stand-in's description names the page it was looked for in, a path of the
    # generating machine: generated files say what is missing, not where it was sought.
    description = (
        f"Stand-in for {definition.name!r}: the docs link to it but do not define it."
        if definition.unresolved
        else definition.description
    )
    module = renderer.module_of_def[definition.key]
    classes: list[ClassView] = []
    aliases: list[AliasView] = []
    if definition.key in renderer.class_keys:
        main = renderer.class_view(
            name, description, definition.schema, use, frozenset({definition.key})
        )
        classes.append(main)
    else:
        note = ""
        if definition.unresolved:
            use.typing.add("Any")
            hint = "dict[str, Any]"
            note = f"the docs link to {definition.name!r} but do not define it"
        else:
            hint = renderer.hint(definition.schema, use, name, frozenset({definition.key}))
        aliases.append(AliasView(name, hint, description, note))
    return finish_module(
        module,
        description=description,
        classes=classes,
        aliases=aliases,
        use=use,
        renderer=renderer,
    )


def finish_module(
    module: str,
    *,
    description: str,
    classes: list[ClassView],
    aliases: list[AliasView],
    use: ModuleUse,
    renderer: TypeRenderer,
) -> ModelModuleView:
    """Assemble a module view once every hint in it has been rendered."""
    for own in use.inline + classes:
        renderer.set_module(own.name, module)
        renderer.set_module(own.params.name, module)
    # Inline classes come first: aliases below evaluate them at import time.
    all_classes = tuple(use.inline) + tuple(classes)
    imports = class_imports(use, renderer, module)
    if aliases:
        use.typing.add("TypeAlias")
    return ModelModuleView(
        module=module,
        description=description,
        classes=all_classes,
        aliases=tuple(aliases),
        typing_imports=", ".join(sorted(use.typing, key=isort_key)),
        datetime_imports=", ".join(sorted(use.datetime, key=isort_key)),
        extensions_imports=", ".join(sorted(use.typed_dict, key=isort_key)),
        uses_files=use.files,
        uses_field=any(f.alias for c in all_classes for f in c.fields),
        top_imports=imports if aliases else (),
        late_imports=() if aliases else imports,
    )


def build_model_modules(renderer: TypeRenderer) -> list[ModelModuleView]:
    """Every definition's module, in document order."""
    return [build_definition_module(d, renderer) for d in renderer.definitions.values()]
