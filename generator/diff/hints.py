"""Python type hints compared as sets of union members, ``Literal`` values included.

The generated clients write open enums as ``Literal["a", "b"] | str``: the listed values
are there for editors, ``str`` keeps a value added later valid. So a hint change is
sorted into what a caller would notice: a union that only gained members accepts
everything it did (widened); literal values that come or go while the base type stays
are enum members added or removed (the code still type-checks); anything else changes
what type-checks, in one direction or the other.
"""

from __future__ import annotations

import ast
from functools import lru_cache


@lru_cache(maxsize=4096)
def members(hint: str) -> frozenset[str]:
    """``Literal["a"] | str | None`` → ``{'Literal["a"]', 'str', 'None'}``."""
    try:
        tree = ast.parse(hint, mode="eval").body
    except SyntaxError:
        return frozenset({hint})
    found: set[str] = set()
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
            stack += [node.left, node.right]
        elif (
            isinstance(node, ast.Subscript)
            and isinstance(node.value, ast.Name)
            and node.value.id == "Literal"
        ):
            values = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
            found.update(f"Literal[{ast.unparse(v)}]" for v in values)
        else:
            found.add(ast.unparse(node))
    return frozenset(found)


def literal_values(found: frozenset[str]) -> frozenset[str]:
    return frozenset(m[len("Literal[") : -1] for m in found if m.startswith("Literal["))


# Where Python's typing accepts one type for another (PEP 484's numeric tower).
_ACCEPTS = {"int": {"float"}, "float": {"complex"}}


def _covers(wide: frozenset[str], narrow: frozenset[str]) -> bool:
    """Every member of ``narrow`` is accepted by ``wide`` (``Any`` accepts all)."""
    if "Any" in wide:
        return True
    return all(m in wide or wide & _ACCEPTS.get(m, set()) for m in narrow)


def compare_hints(
    old: str, new: str, *, drop: frozenset[str] = frozenset()
) -> tuple[str, list[str]]:
    """How ``new`` relates to ``old``: ``("same" | "widened" | "narrowed" | "enum" |
    "changed", literal changes)``, ignoring the members in ``drop`` (``None`` when
    optionality is reported on its own).

    ``enum`` means only literal values differ while the rest of the union is the same;
    the list then holds ``+value``/``-value`` entries.
    """
    before, after = members(old) - drop, members(new) - drop
    if before == after:
        return "same", []
    plain_before = {m for m in before if not m.startswith("Literal[")}
    plain_after = {m for m in after if not m.startswith("Literal[")}
    lit_before, lit_after = literal_values(before), literal_values(after)
    if plain_before == plain_after and plain_before:
        changes = [f"-{v}" for v in sorted(lit_before - lit_after)]
        changes += [f"+{v}" for v in sorted(lit_after - lit_before)]
        return "enum", changes
    if _covers(after, before):
        return "widened", []
    if _covers(before, after):
        return "narrowed", []
    return "changed", []
