"""The statements of one operation's tests, laid out in black's shape.

Names and values come from the docs, so only Python can know how long a line gets;
`case_lines` lays out every statement whose length depends on them with
`generator.emit.pyshape`, and the templates place the lines as they are. The
statements' indentation is fixed by the templates (a test body at 4, an ``async
with`` body at 12...), so it is spelled out here beside each statement.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.emit.pyshape import Atom, Call, Expr, Tuple, import_line, render, render_def
from generator.emit.templating import pystr

if TYPE_CHECKING:
    from generator.emit.tests.view import OperationCase

ROUTER = "router: respx.MockRouter"


@dataclass(frozen=True)
class CaseLines:
    """Finished lines (indentation included) of one operation's tests."""

    def_sync: str = ""
    def_async: str = ""
    def_raw: str = ""
    def_empty: str = ""
    def_escape: str = ""
    def_live: str = ""
    respond: str = ""
    respond_raw: str = ""
    sync_call: str = ""
    async_call: str = ""
    raw_call: str = ""
    error_call: str = ""
    empty_calls: tuple[str, ...] = ()
    escape_call: str = ""
    escape_check: str = ""
    request_items: tuple[str, ...] = ()
    result_check: str = ""
    sync_check: str = ""
    """The sync test's result check: none for a method returning None (typed so)."""
    raw_check: str = ""
    error_items: tuple[str, ...] = ()
    live_call: str = ""
    live_error: str = ""
    live_check: str = ""


def case_lines(case: OperationCase, client_class: str, *, live: bool = False) -> CaseLines:
    """The lines of ``case``'s tests in its resource's module, or with ``live`` only
    those of its live test (laying statements out is most of this emitter's time)."""

    def call(target: str, args: Sequence[Expr] | None = None) -> Call:
        chosen = case.args if args is None else tuple(args)
        return Call(target, chosen, case.kwargs)

    def respond(extra: tuple[tuple[str, Expr], ...] = ()) -> Call:
        return Call("router.route().respond", (Atom(str(case.status)),), case.response + extra)

    def check(result: str) -> str:
        if case.result_kind == "typed":
            parsed = Call("expect.parsed", (Atom(result), Atom(case.return_code), case.body))
            return render(parsed, 4)
        if case.result_kind == "bytes":
            return render(case.body, 4, f"assert {result} == ")
        return f"    assert {result} is None"

    def test(suffix: str, *params: str) -> str:
        return render_def(f"test_{case.name}{suffix}", params, "None")

    client = f"client: {client_class}"
    items = [("method=", Atom(case.method)), ("path=", Atom(case.path)),
             ("query=", case.query), ("headers=", case.headers)]  # fmt: skip
    if case.json_body is not None:
        items.append(("json_body=", case.json_body))
    if case.form is not None:
        items.append(("form=", case.form))
    if case.multipart:
        items.append(("multipart=", Atom("True")))
    typed_or_bytes = case.result_kind in ("typed", "bytes")
    none = case.result_kind == "none"
    if live:
        return CaseLines(
            def_live=test("_live", f"live_client: {client_class}", "expect: Any"),
            live_call=render(
                call(f"live_client.{case.call}"), 8, "result = " if typed_or_bytes else ""
            ),
            live_error=render(Call("expect.documented_error", (Atom("error"), case.statuses)), 8),
            live_check=(
                render(Call("expect.typed", (Atom("result"), Atom(case.return_code))), 4)
                if case.result_kind == "typed"
                else "    assert isinstance(result, bytes)"
                if case.result_kind == "bytes"
                else ""
            ),
        )
    endswith = f'request.url.raw_path.decode().split("?", 1)[0].endswith({case.escape_path})'
    return CaseLines(
        def_sync=test("", client, ROUTER, "expect: Any"),
        def_async=test("_async", "async_client: Any", ROUTER, "expect: Any"),
        def_raw=test("_raw_response", client, ROUTER, "expect: Any"),
        def_empty=test("_empty_path_value", client, ROUTER),
        def_escape=test("_path_escaping", client, ROUTER),
        respond=render(respond(), 4, "route = "),
        respond_raw=render(respond((("headers", Atom('{"x-test": "raw"}')),)), 4),
        sync_call=render(call(f"client.{case.call}"), 4, "" if none else "result = "),
        async_call=render(call(f"client.{case.call}"), 12, "await " if none else "return await "),
        raw_call=render(call(f"client.{case.raw_call}"), 4, "raw = "),
        error_call=render(call(f"client.{case.call}"), 8),
        empty_calls=tuple(render(call(f"client.{case.call}", a), 8) for a in case.empty_path_args),
        escape_call=render(call(f"client.{case.call}", case.escape_args), 4),
        escape_check=render(Atom(endswith), 4, "assert ") if case.escape_args else "",
        request_items=tuple(render(v, 8, h, ",", inside_brackets=True) for h, v in items),
        result_check=check("result"),
        sync_check="" if none else check("result"),
        raw_check=check("raw.parse()"),
        error_items=tuple(
            render(Tuple((Atom(str(e.status)), Atom(e.exception), e.body)), 8, "", ",", True)
            for e in case.errors
        ),
    )


def conftest_lines(package: str, client: str, async_client: str, live_env: str) -> dict[str, str]:
    """The conftest statements that hold the client's names or the live-test variable."""
    options = (Atom("base_url=BASE_URL"), Atom("max_retries=0"), Atom("**OPTIONS"))
    live = (Atom("base_url=url"), *options[1:])
    return {
        "import": import_line(package, [async_client, client]),
        "def_client": render_def("client", ["router: respx.MockRouter"], f"Iterator[{client}]"),
        "with_client": render(Call(client, options), 4, "with ", " as made:"),
        "async_with": render(Call(async_client, options), 8, "async with ", " as made:"),
        "def_live_client": render_def("live_client", [], f"Iterator[{client}]"),
        "getenv": render(Call("os.environ.get", (Atom(pystr(live_env)),)), 4, "url = "),
        "skip": render(
            Call("pytest.skip", (Atom(pystr(f"set ${live_env} to run the live tests")),)), 8
        ),
        "with_live": render(Call(client, live), 4, "with ", " as made:"),
    }
