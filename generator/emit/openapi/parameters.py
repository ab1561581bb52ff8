"""An operation's Swagger 2.0 parameters → OpenAPI 3 ``parameters`` and ``requestBody``.

Path, query and header rows stay parameters, with Swagger 2.0's collection formats
turned into ``style``/``explode``. The ``body`` row and the ``formData`` rows become
the request body: a body keeps its schema under each ``consumes`` media type
(``application/json`` when the docs name none); form rows become the properties of an
object under ``multipart/form-data`` when any of them is a file, else
``application/x-www-form-urlencoded``.
"""

from __future__ import annotations

import re

from generator.diagnostics import Diagnostics
from generator.emit.fits import authored
from generator.emit.openapi.schemas import Json, SchemaWriter
from generator.model import (
    ArraySchema,
    DocValue,
    Example,
    FileSchema,
    Operation,
    Parameter,
    ParameterIn,
)

# (location, collectionFormat) → (style, explode); ``None`` is Swagger 2.0's default csv.
STYLES: dict[tuple[str, str], tuple[str, bool]] = {
    ("query", "multi"): ("form", True),
    ("query", "csv"): ("form", False),
    ("query", "ssv"): ("spaceDelimited", False),
    ("query", "pipes"): ("pipeDelimited", False),
    ("path", "csv"): ("simple", False),
    ("header", "csv"): ("simple", False),
}
FORM_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")
PATH_TEMPLATE = re.compile(r"\{([^{}]+)\}")


def write_parameters(op: Operation, writer: SchemaWriter, diagnostics: Diagnostics) -> list[Json]:
    """The Parameter Objects, document order, one per (name, in), every ``{name}`` in
    the path declared."""
    examples = _example_map(op.request_example.query if op.request_example else None)
    examples |= _example_map(op.request_example.header if op.request_example else None)
    seen: set[tuple[str, str]] = set()
    out: list[Json] = []
    for param in op.parameters:
        if param.place in (ParameterIn.BODY, ParameterIn.FORM_DATA):
            continue
        key = (param.name, param.place.value)
        if key in seen:
            diagnostics.warning(
                "unsupported",
                f"{op.method} {op.path}: parameter '{param.name}' is listed twice; "
                "the first row was kept",
                param.location,
            )
            continue
        seen.add(key)
        out.append(_parameter(op, param, writer, diagnostics, examples))
    for name in dict.fromkeys(PATH_TEMPLATE.findall(op.path)):
        if (name, "path") not in seen:
            diagnostics.warning(
                "undeclared-path-parameter",
                f"{op.method} {op.path}: '{{{name}}}' has no Path parameter row; "
                "a required string parameter was filled in",
                op.location,
            )
            out.append({"name": name, "in": "path", "required": True, "schema": {"type": "string"}})
    return out


def _parameter(
    op: Operation,
    param: Parameter,
    writer: SchemaWriter,
    diagnostics: Diagnostics,
    examples: dict[str, object],
) -> Json:
    where = param.place.value
    out: Json = {"name": param.name, "in": where}
    if param.description:
        out["description"] = param.description
    required = param.required
    if param.place is ParameterIn.PATH and not required:
        diagnostics.warning(
            "unsupported",
            f"{op.method} {op.path}: path parameter '{param.name}' is marked optional; "
            "OpenAPI path parameters are always required",
            param.location,
        )
        required = True
    out["required"] = required
    base = writer.schema(param.schema, param.location)
    extra = writer.default(param.default, base, param.location) if param.default else {}
    out["schema"] = writer.decorate(base, param.constraints, extra)
    if isinstance(param.schema, ArraySchema):
        out.update(_style(op, param, diagnostics))
    example = authored(param.example)
    if example is not None:
        out["example"] = example.value
    elif param.name in examples:
        out["example"] = examples[param.name]
    return out


