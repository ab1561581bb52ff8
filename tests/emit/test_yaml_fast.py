"""`BlockYaml` writes exactly the bytes of PyYAML's block dumper, for any JSON-like value.

The property test compares with the reference dump on arbitrary trees of nasty keys and
scalars; the targeted tests pin the layout cases one by one and check that the fast
path is really taken (the reference is asked only about distinct scalars) and that
everything outside it falls back whole.
"""

from __future__ import annotations

import math

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.emit.memo import ReprMemo
from generator.emit.templating import (
    _yaml_scalar,
    yaml_block,
    yaml_block_reference,
    yaml_scalar,
    yaml_scalar_reference,
)
from generator.emit.yaml_fast import BlockYaml, quick_scalar

NASTY = [
    "",
    " ",
    " lead",
    "trail ",
    "- item",
    "-",
    "a: b",
    "a:b",
    "# note",
    "a #b",
    "yes",
    "no",
    "on",
    "Off",
    "null",
    "Null",
    "~",
    "true",
    "False",
    "12",
    "-3",
    "1.5",
    "1e3",
    "0x1",
    "0o17",
    "017",
    ".inf",
    "-.Inf",
    ".nan",
    "1_000",
    "2024-01-02",
    "12:30:00",
    "'quoted'",
    '"double"',
    "it's",
    "back\\slash",
    "a\nb",
    "a\n",
    "\nlead",
    "a\n\nb",
    "a\n\n",
    "a \nb",
    "  indented\nnext",
    "x\n  y\n",
    "tab\there",
    "cr\rlf",
    "\x00\x07\x1b",
    "\x7f\x85",
    "line\u2028sep",
    "\ufeffbom",
    "\ue000private",
    "\ufffe",
    "héllo wörld",
    "日本語",
    "emoji 😀",
    "astral 𝄞\nline",
    "? key",
    "[flow]",
    "{a: 1}",
    "&anchor",
    "*alias",
    "!tag",
    "%directive",
    "@at",
    "`tick",
    "|",
    ">",
    "...",
    "---",
    "a,b",
    "k" * 127,
    "k" * 130,
]

nasty_text = (
    st.sampled_from(NASTY)
    | st.text(max_size=12)
    | st.lists(st.sampled_from(NASTY), min_size=1, max_size=3).map("".join)
)
scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats()
    | nasty_text
)
keys = nasty_text | st.sampled_from([1, 0, -2, True, None, 1.5])


def trees(max_leaves: int = 25) -> st.SearchStrategy[object]:
    return st.recursive(
        scalars,
        lambda children: (
            st.lists(children, max_size=4) | st.dictionaries(keys, children, max_size=4)
        ),
        max_leaves=max_leaves,
    )


def reference_block(value: object, indent: int) -> str:
    """`yaml_block` as it was before the fast path: PyYAML's dump, trimmed and padded."""
    dumped = yaml_block_reference(value)
    if dumped.endswith("\n...\n"):
        dumped = dumped[: -len("\n...\n")]
    lines = dumped.removesuffix("\n").split("\n")
    pad = " " * indent
    return "\n".join([lines[0], *(pad + line if line else "" for line in lines[1:])])


SHARED = BlockYaml(yaml_block_reference)


class Counting:
    """The reference dumper, recording what it is asked to dump."""

    def __init__(self) -> None:
        self.calls: list[object] = []

    def __call__(self, value: object) -> str:
        self.calls.append(value)
        return yaml_block_reference(value)


@settings(max_examples=300, deadline=None)
@given(value=trees(), indent=st.sampled_from([0, 2, 4, 6, 8]))
def test_yaml_block_equals_pyyaml(value: object, indent: int) -> None:
    assert yaml_block(value, indent) == reference_block(value, indent)


@settings(max_examples=200, deadline=None)
@given(value=trees())
def test_fresh_and_memoised_dumpers_equal_reference(value: object) -> None:
    expected = yaml_block_reference(value)
    assert BlockYaml(yaml_block_reference).dump(value) == expected
    assert SHARED.dump(value) == expected
    assert SHARED.dump(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        {},
        [],
        {"a": {}, "b": [], "c": [{}], "d": [[]]},
        [[1, [2, [3]]], [[], {}]],
        {"k": [[1, 2], [3]], "m": [{"x": 1, "y": [2]}, {"z": {"w": None}}]},
        [{"a": [{"b": ["c"]}]}],
        {"text": "one\ntwo\n\n  three\n", "more": ["x\ny", {"deep": ["p\n q"]}]},
        [[["a\n\nb", " lead\nx"]]],
        {"floats": [0.0, -0.0, 1e16, 1e-7, math.inf, -math.inf, math.nan, 1.0, 2.5]},
        {"ints": [0, -1, 2**64, True, False, None]},
        {"k" * 122: 1, "q" * 123: 2},
        {"": "empty key"},
        {"a\nb": "multi-line key"},
        {1: "int key", "1": "str key"},
        {"t": (1, 2)},
        {"s": {1, 2}},
        "root text",
        "root\nliteral\n",
        "",
        None,
        0.5,
    ],
)
def test_layout_cases_equal_reference(value: object) -> None:
    assert BlockYaml(yaml_block_reference).dump(value) == yaml_block_reference(value)


