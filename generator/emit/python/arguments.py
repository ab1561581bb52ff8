"""The parameters an operation's method takes, from its ``Parameters`` table.

One row per (place, wire name) (header names case-blind; a repeat is warned and
dropped); path template variables the table forgot are added as strings; several
``Body`` rows (invalid Swagger 2.0, common in docs written from Spring controllers)
become one object body with a property per row; a ``formData`` file, or array of
files, is a multipart upload.
"""

from __future__ import annotations

import re

from generator.diagnostics import Diagnostics
from generator.model import (
    ArraySchema,
    FileSchema,
    ObjectSchema,
    Operation,
    Parameter,
    ParameterIn,
    PrimitiveSchema,
    Property,
    Schema,
)

_TEMPLATE_VAR = re.compile(r"{([^{}]+)}")


def is_file(schema: Schema) -> bool:
    """A file, or an array of files (several parts under one form field name)."""
    if isinstance(schema, ArraySchema):
        return isinstance(schema.items, FileSchema)
    return isinstance(schema, FileSchema)


def kind(param: Parameter) -> str:
    if param.place is ParameterIn.FORM_DATA:
        return "file" if is_file(param.schema) else "form"
    return str(param.place.value)


def merged_bodies(
    operation: Operation, params: list[Parameter], diagnostics: Diagnostics
) -> list[Parameter]:
    """``params`` with several ``Body`` rows (invalid in Swagger 2.0, common in docs
    written from Spring controllers) made into one object body with a property per
    row, warned at the second row: the client and its tests then agree on one shape."""
    bodies = [p for p in params if p.place is ParameterIn.BODY]
    if len(bodies) < 2:
        return params
    names = ", ".join(repr(p.name) for p in bodies)
    diagnostics.warning(
        "multiple-bodies",
        f"{operation.method.upper()} {operation.path}: {len(bodies)} body parameters "
        f"({names}); the client sends one JSON object with a property for each",
        bodies[1].location,
    )
    properties = tuple(
        Property(p.name, p.schema, p.location, p.description, p.required, example=p.example)
        for p in bodies
    )
    merged = Parameter(
        "body", ParameterIn.BODY, ObjectSchema(properties), bodies[0].location,
        f"One object with the body parameters {names}.", any(p.required for p in bodies),
    )  # fmt: skip
    first = params.index(bodies[0])
    rest = [p for p in params if p.place is not ParameterIn.BODY]
    return [*rest[:first], merged, *rest[first:]]


def path_order(operation: Operation, param: Parameter) -> int:
    names = _TEMPLATE_VAR.findall(operation.path)
    return names.index(param.name) if param.name in names else len(names)


def unique_params(operation: Operation, diagnostics: Diagnostics) -> list[Parameter]:
    """Parameters with one row per (location, wire name); header names are case-blind."""
    seen: set[tuple[str, str]] = set()
    kept = []
    for param in operation.parameters:
        name = param.name.casefold() if param.place is ParameterIn.HEADER else param.name
        key = (str(param.place.value), name)
        if key in seen:
            diagnostics.warning(
                "duplicate-parameter",
                f"{operation.method.upper()} {operation.path}: {param.place.value} parameter "
                f"{param.name!r} is listed twice; the client sends the first one",
                param.location,
            )
            continue
        seen.add(key)
        kept.append(param)
    return kept


def missing_path_params(operation: Operation, diagnostics: Diagnostics) -> list[Parameter]:
    """Template variables the Parameters table forgot: still callable, typed ``str``."""
    documented = {p.name for p in operation.parameters if p.place is ParameterIn.PATH}
    missing = []
    for name in _TEMPLATE_VAR.findall(operation.path):
        if name not in documented:
            diagnostics.warning(
                "unsupported",
                f"{operation.method.upper()} {operation.path}: path parameter {name!r} is not "
                "documented; the client takes it as a string",
                operation.location,
            )
            missing.append(
                Parameter(name, ParameterIn.PATH, PrimitiveSchema("string"), operation.location,
                          required=True)
            )
    return missing
