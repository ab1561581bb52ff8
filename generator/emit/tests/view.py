"""View-models of the generated tests: one module per resource, one case per operation.

Names come from the Python target's own view (`package_view`), so the tests call
exactly the methods and keyword arguments the client defines. Every value reaches the
views as finished code: string literals through ``pystr``, docs text through the
templates' ``docstring``/``comment`` filters.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass, replace

from generator.diagnostics import Diagnostics
from generator.emit.fits import fits
from generator.emit.pyshape import Atom, Call, Expr, List, Tuple, flat, value_expr
from generator.emit.python.docstrings import success_response
from generator.emit.python.errors import error_class
from generator.emit.python.operations import OperationView
from generator.emit.python.options import ClientOptions, OptionView
from generator.emit.python.package import PackageView
from generator.emit.samples import sample
from generator.emit.templating import pystr
from generator.emit.tests.imports import Imports
from generator.emit.tests.shapes import CaseLines, case_lines, conftest_lines
from generator.emit.tests.values import (
    Chosen,
    expected_pairs,
    expected_path,
    pick_values,
)
from generator.model import Api, FileSchema, Operation, ResponseExample

_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
ESCAPE_PROBE = "a b/c?d#e%f"
"""A path value with every character a path segment must encode."""


@dataclass(frozen=True)
class ErrorCase:
    status: int
    exception: str
    body: Expr


@dataclass(frozen=True)
class OperationCase:
    """Everything one operation's tests place: the values as expressions (laid out
    in black's shape by `shapes.case_lines` into ``lines``) and the fixed names."""

    name: str
    title: str
    call: str
    raw_call: str
    args: tuple[Expr, ...]
    kwargs: tuple[tuple[str, Expr], ...]
    method: str
    path: str
    query: Expr
    headers: Expr
    json_body: Expr | None
    form: Expr | None
    multipart: bool
    status: int
    response: tuple[tuple[str, Expr], ...]
    """The keyword arguments of the mocked response (``json=`` or ``content=``)."""
    body: Expr
    result_kind: str  # none | bytes | typed
    return_code: str
    errors: tuple[ErrorCase, ...]
    empty_path_args: tuple[tuple[Expr, ...], ...]
    escape_args: tuple[Expr, ...]
    escape_path: str
    statuses: Expr
    adapted: bool
    """Whether the arguments build typed values with ``TypeAdapter``."""
    used: frozenset[str]
    """Module constants the call's arguments refer to."""
    lines: CaseLines


@dataclass(frozen=True)
class TestModuleView:
    module: str
    title: str
    package: str
    client_class: str
    async_client_class: str
    imports: tuple[str, ...]
    """Names imported from the package (clients, exceptions), in isort order."""
    uses_adapter: bool
    package_import: str
    """``from <package> import APIStatusError, <Client>`` (the live module's)."""
    typing_imports: str
    datetime_imports: str
    constants: tuple[str, ...]
    """The module's hoisted values as ``_NAME: Any = ...`` statements, in first-use order."""
    model_import: str
    """``from <package>.models import ...`` in black's shape, or empty."""


@dataclass(frozen=True)
class ConftestView:
    title: str
    package: str
    client_class: str
    async_client_class: str
    base_url: str
    options: tuple[tuple[str, str], ...]
    """(option name, value code) passed to every test client."""
    live_env: str
    """The variable that points the live tests at a server."""
    lines: dict[str, str]
    """Statements that hold the client's names, in black's shape (`shapes.conftest_lines`)."""


def literal(value: object) -> str:
    """Python source for a JSON value; strings go through ``pystr``."""
    return flat(value_expr(value))


def option_value(option: OptionView) -> str:
    """The value the test clients use for an option (distinct per option)."""
    return {"bearer": "test-token", "basic_username": "user", "basic_password": "secret"}.get(
        option.kind, f"test-{option.name}"
    )


def _base_hint(hint: str) -> str:
    return hint.removesuffix(" | NotGiven")


