"""Swagger 2.0 → the OpenAPI 3 meaning, and a field-by-field diff of two documents.

The conformance test converts each Swagger 2.0 input into the OpenAPI 3 document it
means (`to_openapi3`), brings both that and the emitted document to one canonical form
(`canonical`: 3.0/3.1 spelling differences, empty descriptions and vendor extensions
removed), and lists every difference as a path (`diff`) so exemptions can name exactly
what the markdown cannot carry (`exempt`).
"""

from __future__ import annotations

import fnmatch
from typing import Any

Json = dict[str, Any]

SCHEMA_KEYS = (
    "type", "format", "items", "enum", "default", "minimum", "maximum", "exclusiveMinimum",
    "exclusiveMaximum", "minLength", "maxLength", "pattern", "minItems", "maxItems",
    "uniqueItems", "multipleOf",
)  # fmt: skip
STYLES = {
    ("query", "multi"): ("form", True),
    ("query", "csv"): ("form", False),
    ("query", "ssv"): ("spaceDelimited", False),
    ("query", "pipes"): ("pipeDelimited", False),
    ("path", "csv"): ("simple", False),
    ("header", "csv"): ("simple", False),
}
FLOWS = {"implicit": "implicit", "password": "password", "application": "clientCredentials",
         "accessCode": "authorizationCode"}  # fmt: skip


def _ref(spec: Json, node: Json, section: str) -> Json:
    """Follow a local ``#/parameters/X`` or ``#/responses/X`` reference (Swagger 2.0
    ignores keys beside a ``$ref``)."""
    if "$ref" not in node:
        return node
    target: Json = spec[section][node["$ref"].rsplit("/", 1)[1]]
    return target


def schema3(schema: Json) -> Json:
    """A Swagger 2.0 schema in OpenAPI 3 terms: refs to components, file → binary."""
    out: Json = {}
    for key, value in schema.items():
        if key == "$ref":
            out[key] = value.replace("#/definitions/", "#/components/schemas/")
        elif key in ("items", "additionalProperties") and isinstance(value, dict):
            out[key] = schema3(value)
        elif key == "properties":
            out[key] = {name: schema3(prop) for name, prop in value.items()}
        elif key == "allOf":
            out[key] = [schema3(part) for part in value]
        elif key == "type" and value == "file":
            out.update(type="string", format="binary")
        elif key not in ("collectionFormat", "discriminator") and not key.startswith("x-"):
            out[key] = value
    return out


def _parameter(param: Json) -> Json:
    schema = schema3({k: v for k, v in param.items() if k in SCHEMA_KEYS})
    out: Json = {"name": param["name"], "in": param["in"], "required": bool(param.get("required"))}
    if param.get("description"):
        out["description"] = param["description"]
    out["schema"] = schema
    if param.get("type") == "array":
        style = STYLES.get((param["in"], param.get("collectionFormat", "csv")))
        if style is not None:
            out["style"], out["explode"] = style
    return out


def _request_body(op: Json, params: list[Json], consumes: list[str]) -> Json | None:
    body = [p for p in params if p["in"] == "body"]
    form = [p for p in params if p["in"] == "formData"]
    if body:
        media = op.get("consumes") or consumes or ["application/json"]
        schema = schema3(body[0]["schema"])
        out: Json = {"description": body[0].get("description", "")}
        out["content"] = {mt: {"schema": schema} for mt in media}
        out["required"] = bool(body[0].get("required"))
        return out
    if not form:
        return None
    has_file = any(p.get("type") == "file" for p in form)
    default = "multipart/form-data" if has_file else "application/x-www-form-urlencoded"
    properties = {}
    for p in form:
        prop = schema3({k: v for k, v in p.items() if k in SCHEMA_KEYS})
        if p.get("description"):
            prop["description"] = p["description"]
        properties[p["name"]] = prop
    form_schema: Json = {"type": "object", "properties": properties}
    required = [p["name"] for p in form if p.get("required")]
    if required:
        form_schema["required"] = required
    media = op.get("consumes") or [default]
    return {"content": {mt: {"schema": form_schema} for mt in media}, "required": bool(required)}


def _response(spec: Json, op: Json, node: Json) -> Json:
    response = _ref(spec, node, "responses")
    out: Json = {"description": response.get("description", "")}
    headers = response.get("headers") or {}
    if headers:
        out["headers"] = {
            name: {
                "description": h.get("description", ""),
                "schema": {k: v for k, v in h.items() if k in SCHEMA_KEYS},
            }
            for name, h in headers.items()
        }
    if "schema" in response:
        media = op.get("produces") or spec.get("produces") or ["application/json"]
        out["content"] = {mt: {"schema": schema3(response["schema"])} for mt in media}
    return out


def _scheme(scheme: Json) -> Json:
    kind = scheme["type"]
    if kind == "apiKey":
        out: Json = {"type": "apiKey", "name": scheme["name"], "in": scheme["in"]}
    elif kind == "basic":
        out = {"type": "http", "scheme": "basic"}
    else:
        flow = FLOWS[scheme["flow"]]
        body: Json = {}
        if "authorizationUrl" in scheme:
            body["authorizationUrl"] = scheme["authorizationUrl"]
        if "tokenUrl" in scheme:
            body["tokenUrl"] = scheme["tokenUrl"]
        body["scopes"] = dict(scheme.get("scopes", {}))
        out = {"type": "oauth2", "flows": {flow: body}}
    if scheme.get("description"):
        out["description"] = scheme["description"]
    return out


