"""The generated README's examples: calls that run as written, with the docs' values.

The first example (the quick start) calls one operation a reader can try at once: a
``GET`` with a documented success body if there is one, its required arguments filled
with the docs' example request values (or schema samples where the docs give none
that fit), the same values the generated tests use. Run against a mock server of the
generated OpenAPI document, it succeeds (``tests/test_generated_clients.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from generator.diagnostics import Diagnostics
from generator.emit.pyshape import Atom, Call, render, value_expr
from generator.emit.python.docstrings import success_response
from generator.emit.python.operations import OperationView
from generator.emit.python.options import ClientOptions, OptionView
from generator.emit.python.resources import ResourceView
from generator.model import Api
from generator.naming import safe_snake

_MODEL = re.compile(r"([A-Z][A-Za-z0-9_]*)\]*$")
"""The model class an item hint ends with (``tuple[str, Batch]`` → ``Batch``)."""


@dataclass(frozen=True)
class ExampleCall:
    """One call in the README, as code in black's layout."""

    call: Call
    summary: str
    item: str = "item"
    """For a pager: the loop target (``pet``, or ``key, batch`` for map pages)."""
    needs: tuple[OptionView, ...] = ()
    """Client options to set before the call runs (required ones and its credentials)."""

    def statement(self, head: str, indent: int = 4) -> str:
        return render(self.call, indent=indent, head=head)

    def loop(self, keyword: str) -> str:
        """``for <item> in <call>:`` (``keyword`` ``for`` or ``async for``), at indent 4."""
        return render(self.call, indent=4, head=f"{keyword} {self.item} in ", tail=":")


def example_call(
    resource: ResourceView, op: OperationView, api: Api, *, pager: bool = False
) -> ExampleCall:
    """``client.<resource>.<method>(<required arguments>)`` with the docs' values."""
    # The tests target's values module; imported here since that target imports this one.
    from generator.emit.tests.values import pick_values  # noqa: PLC0415
    # Required arguments, and the body (optional in many docs, but the point of the call).
    views = [v for v in (*op.positional, *op.keyword) if v.kind not in {"option", "file"}
             and (not v.default_code or v.kind == "body")]  # fmt: skip
    params = [op.source(v) for v in views]
    chosen = pick_values(op.operation, params, api, Diagnostics())
    args = tuple(value_expr(c.value) for c, v in zip(chosen, views, strict=True)
                 if v.kind == "path")  # fmt: skip
    kwargs = tuple((v.python_name, value_expr(c.value))
                   for c, v in zip(chosen, views, strict=True) if v.kind != "path")  # fmt: skip
    accessor = "" if resource.is_root else f"{resource.attribute}."
    name = op.pager.name if pager and op.pager else op.name
    item = "item"
    if op.pager is not None:
        hint = op.pager.item_hint
        model = _MODEL.search(hint)
        item = safe_snake(model.group(1), fallback="item") if model else "item"
        item = f"key, {item}" if hint.startswith("tuple[") else item
    return ExampleCall(Call(f"client.{accessor}{name}", args, kwargs), op.summary, item)


def _score(op: OperationView) -> int:
    """Lower is a better first example: a GET returning a documented body."""
    response = success_response(op.operation)
    has_body = response is not None and response.schema is not None
    return (op.method != "GET") + 2 * (not has_body) + 4 * (response is None)


def quick_start(
    groups: tuple[ResourceView, ...], api: Api, options: ClientOptions
) -> ExampleCall | None:
    """The README's first call: the best-scoring operation, first in the docs' order;
    ``needs`` are the options it cannot go without (required ones, its credentials)."""
    candidates = [(r, op) for r in groups for op in r.operations]
    if not candidates:
        return None
    resource, op = min(candidates, key=lambda pair: _score(pair[1]))
    sent = options.auth_for(op.operation) or ()
    needs = tuple(o for o in options.options if o.required or o.name in sent)
    return replace(example_call(resource, op, api), needs=needs)


def tour_call(resource: ResourceView, api: Api) -> ExampleCall | None:
    """The README's tour has one call of each resource: its first operation."""
    return example_call(resource, resource.operations[0], api) if resource.operations else None


def pager_example(groups: tuple[ResourceView, ...], api: Api) -> ExampleCall | None:
    """An auto-paging call (the first operation that pages, 50 items a page where the
    page size is an argument), if any operation pages."""
    for resource in groups:
        for op in resource.operations:
            if op.pager is None:
                continue
            example = example_call(resource, op, api, pager=True)
            sizes = [v.python_name for v in op.keyword
                     if v.wire_name == op.pager.limit and v.kind == "query"]  # fmt: skip
            limit = sizes[0] if sizes else None
            if limit is None:
                return example
            call = example.call
            sized = Call(call.func, call.args, (*call.kwargs, (limit, Atom("50"))))
            return ExampleCall(sized, op.summary, example.item)
    return None
