"""Operations → method views: signature, wire mapping, return type, docstring.

A generated method is a typed signature plus one call into the shared runtime with the
arguments sorted by where they go on the wire; everything else (URL building, query
serialization, auth, retries, parsing) lives once in the runtime, so 1,000 operations
cost 1,000 short methods and nothing more.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from generator.config_paging import Pagination
from generator.diagnostics import Diagnostics
from generator.emit.incremental.active import remembered_as
from generator.emit.pyshape import Atom, Dict, render
from generator.emit.python.arguments import kind as param_kind
from generator.emit.python.arguments import (
    merged_bodies,
    missing_path_params,
    path_order,
    unique_params,
)
from generator.emit.python.docstrings import docstring, success_response
from generator.emit.python.endpoint import endpoint_code
from generator.emit.python.layout import annotated, call_statement
from generator.emit.python.options import ClientOptions, OptionView
from generator.emit.python.paging import PagerView, pager_for
from generator.emit.python.types import ModuleUse, TypeRenderer, default_code
from generator.emit.templating import pystr
from generator.model import (
    FileSchema,
    Operation,
    Parameter,
    ParameterIn,
)
from generator.naming import method_name, param_name, pascal_case, unique_names

RESERVED_PARAMS = frozenset({"self", "extra_headers", "extra_query", "timeout"})
IDEMPOTENCY_HEADERS = frozenset({"idempotency-key", "x-idempotency-key"})


@dataclass(frozen=True)
class ParamView:
    python_name: str
    wire_name: str
    type_hint: str
    default_code: str
    description: str
    kind: str  # path | query | header | body | form | file | option
    option: str = ""
    """For ``option``: the client option this argument overrides for one call."""
    value_hint: str = ""
    """The type a value is built as in examples and tests (a body's model, not the
    ``| PetParam`` alternative); the hint itself when empty."""

    @property
    def code(self) -> str:
        """The parameter's line in the exploded ``def``, in black's shape."""
        tail = f" = {self.default_code}" if self.default_code else ""
        return annotated(self.python_name, self.type_hint, tail, 8, comma=True)


@dataclass(frozen=True)
class OperationView:
    name: str
    constant: str
    return_hint: str
    endpoint_code: str
    """The whole ``_NAME = Endpoint[...](...)`` statement."""
    positional: tuple[ParamView, ...]
    keyword: tuple[ParamView, ...]
    path_params: tuple[ParamView, ...]
    query_params: tuple[ParamView, ...]
    header_params: tuple[ParamView, ...]
    form_params: tuple[ParamView, ...]
    file_params: tuple[ParamView, ...]
    option_params: tuple[ParamView, ...]
    """Required values the client holds as options, overridable per call."""
    body: ParamView | None
    docstring: str
    """Google style, for the sync and the async method alike."""
    summary: str
    method: str
    path: str
    operation: Operation
    """The model operation this method calls (the tests emitter reads its examples)."""
    pager: PagerView | None = None
    """Its auto-paging ``<name>_iter`` method, when it pages."""
    sources: tuple[tuple[str, Parameter], ...] = ()
    """(argument name, the parameter it sends): merged bodies and filled-in path
    parameters included, so examples and tests read the values the method takes."""

    def source(self, view: ParamView) -> Parameter:
        return next(p for name, p in self.sources if name == view.python_name)

    @property
    def argument_lines(self) -> tuple[str, ...]:
        """``path={...},`` ``query={...},`` ...: the request call's parameter groups
        (one argument per line of the exploded call), each in black's shape."""
        groups = (
            ("path", self.path_params),
            ("query", self.query_params),
            ("headers", self.header_params),
            ("form", self.form_params),
            ("files", self.file_params),
            ("options", self.option_params),
        )
        return tuple(
            render(
                Dict(
                    tuple(
                        (Atom(pystr(p.option or p.wire_name)), Atom(p.python_name))
                        for p in params
                    )
                ),
                indent=12,
                head=f"{name}=",
                tail=",",
                inside_brackets=True,
            )
            for name, params in groups
            if params
        )

    def raw_code(self, wrapper: str, resource_class: str) -> str:
        """``<name>: Final = <wrapper>(<Resource>.<name>)`` in a raw-response class."""
        head = f"{self.name}: Final = "
        return call_statement(head, wrapper, [f"{resource_class}.{self.name}"], 4)

    @property
    def example_args(self) -> str:
        """``pet_id=..., body=...``: the arguments a call cannot leave out."""
        required = [p for p in self.positional + self.keyword if not p.default_code]
        return ", ".join(f"{p.python_name}=..." for p in required)


def return_hint(operation: Operation, renderer: TypeRenderer, use: ModuleUse, owner: str) -> str:
    """``bytes`` for files, else the success schema's type; ``None`` when the docs
    document no success schema (No Content, or no 2xx response at all)."""
    response = success_response(operation)
    if response is None or response.schema is None:
        return "None"
    if isinstance(response.schema, FileSchema):
        return "bytes"
    return renderer.hint(response.schema, use, owner + "Response")


