"""The generated ``tests/test_client.py``: the client's runtime, not just its methods.

Every generated fixture sets ``max_retries=0``, so the per-operation tests cannot see
retries, timeouts, environment configuration, header merging, redirects or paging
break. This module picks one operation (a ``GET`` with a documented body where there
is one, since only idempotent requests retry) and tests the runtime through it against
respx: ``Retry-After`` honoured, retries given up after ``max_retries`` (per call too),
timeouts retried then raised, every option read from its environment variable, header
overrides case-insensitive with ``OMIT``, credentials dropped on a redirect to another
host, raw responses and ``with_options``; and, when an operation pages, its iterator
walking two pages and stopping at the short second one.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from generator.config_paging import PagingRule
from generator.diagnostics import Diagnostics
from generator.emit.pyshape import (
    Atom,
    Call,
    Dict,
    Expr,
    List,
    import_line,
    render,
    value_expr,
)
from generator.emit.python.docstrings import success_response
from generator.emit.python.models import isort_key
from generator.emit.python.operations import OperationView
from generator.emit.python.package import PackageView
from generator.emit.python.paging import PagerView
from generator.emit.python.resources import ResourceView
from generator.emit.samples import sample
from generator.emit.templating import pystr
from generator.emit.tests.imports import Imports
from generator.emit.tests.view import OperationCase, build_case, option_value
from generator.model import Api

IDEMPOTENT = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
OTHER_HOST = "https://elsewhere.test/moved"
NEXT_LINK = "https://api.test/base/page-2"


@dataclass(frozen=True)
class PagingCase:
    """The pagination test: two mocked pages (the second one short), the pager call."""

    mock: str
    call: str
    second_check: str
    adapted: bool


@dataclass(frozen=True)
class RuntimeView:
    """Everything ``tests/test_client.py.jinja`` places; ``lines`` are finished
    statements at the indent the template places them (see `_lines`)."""

    package: str
    client_class: str
    env_prefix: str
    title: str
    options: tuple[tuple[str, str], ...]
    """(option, value code) as the conftest passes them."""
    imports: tuple[str, ...]
    model_import: str
    typing_imports: str
    datetime_imports: str
    uses_adapter: bool
    constants: tuple[str, ...]
    case: OperationCase
    retries: bool
    """Whether the operation is idempotent (only those are retried)."""
    lines: dict[str, str]
    env_lines: tuple[str, ...]
    """``monkeypatch.setenv(...)`` for the base URL and every option."""
    env_checks: tuple[str, ...]
    credential_checks: tuple[str, ...]
    """Assertions that no credential reached the other host."""
    paging: PagingCase | None


def _pick(groups: tuple[ResourceView, ...]) -> tuple[ResourceView, OperationView] | None:
    pairs = [(r, op) for r in groups for op in r.operations]
    if not pairs:
        return None

    def score(pair: tuple[ResourceView, OperationView]) -> int:
        op = pair[1]
        response = success_response(op.operation)
        typed = response is not None and response.schema is not None
        return (op.method not in IDEMPOTENT) * 4 + (op.method != "GET") * 2 + (not typed)

    return min(pairs, key=score)


def _credential_checks(package: PackageView, op: OperationView, target: str) -> list[str]:
    names = package.client_options.auth_for(op.operation)
    checks = []
    for option in package.options:
        if names is not None and option.name not in names:
            continue
        if option.kind == "query":
            checks.append(f"{pystr(option.wire_name)} not in {target}.url.params")
        else:
            wire = option.wire_name if option.kind == "header" else "Authorization"
            checks.append(f"{pystr(wire.lower())} not in {target}.headers")
    return [render(Atom(c), 4, "assert ") for c in sorted(set(checks))]


def _env_checks(package: PackageView, op: OperationView) -> list[str]:
    names = package.client_options.auth_for(op.operation)
    checks = []
    for option in package.options:
        if names is not None and option.name not in names:
            continue
        value = f"env-{option.name}"
        if option.kind == "header":
            checks.append(f"request.headers[{pystr(option.wire_name)}] == {pystr(value)}")
        elif option.kind == "query":
            checks.append(f"request.url.params[{pystr(option.wire_name)}] == {pystr(value)}")
        elif option.kind == "bearer":
            checks.append(f'request.headers["Authorization"] == {pystr("Bearer " + value)}')
    return [render(Atom(c), 4, "assert ") for c in checks]


def _set_at(page: object, path: tuple[str, ...], value: object) -> None:
    for name in path[:-1]:
        if not isinstance(page, dict):
            return
        page = page.setdefault(name, {})
    if isinstance(page, dict) and path:
        page[path[-1]] = value


def _get_at(page: object, path: tuple[str, ...]) -> object:
    for name in path:
        page = page.get(name) if isinstance(page, dict) else None
    return page


def _pages(op: OperationView, api: Api, pager: PagerView) -> tuple[object, object] | None:
    """Two page bodies from the response schema: 2 items then 1, the first one pointing
    at the next page (cursor ``c2`` or `NEXT_LINK`); None if the items are not found."""
    response = success_response(op.operation)
    if response is None or response.schema is None:
        return None
    body = sample(response.schema, api)
    rule = pager.rule
    assert rule is not None
    next_path = _next_path(rule)
    found = _get_at(body, pager.items)
    if isinstance(found, list) and found:
        made: list[object] = [[found[0], found[0]], [found[0]]]
    elif isinstance(found, dict) and found:
        one = next(iter(found.values()))
        made = [{"k1": one, "k2": one}, {"k3": one}]
    else:
        return None
    pages: list[object] = []
    for index, items in enumerate(made):
        page = copy.deepcopy(body) if pager.items else items
        _set_at(page, pager.items, items)
        if next_path:
            link = NEXT_LINK if rule.style == "next-link" else "c2"
            _set_at(page, next_path, link if index == 0 else None)
        pages.append(page)
    return pages[0], pages[1]


def _next_path(rule: PagingRule) -> tuple[str, ...]:
    path = rule.next_cursor if rule.style == "cursor" else rule.next_link
    return tuple(path.split(".")) if path else ()


def _paging_case(
    op: OperationView, resource: ResourceView, api: Api, imports: Imports, package: PackageView
) -> PagingCase | None:
    """The pagination test of ``op`` (it pages), or None when it cannot be mocked here
    (a ``Link`` header, or items the schema sample does not show)."""
    assert op.pager is not None and op.pager.rule is not None
    paging = op.pager.rule
    header_link = paging.style == "next-link" and not _next_path(paging)
    pages = None if header_link else _pages(op, api, op.pager)
    if pages is None:
        return None
    accessor = "" if resource.is_root else f"{resource.attribute}."
    case = build_case(
        op.operation, op, accessor=accessor, api=api, options=package.client_options,
        imports=imports, diagnostics=Diagnostics(), client_class=package.client_class,
    )  # fmt: skip
    moved = {paging.offset, paging.page, paging.cursor} - {""}
    wire = {v.python_name: v.wire_name for v in op.keyword}
    kwargs = [(n, e) for n, e in _required(op, case) if wire.get(n) not in moved | {op.pager.limit}]
    size = next((v.python_name for v in op.keyword if v.wire_name == op.pager.limit), None)
    if size is not None:
        kwargs.append((size, Atom("2")))
    call = Call(f"client.{accessor}{op.pager.name}", case.args, tuple(kwargs))
    responses = tuple(
        Call("httpx.Response", (Atom("200"),), (("json", imports.hoist(value_expr(p), name)),))
        for p, name in zip(pages, ("page_1", "page_2"), strict=True)
    )
    mock = Call("router.route().mock", (), (("side_effect", List(responses)),))
    second = "route.calls[1].request"
    checks = {
        "offset": f'{second}.url.params[{pystr(paging.offset)}] == "2"',
        "page": f"{second}.url.params[{pystr(paging.page)}] == {pystr(str(paging.first_page + 1))}",
        "cursor": f'{second}.url.params[{pystr(paging.cursor)}] == "c2"',
        "next-link": f'{second}.url.path == "/base/page-2"',
    }
    return PagingCase(
        render(mock, 4, "route = "),
        render(Call("list", (call,)), 8, "items = "),
        render(Atom(checks[paging.style]), 4, "assert "),
        adapted=case.adapted,
    )


def _required(op: OperationView, case: OperationCase) -> tuple[tuple[str, Expr], ...]:
    """The case's keyword arguments the method cannot go without (the rest are the
    module tests' business)."""
    required = {v.python_name for v in op.keyword if not v.default_code}
    return tuple((n, e) for n, e in case.kwargs if n in required)