def to_openapi3(spec: Json) -> Json:
    """The OpenAPI 3 document a Swagger 2.0 document means (the parts md2sdk emits)."""
    info = dict(spec["info"])
    doc: Json = {"openapi": "3.1.0", "info": info}
    if "host" in spec or "basePath" in spec:
        base = spec.get("basePath", "").rstrip("/")
        doc["servers"] = [
            {"url": f"{s}://{spec['host']}{base}"} for s in spec.get("schemes", ["https"])
        ]
    if spec.get("tags"):
        doc["tags"] = spec["tags"]
    if spec.get("externalDocs"):
        doc["externalDocs"] = spec["externalDocs"]
    paths: Json = {}
    for path, item in (spec.get("paths") or {}).items():
        for method, op in item.items():
            params = [_ref(spec, p, "parameters") for p in op.get("parameters", [])]
            out: Json = {k: op[k] for k in ("tags", "summary", "description", "operationId")
                         if k in op}  # fmt: skip
            plain = [_parameter(p) for p in params if p["in"] not in ("body", "formData")]
            if plain:
                out["parameters"] = plain
            body = _request_body(op, params, spec.get("consumes", []))
            if body is not None:
                out["requestBody"] = body
            out["responses"] = {
                str(code): _response(spec, op, r) for code, r in op["responses"].items()
            }
            if op.get("deprecated"):
                out["deprecated"] = True
            if "security" in op:
                out["security"] = op["security"]
            paths.setdefault(path, {})[method] = out
    doc["paths"] = paths
    components: Json = {}
    if spec.get("definitions"):
        components["schemas"] = {k: schema3(v) for k, v in spec["definitions"].items()}
    if spec.get("securityDefinitions"):
        components["securitySchemes"] = {
            k: _scheme(v) for k, v in spec["securityDefinitions"].items()
        }
    if components:
        doc["components"] = components
    return doc


def canonical(node: Any) -> Any:
    """One spelling for what 3.0, 3.1 and Swagger 2.0 say differently.

    Drops empty descriptions, ``x-`` keys, ``required: []`` and the default
    ``additionalProperties: {}``; unwraps a 3.0 ``allOf: [$ref]`` wrapper; turns 3.1's
    numeric ``exclusiveMinimum`` into ``minimum`` + ``exclusiveMinimum: true`` and
    ``examples: [v]`` into ``example: v``; keys parameter lists by ``in:name`` (their
    identity in OpenAPI), so order does not count.
    """
    if isinstance(node, list):
        return [canonical(item) for item in node]
    if not isinstance(node, dict):
        return node
    out: Json = {}
    for key, value in node.items():
        if key.startswith("x-") or (key == "description" and value == ""):
            continue
        if key in ("exclusiveMinimum", "exclusiveMaximum") and not isinstance(value, bool):
            out[key.replace("exclusiveM", "m")] = value
            out[key] = True
        elif key == "examples" and isinstance(value, list) and len(value) == 1:
            out["example"] = canonical(value[0])
        elif (key == "required" and value == []) or (
            key == "additionalProperties" and value in ({}, True)
        ):
            continue
        elif key == "parameters" and isinstance(value, list):
            out[key] = {f"{p.get('in')}:{p.get('name')}": canonical(p) for p in value}
        else:
            out[key] = canonical(value)
    if isinstance(out.get("allOf"), list) and len(out["allOf"]) == 1 and "$ref" in out["allOf"][0]:
        out = {**out.pop("allOf")[0], **out}
    return out


def diff(expected: Any, actual: Any, path: str = "") -> list[str]:
    """Every difference as ``path: expected != actual`` (``path`` in JSON-pointer-ish
    dotted form, e.g. ``paths./pets.post.responses.405.description``)."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        out: list[str] = []
        for key in list(expected) + [k for k in actual if k not in expected]:
            sub = f"{path}.{key}" if path else str(key)
            if key not in actual:
                out.append(f"{sub}: missing (expected {expected[key]!r})")
            elif key not in expected:
                out.append(f"{sub}: unexpected {actual[key]!r}")
            else:
                out.extend(diff(expected[key], actual[key], sub))
        return out
    if isinstance(expected, list) and isinstance(actual, list) and len(expected) == len(actual):
        return [d for i, (e, a) in enumerate(zip(expected, actual, strict=True))
                for d in diff(e, a, f"{path}[{i}]")]  # fmt: skip
    if expected != actual or (
        type(expected) is not type(actual) and not _same_number(expected, actual)
    ):
        return [f"{path}: {expected!r} != {actual!r}"]
    return []


def _same_number(a: Any, b: Any) -> bool:
    numbers = (int, float)
    return (
        isinstance(a, numbers)
        and isinstance(b, numbers)
        and not isinstance(a, bool)
        and not isinstance(b, bool)
    )


def exempt(differences: list[str], exemptions: dict[str, str]) -> list[str]:
    """The differences no exemption pattern (fnmatch on the path) covers."""
    return [
        d
        for d in differences
        if not any(fnmatch.fnmatchcase(d.split(": ", 1)[0], p) for p in exemptions)
    ]
