"""Black-exact layout of the Python expressions emitters build.

A template cannot know how long a line gets (names and values come from the docs),
so emitters that want their output to be a fixed point of black (see
``generator.write.formatting``) lay such statements out here. API::

    Atom(code)                       a name, number, string literal, ``a.b``, ``x()``...
    Call(func, args=(), kwargs=())   ``func(arg, ..., name=value, ...)``
    Dict(((key, value), ...))        ``{key: value, ...}``
    List((item, ...)), Tuple((item, ...))
    value_expr(value) -> Expr        a JSON value (strings through ``pystr``)
    flat(expr) -> str                the expression on one line, black's spacing
    render(expr, indent=0, head="", tail="", inside_brackets=False) -> str
    import_line(module, names, indent=0) -> str          a ``from ... import`` line
    render_def(name, params, returns, indent=0) -> str   a ``def`` line (no body)

``render`` returns the statement ``head + flat(expr) + tail`` as black lays it out
at ``indent`` spaces (a multiple of 4): its lines, each indented, joined by
``"\\n"`` without a final newline. ``inside_brackets`` says the line is one item of
an exploded bracket (``head="name=", tail=","`` in a call black splits one argument
per line), where black may split at the item's commas first. The statement must
be an assignment (``x = ``, ``x: T = ``), ``return``/``await``/``assert`` or a bare
expression; heads and tails are short fixed code such as ``"result = "`` or ``")"``.

Rather than approximate black, this is a port of the parts of black's line
splitting (``black.linegen``: right-hand split with omitted trailers and optional
parentheses, delimiter split, magic trailing commas) that such statements reach,
over a small token list; ``tests/emit/test_pyshape.py`` checks it against
``black.format_str`` for arbitrary values, names, heads and indents. Modules:
`tree` (the expressions, their one-line form), `lex` (their leaves), `tokens`
(black's leaves, lines and bracket tracking), `splits` and `rhs` (black's splits),
`direct` (the plainest calls, call items and ``def`` lines, which those splits
always lay out alike, written directly); this one holds the entry points and the
direct layout of literal values.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from generator.emit.incremental.active import remembered_as
from generator.emit.pyshape.direct import call_lines, def_lines, item_lines
from generator.emit.pyshape.lex import _invisible, _lex, _tokens, _wraps
from generator.emit.pyshape.splits import _transform
from generator.emit.pyshape.tokens import Leaf, Line
from generator.emit.pyshape.tree import (
    Atom,
    Call,
    Dict,
    Expr,
    List,
    Tuple,
    flat,
    shape,
    value_expr,
)
from generator.write.formatting import LINE_LENGTH, line_width

__all__ = [
    "Atom",
    "Call",
    "Dict",
    "Expr",
    "List",
    "Tuple",
    "flat",
    "import_line",
    "render",
    "render_def",
    "value_expr",
]


def render(
    expr: Expr, indent: int = 0, head: str = "", tail: str = "", inside_brackets: bool = False
) -> str:
    """The statement ``head + expr + tail`` as black writes it at ``indent`` spaces."""
    code = flat(expr)
    line_str = " " * indent + head + code + tail
    if line_width(line_str) <= LINE_LENGTH:
        return line_str  # black keeps a fitting line as is (we never emit magic commas)
    # Splitting is the costly part: a pure function of these values, kept from one
    # run to the next while md2sdk emits incrementally, keyed by the tree's one-line
    # form and skeleton (`shape`), which determine it: the keys of a cold Kubernetes
    # tests target cost 0.2 s of CPU so, 0.43 s as the pickles of the trees.
    material = _material(str(indent), str(inside_brackets), head, tail, shape(expr), code)
    return remembered_as(
        "pyshape.render", material, _split, expr, indent, head, tail, inside_brackets
    )


def _material(*parts: str) -> bytes:
    """A layout's cache key material: ``parts`` each behind its length, so no two
    lists of parts give the same text."""
    return "".join([f"{len(part)}:{part}" for part in parts]).encode()


def _split(expr: Expr, indent: int, head: str, tail: str, inside_brackets: bool) -> str:
    """`render` of a statement too long for one line."""
    code = flat(expr)
    direct: list[str] | None = None
    if not tail and not inside_brackets and _is_value(expr) and _PLAIN_HEAD.fullmatch(head):
        opening = " " * indent + head + code[0]
        if isinstance(expr, Dict | List) and expr.items and line_width(opening) <= LINE_LENGTH:
            return "\n".join(_value_lines(head, expr, "", indent))
    if inside_brackets and tail in ("", ",") and _is_value(expr) and _ITEM_HEAD.fullmatch(head):
        opening = " " * indent + head + code[0]
        if isinstance(expr, Dict | List) and expr.items and line_width(opening) <= LINE_LENGTH:
            return "\n".join(_value_lines(head, expr, tail, indent))
    if inside_brackets:
        direct = item_lines(expr, indent, head, tail, _item)
    elif not tail:
        direct = call_lines(expr, indent, head, _item)
    if direct is not None:
        return "\n".join(direct)
    line = Line(indent // 4, inside_brackets)
    line.extend(_tokens(head, expr, tail, wrap=_wraps(head, expr, inside_brackets)))
    return "\n".join(str(x) for x in _transform(line, frozenset()))


def _item(value: Expr, indent: int, prefix: str, tail: str) -> str:
    """An item of a call split at its bracket (`direct.call_lines`), too long for its
    line: ``tail`` is its comma, or nothing for a call's lone item."""
    return _split(value, indent, prefix, tail, True)


