"""Tokens and logical lines: the parts of black's ``Leaf``, ``Line`` and bracket
tracker that the splits need, built from an expression tree."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from generator.emit.pyshape.tree import (
    CLOSING,
    COMMA_PRIORITY,
    DOT_PRIORITY,
    OPENING,
    VBAR_PRIORITY,
    Atom,
    Call,
    Dict,
    Expr,
    List,
    Tuple,
)
from generator.write.formatting import LINE_LENGTH, line_width

_KEYWORDS = frozenset({"return", "await", "assert", "not", "in", "is", "and", "or", "if"})


@dataclass(eq=False)
class Leaf:
    kind: str  # NAME STRING NUMBER DOT COMMA COLON EQUAL OP or a bracket ("" = invisible)
    value: str
    space: str  # the whitespace black puts before it; `prefix` is that unless a split cleared it
    trailer: bool = False  # a call's or subscript's bracket (not a literal's)
    arglist: bool = False  # a comma between call arguments
    opening: Leaf | None = None
    depth: int = 0
    prefix: str = field(init=False)

    def __post_init__(self) -> None:
        self.prefix = self.space

    def __str__(self) -> str:
        return self.prefix + self.value


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


# ------------------------------------------------------------------ lines (black.lines)


@dataclass(eq=False)
class Line:
    depth: int
    inside_brackets: bool = False
    leaves: list[Leaf] = field(default_factory=list)
    should_split_rhs: bool = False
    magic_trailing_comma: Leaf | None = None
    delimiters: dict[int, int] = field(default_factory=dict)
    invisible: list[Leaf] = field(default_factory=list)
    _open: list[Leaf] = field(default_factory=list)
    _previous: Leaf | None = None

    def append(self, leaf: Leaf, preformatted: bool = False, track: bool = False) -> None:
        if self.inside_brackets or not preformatted or track:
            self._mark(leaf)
            if self._has_magic_trailing_comma(leaf):
                self.magic_trailing_comma = leaf
        self.leaves.append(leaf)

    def _mark(self, leaf: Leaf) -> None:
        if not self._open and leaf.kind in CLOSING:
            return
        if leaf.kind in CLOSING:
            leaf.opening = self._open.pop()
            if not leaf.value:
                self.invisible.append(leaf)
        leaf.depth = len(self._open)
        if not self._open:
            previous = self._previous
            if leaf.kind == "DOT" and (previous is None or previous.kind in CLOSING):
                if previous is not None:
                    self.delimiters[id(previous)] = DOT_PRIORITY
            elif leaf.value == "|" and previous is not None:
                self.delimiters[id(previous)] = VBAR_PRIORITY
            elif leaf.kind == "COMMA":
                self.delimiters[id(leaf)] = COMMA_PRIORITY
        if leaf.kind in OPENING:
            self._open.append(leaf)
            if not leaf.value:
                self.invisible.append(leaf)
        self._previous = leaf

    def _has_magic_trailing_comma(self, closing: Leaf) -> bool:
        if not (closing.kind in CLOSING and self.leaves and self.leaves[-1].kind == "COMMA"):
            return False
        if closing.kind == "}":
            return True
        if closing.kind == "]":
            return not (closing.trailer and _one_sequence(closing, self.leaves, "["))
        return closing.opening is not None and not _one_sequence(closing, self.leaves, "(")

    def max_priority(self, exclude: Leaf | None = None) -> int:
        """Raises ValueError without delimiters, like black's bracket tracker."""
        return max(v for k, v in self.delimiters.items() if exclude is None or k != id(exclude))

    def count(self, priority: int) -> int:
        return sum(1 for p in self.delimiters.values() if p == priority)

    @property
    def is_def(self) -> bool:
        return bool(self.leaves) and self.leaves[0].value == "def"

    def __str__(self) -> str:
        if not self.leaves:
            return ""
        first = self.leaves[0]
        rest = "".join([leaf.prefix + leaf.value for leaf in self.leaves[1:]])
        return f"{first.prefix}{'    ' * self.depth}{first.value}{rest}"


def _one_sequence(closing: Leaf, leaves: Sequence[Leaf], bracket: str) -> bool:
    opening = closing.opening
    if opening is None or opening.kind != bracket:
        return False
    if not any(leaf is opening for leaf in leaves):
        return False
    start = next(i for i, leaf in enumerate(leaves) if leaf is opening) + 1
    commas = 0
    for leaf in leaves[start:]:
        if leaf is closing:
            break
        if leaf.depth == closing.depth + 1 and leaf.kind == "COMMA":
            commas += 1
            if leaf.arglist:
                commas += 1
                break
    return commas < 2


def _short(line: Line, line_length: int = LINE_LENGTH) -> bool:
    """Whether ``line`` fits; stops counting at the limit when the text is ASCII."""
    length = 4 * line.depth
    for leaf in line.leaves:
        if not (leaf.value.isascii() and leaf.prefix.isascii()):
            return line_width(str(line)) <= line_length
        length += len(leaf.prefix) + len(leaf.value)
        if length > line_length:
            return False
    return True
