"""The conformance helpers themselves: conversion, canonical form, diff, exemptions."""

from __future__ import annotations

from pathlib import Path

import yaml
from openapi_spec_validator import validate

from tests.conformance.swagger2 import canonical, diff, exempt, to_openapi3

INPUTS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "swagger2markup" / "inputs"

SPEC = {
    "swagger": "2.0",
    "info": {"title": "T", "version": "1"},
    "host": "h.test",
    "basePath": "/v2/",
    "schemes": ["http"],
    "parameters": {"Body": {"in": "body", "name": "body", "schema": {"$ref": "#/definitions/P"}}},
    "responses": {"Bad": {"description": "bad"}},
    "paths": {
        "/p/{id}": {
            "post": {
                "consumes": ["application/xml"],
                "parameters": [
                    {"$ref": "#/parameters/Body"},
                    {"in": "path", "name": "id", "required": True, "type": "integer"},
                    {"in": "query", "name": "q", "type": "array", "items": {"type": "string"},
                     "collectionFormat": "multi", "x-example": "a"},
                ],
                "responses": {"400": {"$ref": "#/responses/Bad"}, 200: {
                    "description": "ok", "schema": {"type": "file"},
                    "headers": {"X-A": {"type": "integer", "description": "a"}}}},
                "security": [{"k": []}],
            },
        },
        "/q": {
            "put": {
                "parameters": [{"in": "formData", "name": "f", "type": "file"}],
                "responses": {"default": {"description": "d"}},
            },
        }
    },
    "securityDefinitions": {
        "k": {"type": "apiKey", "name": "key", "in": "header"},
        "o": {"type": "oauth2", "flow": "application", "tokenUrl": "https://t", "scopes": {}},
    },
    "definitions": {"P": {"type": "object", "properties": {"c": {"$ref": "#/definitions/P"}}}},
}  # fmt: skip


def test_conversion_maps_swagger2_semantics_to_openapi3() -> None:
    doc = to_openapi3(SPEC)
    validate(doc)
    assert doc["servers"] == [{"url": "http://h.test/v2"}]
    post = doc["paths"]["/p/{id}"]["post"]
    assert post["requestBody"]["content"] == {
        "application/xml": {"schema": {"$ref": "#/components/schemas/P"}}
    }
    assert post["parameters"][1]["style"] == "form" and post["parameters"][1]["explode"] is True
    assert post["responses"]["400"] == {"description": "bad"}
    assert post["responses"]["200"]["content"]["application/json"]["schema"] == {
        "type": "string",
        "format": "binary",
    }
    put = doc["paths"]["/q"]["put"]["requestBody"]["content"]
    assert list(put) == ["multipart/form-data"]
    assert doc["components"]["securitySchemes"]["o"]["flows"] == {
        "clientCredentials": {"tokenUrl": "https://t", "scopes": {}}
    }
    props = doc["components"]["schemas"]["P"]["properties"]
    assert props["c"] == {"$ref": "#/components/schemas/P"}


def test_every_reference_input_converts_to_a_valid_document() -> None:
    paths = sorted(INPUTS.glob("*.yaml"))
    assert len(paths) == 4
    for path in paths:
        validate(to_openapi3(yaml.safe_load(path.read_text(encoding="utf-8"))))


def test_canonical_form_erases_version_spelling_only() -> None:
    v31 = {"minimum": 1, "exclusiveMaximum": 5, "examples": ["x"], "description": ""}
    v30 = {"minimum": 1, "maximum": 5, "exclusiveMaximum": True, "example": "x"}
    assert canonical(v31) == canonical(v30)
    wrapped = {"allOf": [{"$ref": "#/a"}], "description": "d"}
    assert canonical(wrapped) == {"$ref": "#/a", "description": "d"}
    assert canonical({"allOf": [{"$ref": "#/a"}, {"type": "object"}]})["allOf"][1] == {
        "type": "object"
    }
    assert canonical({"type": "string"}) != canonical({"type": "integer"})


def test_diff_names_every_difference_by_path() -> None:
    expected = {"a": {"b": 1, "c": [1, 2]}, "d": "x", "n": 10000}
    actual = {"a": {"b": 2, "c": [1, 3]}, "e": "y", "n": 10000.0}
    assert diff(expected, actual) == [
        "a.b: 1 != 2",
        "a.c[1]: 2 != 3",
        "d: missing (expected 'x')",
        "e: unexpected 'y'",
    ]
    assert diff({"x": True}, {"x": 1}) == ["x: True != 1"]
    assert diff({"l": [1]}, {"l": [1, 2]}) == ["l: [1] != [1, 2]"]


def test_exemptions_filter_by_path_pattern_only() -> None:
    found = ["paths./p.get.operationId: 'a' != 'b'", "info.version: '1' != '2'"]
    left = exempt(found, {"paths.*.operationId": "anchors are lowercased"})
    assert left == ["info.version: '1' != '2'"]