def test_reference_is_asked_about_new_keys_and_scalars_in_two_dumps() -> None:
    reference = Counting()
    dumper = BlockYaml(reference)
    example = {"name": "pod", "labels": {"app": "web", "tier": "web"}, "ports": [80, 80]}
    value = [example, {"name": "pod", "spec": [example]}]

    assert dumper.dump(value) == yaml_block_reference(value)
    assert len(reference.calls) == 2
    keys, scalars = reference.calls
    assert isinstance(keys, dict) and isinstance(scalars, list)
    assert sorted(keys) == ["app", "labels", "name", "ports", "spec", "tier"]
    assert sorted(map(repr, scalars)) == ["'pod'", "'web'", "80"]

    other = {"name": "pod", "labels": {"app": "db"}}
    assert dumper.dump(other) == yaml_block_reference(other)
    assert reference.calls[2:] == [["db"]]


def test_repeated_values_are_dumped_once() -> None:
    reference = Counting()
    dumper = BlockYaml(reference)
    value = {"example": {"items": ["a", "b"]}}
    first = dumper.dump(value)
    asked = len(reference.calls)
    assert dumper.dump({"example": {"items": ["a", "b"]}}) == first
    assert len(reference.calls) == asked


def test_equal_values_of_other_types_do_not_share_a_dump() -> None:
    dumper = BlockYaml(yaml_block_reference)
    values: list[object] = [[1], [True], [1.0], ["1"], [0.0], [-0.0], {1: 1}, {"1": 1}]
    for value in values:
        assert dumper.dump(value) == yaml_block_reference(value)


@pytest.mark.parametrize(
    "value",
    [{1: "a"}, {"k" * 130: 1}, {"": 1}, {"a\nb": 1}, [(1,)], "root", 3, None],
)
def test_values_outside_the_subset_fall_back_whole(value: object) -> None:
    reference = Counting()
    assert BlockYaml(reference).dump(value) == yaml_block_reference(value)
    assert reference.calls[-1] is value


def test_unrepresentable_values_still_raise() -> None:
    with pytest.raises(yaml.representer.RepresenterError):
        BlockYaml(yaml_block_reference).dump({"a": object()})


def test_bounded_memos_stay_exact() -> None:
    dumper = BlockYaml(yaml_block_reference, memo_chars=200, max_scalars=3)
    values = [{f"k{i}": [f"v{i}", i, {"n": f"w{i % 2}"}]} for i in range(20)]
    for value in values * 2:
        assert dumper.dump(value) == yaml_block_reference(value)


@settings(max_examples=100, deadline=None)
@given(value=trees(max_leaves=6))
def test_memoised_yaml_scalar_equals_pyyaml(value: object) -> None:
    expected = yaml_scalar_reference(value)
    assert _yaml_scalar(value) == expected
    assert yaml_scalar(value) == expected
    assert yaml_scalar(value) == expected


def test_repr_memo_keeps_equal_values_of_other_types_apart() -> None:
    memo = ReprMemo(_yaml_scalar, max_chars=1000, size=len)
    values: list[object] = [1, True, 1.0, "1", 0.0, -0.0, (1,), [1], {1: 1}, {"1": 1}]
    assert [memo(v) for v in values * 2] == [_yaml_scalar(v) for v in values * 2]


ascii_text = st.text(
    alphabet=st.sampled_from(list(" #:-?,[]{}&*!|>'\"%@`.~=<+_/aAbyYnNeE0159")), max_size=10
) | st.sampled_from([t for t in NASTY if t.isascii()] + ["k" * 122, "k" * 123, "x" * 500])


@settings(max_examples=1500, deadline=None)
@given(text=ascii_text | nasty_text)
def test_quick_scalars_are_pyyamls_in_every_place(text: str) -> None:
    """Where `quick_scalar` answers, it is PyYAML's text as a list item, as a mapping
    value, as a one-line scalar and, under 123 characters, as a simple key."""
    quick = quick_scalar(text)
    if quick is None:
        assert not text or not text.isascii() or not text.isprintable()
        return
    assert yaml_block_reference([text]) == f"- {quick}\n"
    assert yaml_block_reference({"k": text}) == f"k: {quick}\n"
    assert yaml_scalar_reference(text) == quick
    if len(text) < 123:
        assert yaml_block_reference({text: 0}) == f"{quick}: 0\n"


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("plain words", "plain words"),
        ("More info: https://example.com/", "'More info: https://example.com/'"),
        ("it's", "it's"),
        ("'quoted'", "'''quoted'''"),
        ("true", "'true'"),
        ("12", "'12'"),
        ("2024-01-02", "'2024-01-02'"),
        ("a #b", "'a #b'"),
        ("a#b", "a#b"),
        ("ends:", "'ends:'"),
        ("- item", "'- item'"),
        ("-x", "-x"),
        ("...", "'...'"),
        (" lead", "' lead'"),
    ],
)
def test_quick_scalars_plain_or_single_quoted(text: str, written: str) -> None:
    assert quick_scalar(text) == written == yaml_scalar_reference(text)


@pytest.mark.parametrize("text", ["", "a\nb", "tab\there", "héllo", "\x7f", "\x85"])
def test_quick_scalar_leaves_other_strings_to_pyyaml(text: str) -> None:
    assert quick_scalar(text) is None


def test_with_quick_scalars_the_reference_is_asked_only_the_rest() -> None:
    reference = Counting()
    dumper = BlockYaml(reference, quick=quick_scalar)
    value = {"name": "pod: web", "labels": {"app": "x"}, "nöte": "héllo", "n": 3}
    assert dumper.dump(value) == yaml_block_reference(value)
    assert reference.calls == [{"nöte": 0}, [3, "héllo"]]
