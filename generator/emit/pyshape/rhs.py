"""black's right-hand split (``black.linegen``: ``_first_right_hand_split``,
``_maybe_split_omitting_optional_parens``, ``bracket_split_build_line``): a line cut
at its last bracket pair into head, body and tail, and the lines those make."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from generator.emit.pyshape.tokens import Leaf, Line, _short
from generator.emit.pyshape.tree import CLOSING, COMMA_PRIORITY, DOT_PRIORITY, OPENING
from generator.write.formatting import LINE_LENGTH


class CannotSplit(Exception):
    """A split does not apply; black then tries the next one or keeps the line."""


FORCE_PARENS = "force-optional-parentheses"
Features = frozenset[str]


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
    """Head, body and tail around the last closing bracket not in ``omit`` whose
    brackets hold something (an empty pair such as ``()`` stays in the tail)."""
    leaves = line.leaves
    index = len(leaves) - 1
    while True:
        while index >= 0 and (leaves[index].kind not in CLOSING or id(leaves[index]) in omit):
            index -= 1
        if index < 0:
            raise CannotSplit("no brackets")
        closing = leaves[index]
        opening = closing.opening
        start = index - 1
        while start >= 0 and leaves[start] is not opening:
            start -= 1
        if start < 0 or opening is None:
            raise CannotSplit("no brackets")
        if start < index - 1:
            break
        index = start - 1
    result = _RHS(
        _build(leaves[: start + 1], line, opening, "head"),
        _build(leaves[start + 1 : index], line, opening, "body"),
        _build(leaves[index:], line, opening, "tail"),
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
    if component == "body":
        result.extend(leaves)
    elif component == "head":
        track = _inside_matching_brackets(leaves)
        if track:
            for leaf in leaves:
                result.append(leaf, preformatted=True, track=id(leaf) in track)
        else:
            result.leaves.extend(leaves)
    else:
        result.leaves.extend(leaves)  # a tail is not tracked (not inside brackets)
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
