"""Argument values for generated tests: the docs' example request, else schema samples.

An ``Example HTTP request`` holds the path with its values filled in (``/pets/0``), the
query and form fields as one JSON object, the header(s) and the body. `pick_values`
reads each parameter's value from there, checks it against the parameter's schema
(`fits`) and falls back to `sample` (with an ``example-mismatch`` warning when the
docs gave a value that does not fit). Swagger2Markup's generated placeholders
(`DocValue.generated`) are valid values to send, but give way to an example a person
wrote for the parameter, and never draw a warning.

The ``expected_*`` functions say what must then go over the wire, written from the
Swagger 2.0 rules (collection formats, ``true``/``false``, percent-encoded path
segments) rather than from the client's runtime, so the tests check the client
against the docs and not against itself.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import quote

from generator.diagnostics import Diagnostics
from generator.emit.fits import authored, fits, resolve
from generator.emit.samples import sample
from generator.model import (
    Api,
    ArraySchema,
    Example,
    Operation,
    Parameter,
    ParameterIn,
    PrimitiveSchema,
    Schema,
)

_TEMPLATE_VAR = re.compile(r"{([^{}]+)}")
_SEPARATORS = {"csv": ",", "ssv": " ", "tsv": "\t", "pipes": "|"}


@dataclass(frozen=True)
class Chosen:
    """A parameter and the JSON value the generated test passes for it."""

    param: Parameter
    value: object


def path_values(template: str, example: str) -> dict[str, str]:
    """``/pets/{petId}`` + ``/pets/0`` → ``{"petId": "0"}`` (empty when they differ).
    The example may carry the base path the operation's path was read without
    (``/v2/pets/0``, `generator.resolve.base_path`)."""
    pieces = _TEMPLATE_VAR.split(template)
    names = pieces[1::2]
    regex = "".join(
        re.escape(piece) if i % 2 == 0 else f"(?P<g{i // 2}>[^/]+)"
        for i, piece in enumerate(pieces)
    )
    path = example.split("?", 1)[0]
    found = re.fullmatch(regex, path) or re.fullmatch(f"(?:/[^/]+)+?{regex}", path)
    if found is None:
        return {}
    return {name: found.group(f"g{i}") for i, name in enumerate(names)}


def _from_text(text: str, schema: Schema, api: Api) -> object:
    """A path segment read as its schema's type (``0`` → 0 for integers)."""
    try:
        value = json.loads(text)
    except ValueError:
        return text
    return value if fits(value, schema, api) and not isinstance(value, str) else text


def _documented(operation: Operation, param: Parameter, api: Api) -> tuple[bool, object]:
    """(found, value) from the example request for ``param``."""
    example = operation.request_example
    if example is None:
        return False, None
    if param.place is ParameterIn.PATH and example.path is not None:
        written = example.path.value  # a bare path, or a JSON string in some releases
        text = written.value if isinstance(written.value, str) else written.text
        values = path_values(operation.path, text)
        if param.name in values:
            return True, _from_text(values[param.name], param.schema, api)
        return False, None
    part = _part(operation, param)
    if part is None or not part.value.is_json:
        return False, None
    value = part.value.value
    if param.place is ParameterIn.BODY:
        return True, value
    if isinstance(value, dict) and param.name in value:
        return True, value[param.name]
    same_kind = [p for p in operation.parameters if p.place is param.place]
    if param.place is ParameterIn.HEADER and len(same_kind) == 1:
        return True, value  # Swagger2Markup prints a lone header's value bare
    return False, None


def _part(operation: Operation, param: Parameter) -> Example | None:
    """The part of the example request that holds ``param``'s value."""
    example = operation.request_example
    if example is None:
        return None
    return {
        ParameterIn.PATH: example.path,
        ParameterIn.QUERY: example.query,
        ParameterIn.HEADER: example.header,
        ParameterIn.BODY: example.body,
        ParameterIn.FORM_DATA: example.form_data,
    }.get(param.place)


def _placeholder(operation: Operation, param: Parameter) -> bool:
    """Whether ``param``'s value there is Swagger2Markup's placeholder (the whole part
    `DocValue.generated`, or its key among `DocValue.generated_keys`)."""
    part = _part(operation, param)
    return part is not None and (part.value.generated or param.name in part.value.generated_keys)


def pick_values(
    operation: Operation, params: list[Parameter], api: Api, diagnostics: Diagnostics
) -> list[Chosen]:
    """A value for every parameter: an example a person wrote when one fits (the request
    example's, else the parameter's own), else a generated one, else a sample."""
    chosen: list[Chosen] = []
    for param in params:
        found, value = _documented(operation, param, api)
        hints = (param.example, param.default)
        written = authored(param.example)
        if (
            found
            and written is not None
            and _placeholder(operation, param)
            and fits(written.value, param.schema, api, param.constraints)
        ):
            chosen.append(Chosen(param, written.value))
            continue
        if found and fits(value, param.schema, api, param.constraints):
            chosen.append(Chosen(param, value))
            continue
        if found and not _placeholder(operation, param):
            diagnostics.warning(
                "example-mismatch",
                f"{operation.method.upper()} {operation.path}: the example value "
                f"{json.dumps(value)[:60]} for {param.place.value} parameter "
                f"{param.name!r} does not fit its schema; the generated tests use a "
                "schema-derived value",
                operation.location,
            )
        chosen.append(Chosen(param, sample(param.schema, api, param.constraints, hints)))
    return chosen


# ------------------------------------------------------------------- wire forms


def scalar_text(value: object, schema: Schema | None, api: Api) -> str:
    """One value as it appears in a path, query, header or form field."""
    if isinstance(value, bool):
        return "true" if value else "false"
    target = resolve(schema, api) if schema is not None else None
    if isinstance(target, PrimitiveSchema) and isinstance(value, str):
        if target.format == "date-time":
            return datetime.fromisoformat(value.replace("Z", "+00:00")).isoformat()
        if target.format == "date":
            return date.fromisoformat(value).isoformat()
    if isinstance(value, dict | list):
        return json.dumps(value, separators=(",", ":"))
    return str(value)


def expected_path(operation: Operation, chosen: list[Chosen], api: Api) -> str:
    """The path with every parameter substituted and percent-encoded (``/`` too)."""
    path = operation.path
    for item in chosen:
        if item.param.place is ParameterIn.PATH:
            text = scalar_text(item.value, item.param.schema, api)
            path = path.replace("{" + item.param.name + "}", quote(text, safe=""))
    return path


def expected_pairs(item: Chosen, api: Api) -> list[tuple[str, str]]:
    """Query/form pairs (or one header) for a value, by its collection format."""
    schema = resolve(item.param.schema, api)
    name = item.param.name
    if isinstance(schema, ArraySchema) and isinstance(item.value, list):
        texts = [scalar_text(v, schema.items, api) for v in item.value]
        fmt = schema.collection_format or "csv"
        if fmt == "multi":
            return [(name, t) for t in texts]
        return [(name, _SEPARATORS.get(fmt, ",").join(texts))]
    return [(name, scalar_text(item.value, item.param.schema, api))]
