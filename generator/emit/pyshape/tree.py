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
    """``expr`` on one line, spaced the way black spaces it.

    Remembered per node (`_FLAT`): a literal value's layout asks for the one-line form
    of each of its collections, at every level, and test emitters ask again for
    values they hoist and then lay out."""
    if isinstance(expr, Atom):
        return expr.code
    known = _FLAT.get(id(expr))
    if known is not None and known[0] is expr:
        return known[1]
    text = _flat(expr)
    _FLAT.keep(expr, text)
    return text


def _flat(expr: Call | Dict | List | Tuple) -> str:
    if isinstance(expr, Call):
        parts = [flat(a) for a in expr.args] + [f"{k}={flat(v)}" for k, v in expr.kwargs]
        return f"{expr.func}({', '.join(parts)})"
    if isinstance(expr, Dict):
        return "{" + ", ".join([f"{flat(k)}: {flat(v)}" for k, v in expr.items]) + "}"
    if isinstance(expr, List):
        return "[" + ", ".join([flat(i) for i in expr.items]) + "]"
    if len(expr.items) == 1:
        return f"({flat(expr.items[0])},)"
    return "(" + ", ".join([flat(i) for i in expr.items]) + ")"


def shape(expr: Expr) -> str:
    """The skeleton of ``expr``: its nodes in order, each with its kind, its number of
    items and keywords, and the *lengths* of its strings (an atom's code, a call's
    function and keyword names) instead of the strings. `flat` writes those strings
    in the same order between fixed punctuation, so a skeleton and a one-line form
    determine the tree: the pair keys a function of the tree (`pyshape.render`) as
    its pickle would, at a fraction of the cost. Remembered per node, as `flat` is.

    Each node is prefix-free: an atom ``<n>.``; a call ``c<n>(`` (function name),
    its arguments, ``|``, then ``<n>=`` and a value per keyword, ``)``; a dict
    ``{``, keys and values alternating, ``}``; a list ``[...]``; a tuple ``(...)``."""
    if isinstance(expr, Atom):
        return f"{len(expr.code)}."
    known = _SHAPE.get(id(expr))
    if known is not None and known[0] is expr:
        return known[1]
    text = _shape(expr)
    _SHAPE.keep(expr, text)
    return text


def _shape(expr: Call | Dict | List | Tuple) -> str:
    if isinstance(expr, Call):
        args = "".join([shape(a) for a in expr.args])
        kwargs = "".join([f"{len(k)}={shape(v)}" for k, v in expr.kwargs])
        return f"c{len(expr.func)}({args}|{kwargs})"
    if isinstance(expr, Dict):
        return "{" + "".join([shape(k) + shape(v) for k, v in expr.items]) + "}"
    if isinstance(expr, List):
        return "[" + "".join([shape(i) for i in expr.items]) + "]"
    return "(" + "".join([shape(i) for i in expr.items]) + ")"


class _FlatMemo(dict[int, tuple[Expr, str]]):
    """One-line forms (or skeletons) by node id, each kept with its node (so the id
    cannot be reused while it is here: nodes are immutable, so a hit is always right); emptied when
    the texts (plus about 100 bytes an entry) pass ``max_size``, which bounds memory
    in a long-lived process."""

    def __init__(self, max_size: int) -> None:
        super().__init__()
        self.max_size = max_size
        self.size = 0

    def keep(self, expr: Expr, text: str) -> None:
        cost = len(text) + 100
        if self.size + cost > self.max_size:
            self.clear()
            self.size = 0
        self[id(expr)] = (expr, text)
        self.size += cost


_FLAT = _FlatMemo(max_size=24_000_000)
_SHAPE = _FlatMemo(max_size=8_000_000)