def _lines(case: OperationCase, kwargs: tuple[tuple[str, Expr], ...]) -> dict[str, str]:
    """The statements whose length depends on the docs, black-shaped at their indent."""

    def call(extra: tuple[tuple[str, Expr], ...] = ()) -> Call:
        return Call(f"client.{case.call}", case.args, kwargs + extra)

    success = Call("httpx.Response", (Atom(str(case.status)),), case.response)
    moved = Call('router.route(host="elsewhere.test").respond', success.args, case.response)
    headers = Dict(((Atom('"X-TRACE"'), Atom('"per-call"')), (Atom('"Accept"'), Atom("OMIT"))))
    return {
        "success_item": render(success, 12, "", ",", inside_brackets=True),
        "call_8": render(call(), 8, "result = "),
        "plain_8": render(call(), 8),
        "plain_12": render(call(), 12),
        "once_12": render(call((("max_retries", Atom("1")),)), 12),
        "headers_8": render(call((("extra_headers", headers),)), 8),
        "moved_4": render(moved, 4, "moved = "),
        "raw_8": render(Call(f"client.{case.raw_call}", case.args, kwargs), 8, "raw = "),
    }


def runtime_view(package: PackageView, api: Api, model_names: set[str]) -> RuntimeView | None:
    """The view of ``test_client.py``, or None for an API without operations."""
    picked = _pick(package.groups)
    if picked is None:
        return None
    resource, op = picked
    imports = Imports(model_names)
    case = build_case(
        op.operation, op, accessor="" if resource.is_root else f"{resource.attribute}.",
        api=api, options=package.client_options, imports=imports, diagnostics=Diagnostics(),
        client_class=package.client_class,
    )  # fmt: skip
    env = [(package.base_url_env, "https://env.test/root")]
    env += [(o.env_var, f"env-{o.name}") for o in package.options]
    env_lines = tuple(
        render(Call("monkeypatch.setenv", (Atom(pystr(k)), Atom(pystr(v)))), 4) for k, v in env
    )
    paging = next(
        (
            _paging_case(candidate, group, api, imports, package)
            for group in package.groups
            for candidate in group.operations
            if candidate.pager is not None
        ),
        None,
    )
    names = ["OMIT", "APITimeoutError", "InternalServerError", package.client_class]
    return RuntimeView(
        package=package.package,
        client_class=package.client_class,
        env_prefix=package.env_prefix,
        title=package.title,
        options=tuple((o.name, pystr(option_value(o))) for o in package.options),
        imports=tuple(sorted(names, key=isort_key)),
        model_import=(
            import_line(f"{package.package}.models", sorted(imports.models))
            if imports.models
            else ""
        ),
        typing_imports=", ".join(sorted(imports.typing | {"Any"})),
        datetime_imports=", ".join(sorted(imports.datetime)),
        uses_adapter=case.adapted or (paging is not None and paging.adapted),
        constants=imports.statements(),
        case=case,
        retries=op.method in IDEMPOTENT,
        lines=_lines(case, _required(op, case)),
        env_lines=env_lines,
        env_checks=tuple(_env_checks(package, op)),
        credential_checks=tuple(_credential_checks(package, op, "request")),
        paging=paging,
    )


