"""Property test: any names the docs use give valid, collision-free generated code."""

from __future__ import annotations

import ast
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.config import ApiConfig
from generator.diagnostics import Diagnostics
from generator.emit.python import emit_python
from generator.emit.templating import make_environment
from generator.model import (
    Api,
    Definition,
    ObjectSchema,
    Operation,
    Parameter,
    ParameterIn,
    PrimitiveSchema,
    Property,
    Response,
    SourceLocation,
)

HERE = SourceLocation("docs.md", 1, 1)
STR = PrimitiveSchema("string")
names = st.text(min_size=0, max_size=30)
ENV = make_environment()


def build_api(
    definitions: list[str],
    props: list[str],
    params: list[tuple[str, str]],
    op_ids: list[str],
    tags: list[str],
) -> Api:
    schema = ObjectSchema(tuple(Property(p, STR, HERE) for p in props))
    defs = tuple(Definition(f"{i}-{d}", d, schema, HERE) for i, d in enumerate(definitions))
    where = {"q": ParameterIn.QUERY, "h": ParameterIn.HEADER, "f": ParameterIn.FORM_DATA}
    ops = tuple(
        Operation(
            "POST",
            f"/p{i}",
            HERE,
            op_id,
            parameters=tuple(Parameter(n, where[k], STR, HERE) for k, n in params),
            responses=(Response("200", "ok", schema, HERE),),
            tags=(tags[i % len(tags)],) if tags else (),
        )
        for i, op_id in enumerate(op_ids)
    )
    return Api("prop", None, ops, defs, ())


def _is_overload(decorator: ast.expr) -> bool:
    """``@overload`` signatures precede the one definition they describe."""
    return isinstance(decorator, ast.Name) and decorator.id == "overload"


def class_members(tree: ast.Module) -> list[list[str]]:
    members = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            found = [
                t.target.id
                for t in node.body
                if isinstance(t, ast.AnnAssign) and isinstance(t.target, ast.Name)
            ]
            found += [
                f.name
                for f in node.body
                if isinstance(f, ast.FunctionDef | ast.AsyncFunctionDef)
                and not any(_is_overload(d) for d in f.decorator_list)
            ]
            members.append(found)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            members.append([a.arg for a in node.args.args + node.args.kwonlyargs])
    return members


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    definitions=st.lists(names, min_size=1, max_size=4),
    props=st.lists(names, max_size=6),
    params=st.lists(st.tuples(st.sampled_from("qhf"), names), max_size=6),
    op_ids=st.lists(names, min_size=1, max_size=4),
    tags=st.lists(names, max_size=3),
)
def test_any_names_compile_without_duplicates(
    definitions: list[str],
    props: list[str],
    params: list[tuple[str, str]],
    op_ids: list[str],
    tags: list[str],
) -> None:
    api = build_api(definitions, props, params, op_ids, tags)
    files = emit_python(api, ApiConfig.for_folder(Path("prop")), Diagnostics(), ENV)
    modules = [p for p in files if p.endswith(".py")]
    assert len({p.casefold() for p in modules}) == len(modules)
    for path in modules:
        tree = ast.parse(files[path], filename=path)
        for members in class_members(tree):
            assert len(members) == len(set(members)), (path, members)
