"""Model schemas → Python type hints and pydantic class views.

One `TypeRenderer` per API owns the class names of every definition, so a reference
renders the same name everywhere. Rendering a hint records what the hint needs (typing
names, datetime, other model classes) in a `ModuleUse`, and inline objects met on the
way become extra classes of the module being rendered. Only object definitions become
classes; other definitions (arrays, maps, enums, primitives) are expanded where they are
referenced, so model modules only ever import classes, and those imports can sit at the
bottom of the module where reference cycles between models are harmless.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.emit.pyshape import Atom, Call, render
from generator.emit.python.layout import annotated
from generator.emit.python.naming_state import NamingState
from generator.emit.python.params import TypedDictView, typed_dict
from generator.emit.templating import pystr
from generator.model import (
    AllOfSchema,
    AnySchema,
    ArraySchema,
    DocValue,
    EnumSchema,
    FileSchema,
    MapSchema,
    ObjectSchema,
    PrimitiveSchema,
    Property,
    RefSchema,
    Schema,
)
from generator.naming import (
    field_name,
    pascal_case,
    unique_names,
)

_PRIMITIVES = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}
_FORMATS = {"date-time": "datetime", "date": "date", "binary": "bytes"}


@dataclass(frozen=True)
class FieldView:
    """One pydantic field: ``python_name: type_hint = default_code``."""

    python_name: str
    wire_name: str
    type_hint: str
    default_code: str
    alias: bool
    description: str
    comment: str

    @property
    def code(self) -> str:
        """The field's statement in a class body, in black's shape."""
        head = f"{self.python_name}: {self.type_hint}"
        if self.alias:
            # Separate aliases, not ``alias=``: type checkers then see the Python name
            # in ``__init__`` (``Order(pet_id=1)``) while JSON keeps the wire name.
            default = (("default", Atom(self.default_code)),) if self.default_code else ()
            wire = Atom(pystr(self.wire_name))
            aliases = (("validation_alias", wire), ("serialization_alias", wire))
            field = Call("Field", (), (*default, *aliases))
            return render(field, indent=4, head=f"{head} = ")[4:]
        tail = f" = {self.default_code}" if self.default_code else ""
        return annotated(self.python_name, self.type_hint, tail, 4)[4:]


@dataclass(frozen=True)
class ClassView:
    name: str
    description: str
    fields: tuple[FieldView, ...]
    params: TypedDictView
    """Its ``...Param`` TypedDict, written right after it."""


@dataclass(frozen=True)
class AliasView:
    """A non-object definition exported under its own name (``PetList = list[Pet]``)."""

    name: str
    type_hint: str
    description: str
    comment: str

    @property
    def code(self) -> str:
        """``Name: TypeAlias = hint``, in black's shape."""
        return render(Atom(self.type_hint), indent=0, head=f"{self.name}: TypeAlias = ")


@dataclass
class ModuleUse:
    """What one generated module's hints need: typing names and model classes."""

    typing: set[str] = field(default_factory=set)
    abc: set[str] = field(default_factory=set)
    """Names from ``collections.abc``."""
    datetime: set[str] = field(default_factory=set)
    classes: set[str] = field(default_factory=set)
    files: bool = False
    typed_dict: set[str] = field(default_factory=set)
    """What the module's TypedDicts import from ``typing_extensions``."""
    inline: list[ClassView] = field(default_factory=list)
    inline_module: ModuleUse | None = None
    """Where inline objects go when not into this module (an operation's own models)."""


def literal_code(value: object) -> str:
    """Python source for a JSON scalar from the docs (strings via ``pystr``)."""
    if isinstance(value, bool) or value is None:
        return repr(value)
    if isinstance(value, int | float):
        return repr(value)
    return pystr(value)


def default_code(default: DocValue | None, type_hint: str) -> str | None:
    """The docs' default as code when it fits the type, else None (ignored)."""
    if default is None:
        return None
    value = default.value
    fits = {
        "str": isinstance(value, str),
        "int": isinstance(value, int) and not isinstance(value, bool),
        "float": isinstance(value, int | float) and not isinstance(value, bool),
        "bool": isinstance(value, bool),
    }
    base = type_hint.rsplit(" | ", maxsplit=1)[-1]
    if not fits.get(base, False):
        return None
    if base == "float" and isinstance(value, int):
        value = float(value)
    return literal_code(value)