def build_operation(
    operation: Operation,
    name: str,
    *,
    renderer: TypeRenderer,
    options: ClientOptions,
    use: ModuleUse,
    diagnostics: Diagnostics,
    pagination: Pagination,
    pager_name: str,
) -> OperationView:
    """The view of one operation; ``use`` collects what the resource module imports."""
    owner = pascal_case(name)
    params: list[Parameter] = []
    option_of: dict[int, OptionView] = {}
    for param in merged_bodies(operation, unique_params(operation, diagnostics), diagnostics):
        option = options.header_option(param.name) if param.place is ParameterIn.HEADER else None
        if option is None:
            params.append(param)
        elif param.required and option.name not in options.common:
            # Required here, optional on the client: the call takes it too.
            option_of[len(params)] = option
            params.append(param)
    params += missing_path_params(operation, diagnostics)
    keys = [f"{i}" for i in range(len(params))]
    names = unique_names(
        keys,
        lambda k: (
            option_of[int(k)].name
            if int(k) in option_of
            else param_name(params[int(k)].name, avoid=RESERVED_PARAMS)
        ),
        reserved=RESERVED_PARAMS,
    )
    views: list[ParamView] = []
    for key, param in zip(keys, params, strict=True):
        option = option_of.get(int(key))
        if option is None:
            views.append(_param_view(param, names[key], renderer, use, owner))
        else:
            views.append(_option_view(param, names[key], option))
    by_kind = {kind: tuple(v for v in views if v.kind == kind) for kind in
               ("path", "query", "header", "body", "form", "file", "option")}  # fmt: skip
    path_params = tuple(
        sorted(by_kind["path"], key=lambda v: path_order(operation, _find(params, v)))
    )
    keyword = [v for v in views if v.kind != "path"]
    keyword.sort(key=lambda v: v.default_code != "")  # required first, for readability
    returns = return_hint(operation, renderer, use, owner)
    pager = pager_for(
        operation, name, returns, pagination=pagination, renderer=renderer, diagnostics=diagnostics
    )
    if pager is not None:
        pager = replace(pager, name=pager_name)
    return OperationView(
        name=name,
        constant=f"_{name.upper()}",
        return_hint=returns,
        endpoint_code=endpoint_code(
            operation,
            f"_{name.upper()}",
            returns,
            params,
            options,
            requires=tuple(o.name for o in option_of.values()),
            paging=pager.paging if pager else None,
        ),
        positional=path_params,
        keyword=tuple(keyword),
        path_params=path_params,
        query_params=by_kind["query"],
        header_params=by_kind["header"],
        form_params=by_kind["form"],
        file_params=by_kind["file"],
        option_params=by_kind["option"],
        body=by_kind["body"][0] if by_kind["body"] else None,
        docstring=docstring(operation, path_params + tuple(keyword)),
        summary=operation.summary,
        method=operation.method.upper(),
        path=operation.path,
        operation=operation,
        pager=pager,
        sources=tuple((names[key], param) for key, param in zip(keys, params, strict=True)),
    )


def _find(params: list[Parameter], view: ParamView) -> Parameter:
    return next(p for p in params if p.name == view.wire_name and param_kind(p) == view.kind)


def _option_view(param: Parameter, python_name: str, option: OptionView) -> ParamView:
    """A required header the client holds as an option: optional per call, checked
    before sending (the runtime raises when neither the call nor the client has it)."""
    text = " ".join(param.description.split())
    note = (
        f"Required: defaults to the client's {option.name} (${option.env_var}); "
        "the call raises ValueError before sending when neither has one."
    )
    description = f"{text.rstrip('.')}. {note}" if text else note
    return ParamView(
        python_name, param.name, "str | NotGiven", "NOT_GIVEN", description, "option",
        option=option.name,
    )  # fmt: skip


def _param_view(
    param: Parameter, python_name: str, renderer: TypeRenderer, use: ModuleUse, owner: str
) -> ParamView:
    kind = param_kind(param)
    hint = renderer.hint(param.schema, use, owner + pascal_case(param.name))
    value_hint = hint
    if kind == "body":
        hint = _body_hint(hint, renderer, use)
    default = ""
    required = param.required or kind == "path"
    if not required:
        default = default_code(param.default, hint) or ""
        if not default:
            hint, default = f"{hint} | NotGiven", "NOT_GIVEN"
    return ParamView(python_name, param.name, hint, default, param.description, kind,
                     value_hint=value_hint)  # fmt: skip


_LIST_OF = re.compile(r"list\[([A-Za-z_][A-Za-z0-9_]*)\]")


def _body_hint(hint: str, renderer: TypeRenderer, use: ModuleUse) -> str:
    """A model body also takes its TypedDict (``Pet | PetParam``), a list of models
    any sequence of either (``Sequence[Pet | PetParam]``): plain dicts are then
    checked by wire name."""
    listed = _LIST_OF.fullmatch(hint)
    model = listed.group(1) if listed else hint
    param = renderer.param_of(model)
    if param is None:
        return hint
    use.classes.add(param)
    if not listed:
        return f"{model} | {param}"
    use.abc.add("Sequence")
    return f"Sequence[{model} | {param}]"


def operation_names(operations: list[Operation], reserved: set[str]) -> list[str]:
    """Method names for a resource's operations, unique within it, in document order."""
    keys = [str(i) for i in range(len(operations))]
    avoid = tuple(sorted(reserved))

    def base(k: str) -> str:
        # From the fragment memo: segmenting a lowercase id is the slow part of
        # naming a resource's methods, which is done again whenever one changes.
        op = operations[int(k)]
        args = (op.operation_id, op.method, op.path, avoid, tuple(_vocabulary(op)))
        # Keyed by the arguments' repr: strings and tuples of them, exact and cheap.
        return remembered_as("naming.method_name", repr(args).encode(), _method_name, *args)

    names = unique_names(keys, base, reserved=reserved)
    return [names[k] for k in keys]


def _method_name(
    operation_id: str, method: str, path: str, avoid: tuple[str, ...], vocabulary: tuple[str, ...]
) -> str:
    return method_name(operation_id, method, path, avoid=avoid, vocabulary=vocabulary)



def _vocabulary(operation: Operation) -> list[str]:
    """Words an operation's docs use, for splitting a lowercased operation id."""
    texts = [operation.summary, operation.path, *operation.tags]
    texts += [p.name for p in operation.parameters]
    return texts
