"""pyshape's layouts are remembered by a key made of the tree's one-line form and
skeleton (`tree.shape`) instead of its pickle: the pair must determine the tree, so
two trees that lay out differently never share a remembered layout."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.emit import pyshape
from generator.emit.incremental.session import Session
from generator.emit.pyshape import Atom, Call, Dict, Expr, List, Tuple, flat, render, value_expr
from generator.emit.pyshape.tree import shape
from generator.emit.templating import pystr

CODE = st.text(alphabet="ab(),: =.[]{}'\"\\|0123456789", max_size=8)
"""Atom codes and names made of the skeleton's and the one-line form's punctuation."""

TREES: st.SearchStrategy[Expr] = st.recursive(
    CODE.map(Atom),
    lambda inner: st.one_of(
        st.builds(
            Call,
            CODE,
            st.lists(inner, max_size=3).map(tuple),
            st.lists(st.tuples(CODE, inner), max_size=3).map(tuple),
        ),
        st.lists(st.tuples(inner, inner), max_size=3).map(lambda i: Dict(tuple(i))),
        st.lists(inner, max_size=3).map(lambda i: List(tuple(i))),
        st.lists(inner, max_size=3).map(lambda i: Tuple(tuple(i))),
    ),
    max_leaves=10,
)

_NUMBER = re.compile(r"\d+")


def _read(skeleton: str, text: str) -> Expr:
    """The tree a skeleton and a one-line form describe (the inverse `render`'s
    key relies on): each string is read from ``text`` by the length the skeleton
    gives, the punctuation between them is checked."""
    at = [0, 0]  # position in skeleton, in text

    def number() -> int:
        found = _NUMBER.match(skeleton, at[0])
        assert found is not None
        at[0] = found.end()
        return int(found[0])

    def mark(expected: str) -> None:
        assert skeleton[at[0]] == expected
        at[0] += 1

    def take(size: int) -> str:
        piece = text[at[1] : at[1] + size]
        at[1] += size
        return piece

    def punct(expected: str) -> None:
        assert take(len(expected)) == expected

    def items(close: str, sep: str = ", ", pair: bool = False) -> list[Expr]:
        out: list[Expr] = []
        while skeleton[at[0]] != close:
            if out and (not pair or len(out) % 2 == 0):
                punct(sep)
            elif pair and len(out) % 2:
                punct(": ")
            out.append(node())
        at[0] += 1
        return out

    def node() -> Expr:
        kind = skeleton[at[0]]
        if kind == "c":
            at[0] += 1
            func = take(number())
            mark("(")
            punct("(")
            args: list[Expr] = []
            while skeleton[at[0]] != "|":
                if args:
                    punct(", ")
                args.append(node())
            at[0] += 1
            kwargs: list[tuple[str, Expr]] = []
            while skeleton[at[0]] != ")":
                if args or kwargs:
                    punct(", ")
                name = take(number())
                mark("=")
                punct("=")
                kwargs.append((name, node()))
            at[0] += 1
            punct(")")
            return Call(func, tuple(args), tuple(kwargs))
        if kind in "{[(":
            at[0] += 1
            close = {"{": "}", "[": "]", "(": ")"}[kind]
            punct(kind)
            found = items(close, pair=kind == "{")
            if kind == "(" and len(found) == 1:
                punct(",")
            punct(close)
            if kind == "{":
                return Dict(tuple(zip(found[::2], found[1::2], strict=True)))
            return List(tuple(found)) if kind == "[" else Tuple(tuple(found))
        code = take(number())
        mark(".")
        return Atom(code)

    tree = node()
    assert at == [len(skeleton), len(text)]
    return tree


@settings(max_examples=400, derandomize=True, database=None)
@given(TREES)
def test_skeleton_and_one_line_form_determine_the_tree(tree: Expr) -> None:
    assert _read(shape(tree), flat(tree)) == tree


def test_trees_with_one_one_line_form_keep_their_own_layouts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two trees written alike on one line are laid out apart under an active memo
    (the layout function here tells the trees apart; pyshape's own may not)."""
    monkeypatch.setattr(pyshape, "_split", lambda expr, *_: repr(expr))
    long = "a" * 90
    trees: list[Expr] = [
        Call("f", (Atom(f"{long}, {long}"),)),
        Call("f", (Atom(long), Atom(long))),
        Call("f", (Call("g", (Atom(long),)),)),
        Call("f", (Atom(f"g({long})"),)),
        Atom(f"f(g({long}))"),
        Tuple((Atom(long), Atom(long))),
        Atom(f"({long}, {long})"),
        value_expr({long: [long]}),
        Dict(((Atom(pystr(long)), Atom(f"[{pystr(long)}]")),)),
    ]
    session = Session(tmp_path, "x", "tests")
    with session.active():
        for _ in range(2):
            assert [render(tree, 4, "x = ") for tree in trees] == [repr(t) for t in trees]
        assert render(trees[0], 8, "x = ") == repr(trees[0])
    assert session.stats.fragments_rendered == len(trees) + 1