class TypeRenderer(NamingState):
    """Renders schemas of one API; knows each object definition's class and module
    (`NamingState`)."""

    # ------------------------------------------------------------------ hints

    def hint(
        self, schema: Schema | None, use: ModuleUse, owner: str, seen: frozenset[str] = frozenset()
    ) -> str:
        """The type hint for ``schema``; ``owner`` names inline objects it contains."""
        if schema is None:
            return "None"
        if isinstance(schema, PrimitiveSchema):
            fmt = _FORMATS.get(schema.format or "")
            if fmt in {"datetime", "date"} and schema.type == "string":
                use.datetime.add(fmt)
                return fmt
            if fmt == "bytes" and schema.type == "string":
                return "str"
            if schema.type in _PRIMITIVES:
                return _PRIMITIVES[schema.type]
            use.typing.add("Any")
            return "Any"
        if isinstance(schema, FileSchema):
            use.files = True
            return "FileTypes"
        if isinstance(schema, AnySchema):
            use.typing.add("Any")
            return "dict[str, Any]" if schema.type == "object" else "Any"
        if isinstance(schema, EnumSchema):
            return self._enum_hint(schema, use)
        if isinstance(schema, ArraySchema):
            return f"list[{self.hint(schema.items, use, owner + 'Item', seen)}]"
        if isinstance(schema, MapSchema):
            return f"dict[str, {self.hint(schema.values, use, owner + 'Value', seen)}]"
        if isinstance(schema, RefSchema):
            return self._ref_hint(schema, use, seen)
        if isinstance(schema, ObjectSchema) and not schema.properties:
            if schema.additional_properties is not None:
                value = self.hint(schema.additional_properties, use, owner + "Value", seen)
                return f"dict[str, {value}]"
            use.typing.add("Any")
            return "dict[str, Any]"
        # Inline object or composition: a class of its own in this module.
        title = pascal_case(getattr(schema, "title", "") or "")
        name = self.new_class_name(owner if owner.endswith(title) else owner + title)
        self._apply(("c", name, None))
        target = use.inline_module or use
        view = self.class_view(name, "", schema, target, seen)
        target.inline.append(view)
        if target is not use:
            use.classes.add(name)
        return name

    def _enum_hint(self, schema: EnumSchema, use: ModuleUse) -> str:
        if schema.type == "integer" and all(_is_int(v) for v in schema.values):
            values, base = [repr(int(v)) for v in schema.values], "int"
        else:
            values, base = [pystr(v) for v in schema.values], "str"
        if not values:
            return base
        use.typing.add("Literal")
        # Open enum: listed values for editors, any value for values added later.
        return f"Literal[{', '.join(values)}] | {base}"

    def _ref_hint(self, schema: RefSchema, use: ModuleUse, seen: frozenset[str]) -> str:
        key = schema.ref.target
        definition = self.definitions.get(key) if key is not None else None
        if key is None or definition is None or definition.unresolved:
            use.typing.add("Any")
            return "dict[str, Any]"
        if key in self.class_keys:
            use.classes.add(self.class_of[key])
            return self.class_of[key]
        if key in seen:  # a non-object definition that contains itself
            use.typing.add("Any")
            return "Any"
        return self.hint(definition.schema, use, self.class_of[key], seen | {key})

    def unresolved_note(self, schema: Schema | None) -> str:
        """Why a hint fell back to ``dict[str, Any]`` (empty when it did not)."""
        while isinstance(schema, ArraySchema | MapSchema):
            schema = schema.items if isinstance(schema, ArraySchema) else schema.values
        if isinstance(schema, RefSchema):
            key = schema.ref.target
            definition = self.definitions.get(key) if key is not None else None
            if key is None or definition is None or definition.unresolved:
                return f"unresolved reference {schema.ref.href!r}: the docs do not define it"
        return ""

    # ---------------------------------------------------------------- classes

    def properties(self, schema: Schema, seen: frozenset[str]) -> list[Property]:
        """Properties of an object, with allOf parts flattened in document order."""
        if isinstance(schema, ObjectSchema):
            return list(schema.properties)
        if isinstance(schema, AllOfSchema):
            merged: dict[str, Property] = {}
            for part in schema.parts:
                for prop in self.properties(part, seen):
                    merged[prop.name] = prop
            return list(merged.values())
        if isinstance(schema, RefSchema) and schema.ref.target not in seen:
            target = self.definitions.get(schema.ref.target or "")
            if target is not None and not target.unresolved:
                return self.properties(target.schema, seen | {target.key})
        return []

    def class_view(
        self, name: str, description: str, schema: Schema, use: ModuleUse, seen: frozenset[str]
    ) -> ClassView:
        # One field per wire name: a JSON object cannot carry a key twice.
        unique: dict[str, Property] = {}
        for prop in self.properties(schema, seen):
            unique.setdefault(prop.name, prop)
        props = list(unique.values())
        names = unique_names([p.name for p in props], field_name)
        fields = []
        for prop in props:
            hint = self.hint(prop.schema, use, name + _pascal_tail(names[prop.name]), seen)
            default = None
            if not prop.required:
                # Optional fields accept null too: servers send it for "absent".
                default = default_code(prop.default, hint) or "None"
                hint = f"{hint} | None"
            fields.append(
                FieldView(
                    python_name=names[prop.name],
                    wire_name=prop.name,
                    type_hint=hint,
                    default_code=default or "",
                    alias=names[prop.name] != prop.name,
                    description=prop.description,
                    comment=self.unresolved_note(prop.schema),
                )
            )
        self._apply(("f", name, {f.wire_name: f.type_hint for f in fields}))

        def param_used(class_name: str) -> str | None:
            param = self.param_of(class_name)
            if param is not None:
                use.classes.add(param)
            return param

        params = typed_dict(
            name,
            [(f.wire_name, f.type_hint, not f.default_code) for f in fields],
            self.param_of(name) or name,
            param_used,
        )
        use.typed_dict.add("TypedDict")
        if any(f.required for f in params.fields):
            use.typed_dict.add("Required")
        return ClassView(name=name, description=description, fields=tuple(fields), params=params)


def _is_int(text: str) -> bool:
    try:
        int(text)
    except ValueError:
        return False
    return True


def _pascal_tail(python_name: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in python_name.split("_"))
