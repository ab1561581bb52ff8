"""black's line splits (``black.linegen``: right-hand split with omitted trailers and
optional parentheses, delimiter split, left-hand split for ``def``) over `tokens`;
the right-hand split's cut and line building are in `rhs`."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from generator.emit.pyshape.rhs import (
    FORCE_PARENS,
    CannotSplit,
    Features,
    _build,
    _right_hand_split,
    _succeeded_or_raise,
)
from generator.emit.pyshape.tokens import Leaf, Line, _one_sequence, _short
from generator.emit.pyshape.tree import CLOSING, COMMA_PRIORITY, DOT_PRIORITY, OPENING
from generator.write.formatting import LINE_LENGTH

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
    copy.extend(
        Leaf(leaf.kind, leaf.value, leaf.space if i else "", leaf.trailer, leaf.arglist)
        for i, leaf in enumerate(line.leaves)
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


def _delimiter_split(line: Line, features: Features) -> Iterator[Line]:
    try:
        priority = line.max_priority(exclude=line.leaves[-1])
    except ValueError:
        raise CannotSplit("no delimiters") from None
    if priority == DOT_PRIORITY and line.count(priority) == 1:
        raise CannotSplit("a single attribute")
    leaves, delimiters = line.leaves, line.delimiters
    start = 0
    for index, leaf in enumerate(leaves):
        if delimiters.get(id(leaf)) == priority:
            current = _part(line, leaves[start : index + 1])
            current.leaves[0].prefix = ""
            yield current
            start = index + 1
    current = _part(line, leaves[start:])
    if current.leaves:
        if priority == COMMA_PRIORITY and current.leaves[-1].kind != "COMMA":
            current.append(Leaf("COMMA", ",", ""))
        current.leaves[0].prefix = ""
        yield current


def _part(line: Line, leaves: list[Leaf]) -> Line:
    """A line of ``leaves`` (preformatted) cut from ``line``; made only when the
    split yields it, after the parts before it were split in turn, as in black."""
    part = Line(line.depth, line.inside_brackets)
    if part.inside_brackets:
        part.extend(leaves)
    else:
        part.leaves.extend(leaves)
    return part


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
