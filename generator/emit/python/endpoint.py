"""The ``_NAME = Endpoint[T](...)`` statement of an operation: the static facts the
runtime needs (method, path, return type, auth, collection formats, body encoding,
required options, secret parameters, paging), laid out as black lays it out."""

from __future__ import annotations

from generator.emit.pyshape import Atom, Call, Dict, Expr, Tuple, render
from generator.emit.python.arguments import is_file
from generator.emit.python.options import ClientOptions
from generator.emit.templating import pystr
from generator.model import ArraySchema, Operation, Parameter, ParameterIn, PrimitiveSchema


def endpoint_code(
    operation: Operation,
    constant: str,
    returns: str,
    params: list[Parameter],
    options: ClientOptions,
    *,
    requires: tuple[str, ...],
    paging: Expr | None,
) -> str:
    """``_NAME = Endpoint[T]("GET", "/pets", T, ...)``: the static facts the runtime
    needs, laid out as black lays the statement out."""
    args = (Atom(pystr(operation.method.upper())), Atom(pystr(operation.path)), Atom(returns))
    kwargs: list[tuple[str, Expr]] = []
    auth = options.auth_for(operation)
    if auth is not None:
        kwargs.append(("auth", Tuple(tuple(Atom(pystr(a)) for a in auth))))
    formats = {
        p.name: p.schema.collection_format or "csv"
        for p in params
        if p.place in {ParameterIn.QUERY, ParameterIn.HEADER, ParameterIn.FORM_DATA}
        and isinstance(p.schema, ArraySchema)
        and not is_file(p.schema)
    }
    if formats:
        pairs = tuple((Atom(pystr(k)), Atom(pystr(v))) for k, v in formats.items())
        kwargs.append(("formats", Dict(pairs)))
    form = [p for p in params if p.place is ParameterIn.FORM_DATA]
    if form:
        multipart = any(is_file(p.schema) for p in form) or any(
            "multipart" in c for c in operation.consumes
        )
        kwargs.append(("body", Atom(pystr("multipart" if multipart else "form"))))
    if requires:
        kwargs.append(("requires", Tuple(tuple(Atom(pystr(r)) for r in requires))))
    secrets = [p.name for p in params if p.place is ParameterIn.QUERY and _is_secret(p)]
    if secrets:
        kwargs.append(("secrets", Tuple(tuple(Atom(pystr(s)) for s in secrets))))
    if paging is not None:
        kwargs.append(("paging", paging))
    endpoint = Call(f"Endpoint[{returns}]", args, tuple(kwargs))
    return render(endpoint, indent=0, head=f"{constant} = ")


def _is_secret(param: Parameter) -> bool:
    """Whether the docs mark a parameter as a secret (``format: password``)."""
    schema = param.schema
    return isinstance(schema, PrimitiveSchema) and schema.format == "password"
