"""Every page of the shared corpus parses, and the Swagger2Markup reference trees
carry exactly what their Swagger 2.0 sources say (counted element by element)."""

from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.diagnostics import Diagnostics, Severity
from generator.load.sources import read_pages
from generator.model import Api, ObjectSchema, ParameterIn
from generator.parse import parse_page
from generator.resolve import resolve_api

SHARED = Path(__file__).resolve().parents[3] / "shared"
CORPUS = SHARED / "corpus"
S2M = CORPUS / "swagger2markup"
PAGES = sorted(CORPUS.rglob("*.md"))
# Codes that mean a table row or an operation was not taken into the model.
DROPPING = {"bad-row", "unknown-parameter-in", "bad-operation"}
REFERENCE_TREES = {
    "to_folder": "swagger_petstore.yaml",
    "idxref": "swagger_petstore.yaml",
    "min_max_items": "swagger_petstore_min_max_items.yaml",
    "response_headers": "swagger_response_headers.yaml",
    "freeform": "swagger_freeform_with_emtpy_curly_brackets.yaml",
}
METHODS = ("get", "put", "post", "delete", "options", "head", "patch")


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(CORPUS)))
def test_every_corpus_page_parses_without_errors_or_dropped_rows(page: Path) -> None:
    diagnostics = Diagnostics()
    parse_page(str(page), page.read_text(encoding="utf-8"), diagnostics)
    assert not [d.format() for d in diagnostics if d.severity is Severity.ERROR]
    assert not [d.format() for d in diagnostics if d.code in DROPPING]


def _swagger(name: str) -> dict[str, Any]:
    data = yaml.safe_load((S2M / "inputs" / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _expected_counts(spec: dict[str, Any]) -> dict[str, Any]:
    operations: dict[tuple[str, str], tuple[int, int]] = {}
    for path, item in (spec.get("paths") or {}).items():
        shared = item.get("parameters", [])
        for method in METHODS:
            if method in item:
                op = item[method]
                params = len(shared) + len(op.get("parameters", []))
                operations[(method.upper(), path)] = (params, len(op.get("responses", {})))
    definitions = {
        name: len((schema or {}).get("properties", {}) or {})
        for name, schema in (spec.get("definitions") or {}).items()
    }
    return {"operations": operations, "definitions": definitions}


def _actual_counts(api: Api) -> dict[str, Any]:
    operations = {
        (op.method, op.path): (len(op.parameters), len(op.responses)) for op in api.operations
    }
    definitions = {
        d.name: len(d.schema.properties) if isinstance(d.schema, ObjectSchema) else 0
        for d in api.definitions
        if not d.unresolved
    }
    return {"operations": operations, "definitions": definitions}


@pytest.mark.parametrize("tree", sorted(REFERENCE_TREES))
def test_reference_tree_counts_match_the_swagger_source(tree: str) -> None:
    diagnostics = Diagnostics()
    api = resolve_api(tree, read_pages([S2M / "expected" / tree], diagnostics), diagnostics)
    expected = _expected_counts(_swagger(REFERENCE_TREES[tree]))
    assert _actual_counts(api) == expected
    assert not [d.format() for d in diagnostics if d.severity is Severity.ERROR]


def test_reference_tree_parameter_locations_match() -> None:
    diagnostics = Diagnostics()
    api = resolve_api("p", read_pages([S2M / "expected" / "to_folder"], diagnostics), diagnostics)
    spec = _swagger("swagger_petstore.yaml")
    wanted = {"path": ParameterIn.PATH, "query": ParameterIn.QUERY, "header": ParameterIn.HEADER,
              "body": ParameterIn.BODY, "formData": ParameterIn.FORM_DATA}
    refs = spec.get("parameters", {})
    for op in api.operations:
        source = spec["paths"][op.path][op.method.lower()]
        params = [refs[p["$ref"].rsplit("/", 1)[1]] if "$ref" in p else p
                  for p in source.get("parameters", [])]
        assert sorted((p.name, p.place, p.required) for p in op.parameters) == sorted(
            (p["name"], wanted[p["in"]], bool(p.get("required", False))) for p in params
        ), f"{op.method} {op.path}"
