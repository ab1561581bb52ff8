"""Black's layout of the plainest long statements, written directly.

Test modules lay out thousands of ``def test_...(client: Client, ...) -> None:``
lines and calls such as ``result = client.pods.create(name=..., body=...)`` that do
not fit on one line. For those, black's splits (`splits`, `rhs`) always come to the
same thing: the statement opened at the call's (or parameters') bracket, the items
on one line or one per line with a comma, the bracket closed on a line of its own.
These functions write that directly when the statement is that plain and each of
its lines fits, and return ``None`` otherwise, where the general split lays it out;
``tests/emit/test_pyshape.py`` checks both against black.
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

Item = Callable[[Expr, int, str], str]


def call_lines(expr: Expr, indent: int, head: str, item: Item) -> list[str] | None:
    """A call statement ``head + func(items)``: ``head`` a plain assignment, ``return``,
    ``return await``, ``await`` or nothing, ``func`` a dotted name (its parts may be
    empty calls), at least one item, no comma before a closing bracket. Black splits
    it at the call's bracket: ``head + func(`` (which must fit), the items on one line
    when they fit, else (two items or more) one per line with a comma, each laid out
    as such an item (``item(value, indent, prefix)``), then ``)``."""
    if not isinstance(expr, Call) or not (expr.args or expr.kwargs):
        return None
    if not _CALL_HEAD.fullmatch(head) or not _PLAIN_FUNC.fullmatch(expr.func):
        return None
    if expr.func.count("()") > 1:  # black may keep a chain of calls in parentheses
        return None
    pad = " " * indent
    first = f"{pad}{head}{expr.func}("
    code = flat(expr)
    if len(first) > LINE_LENGTH or _MAGIC_COMMA.search(code):
        return None
    inner = pad + "    "
    body = inner + code[len(expr.func) + 1 : -1]
    if line_width(body) <= LINE_LENGTH:
        return [first, body, pad + ")"]
    items = [("", arg) for arg in expr.args] + [(f"{k}=", v) for k, v in expr.kwargs]
    if len(items) == 1:
        return None
    lines = [first]
    for prefix, value in items:
        line = f"{inner}{prefix}{flat(value)},"
        lines.append(line if line_width(line) <= LINE_LENGTH else item(value, indent + 4, prefix))
    lines.append(pad + ")")
    return lines
