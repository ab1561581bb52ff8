"""Leaves and logical lines: the parts of black's ``Leaf``, ``Line`` and bracket
tracker that the splits need (`lex` makes the leaves)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from generator.emit.pyshape.tree import (
    CLOSING,
    COMMA_PRIORITY,
    DOT_PRIORITY,
    OPENING,
    VBAR_PRIORITY,
)
from generator.write.formatting import LINE_LENGTH, line_width


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
        """black's ``Line.append``: a preformatted leaf outside brackets is not tracked
        unless ``track`` says so."""
        if self.inside_brackets or not preformatted or track:
            self.extend((leaf,))
        else:
            self.leaves.append(leaf)

    def extend(self, leaves: Iterable[Leaf]) -> None:
        """Add ``leaves``, tracking their brackets and delimiters (black's
        ``BracketTracker.mark`` and the magic trailing comma test of ``Line.append``,
        inlined: this runs for every leaf of every line a split tries)."""
        out = self.leaves
        opened = self._open
        delimiters = self.delimiters
        previous = self._previous
        for leaf in leaves:
            kind = leaf.kind
            if kind in CLOSING:
                if opened:
                    leaf.opening = opened.pop()
                    if not leaf.value:
                        self.invisible.append(leaf)
                    leaf.depth = len(opened)
                    previous = leaf
                if out and out[-1].kind == "COMMA" and self._magic(leaf):
                    self.magic_trailing_comma = leaf
                out.append(leaf)
                continue
            leaf.depth = len(opened)
            if not opened:
                if kind == "DOT" and (previous is None or previous.kind in CLOSING):
                    if previous is not None:
                        delimiters[id(previous)] = DOT_PRIORITY
                elif leaf.value == "|" and previous is not None:
                    delimiters[id(previous)] = VBAR_PRIORITY
                elif kind == "COMMA":
                    delimiters[id(leaf)] = COMMA_PRIORITY
            if kind in OPENING:
                opened.append(leaf)
                if not leaf.value:
                    self.invisible.append(leaf)
            previous = leaf
            out.append(leaf)
        self._previous = previous

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
