"""black's line splits (``black.linegen``: right-hand split with omitted trailers and
optional parentheses, delimiter split, left-hand split for ``def``) over `tokens`."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from generator.emit.pyshape.tokens import Leaf, Line, _one_sequence, _short
from generator.emit.pyshape.tree import CLOSING, COMMA_PRIORITY, DOT_PRIORITY, OPENING
from generator.write.formatting import LINE_LENGTH


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
