"""pyshape lays statements out exactly as black does: checked against
``black.format_str`` with the writer's pinned mode, for arbitrary JSON values, call
shapes, names, heads and indentation."""

from __future__ import annotations

import ast
import keyword
from typing import NoReturn

import black
import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from generator.emit import pyshape
from generator.emit.pyshape import (
    Atom,
    Call,
    Dict,
    Expr,
    List,
    Tuple,
    flat,
    render,
    render_def,
    value_expr,
)
from generator.emit.templating import pystr
from generator.write.formatting import black_mode

NAMES = st.from_regex(r"[a-z_][a-z0-9_]{0,24}", fullmatch=True).filter(
    lambda name: not keyword.iskeyword(name) and not keyword.issoftkeyword(name)
)
LONG_NAMES = st.from_regex(r"[a-z][a-z0-9_]{20,60}", fullmatch=True)
TEXT = st.one_of(
    st.text(max_size=12),
    st.text(alphabet="ab c'\"\\é字", min_size=20, max_size=120),
)
JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.floats(allow_nan=False, allow_infinity=False)
    | TEXT,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(TEXT, inner, max_size=5),
    max_leaves=12,
)
FUNCS = st.one_of(
    st.lists(st.one_of(NAMES, LONG_NAMES), min_size=1, max_size=3).map(".".join),
    st.builds(lambda a, b: f"TypeAdapter({a}).validate_python", NAMES, NAMES),
    st.just("router.route().respond"),
)


def expressions() -> st.SearchStrategy[Expr]:
    atoms = st.one_of(
        JSON.map(value_expr),
        NAMES.map(lambda n: Atom("_" + n.upper())),
        TEXT.map(lambda t: Atom(f"{pystr(t)}.encode()")),
    )

    def calls(inner: st.SearchStrategy[Expr]) -> st.SearchStrategy[Expr]:
        return st.builds(
            Call,
            FUNCS,
            st.lists(inner, max_size=4).map(tuple),
            st.lists(st.tuples(NAMES, inner), max_size=4).map(tuple),
        ) | st.lists(inner, max_size=3).map(lambda items: Tuple(tuple(items)))

    return st.recursive(atoms, calls, max_leaves=8)


STATEMENT_HEADS = st.sampled_from(
    ["", "x = ", "result = ", "_NAME: Any = ", "route = ", "return ", "return await "]
)


def _nest(depth: int) -> str:
    return "".join("    " * i + f"def f{i}():\n" for i in range(depth))


def _is_string_literal(code: str) -> bool:
    node = ast.parse(code, mode="eval").body
    return isinstance(node, ast.Constant) and isinstance(node.value, str | bytes)


def _black(source: str) -> str:
    return black.format_str(source, mode=black_mode())