def _style(op: Operation, param: Parameter, diagnostics: Diagnostics) -> Json:
    assert isinstance(param.schema, ArraySchema)
    fmt = (param.schema.collection_format or "csv").lower()
    where = param.place.value
    style = STYLES.get((where, fmt))
    if style is None:
        fallback = "form" if where == "query" else "simple"
        diagnostics.warning(
            "unsupported",
            f"{op.method} {op.path}: collection format '{fmt}' of {where} parameter "
            f"'{param.name}' has no OpenAPI 3 style; written as {fallback} (comma-separated)",
            param.location,
        )
        style = (fallback, False)
    return {"style": style[0], "explode": style[1]}


def _example_map(example: Example | None) -> dict[str, object]:
    """Per-name examples from a request-query/header example that is a JSON object,
    the values a person wrote only (never `DocValue.generated` or `generated_keys`)."""
    value = authored(example.value) if example is not None else None
    if value is None or not value.is_json or not isinstance(value.value, dict):
        return {}
    placeholders = set(value.generated_keys)
    return {str(k): v for k, v in value.value.items() if k not in placeholders}


def write_request_body(
    op: Operation,
    writer: SchemaWriter,
    diagnostics: Diagnostics,
    default_consumes: tuple[str, ...],
) -> Json | None:
    """The Request Body Object, or ``None`` when the operation takes no body."""
    bodies = [p for p in op.parameters if p.place is ParameterIn.BODY]
    form = [p for p in op.parameters if p.place is ParameterIn.FORM_DATA]
    request = op.request_example
    if bodies:
        for dropped in bodies[1:] + form:
            diagnostics.warning(
                "unsupported",
                f"{op.method} {op.path}: only one body is possible; '{dropped.name}' was left out",
                dropped.location,
            )
        body = bodies[0]
        media = op.consumes or default_consumes or ("application/json",)
        base = writer.schema(body.schema, body.location)
        extra = writer.default(body.default, base, body.location) if body.default else {}
        schema = writer.decorate(base, body.constraints, extra)
        example = request.body if request is not None else None
        out: Json = {"description": body.description} if body.description else {}
        out["content"] = content(media, schema, authored(body.example) or example)
        out["required"] = body.required
        return out
    if not form:
        return None
    has_file = any(isinstance(p.schema, FileSchema) for p in form)
    default_form = ("multipart/form-data",) if has_file else ("application/x-www-form-urlencoded",)
    media = op.consumes or tuple(m for m in default_consumes if m in FORM_TYPES) or default_form
    schema = _form_schema(op, form, writer, diagnostics)
    example = request.form_data if request is not None else None
    return {
        "content": content(media, schema, example),
        "required": any(p.required for p in form),
    }


def _form_schema(
    op: Operation, form: list[Parameter], writer: SchemaWriter, diagnostics: Diagnostics
) -> Json:
    properties: dict[str, object] = {}
    required: list[str] = []
    for param in form:
        if param.name in properties:
            continue
        extra: Json = {"description": param.description} if param.description else {}
        base = writer.schema(param.schema, param.location)
        if param.default is not None:
            extra.update(writer.default(param.default, base, param.location))
        properties[param.name] = writer.decorate(base, param.constraints, extra)
        if param.required:
            required.append(param.name)
        if isinstance(param.schema, ArraySchema) and param.schema.collection_format not in (
            None,
            "multi",
            "csv",
        ):
            diagnostics.warning(
                "unsupported",
                f"{op.method} {op.path}: form field '{param.name}' uses collection format "
                f"'{param.schema.collection_format}'; left to the media type's default",
                param.location,
            )
    out: Json = {"type": "object"}
    if required:
        out["required"] = required
    out["properties"] = properties
    return out


def content(media: tuple[str, ...], schema: Json, example: DocValue | Example | None) -> Json:
    """One Media Type Object per media type; a JSON example a person wrote, only under
    JSON types (Swagger2Markup's generated placeholders are left out)."""
    if isinstance(example, Example):
        example = example.value
    example = authored(example)
    json_types = [m for m in media if "json" in m.lower()] or list(media[:1])
    out: Json = {}
    for mt in dict.fromkeys(media):
        entry: Json = {"schema": schema}
        if example is not None and example.is_json and mt in json_types:
            entry["example"] = example.value
        out[mt] = entry
    return out
