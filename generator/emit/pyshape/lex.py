"""The leaves of a statement: built from its expression tree (only atoms, heads and
tails are lexed), with black's invisible parentheses where black puts them."""

from __future__ import annotations

import functools
import re

from generator.emit.pyshape.tokens import Leaf
from generator.emit.pyshape.tree import (
    CLOSING,
    OPENING,
    Atom,
    Call,
    Dict,
    Expr,
    List,
    Tuple,
)

_KEYWORDS = frozenset({"return", "await", "assert", "not", "in", "is", "and", "or", "if"})

_TOKEN = re.compile(
    r"\s*(?:(?P<STRING>[rbuRBU]*(?:\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'))"
    r"|(?P<NUMBER>-?\d[\w.+-]*)|(?P<NAME>\w+)|(?P<OP>->|\*\*|.))"
)


def _wraps(head: str, expr: Expr, inside_brackets: bool) -> bool:
    """Whether black puts invisible parentheses around ``expr`` (assignment values,
    ``return``/``assert`` operands), which a tuple's own parentheses replace."""
    if inside_brackets or (isinstance(expr, Tuple) and expr.items):
        return False
    stripped = head.rstrip()
    return stripped.endswith((" =", "return", "assert")) or stripped == "return await"


def _tokens(head: str, expr: Expr, tail: str, *, wrap: bool) -> list[Leaf]:
    if wrap:
        body = head.rstrip()
        if body.endswith("return await"):
            body = body[: -len(" await")]
        target, colon, annotation = body.partition(": ")
        if colon:  # black also wraps an annotation in invisible parentheses
            front = [
                *_lex(target + ":"),
                *_invisible(_lex(annotation.removesuffix(" ="))),
                *_lex(" ="),
            ]
        else:
            front = _lex(body)
        rest = head[len(body) :].strip()  # "await"
        inner = [*_lex(rest), *_leaves(expr, " " if rest else "")]
        return [*front, *_invisible(inner), *_lex(tail)]
    return [*_lex(head), *_leaves(expr, " " if head.endswith(" ") else ""), *_lex(tail)]


def _leaves(expr: Expr, space: str) -> list[Leaf]:
    """The tokens of ``flat(expr)`` built from the tree (only atoms are lexed)."""
    out: list[Leaf] = []
    _add(expr, space, out)
    return out


def _add(expr: Expr, space: str, out: list[Leaf]) -> None:
    if isinstance(expr, Atom):
        leaves = _lex(expr.code)
        leaves[0].space = leaves[0].prefix = space
        out.extend(leaves)
        return
    if isinstance(expr, Call):
        func = _lex(expr.func)
        func[0].space = func[0].prefix = space
        out.extend(func)
        out.append(Leaf("(", "(", "", trailer=True))
        for i, arg in enumerate(expr.args):
            if i:
                out.append(Leaf("COMMA", ",", "", arglist=True))
            _add(arg, " " if i else "", out)
        for i, (name, value) in enumerate(expr.kwargs):
            if i or expr.args:
                out.append(Leaf("COMMA", ",", "", arglist=True))
            out.append(Leaf("NAME", name, " " if i or expr.args else ""))
            out.append(Leaf("EQUAL", "=", ""))
            _add(value, "", out)
        out.append(Leaf(")", ")", ""))
        return
    pair = {Dict: "{}", List: "[]", Tuple: "()"}[type(expr)]
    opening, closing = pair[0], pair[1]
    out.append(Leaf(opening, opening, space))
    if isinstance(expr, Dict):
        for i, (key, value) in enumerate(expr.items):
            if i:
                out.append(Leaf("COMMA", ",", ""))
            _add(key, " " if i else "", out)
            out.append(Leaf("COLON", ":", ""))
            _add(value, " ", out)
    else:
        for i, item in enumerate(expr.items):
            if i:
                out.append(Leaf("COMMA", ",", ""))
            _add(item, " " if i else "", out)
        if isinstance(expr, Tuple) and len(expr.items) == 1:
            out.append(Leaf("COMMA", ",", ""))
    out.append(Leaf(closing, closing, ""))


def _invisible(leaves: list[Leaf]) -> list[Leaf]:
    leaves[0].space = leaves[0].prefix = ""
    return [Leaf("(", "", " "), *leaves, Leaf(")", "", "")]


def _lex(text: str) -> list[Leaf]:
    """Fresh leaves for ``text`` (leaves are mutable; their tokens are cached)."""
    return [Leaf(*token) for token in _lex_tokens(text)]


@functools.lru_cache(maxsize=4096)
def _lex_tokens(text: str) -> tuple[tuple[str, str, str, bool, bool], ...]:
    return tuple((x.kind, x.value, x.space, x.trailer, x.arglist) for x in _lex_text(text))


def _lex_text(text: str) -> list[Leaf]:
    leaves: list[Leaf] = []
    stack: list[Leaf] = []
    pos = 0
    while pos < len(text):
        found = _TOKEN.match(text, pos)
        assert found is not None and found.lastgroup is not None
        pos = found.end()
        kind, value = found.lastgroup, found[found.lastgroup]
        if not value.strip():
            break
        prefix = " " if found[0][0] == " " else ""
        prev = leaves[-1] if leaves else None
        leaf = Leaf(kind, value, prefix)
        if kind == "OP":
            leaf.kind = {".": "DOT", ",": "COMMA", ":": "COLON", "=": "EQUAL"}.get(value, "OP")
            if value in OPENING:
                leaf.kind = value
                leaf.trailer = (
                    value != "{"
                    and prev is not None
                    and (
                        prev.kind in ("STRING", *CLOSING)
                        or (prev.kind == "NAME" and prev.value not in _KEYWORDS)
                    )
                )
                stack.append(leaf)
            elif value in CLOSING:
                leaf.kind = value
                stack.pop()
            elif value == "," and stack:
                leaf.arglist = stack[-1].trailer and stack[-1].value == "("
        leaves.append(leaf)
    return leaves