def _value_code(value: object, hint: str, imports: Imports, name: str) -> Expr:
    base = _base_hint(hint)
    if base == "FileTypes":
        return Tuple((Atom(pystr("upload.txt")), Atom(f"{pystr(str(value))}.encode()")))
    if base == "list[FileTypes]":  # several files under one field: two uploads
        uploads = [(pystr(f"upload-{n}.txt"), f"{pystr(f'file {n}')}.encode()") for n in (1, 2)]
        return List(tuple(Tuple((Atom(name), Atom(content))) for name, content in uploads))
    code = imports.hoist(value_expr(value), name)
    if imports.native(base):
        return code
    return Call(f"TypeAdapter({base}).validate_python", (code,))


def _auth_expectations(
    operation: Operation, options: ClientOptions
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(headers, query pairs) the client's options add to this operation's request."""
    names = options.auth_for(operation)
    headers: list[tuple[str, str]] = []
    query: list[tuple[str, str]] = []
    basic: dict[str, str] = {}
    for option in options.options:
        if names is not None and option.name not in names:
            continue
        value = option_value(option)
        if option.kind == "header":
            headers.append((option.wire_name, value))
        elif option.kind == "query":
            query.append((option.wire_name, value))
        elif option.kind == "bearer":
            headers.append(("Authorization", f"Bearer {value}"))
        else:
            basic[option.kind] = value
    if basic:
        pair = f"{basic.get('basic_username', '')}:{basic.get('basic_password', '')}"
        headers.append(("Authorization", "Basic " + base64.b64encode(pair.encode()).decode()))
    return headers, query


def _pairs_code(pairs: list[tuple[str, str]]) -> Expr:
    return List(tuple(Tuple((Atom(pystr(k)), Atom(pystr(v)))) for k, v in sorted(pairs)))


def _response_example(operation: Operation, status: str) -> ResponseExample | None:
    return next((r for r in operation.response_examples if r.status == status), None)


def _response_body(
    operation: Operation, status: str, api: Api, diagnostics: Diagnostics
) -> object:
    """The docs' example body for ``status`` when it fits its schema, else a sample."""
    response = next((r for r in operation.responses if r.status == status), None)
    schema = response.schema if response is not None else None
    example = _response_example(operation, status)
    if example is not None and example.example.value.is_json:
        value = example.example.value.value
        if schema is None or fits(value, schema, api):
            return value
        # A placeholder that does not fit ("object" for a map) is no mistake of the docs.
        if not example.example.value.generated:
            diagnostics.warning(
                "example-mismatch",
                f"{operation.method.upper()} {operation.path}: the example response {status} "
                "does not fit its schema; the generated tests use a schema-derived body",
                example.example.location,
            )
    if schema is None:
        return {"message": response.description if response else "error"}
    return sample(schema, api)


def build_case(
    operation: Operation,
    op_view: OperationView,
    *,
    accessor: str,
    api: Api,
    options: ClientOptions,
    imports: Imports,
    diagnostics: Diagnostics,
    client_class: str,
    live: bool = False,
) -> OperationCase:
    """The test case of one operation; ``accessor`` is ``pet.`` or empty (root).

    ``live`` cases (for the live module) get only the lines that module shows.
    """
    # Options the call may override (``api_key``...) come from the test client.
    views = [v for v in (*op_view.positional, *op_view.keyword) if v.kind != "option"]
    params = [op_view.source(v) for v in views]
    chosen = pick_values(operation, params, api, diagnostics)
    codes = [
        _value_code(
            c.value, v.value_hint or v.type_hint, imports, f"{op_view.name}_{v.python_name}"
        )
        for c, v in zip(chosen, views, strict=True)
    ]
    positional = len(op_view.positional)
    named = zip(views[positional:], codes[positional:], strict=True)
    kwargs = tuple((v.python_name, c) for v, c in named)
    args = tuple(codes[:positional])

    auth_headers, query = _auth_expectations(operation, options)
    headers = list(auth_headers)
    form: list[tuple[str, str]] = []
    json_body: Expr | None = None
    for item, view in zip(chosen, views, strict=True):
        if view.kind == "query":
            query += expected_pairs(item, api)
        elif view.kind == "header":
            headers += expected_pairs(item, api)
        elif view.kind == "form":
            form += expected_pairs(item, api)
        elif view.kind == "body":
            json_body = imports.hoist(
                value_expr(item.value), f"{op_view.name}_{view.python_name}"
            )

    response = success_response(operation)
    status, kind, return_code = 200, "none", "None"
    body: object = None
    if response is not None:
        status = int(response.status)
        if response.schema is None:
            kind = "none"
        elif isinstance(response.schema, FileSchema):
            kind, body = "bytes", "file content"
        else:
            kind = "typed"
            return_code = _base_hint(op_view.return_hint)
            imports.native(return_code)
            body = _response_body(operation, response.status, api, diagnostics)
    body_value = imports.hoist(value_expr(body), f"{op_view.name}_response")
    respond: tuple[tuple[str, Expr], ...] = ()
    shown: Expr = body_value
    if kind == "typed":
        respond = (("json", body_value),)
    else:  # the text of a big typed body is never needed: made only here
        shown = Atom(f"{pystr(str(body))}.encode()")
        if kind == "bytes":
            respond = (("content", shown),)

    errors = []
    for r in operation.responses:
        if r.status[:1] in {"4", "5"} and r.status.isdigit():
            error_body = _response_body(operation, r.status, api, diagnostics)
            error_code = imports.hoist(
                value_expr(error_body), f"{op_view.name}_error_{r.status}"
            )
            errors.append(ErrorCase(int(r.status), error_class(r.status), error_code))

    empty: list[tuple[Expr, ...]] = []
    escape_args: tuple[Expr, ...] = ()
    escape_path = ""
    for index, view in enumerate(op_view.positional):
        if _base_hint(view.type_hint) != "str":
            continue  # only a string can be empty (and type-check as one)
        empty.append((*args[:index], Atom('""'), *args[index + 1 :]))
        if not escape_args:
            probe = [*chosen[:index], Chosen(chosen[index].param, ESCAPE_PROBE),
                     *chosen[index + 1 :]]  # fmt: skip
            escape_args = (*args[:index], Atom(pystr(ESCAPE_PROBE)), *args[index + 1 :])
            escape_path = pystr(expected_path(operation, probe, api))

    statuses = sorted({int(r.status) for r in operation.responses if r.status.isdigit()})
    case = OperationCase(
        name=op_view.name,
        title=f"{op_view.method} {operation.path}",
        call=f"{accessor}{op_view.name}",
        raw_call=f"{accessor}with_raw_response.{op_view.name}",
        args=args,
        kwargs=kwargs,
        method=pystr(op_view.method),
        path=pystr(expected_path(operation, chosen, api)),
        query=_pairs_code(query),
        headers=_pairs_code(headers),
        json_body=json_body,
        form=_pairs_code(form) if form else None,
        multipart=bool(op_view.file_params),
        status=status,
        response=respond,
        body=shown,
        result_kind=kind,
        return_code=return_code,
        errors=tuple(errors),
        empty_path_args=tuple(empty),
        escape_args=escape_args,
        escape_path=escape_path,
        statuses=Tuple(tuple(Atom(str(s)) for s in statuses)),
        adapted=any(isinstance(c, Call) for c in codes),
        used=frozenset(_IDENT.findall(" ".join(flat(c) for c in codes))),
        lines=CaseLines(),
    )
    return replace(case, lines=case_lines(case, client_class, live=live))


def conftest_view(package: PackageView, base_url: str) -> ConftestView:
    return ConftestView(
        title=package.title,
        package=package.package,
        client_class=package.client_class,
        async_client_class=package.async_client_class,
        base_url=pystr(base_url),
        options=tuple((o.name, pystr(option_value(o))) for o in package.options),
        live_env=package.test_live_env,
        lines=conftest_lines(
            package.package, package.client_class, package.async_client_class,
            package.test_live_env,
        ),
    )