@settings(max_examples=300, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
@given(expressions(), STATEMENT_HEADS, st.integers(0, 4))
@example(value_expr({"k" * 30: ["v" * 30, {"deep": "x" * 70}]}), "_NAME: Any = ", 0)
@example(value_expr("x" * 82), "_NAME: Any = ", 0)
# calls black splits at their own bracket (`pyshape.direct.call_lines`)
@example(Call("client.pods.create_namespaced_pod", (),
              (("name", Atom(pystr("n" * 30))), ("body", Atom("_BODY")))), "result = ", 1)
@example(Call("expect.parsed", (Atom("result"), Atom("Pod"),
                                value_expr({"k" * 40: ["v" * 40, "w" * 40]}))), "", 1)
@example(Call("router.route().respond", (Atom("200"),), (("json", value_expr(["x" * 90])),)),
         "route = ", 1)
@example(Call("client.pods.read", (Atom(pystr("p" * 70)),)), "return await ", 3)
def test_statements_are_laid_out_as_black_does(expr: Expr, head: str, depth: int) -> None:
    # A bare string literal as a statement is a docstring, which black treats apart;
    # emitters never write one.
    assume(head or not _is_string_literal(flat(expr)))
    # Emitters await calls only (`await -1` is not even valid Python).
    assume(head != "return await " or isinstance(expr, Call))
    depth = max(depth, 1) if head.startswith("return") else depth
    indent = 4 * depth
    source = _nest(depth) + " " * indent + head + flat(expr) + "\n"
    assert _nest(depth) + render(expr, indent, head) + "\n" == _black(source)


@settings(max_examples=200, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
@given(expressions(), st.sampled_from(["", "name=", "json_body=", "query="]), st.integers(1, 4))
def test_items_of_exploded_brackets_are_laid_out_as_black_does(
    expr: Expr, head: str, depth: int
) -> None:
    outer = " " * (4 * depth - 4)
    item = render(expr, 4 * depth, head, ",", inside_brackets=True)
    around = _nest(depth - 1) + outer + "call(\n" + outer + "    first,\n{}\n" + outer + ")\n"
    flat_item = " " * (4 * depth) + head + flat(expr) + ","
    assert around.format(item) == _black(around.format(flat_item))


@settings(max_examples=150, derandomize=True, database=None)
@given(
    st.one_of(NAMES, LONG_NAMES),
    st.lists(st.builds("{}: {}".format, NAMES, st.one_of(NAMES, LONG_NAMES)), max_size=5),
    st.sampled_from(["None", "Iterator[respx.MockRouter]"]),
    st.integers(0, 2),
)
@example("t" * 60, ["client: Client", "router: respx.MockRouter", "expect: Any"], "None", 0)
@example("t" * 20, ["client: Client", "router: respx.MockRouter", "expect: Any"], "None", 1)
@example("t" * 70, ["live_client: Client"], "Iterator[respx.MockRouter]", 0)
def test_defs_are_laid_out_as_black_does(
    name: str, params: list[str], returns: str, depth: int
) -> None:
    source = f"{' ' * 4 * depth}def {name}({', '.join(params)}) -> {returns}:\n"
    body = " " * (4 * depth + 4) + "pass\n"
    laid_out = render_def(name, params, returns, 4 * depth) + "\n"
    assert _nest(depth) + laid_out + body == _black(_nest(depth) + source + body)


def test_short_statements_stay_on_one_line() -> None:
    expr = Call("client.get", (Atom("1"),), (("q", value_expr(["a"])),))
    assert render(expr, 4, "result = ") == '    result = client.get(1, q=["a"])'
    assert flat(Tuple((Atom("1"),))) == "(1,)"
    assert flat(Dict(())) == "{}" and flat(List(())) == "[]"


BIG_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**6), 10**6) | TEXT,
    lambda inner: st.lists(inner, max_size=6) | st.dictionaries(TEXT, inner, max_size=6),
    max_leaves=40,
)


