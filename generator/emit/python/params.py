"""Request-body ``TypedDict``s: each model class gets ``<Model>Param`` next to it.

A ``PetParam`` has the model's fields under their wire names (``photoUrls``), the
required ones marked ``Required[...]``, and nested models as their own ``...Param``
types, so a plain dict passed as a body is checked by mypy and pyright exactly as the
server will read it (``{"photo_urls": ...}`` is a type error, not a 422). Methods take
``Pet | PetParam`` (lists: ``Sequence[Pet | PetParam]``). Keys that cannot be class
attributes (``+1``, ``from``, ``__x``) use the functional ``TypedDict(...)`` form, whose
types are strings so models that reference each other still import in any order.
"""

from __future__ import annotations

import keyword
import re
from collections.abc import Callable
from dataclasses import dataclass

from generator.emit.pyshape import Atom, Call, Dict, render
from generator.emit.python.layout import annotated, class_head
from generator.emit.templating import pystr

_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_QUOTED = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")


@dataclass(frozen=True)
class ParamField:
    key: str
    """The wire name."""
    hint: str
    required: bool

    @property
    def annotation(self) -> str:
        return f"Required[{self.hint}]" if self.required else self.hint


@dataclass(frozen=True)
class TypedDictView:
    """``<Model>Param``: the model's fields by wire name, for request bodies."""

    name: str
    model: str
    fields: tuple[ParamField, ...]

    @property
    def functional(self) -> bool:
        """Whether a key cannot be written as a class attribute."""
        return any(
            not f.key.isidentifier() or keyword.iskeyword(f.key) or f.key.startswith("__")
            for f in self.fields
        )

    @property
    def docstring(self) -> str:
        return f"`{self.model}` as a plain dict: the same fields, by wire name."

    @property
    def class_line(self) -> str:
        return class_head(self.name, "TypedDict, total=False")

    @property
    def field_lines(self) -> tuple[str, ...]:
        """``key: hint`` lines of the class form, each black-shaped at indent 4: a
        top-level union as `annotated` lays it out, a ``Required[...]`` (or any other
        subscript) split at its brackets."""
        return tuple(
            annotated(f.key, f.annotation, "", 4)
            if _top_level_union(f.annotation)
            else render(Atom(f.annotation), indent=4, head=f"{f.key}: ")
            for f in self.fields
        )

    @property
    def functional_code(self) -> str:
        """``Name = TypedDict("Name", {...}, total=False)``, black-shaped."""
        items = tuple((Atom(pystr(f.key)), Atom(pystr(f.annotation))) for f in self.fields)
        call = Call(
            "TypedDict", (Atom(pystr(self.name)), Dict(items)), (("total", Atom("False")),)
        )
        return render(call, indent=0, head=f"{self.name} = ")


def _top_level_union(hint: str) -> bool:
    """Whether ``hint`` is ``A | B`` outside any brackets (string literals skipped)."""
    depth = 0
    for piece in _QUOTED.split(hint):
        for char in piece:
            depth += 1 if char in "[(" else -1 if char in "])" else 0
            if char == "|" and depth == 0:
                return True
    return False


def param_hint(hint: str, param_of: Callable[[str], str | None]) -> str:
    """``hint`` with every model class replaced by its ``...Param`` (strings kept)."""
    out: list[str] = []
    position = 0
    for quoted in _QUOTED.finditer(hint):
        out.append(_swap(hint[position : quoted.start()], param_of))
        out.append(quoted.group())
        position = quoted.end()
    out.append(_swap(hint[position:], param_of))
    return "".join(out)


def _swap(code: str, param_of: Callable[[str], str | None]) -> str:
    return _IDENT.sub(lambda m: param_of(m.group()) or m.group(), code)


def typed_dict(
    model: str,
    fields: list[tuple[str, str, bool]],
    param_name: str,
    param_of: Callable[[str], str | None],
) -> TypedDictView:
    """The view of ``model``'s ``TypedDict`` from its (wire name, hint, required)
    fields; optional fields drop the ``| None`` the model adds for received nulls."""
    params = tuple(
        ParamField(key, param_hint(hint if required else hint.removesuffix(" | None"),
                                   param_of), required)
        for key, hint, required in fields
    )  # fmt: skip
    return TypedDictView(param_name, model, params)
