"""The names one API's model classes and modules get, and a journal of how they change.

Every definition's class and module name is decided up front (unique, case-folded
where file systems fold), and so is each class's ``...Param`` TypedDict; inline
objects get theirs while hints are rendered, in document order. `NamingState` holds
those names for `types.TypeRenderer` and journals every change to them (`Change`),
so that a model module taken from the last run can make its changes again
(`NamingState.replay`) and the modules after it see exactly the names a full build
gives them (`generator.emit.python.reuse`).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from generator.emit.incremental.active import remembered_over
from generator.model import AllOfSchema, Definition, ObjectSchema
from generator.naming import class_name, fresh_name, module_name, unique_names

Change = tuple[str, str, object]
"""One change to the naming state: (kind, name, value). Kinds: ``t`` a class name
taken, ``m`` a module name (case-folded) taken, ``c`` an inline class made, ``p`` a
class's ``...Param`` named, ``o`` a class placed in a module, ``f`` a class's field
hints (wire name → hint)."""


class NamingState:
    """The class and module names of one API's models (see the module doc)."""

    def __init__(self, definitions: tuple[Definition, ...], reserved: set[str]) -> None:
        self.definitions = {d.key: d for d in definitions}
        self.reserved = frozenset(reserved)
        named = tuple((d.key, d.name, self._is_class(d)) for d in definitions)
        fixed = tuple(sorted(reserved))
        # Pure in ``named`` and ``fixed``: taken from the last run when they are
        # unchanged (~0.05 s of naming on Kubernetes's 891 definitions).
        compute = partial(_first_names, named, fixed)
        made = remembered_over("naming_state", (), compute, named, fixed)
        assert isinstance(made, tuple) and len(made) == 3
        self.class_of: dict[str, str] = made[0]
        self.module_of_def: dict[str, str] = made[1]
        self._params: dict[str, str] = made[2]
        self.class_keys = {key for key, _, is_class in named if is_class}
        self._modules = {m.casefold() for m in self.module_of_def.values()}
        """Model module names handed out, casefolded (the definitions' and new ones)."""
        self._taken = set(self.class_of.values()) | reserved | set(self._params.values())
        self.module_of_class: dict[str, str] = {
            self.class_of[k]: self.module_of_def[k] for k in self.class_keys
        }
        self.class_names = {self.class_of[k] for k in self.class_keys}
        for key in self.definitions:
            if key in self.class_keys:
                self.module_of_class[self._params[self.class_of[key]]] = self.module_of_def[key]
        self.field_hints: dict[str, dict[str, str]] = {}
        """Class name → wire name → field hint, of every class rendered so far."""
        self.journal: list[Change] = []
        """Every change to the naming state above, in order: a module built from the
        cache replays its own (`replay`), so later modules see the state a full build
        leaves (`generator.emit.python.reuse`)."""

    def replay(self, changes: Iterable[Change]) -> None:
        """Make the changes a module made when it was built (and journal them)."""
        for change in changes:
            self._apply(change)

    def set_module(self, class_name: str, module: str) -> None:
        """Record that class ``class_name`` lives in model module ``module``."""
        if self.module_of_class.get(class_name) != module:
            self._apply(("o", class_name, module))

    def _apply(self, change: Change) -> None:
        kind, name, value = change
        if kind == "t":
            self._taken.add(name)
        elif kind == "m":
            self._modules.add(name)
        elif kind == "c":
            self.class_names.add(name)
        elif kind == "p":
            self._params[name] = str(value)
        elif kind == "o":
            self.module_of_class[name] = str(value)
        elif kind == "f":
            assert isinstance(value, dict)
            self.field_hints[name] = value
        self.journal.append(change)

    def param_of(self, name: str) -> str | None:
        """The ``...Param`` TypedDict of model class ``name`` (None for other names);
        globally unique, living in the class's module; named up front for the
        definitions' classes, on first use for inline ones."""
        if name not in self.class_names:
            return None
        if name not in self._params:
            self._apply(("p", name, self.new_class_name(f"{name}Param")))
        param = self._params[name]
        if name in self.module_of_class:
            self.set_module(param, self.module_of_class[name])
        return param

    @staticmethod
    def _is_class(definition: Definition) -> bool:
        return not definition.unresolved and isinstance(
            definition.schema, ObjectSchema | AllOfSchema
        )

    def new_module_name(self, text: str) -> str:
        """A fresh model module name (case-insensitively unique)."""
        name = fresh_name(module_name(text), self._modules, fold=True)
        self._apply(("m", name.casefold(), None))
        return name

    def new_class_name(self, text: str) -> str:
        """A fresh, globally unique class name for an inline object."""
        name = fresh_name(class_name(text), self._taken)
        self._apply(("t", name, None))
        return name


def _first_names(
    named: tuple[tuple[str, str, bool], ...], reserved: tuple[str, ...]
) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """The names decided up front, from each definition's (key, name, whether it is a
    class) in document order: class → class name, → module name, and each class
    name's ``...Param`` TypedDict."""
    names = {key: name for key, name, _ in named}
    class_of = unique_names(
        [key for key, _, _ in named], lambda k: class_name(names[k] or k), reserved=reserved
    )
    module_of_def = unique_names(
        [key for key, _, _ in named], lambda k: module_name(class_of[k]), fold=True,
        reserved={"_inline"},
    )
    classes = {key for key, _, is_class in named if is_class}
    taken = set(class_of.values()) | set(reserved)
    params: dict[str, str] = {}
    for key in (key for key in names if key in classes):
        # Named up front, in document order: a ``...Param``'s name then does not
        # depend on which module happens to use it first, so a change to one
        # module's fields leaves every other module's names alone.
        param = fresh_name(class_name(f"{class_of[key]}Param"), taken)
        taken.add(param)
        params[class_of[key]] = param
    return class_of, module_of_def, params

