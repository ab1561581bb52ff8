"""Tokens and logical lines: the parts of black's ``Leaf``, ``Line`` and bracket
tracker that the splits need, built from an expression tree."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

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


class Leaf:
    """One token. ``kind``: NAME STRING NUMBER DOT COMMA COLON EQUAL OP or a bracket
    (an empty ``value``: an invisible one); ``space``: the whitespace black puts
    before it, ``prefix`` that unless a split cleared it (always ASCII); ``trailer``: a
    call's or subscript's bracket (not a literal's); ``arglist``: a comma between call
    arguments. ``opening`` and ``depth`` are set by the line that tracks it last.

    A plain class with slots, not a dataclass: layouts make millions of leaves."""

    __slots__ = ("arglist", "depth", "kind", "opening", "prefix", "space", "trailer", "value")

    def __init__(
        self, kind: str, value: str, space: str, trailer: bool = False, arglist: bool = False
    ) -> None:
        self.kind = kind
        self.value = value
        self.space = space
        self.trailer = trailer
        self.arglist = arglist
        self.opening: Leaf | None = None
        self.depth = 0
        self.prefix = space

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


class Line:
    """A logical line and black's bracket tracking of it: the depth of each leaf, its
    matching opening bracket, the delimiters at depth 0 (by leaf id, with priority),
    the invisible parentheses and a magic trailing comma."""

    __slots__ = (
        "_open", "_previous", "delimiters", "depth", "inside_brackets", "invisible",
        "leaves", "magic_trailing_comma", "should_split_rhs",
    )  # fmt: skip

    def __init__(self, depth: int, inside_brackets: bool = False) -> None:
        self.depth = depth
        self.inside_brackets = inside_brackets
        self.leaves: list[Leaf] = []
        self.should_split_rhs = False
        self.magic_trailing_comma: Leaf | None = None
        self.delimiters: dict[int, int] = {}
        self.invisible: list[Leaf] = []
        self._open: list[Leaf] = []
        self._previous: Leaf | None = None

    def append(self, leaf: Leaf, preformatted: bool = False, track: bool = False) -> None:
        """Add ``leaf``, tracking its brackets and delimiters (black's ``Line.append``
        and ``BracketTracker.mark``, in one method: it runs for every leaf of every
        line a split tries)."""
        if not (self.inside_brackets or not preformatted or track):
            self.leaves.append(leaf)
            return
        kind = leaf.kind
        opened = self._open
        if kind in CLOSING:
            if opened:
                leaf.opening = opened.pop()
                if not leaf.value:
                    self.invisible.append(leaf)
                leaf.depth = len(opened)
                self._previous = leaf
            leaves = self.leaves
            if leaves and leaves[-1].kind == "COMMA" and self._magic(leaf):
                self.magic_trailing_comma = leaf
            leaves.append(leaf)
            return
        leaf.depth = len(opened)
        if not opened:
            previous = self._previous
            if kind == "DOT" and (previous is None or previous.kind in CLOSING):
                if previous is not None:
                    self.delimiters[id(previous)] = DOT_PRIORITY
            elif leaf.value == "|" and previous is not None:
                self.delimiters[id(previous)] = VBAR_PRIORITY
            elif kind == "COMMA":
                self.delimiters[id(leaf)] = COMMA_PRIORITY
        if kind in OPENING:
            opened.append(leaf)
            if not leaf.value:
                self.invisible.append(leaf)
        self._previous = leaf
        self.leaves.append(leaf)

    def _magic(self, closing: Leaf) -> bool:
        """Whether ``closing``, after a comma, makes that comma a magic trailing one."""
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
    """Whether ``line`` fits; stops counting at the limit when the text is ASCII
    (prefixes always are)."""
    length = 4 * line.depth
    for leaf in line.leaves:
        value = leaf.value
        if not value.isascii():
            return line_width(str(line)) <= line_length
        length += len(leaf.prefix) + len(value)
        if length > line_length:
            return False
    return True
