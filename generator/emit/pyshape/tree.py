"""The expressions emitters build (atoms, calls, literals) and their one-line form."""

from __future__ import annotations

from dataclasses import dataclass

from generator.emit.memo import ReprMemo
from generator.emit.templating import pystr

COMMA_PRIORITY, VBAR_PRIORITY, DOT_PRIORITY = 18, 9, 1
OPENING = {"(": ")", "[": "]", "{": "}"}
CLOSING = {")", "]", "}"}


@dataclass(frozen=True)
class Atom:
    code: str


@dataclass(frozen=True)
class Call:
    func: str
    args: tuple[Expr, ...] = ()
    kwargs: tuple[tuple[str, Expr], ...] = ()


@dataclass(frozen=True)
class Dict:
    items: tuple[tuple[Expr, Expr], ...]


@dataclass(frozen=True)
class List:
    items: tuple[Expr, ...]


@dataclass(frozen=True)
class Tuple:
    items: tuple[Expr, ...]


Expr = Atom | Call | Dict | List | Tuple


def value_expr(value: object) -> Expr:
    """The literal of a JSON value: strings (and dict keys) through ``pystr``; whole
    objects and arrays remembered (`generator.emit.memo`), as docs repeat examples."""
    if type(value) in (dict, list):  # exact types: a subclass may repr differently
        return _REMEMBERED(value)
    return _value_expr(value)


def _value_expr(value: object) -> Expr:
    if isinstance(value, dict):
        return Dict(tuple((Atom(pystr(str(k))), _value_expr(v)) for k, v in value.items()))
    if isinstance(value, list):
        return List(tuple(_value_expr(v) for v in value))
    if isinstance(value, float):
        return Atom(repr(value).replace("e+", "e"))  # black writes 1e16, not 1e+16
    if isinstance(value, bool | int) or value is None:
        return Atom(repr(value))
    return Atom(pystr(value))


_REMEMBERED = ReprMemo(_value_expr, max_chars=16_000_000)


def flat(expr: Expr) -> str:
    """``expr`` on one line, spaced the way black spaces it."""
    if isinstance(expr, Atom):
        return expr.code
    if isinstance(expr, Call):
        parts = [flat(a) for a in expr.args] + [f"{k}={flat(v)}" for k, v in expr.kwargs]
        return f"{expr.func}({', '.join(parts)})"
    if isinstance(expr, Dict):
        return "{" + ", ".join(f"{flat(k)}: {flat(v)}" for k, v in expr.items) + "}"
    if isinstance(expr, List):
        return "[" + ", ".join(flat(i) for i in expr.items) + "]"
    if len(expr.items) == 1:
        return f"({flat(expr.items[0])},)"
    return "(" + ", ".join(flat(i) for i in expr.items) + ")"
