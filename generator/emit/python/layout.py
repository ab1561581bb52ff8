"""Lines of the Python client whose length depends on the docs, laid out as black would.

The client templates write their fixed text in black's shape; a line that holds names
or values from the docs can only be laid out once its length is known, so the view
builders call these helpers and templates place the finished text. Each helper returns
what black (pinned mode, line length 88) writes for the statement at ``indent`` spaces,
without a final newline: the emitted modules are then black fixed points and the
writer's black pass has nothing to change. A statement whose lines would still be too
long after the splits a helper knows is returned on one line, so black (which always
reformats overlong lines) lays it out instead of a wrong guess being kept.
``tests/emit/test_python_black_shape.py`` checks the helpers against black itself.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from generator.emit.pyshape import Atom, Call, render
from generator.write.formatting import LINE_LENGTH, line_width

_DOTTED = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*")


def fits(line: str) -> bool:
    return line_width(line) <= LINE_LENGTH


def class_head(name: str, bases: str) -> str:
    """``class name(bases):`` at the top level; when too long, black splits at the
    bracket and keeps the bases together on the next line (a class's arguments are
    not exploded one per line unless they end with a comma). Left on one line for
    black when even the bases do not fit there."""
    line = f"class {name}({bases}):"
    if fits(line) or not fits(f"    {bases}"):
        return line
    return f"class {name}(\n    {bases}\n):"


def call_in_parens(head: str, argument_code: str, indent: int) -> str:
    """``raise E("...")`` with one unsplittable argument: joined when it fits, else the
    argument alone on the next line."""
    pad = " " * indent
    line = f"{pad}{head}({argument_code})"
    if fits(line):
        return line
    return f"{pad}{head}(\n{pad}    {argument_code}\n{pad})"


def conditional_assignment(target: str, value: str, test: str, other: str, indent: int) -> str:
    """``target = value if test else other``: one line; else the conditional in
    parentheses on its own line; else split before ``if`` and ``else`` (black gives
    two delimiters of the same priority their own lines). Left on one line for black
    when even those lines would be too long."""
    pad, inner = " " * indent, " " * (indent + 4)
    line = f"{pad}{target} = {value} if {test} else {other}"
    if fits(line):
        return line
    body = f"{inner}{value} if {test} else {other}"
    if fits(body):
        return f"{pad}{target} = (\n{body}\n{pad})"
    parts = [f"{inner}{value}", f"{inner}if {test}", f"{inner}else {other}"]
    if not all(map(fits, parts)):
        return line
    return f"{pad}{target} = (\n" + "\n".join(parts) + f"\n{pad})"


def call_statement(head: str, func: str, args: Sequence[str], indent: int) -> str:
    """``head + func(args)`` whose arguments black cannot split further (names,
    literals, ``lambda: C(self)``): one line; else the arguments together on the next
    line; else one per line with a trailing comma; after an assignment head too long
    for ``func(``, as `generator.emit.pyshape` lays it out. Other statements whose
    lines would still be too long stay on one line, for black to lay out."""
    pad, inner = " " * indent, " " * (indent + 4)
    line = f"{pad}{head}{func}({', '.join(args)})"
    if fits(line):
        return line
    if not fits(f"{pad}{head}{func}("):
        if not head.endswith(" = "):
            return line
        # Parentheses around the value, or a split at its bracket after all: black's
        # choice between them (right_hand_split's optional parentheses) is pyshape's.
        return render(Call(func, tuple(Atom(a) for a in args)), indent=indent, head=head)
    together = f"{inner}{', '.join(args)}"
    if fits(together):
        return f"{pad}{head}{func}(\n{together}\n{pad})"
    if not all(fits(f"{inner}{a},") for a in args):
        if head.endswith(" = ") and all(_DOTTED.fullmatch(a) for a in args):
            # A name longer than a line (``Resource.a_very_long_method``): black's
            # choice is pyshape's, which ports it.
            return render(Call(func, tuple(Atom(a) for a in args)), indent=indent, head=head)
        return line
    body = "".join(f"{inner}{a},\n" for a in args)
    return f"{pad}{head}{func}(\n{body}{pad})"


def self_def(name: str, returns: str, indent: int) -> str:
    """``def name(self) -> returns:``; when too long black splits after ``(`` and adds
    a trailing comma (its left-hand split of a ``def``). Left long if that cannot fit."""
    pad = " " * indent
    line = f"{pad}def {name}(self) -> {returns}:"
    if fits(line):
        return line
    closing = f"{pad}) -> {returns}:"
    if not (fits(f"{pad}def {name}(") and fits(closing)):
        return line
    return f"{pad}def {name}(\n{pad}    self,\n{closing}"


def annotated(name: str, hint: str, tail: str, indent: int, *, comma: bool = False) -> str:
    """``name: hint`` + ``tail`` (``" = default"`` or nothing), plus ``,`` for a
    parameter of an exploded ``def``. When too long: a statement's default goes in
    parentheses on its own line if that fits (black splits the right-hand side
    first); otherwise a union hint goes in parentheses on lines of its own, split at
    ``|`` as needed. A long hint without a top-level ``|`` is left for black."""
    pad, end = " " * indent, "," if comma else ""
    line = f"{pad}{name}: {hint}{tail}{end}"
    if fits(line):
        return line
    if tail and not comma and fits(f"{pad}{name}: {hint} = ("):
        return render(Atom(tail.removeprefix(" = ")), indent=indent, head=f"{name}: {hint} = ")
    if " | " not in hint:
        return line
    body = render(Atom(hint), indent=indent + 4, inside_brackets=True)
    return f"{pad}{name}: (\n{body}\n{pad}){tail}{end}"
