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
``black.format_str`` for arbitrary values, names, heads and indents.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from generator.emit.templating import pystr

LINE_LENGTH = 88
COMMA_PRIORITY, VBAR_PRIORITY, DOT_PRIORITY = 18, 9, 1
OPENING = {"(": ")", "[": "]", "{": "}"}
CLOSING = {")", "]", "}"}
_KEYWORDS = frozenset({"return", "await", "assert", "not", "in", "is", "and", "or", "if"})


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
    """The literal of a JSON value: strings (and dict keys) through ``pystr``."""
    if isinstance(value, dict):
        return Dict(tuple((Atom(pystr(str(k))), value_expr(v)) for k, v in value.items()))
    if isinstance(value, list):
        return List(tuple(value_expr(v) for v in value))
    if isinstance(value, float):
        return Atom(repr(value).replace("e+", "e"))  # black writes 1e16, not 1e+16
    if isinstance(value, bool | int) or value is None:
        return Atom(repr(value))
    return Atom(pystr(value))


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


def render(
    expr: Expr, indent: int = 0, head: str = "", tail: str = "", inside_brackets: bool = False
) -> str:
    """The statement ``head + expr + tail`` as black writes it at ``indent`` spaces."""
    code = flat(expr)
    line_str = " " * indent + head + code + tail
    if _width(line_str) <= LINE_LENGTH:
        return line_str  # black keeps a fitting line as is (we never emit magic commas)
    if not tail and not inside_brackets and _is_value(expr) and _PLAIN_HEAD.fullmatch(head):
        opening = " " * indent + head + code[0]
        if isinstance(expr, Dict | List) and expr.items and _width(opening) <= LINE_LENGTH:
            return "\n".join(_value_lines(head, expr, "", indent))
    line = Line(indent // 4, inside_brackets)
    for leaf in _tokens(head, expr, tail, wrap=_wraps(head, expr, inside_brackets)):
        line.append(leaf)
    return "\n".join(str(x) for x in _transform(line, frozenset()))


_PLAIN_HEAD = re.compile(r"(?:[A-Za-z_][A-Za-z0-9_]*(?:: [A-Za-z_][A-Za-z0-9_]*)? = )?")


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
    if _width(line) <= LINE_LENGTH or not isinstance(expr, Dict | List) or not expr.items:
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


def render_def(name: str, params: Sequence[str], returns: str, indent: int = 0) -> str:
    """``def name(params) -> returns:`` as black writes it; params are ``"x: T"``."""
    code = f"def {name}({', '.join(params)}) -> {returns}:"
    if _width(" " * indent + code) <= LINE_LENGTH:
        return " " * indent + code
    line = Line(indent // 4)
    leaves = _lex(f"def {name}({', '.join(params)}) ->")
    for leaf in [*leaves, *_invisible(_lex(returns)), *_lex(":")]:
        line.append(leaf)
    return "\n".join(str(x) for x in _transform(line, frozenset()))


# ------------------------------------------------------------------ tokens


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


def _width(text: str) -> int:
    if text.isascii():
        return len(text)
    from black.strings import str_width  # noqa: PLC0415 (only for non-ASCII text)

    return str_width(text)


def _short(line: Line, line_length: int = LINE_LENGTH) -> bool:
    """Whether ``line`` fits; stops counting at the limit when the text is ASCII."""
    length = 4 * line.depth
    for leaf in line.leaves:
        if not (leaf.value.isascii() and leaf.prefix.isascii()):
            return _width(str(line)) <= line_length
        length += len(leaf.prefix) + len(leaf.value)
        if length > line_length:
            return False
    return True


# ------------------------------------------------------------------ splits (black.linegen)


class CannotSplit(Exception):
    """A split does not apply; black then tries the next one or keeps the line."""


FORCE_PARENS = "force-optional-parentheses"
Features = frozenset[str]
_Split = Callable[["Line", Features], Iterator["Line"]]


def _transform(line: Line, features: Features) -> list[Line]:
    if not line.should_split_rhs and not line.magic_trailing_comma and _short(line):
        return [line]
    if line.is_def:
        splits = [_left_hand_split]
    elif line.inside_brackets:
        splits = [_delimiter_split, _rhs]
    else:
        splits = [_rhs]
    for split in splits:
        try:
            return _run(line, split, features)
        except CannotSplit:
            continue
    return [line]


def _run(line: Line, split: _Split, features: Features) -> list[Line]:
    optional = [b for b in line.invisible if b.depth == 0]
    result: list[Line] = []
    line_str = ""
    for part in split(line, features):
        # a part with fewer leaves than the line less its invisible parens differs
        if len(part.leaves) >= len(line.leaves) - 2:
            line_str = line_str or str(line)
            if str(part) == line_str:
                raise CannotSplit("unchanged")
        result.extend(_transform(part, features))
    if (
        FORCE_PARENS in features
        or split is not _rhs
        or not line.invisible
        or any(b.value for b in optional)
        or _short(result[0])
    ):
        return result
    copy = Line(line.depth, line.inside_brackets)
    for i, leaf in enumerate(line.leaves):
        copy.append(
            Leaf(leaf.kind, leaf.value, leaf.space if i else "", leaf.trailer, leaf.arglist)
        )
    second = _run(copy, split, features | {FORCE_PARENS})
    return second if all(_short(x) for x in second) else result


def _rhs(line: Line, features: Features) -> Iterator[Line]:
    """black's ``right_hand_split_with_omits``."""
    first_lines: list[Line] | None = None
    for omit in _trailers_to_omit(line):
        if omit:
            target = next(
                (
                    x.opening
                    for x in reversed(line.leaves)
                    if x.kind in CLOSING and id(x) not in omit
                ),
                None,
            )
            if target is not None and target.value and _prefix_length(line, target) > LINE_LENGTH:
                continue
        lines = list(_right_hand_split(line, features, omit))
        if first_lines is None and not omit:
            first_lines = lines
        if _short(lines[0]):
            yield from lines
            return
    if first_lines is not None:
        yield from first_lines
    else:
        yield from _right_hand_split(line, features, set())


def _prefix_length(line: Line, target: Leaf) -> int:
    """The line's length before ``target`` (0 when absent), counted up to the limit."""
    length = 4 * line.depth
    for leaf in line.leaves:
        if leaf is target:
            return length
        length += len(leaf.prefix) + len(leaf.value)
        if length > LINE_LENGTH and any(x is target for x in line.leaves):
            return length
    return 0


def _trailers_to_omit(line: Line) -> Iterator[set[int]]:
    omit: set[int] = set()
    if not line.magic_trailing_comma:
        yield omit
    length = 4 * line.depth
    opening: Leaf | None = None
    closing: Leaf | None = None
    inner: set[int] = set()
    for index in range(len(line.leaves) - 1, -1, -1):
        leaf = line.leaves[index]
        length += len(leaf.prefix) + len(leaf.value)
        if length > LINE_LENGTH:
            break
        prev = line.leaves[index - 1] if index > 0 else None
        if opening:
            if leaf is opening:
                opening = None
            elif leaf.kind in CLOSING:
                if prev and prev.kind == "COMMA" and _not_one_sequence(leaf, line.leaves):
                    break
                inner.add(id(leaf))
        elif leaf.kind in CLOSING:
            if prev and prev.kind in OPENING:
                inner.add(id(leaf))
                continue
            if closing:
                omit.add(id(closing))
                omit.update(inner)
                inner.clear()
                yield omit
            if prev and prev.kind == "COMMA" and _not_one_sequence(leaf, line.leaves):
                break
            if leaf.value:
                opening, closing = leaf.opening, leaf


@dataclass
class _RHS:
    head: Line
    body: Line
    tail: Line
    opening: Leaf
    closing: Leaf


def _right_hand_split(line: Line, features: Features, omit: set[int]) -> Iterator[Line]:
    yield from _maybe_split_omitting_optional_parens(_first_rhs(line, omit), line, features, omit)


def _first_rhs(line: Line, omit: set[int]) -> _RHS:
    tail: list[Leaf] = []
    body: list[Leaf] = []
    head: list[Leaf] = []
    current = tail
    opening: Leaf | None = None
    closing: Leaf | None = None
    for leaf in reversed(line.leaves):
        if current is body and leaf is opening:
            current = head if body else tail
        current.append(leaf)
        if current is tail and leaf.kind in CLOSING and id(leaf) not in omit:
            opening, closing, current = leaf.opening, leaf, body
    if not (opening and closing and head):
        raise CannotSplit("no brackets")
    head.reverse()
    body.reverse()
    tail.reverse()
    result = _RHS(
        _build(head, line, opening, "head"),
        _build(body, line, opening, "body"),
        _build(tail, line, opening, "tail"),
        opening,
        closing,
    )
    _succeeded_or_raise(result.body, result.tail)
    return result


def _maybe_split_omitting_optional_parens(
    rhs: _RHS, line: Line, features: Features, omit: set[int]
) -> Iterator[Line]:
    if (
        FORCE_PARENS not in features
        and rhs.opening.kind == "("
        and not rhs.opening.value
        and rhs.closing.kind == ")"
        and not rhs.closing.value
        and _can_omit_invisible_parens(rhs)
    ):
        omit = {id(rhs.closing), *omit}
        try:
            oop = _first_rhs(line, omit)
            if _prefer_split_rhs_oop(oop, rhs):
                yield from _maybe_split_omitting_optional_parens(oop, line, features, omit)
                return
        except CannotSplit:
            chained = sum(1 for x in line.leaves if x.kind == "EQUAL") > 1
            if not chained and not _can_be_split(rhs.body) and not _short(rhs.body):
                raise
    for leaf, value in ((rhs.opening, "("), (rhs.closing, ")")):
        leaf.value = leaf.value or value
    for part in (rhs.head, rhs.body, rhs.tail):
        if part.leaves:
            yield part


def _prefer_split_rhs_oop(oop: _RHS, rhs: _RHS) -> bool:
    head = rhs.head.leaves
    if not (len(head) >= 2 and head[-2].kind == "EQUAL"):
        return True
    if not any(x.kind in OPENING or x.kind in CLOSING for x in head[:-1]):
        return True
    if not _short(rhs.head, LINE_LENGTH - 1) or rhs.head.magic_trailing_comma is not None:
        return True
    equals = sum(1 for x in head if x.kind == "EQUAL")
    if equals > 1 and equals > sum(1 for x in oop.head.leaves if x.kind == "EQUAL"):
        return False
    for leaf in reversed(oop.head.leaves):
        if leaf.kind == "EQUAL":
            break
        if leaf.kind in CLOSING:
            return True
    return any(x.kind == "EQUAL" for x in oop.head.leaves) and _short(oop.head)


def _can_omit_invisible_parens(rhs: _RHS) -> bool:
    line = rhs.body
    if not line.delimiters:
        return True
    priority = line.max_priority()
    if line.count(priority) > 1:
        return False
    if priority == DOT_PRIORITY:
        return True
    first, second = line.leaves[0], line.leaves[1]
    if first.kind in OPENING and second.kind not in CLOSING and _can_omit_opening(line, first):
        return True
    penultimate, last = line.leaves[-2], line.leaves[-1]
    if last.kind in (")", "}") or (last.kind == "]" and not last.trailer):
        if penultimate.kind in OPENING:
            return False
        if _can_omit_closing(line, last):
            return True
    return False


def _can_omit_opening(line: Line, first: Leaf) -> bool:
    remainder = False
    length = 4 * line.depth
    for leaf in line.leaves:
        if leaf.kind in CLOSING and leaf.opening is first:
            remainder = True
        if remainder:
            length += len(leaf.prefix) + len(leaf.value)
            if length > LINE_LENGTH:
                return False
            if leaf.kind in OPENING:
                remainder = False
    return True


def _can_omit_closing(line: Line, last: Leaf) -> bool:
    length = 4 * line.depth
    seen_other_brackets = False
    for leaf in line.leaves:
        length += len(leaf.prefix) + len(leaf.value)
        if leaf is last.opening:
            if seen_other_brackets or length <= LINE_LENGTH:
                return True
        elif leaf.kind in OPENING:
            seen_other_brackets = True
    return False


def _can_be_split(line: Line) -> bool:
    leaves = line.leaves
    if len(leaves) < 2:
        return False
    if leaves[0].kind == "STRING" and leaves[1].kind == "DOT":
        calls = dots = 0
        last = leaves[-1]  # black compares with the last leaf throughout
        for leaf in leaves[-2::-1]:
            if leaf.kind in OPENING:
                if last.kind not in CLOSING:
                    return False
                calls += 1
            elif leaf.kind == "DOT":
                dots += 1
            elif leaf.kind == "NAME":
                if not (last.kind == "DOT" or last.kind in OPENING):
                    return False
            elif leaf.kind not in CLOSING:
                return False
            if dots > 1 and calls > 1:
                return False
    return True


def _succeeded_or_raise(body: Line, tail: Line) -> None:
    if not body.leaves and len(str(tail).strip()) < 3:
        raise CannotSplit("empty body")


def _build(leaves: list[Leaf], original: Line, opening: Leaf, component: str) -> Line:
    """black's ``bracket_split_build_line``."""
    result = Line(original.depth)
    if component == "body":
        result.inside_brackets = True
        result.depth += 1
        if (
            leaves
            and original.is_def
            and opening.value == "("
            and not _returns(original, opening)
            and not any(x.kind == "COMMA" and x.depth == opening.depth + 1 for x in leaves)
            and leaves[-1].kind != "COMMA"
        ):
            leaves.append(Leaf("COMMA", ",", ""))
    track = _inside_matching_brackets(leaves) if component == "head" else set()
    for leaf in leaves:
        result.append(leaf, preformatted=True, track=id(leaf) in track)
    if component == "body" and _should_split(result, opening):
        result.should_split_rhs = True
    return result


def _returns(line: Line, opening: Leaf) -> bool:
    """Whether ``opening`` wraps a return annotation (black adds no comma there)."""
    index = next(i for i, leaf in enumerate(line.leaves) if leaf is opening)
    return index > 0 and line.leaves[index - 1].value == "->"


def _inside_matching_brackets(leaves: list[Leaf]) -> set[int]:
    ids: set[int] = set()
    stack: list[tuple[str, list[int]]] = []
    for leaf in leaves:
        if leaf.kind in OPENING:
            stack.append((OPENING[leaf.kind], [id(leaf)]))
        elif leaf.kind in CLOSING:
            if stack and leaf.kind == stack[-1][0]:
                _, level = stack.pop()
                level.append(id(leaf))
                ids.update(level)
        elif stack:
            stack[-1][1].append(id(leaf))
    return ids


def _should_split(line: Line, opening: Leaf) -> bool:
    if not line.leaves:
        return False
    last = line.leaves[-1]
    trailing_comma = last.kind == "COMMA"
    try:
        priority = line.max_priority(exclude=last if trailing_comma else None)
    except ValueError:
        return False
    return priority == COMMA_PRIORITY and (trailing_comma or not opening.trailer)


def _delimiter_split(line: Line, features: Features) -> Iterator[Line]:
    try:
        priority = line.max_priority(exclude=line.leaves[-1])
    except ValueError:
        raise CannotSplit("no delimiters") from None
    if priority == DOT_PRIORITY and line.count(priority) == 1:
        raise CannotSplit("a single attribute")
    current = Line(line.depth, line.inside_brackets)
    for leaf in line.leaves:
        current.append(leaf, preformatted=True)
        if line.delimiters.get(id(leaf)) == priority:
            current.leaves[0].prefix = ""
            yield current
            current = Line(line.depth, line.inside_brackets)
    if current.leaves:
        if priority == COMMA_PRIORITY and current.leaves[-1].kind != "COMMA":
            current.append(Leaf("COMMA", ",", ""))
        current.leaves[0].prefix = ""
        yield current


def _left_hand_split(line: Line, features: Features) -> Iterator[Line]:
    head: list[Leaf] = []
    body: list[Leaf] = []
    tail: list[Leaf] = []
    current = head
    matching: Leaf | None = None
    for leaf in line.leaves:
        if current is body and leaf.kind in CLOSING and leaf.opening is matching:
            assert matching is not None
            leaf.value, matching.value = ")", "("
            current = tail if body else head
        current.append(leaf)
        if current is head and leaf.kind == "(":
            matching, current = leaf, body
    if matching is None or not tail:
        raise CannotSplit("no brackets")
    parts = [_build(part, line, matching, kind) for part, kind in
             ((head, "head"), (body, "body"), (tail, "tail"))]  # fmt: skip
    _succeeded_or_raise(parts[1], parts[2])
    yield from (part for part in parts if part.leaves)


def _not_one_sequence(closing: Leaf, leaves: Sequence[Leaf]) -> bool:
    """A bracket pair ending in a trailing comma that is not a one-tuple's."""
    return closing.opening is not None and not _one_sequence(closing, leaves, "(")
