"""Black's layout of the plainest long statements, written directly.

Test modules lay out thousands of ``def test_...(client: Client, ...) -> None:``
lines and calls such as ``result = client.pods.create(name=..., body=...)`` that do
not fit on one line. For those, black's splits (`splits`, `rhs`) always come to the
same thing: the statement opened at the call's (or parameters') bracket, the items
on one line or one per line with a comma, the bracket closed on a line of its own.
These functions write that directly when the statement is that plain and each of
its lines fits, and return ``None`` otherwise, where the general split lays it out;
``tests/emit/test_pyshape.py`` checks both against black. The same holds for the
few variants black's splits also always agree on: a call whose line up to its
bracket is too long (kept, or wrapped in the statement's optional parentheses), a
subscripted call (``Endpoint[Pod](...)``, split at its subscript when needed) and
an item ``name=func(...),`` of an exploded bracket.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from generator.emit.pyshape.tree import Call, Expr, flat
from generator.write.formatting import LINE_LENGTH, line_width

_NAME = r"[A-Za-z_][A-Za-z0-9_]*"
_PLAIN_PARAM = re.compile(rf"{_NAME}: {_NAME}(?:\.{_NAME})*")
_PLAIN_RETURNS = re.compile(rf"{_NAME}(?:\.{_NAME})*(?:\[{_NAME}(?:\.{_NAME})*\])?")


def def_lines(name: str, params: Sequence[str], returns: str, indent: int) -> list[str] | None:
    """A ``def`` line with plain ``name: Type`` parameters and a plain return
    annotation. Black splits it at the parameters' bracket (a left-hand split): the
    head ``def name(``, the parameters on one line with a trailing comma added when
    there is a single one, the tail ``) -> returns:``; parameters that do not fit on
    one line go one per line, each with a comma."""
    pad = " " * indent
    head, tail = f"{pad}def {name}(", f"{pad}) -> {returns}:"
    if (
        not params
        or not re.fullmatch(_NAME, name)
        or not _PLAIN_RETURNS.fullmatch(returns)
        or not all(_PLAIN_PARAM.fullmatch(param) for param in params)
        or max(len(head), len(tail)) > LINE_LENGTH
    ):
        return None
    inner = pad + "    "
    body = inner + ", ".join(params) + ("," if len(params) == 1 else "")
    if len(body) <= LINE_LENGTH:
        return [head, body, tail]
    if len(params) == 1:
        return None
    lines = [f"{inner}{param}," for param in params]
    if any(len(line) > LINE_LENGTH for line in lines):
        return None
    return [head, *lines, tail]


_PLAIN_FUNC = re.compile(rf"{_NAME}(?:\(\))?(?:\.{_NAME}(?:\(\))?)*")
_CALL_HEAD = re.compile(rf"(?:{_NAME} = |return |return await |await )?")
_MAGIC_COMMA = re.compile(r",\s*[)\]}]")
"""A comma before a closing bracket (black's magic trailing comma, or a one-tuple's):
a call holding one is left to the general split."""

Item = Callable[[Expr, int, str, str], str]


def call_lines(expr: Expr, indent: int, head: str, item: Item) -> list[str] | None:
    """A call statement ``head + func(items)``: ``head`` a plain assignment, ``return``,
    ``return await``, ``await`` or nothing, ``func`` a dotted name (its parts may be
    empty calls), at least one item, no comma before a closing bracket. Black splits
    it at the call's bracket: ``head + func(``, the items on one line when they fit,
    else one per line with a comma (a lone item without), each laid out as such an
    item (``item(value, indent, prefix, tail)``), then ``)``.

    When ``head + func(`` is too long itself (a plain dotted ``func`` only), black
    still splits there, keeping that long line, unless the statement has optional
    parentheses (an assignment or a ``return``): then it wraps the call in them, as
    ``head(``, the call laid out the same way one level deeper, ``)``, if every line
    of that fits."""
    if not isinstance(expr, Call) or not (expr.args or expr.kwargs):
        return None
    subscripted = _SUBSCRIPTED.fullmatch(expr.func)
    if not _CALL_HEAD.fullmatch(head) or not (subscripted or _PLAIN_FUNC.fullmatch(expr.func)):
        return None
    if expr.func.count("()") > 1:  # black may keep a chain of calls in parentheses
        return None
    if _MAGIC_COMMA.search(flat(expr)):
        return None
    first = f"{' ' * indent}{head}{expr.func}("
    if len(first) <= LINE_LENGTH:
        return _at_bracket(first, expr, indent, item)
    if subscripted:
        return _subscripted(expr, indent, head, item)
    if "()" in expr.func:  # a dot after a call is a delimiter black may split at
        return None
    lines = _at_bracket(first, expr, indent, item)
    if lines is None or head in ("", "await "):
        return lines
    pad = " " * indent
    inner_head = "await " if head.endswith("await ") else ""
    one_line = f"{pad}    {inner_head}{flat(expr)}"
    inner = [one_line] if line_width(one_line) <= LINE_LENGTH else None
    inner = inner or call_lines(expr, indent + 4, inner_head, item)
    if inner is None:
        return None
    wrapped = [f"{pad}{head.removesuffix('await ')}(", *inner, pad + ")"]
    if all(line_width(part) <= LINE_LENGTH for part in "\n".join(wrapped).split("\n")):
        return wrapped
    return lines


_ITEM_PREFIX = re.compile(rf"(?:{_NAME}=)?")
_ITEM_FUNC = re.compile(rf"{_NAME}(?:\.{_NAME})*(?:\((?:{_NAME})?\)(?:\.{_NAME})+)?")
"""A dotted name, maybe with one call in it followed by an attribute (as in
``TypeAdapter(Pod).validate_python``): a dot after a bracket is a delimiter, but a
single one is never split at."""


def item_lines(
    expr: Expr, indent: int, prefix: str, tail: str, item: Item
) -> list[str] | None:
    """An item ``prefix + func(items) + tail`` of an exploded bracket (``prefix`` a
    keyword or nothing, ``tail`` its comma or nothing), ``func`` as `_ITEM_FUNC`
    says: black finds no delimiter to split the item at (its comma is its last leaf)
    and splits it at the call's bracket, as `call_lines` does, when
    ``prefix + func(`` fits; ``None`` otherwise."""
    if not isinstance(expr, Call) or not (expr.args or expr.kwargs) or tail not in ("", ","):
        return None
    if not _ITEM_PREFIX.fullmatch(prefix) or not _ITEM_FUNC.fullmatch(expr.func):
        return None
    first = f"{' ' * indent}{prefix}{expr.func}("
    if len(first) > LINE_LENGTH or _MAGIC_COMMA.search(flat(expr)):
        return None
    lines = _at_bracket(first, expr, indent, item)
    if lines is not None:
        lines[-1] += tail
    return lines


_DOTTED = rf"{_NAME}(?:\.{_NAME})*"
_SUBSCRIPTED = re.compile(rf"({_DOTTED})\[({_DOTTED})\]")
"""A subscripted dotted name, as in ``Endpoint[Pod]``."""


def _subscripted(expr: Call, indent: int, head: str, item: Item) -> list[str] | None:
    """`call_lines` of an assignment ``x = name[argument](items)`` whose line up to the
    call's bracket does not fit. Black then splits at the subscript, ``x = name[``,
    ``argument``, and after it ``](items)`` on one line if that fits (its search for
    trailers to leave out reaches the subscript), else ``](`` with the items split
    at the call's bracket (the split at the call's bracket, its first line split in
    turn). Only ASCII items, which black's search counts in characters."""
    subscripted = _SUBSCRIPTED.fullmatch(expr.func)
    if subscripted is None or not _ASSIGNMENT.fullmatch(head):
        return None
    name, argument = subscripted[1], subscripted[2]
    pad = " " * indent
    opening = f"{pad}{head}{name}["
    inner = flat(expr)[len(expr.func) + 1 : -1]
    if len(opening) > LINE_LENGTH or not inner.isascii():
        return None
    lines = [opening, f"{pad}    {argument}"]
    closing = f"{pad}]({inner})"
    if len(closing) <= LINE_LENGTH:
        return [*lines, closing]
    rest = _at_bracket(f"{pad}](", expr, indent, item)
    return None if rest is None else [*lines, *rest]


_ASSIGNMENT = re.compile(rf"{_NAME} = ")


def _at_bracket(first: str, expr: Call, indent: int, item: Item) -> list[str] | None:
    """`call_lines`' split at the call's bracket, after its first line ``first``."""
    pad = " " * indent
    inner = pad + "    "
    code = flat(expr)
    body = inner + code[len(expr.func) + 1 : -1]
    if line_width(body) <= LINE_LENGTH:
        return [first, body, pad + ")"]
    items = [("", arg) for arg in expr.args] + [(f"{k}=", v) for k, v in expr.kwargs]
    if len(items) == 1:  # the body line, too long, holds no comma to split at
        prefix, value = items[0]
        return [first, item(value, indent + 4, prefix, ""), pad + ")"]
    lines = [first]
    for prefix, value in items:
        line = f"{inner}{prefix}{flat(value)},"
        fits = line_width(line) <= LINE_LENGTH
        lines.append(line if fits else item(value, indent + 4, prefix, ","))
    lines.append(pad + ")")
    return lines