@settings(max_examples=300, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
@given(
    BIG_JSON,
    st.sampled_from(["_NAME: Any = ", "x = ", "_" + "N" * 70 + ": Any = ", "_" + "N" * 86 + " = "]),
    st.integers(0, 2),
)
@example({"k": {"j": "x" * 90}}, "_NAME: Any = ", 0)
@example(["x" * 90], "x = ", 1)
@example({"k": "v" * 20}, "_" + "N" * 60 + ": Any = ", 0)
def test_literal_values_take_the_direct_layout_black_agrees_with(
    value: object, head: str, depth: int
) -> None:
    """The direct layout of big literal values (module constants of generated tests)."""
    indent = 4 * depth
    expr = value_expr(value)
    source = _nest(depth) + " " * indent + head + flat(expr) + "\n"
    assert _nest(depth) + render(expr, indent, head) + "\n" == _black(source)


def test_remembered_values_keep_json_types_and_key_order_apart() -> None:
    values = [[1], [1.0], [True], ["1"], [None], {"a": 1, "b": 2}, {"b": 2, "a": 1}]
    first = [flat(value_expr(v)) for v in values]
    again = [flat(value_expr(v)) for v in values]
    assert first == again == [
        "[1]", "[1.0]", "[True]", '["1"]', "[None]", '{"a": 1, "b": 2}', '{"b": 2, "a": 1}'
    ]  # fmt: skip


_K8S = "client.core_v1.with_raw_response.list_core_v1_persistent_volume_claim_for_all_namespaces"
_KWARGS = tuple((name, Atom(pystr("string"))) for name in ("continue_", "field_selector", "pretty"))
_BODY = Call("TypeAdapter(IoK8SApiCoreV1PersistentVolumeClaim).validate_python",
             (Atom("_CREATE_CORE_V1_NAMESPACED_PERSISTENT_VOLUME_CLAIM_BODY"),))  # fmt: skip
_EXAMPLE = value_expr({"apiVersion": "string", "metadata": {"name": "n" * 60}, "spec": [1, 2]})
DIRECT_STATEMENTS = [
    # a head that does not fit before the call's bracket: kept, as black does when
    # the call in parentheses does not fit either...
    (Call(_K8S, (), _KWARGS), "raw = ", 1),
    (Call(_K8S, (Atom(pystr("s")),), _KWARGS), "return await ", 3),
    (Call(_K8S, (), (("body", _EXAMPLE),)), "", 1),  # a lone item split on its own
    (Call(_K8S, (), _KWARGS), "await ", 1),
    # ...or the call in parentheses, when all of that fits
    (Call(_K8S.replace("with_raw_response.", ""), (), _KWARGS), "result = ", 3),
    (Call(_K8S.replace("with_raw_response.", "")[:-3], (Atom("1"),)), "return await ", 2),
    (Call("client.core_v1.replace_core_v1_namespaced_pvc", (), (("body", _BODY),)), "return ", 3),
    # a subscripted call split at its subscript, then (if it does not fit) its bracket
    (Call("Endpoint[IoK8SApiCoreV1PersistentVolumeClaim]", (Atom('"GET"'), Atom('"/a"'))),
     "_READ_CORE_V1_NAMESPACED_PERSISTENT_VOLUME_CLAIM = ", 0),
    (Call("Endpoint[IoK8SApiCoreV1PersistentVolumeClaim]",
          (Atom('"POST"'), Atom(pystr("/api/v1/namespaces/{namespace}/" + "p" * 45)))),
     "_CREATE_CORE_V1_NAMESPACED_PERSISTENT_VOLUME_CLAIM = ", 0),
]  # fmt: skip


@pytest.mark.parametrize(("expr", "head", "depth"), DIRECT_STATEMENTS)
def test_long_calls_are_laid_out_directly_as_black_does(
    monkeypatch: pytest.MonkeyPatch, expr: Expr, head: str, depth: int
) -> None:
    """Calls black splits at their bracket although the line before it is too long
    (`pyshape.direct.call_lines`): laid out without the general split."""
    monkeypatch.setattr(pyshape, "_tokens", _no_general_split)
    indent = 4 * depth
    source = _nest(depth) + " " * indent + head + flat(expr) + "\n"
    assert _nest(depth) + render(expr, indent, head) + "\n" == _black(source)


DIRECT_ITEMS = [
    (_BODY, "body=", ",", 2),  # a call with an attribute after a call (one delimiter)
    (Call("a.b", (Atom("x" * 40), Atom("y" * 40))), "", ",", 1),
    (_EXAMPLE, "body=", ",", 1),  # a literal value
    (value_expr(["x" * 50, ["y" * 40, "z"]]), "", "", 2),  # a call's lone item
]


@pytest.mark.parametrize(("expr", "head", "tail", "depth"), DIRECT_ITEMS)
def test_long_items_are_laid_out_directly_as_black_does(
    monkeypatch: pytest.MonkeyPatch, expr: Expr, head: str, tail: str, depth: int
) -> None:
    """Items of an exploded call black splits at their own bracket
    (`pyshape.direct.item_lines`, `pyshape._value_lines`): laid out without the
    general split."""
    monkeypatch.setattr(pyshape, "_tokens", _no_general_split)
    outer = " " * (4 * depth - 4)
    item = render(expr, 4 * depth, head, tail, inside_brackets=True)
    first = f"{outer}    first,\n" if tail else ""
    around = _nest(depth - 1) + outer + "call(\n" + first + "{}\n" + outer + ")\n"
    flat_item = " " * (4 * depth) + head + flat(expr) + tail
    assert around.format(item) == _black(around.format(flat_item))


def _no_general_split(*args: object, **kwargs: object) -> NoReturn:
    raise AssertionError("laid out by the general split")