_PLAIN_HEAD = re.compile(r"(?:[A-Za-z_][A-Za-z0-9_]*(?:: [A-Za-z_][A-Za-z0-9_]*)? = )?")
_ITEM_HEAD = re.compile(r"(?:[A-Za-z_][A-Za-z0-9_]*=)?")
"""The head of an item of an exploded bracket whose literal value `_value_lines`
lays out: black finds no delimiter in ``name=value`` (its comma, if any, is the last
leaf, which the delimiter split leaves out) and splits it at the value's bracket."""


def _is_value(expr: Expr) -> bool:
    """Only literals and atoms: a JSON value as `value_expr` builds it."""
    if isinstance(expr, Atom):
        return True
    if isinstance(expr, Dict):
        return all(_is_value(k) and _is_value(v) for k, v in expr.items)
    return isinstance(expr, List) and all(_is_value(i) for i in expr.items)


def _value_lines(prefix: str, expr: Expr, suffix: str, indent: int) -> list[str]:
    """Black's layout of a literal value, directly (the general splitter gives the
    same lines, much more slowly, for the big example values of generated tests).

    A line that fits stays; a collection that does not is split after its opening
    bracket with one item per line and a trailing comma, except a lone item, which
    black leaves without a comma (and unsplit when it fits); atoms never split.
    Only for a plain ``name = `` / ``name: T = `` head or an item of such a value,
    whose opening bracket line fits: there black always splits at the value's
    bracket, never at the statement's optional parentheses.
    """
    pad = " " * indent
    line = pad + prefix + flat(expr) + suffix
    if line_width(line) <= LINE_LENGTH or not isinstance(expr, Dict | List) or not expr.items:
        return [line]
    items: list[tuple[str, Expr]]
    if isinstance(expr, Dict):
        items = [(flat(k) + ": ", v) for k, v in expr.items]
        opening, closing = "{", "}"
    else:
        items = [("", v) for v in expr.items]
        opening, closing = "[", "]"
    out = [pad + prefix + opening]
    comma = "," if len(items) > 1 else ""
    for item_prefix, value in items:
        out.extend(_value_lines(item_prefix, value, comma, indent + 4))
    out.append(pad + closing + suffix)
    return out


def import_line(module: str, names: Sequence[str], indent: int = 0) -> str:
    """``from module import a, b`` on one line when it fits, else one name per line in
    parentheses with a trailing comma (black always explodes an import it splits)."""
    pad = " " * indent
    line = f"{pad}from {module} import {', '.join(names)}"
    if not names or line_width(line) <= LINE_LENGTH:
        return line
    body = "".join(f"{pad}    {name},\n" for name in names)
    return f"{pad}from {module} import (\n{body}{pad})"


def render_def(name: str, params: Sequence[str], returns: str, indent: int = 0) -> str:
    """``def name(params) -> returns:`` as black writes it; params are ``"x: T"``."""
    code = f"def {name}({', '.join(params)}) -> {returns}:"
    if line_width(" " * indent + code) <= LINE_LENGTH:
        return " " * indent + code
    material = _material(str(indent), name, returns, *params)
    return remembered_as(
        "pyshape.render_def", material, _split_def, name, tuple(params), returns, indent
    )


def _split_def(name: str, params: Sequence[str], returns: str, indent: int) -> str:
    """`render_def` of a ``def`` line too long for one line."""
    direct = def_lines(name, params, returns, indent)
    if direct is not None:
        return "\n".join(direct)
    # The leaves of `def name(params) ->`, each parameter lexed on its own: test
    # modules repeat the same few parameters in thousands of unique signatures.
    leaves = _lex(f"def {name}(")
    for i, param in enumerate(params):
        lexed = _lex(param)
        if i:
            leaves.append(Leaf("COMMA", ",", "", arglist=True))
            if lexed:
                lexed[0].space = lexed[0].prefix = " "
        leaves.extend(lexed)
    leaves += [Leaf(")", ")", ""), Leaf("OP", "->", " "), *_invisible(_lex(returns)), *_lex(":")]
    line = Line(indent // 4)
    line.extend(leaves)
    return "\n".join(str(x) for x in _transform(line, frozenset()))
