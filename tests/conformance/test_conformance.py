"""Conformance: each Swagger2Markup reference folder, parsed and emitted, says what its
Swagger 2.0 input says, field by field, in OpenAPI 3 terms.

Only what the markdown cannot carry may differ; each such field is listed in
`EXEMPTIONS` with the reason. Any other difference fails the test by its path.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.config import ApiConfig
from generator.diagnostics import Diagnostics
from generator.emit.openapi import build_document
from generator.load.sources import read_pages
from generator.resolve import resolve_api
from tests.conformance.swagger2 import canonical, diff, exempt, to_openapi3

S2M = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "swagger2markup"
FOLDERS = {
    "to_folder": "swagger_petstore.yaml",
    "idxref": "swagger_petstore.yaml",
    "min_max_items": "swagger_petstore_min_max_items.yaml",
    "response_headers": "swagger_response_headers.yaml",
    "freeform": "swagger_freeform_with_emtpy_curly_brackets.yaml",
}

EXEMPTIONS: dict[str, str] = {
    "paths.*.operationId": "Swagger2Markup prints only the lowercased anchor of an "
    "operationId; checked case-insensitively below instead",
    "paths.*.responses.*.headers.*.description": "Swagger2Markup appends a full stop to "
    "header descriptions (and drops a block scalar's final line break)",
    "info.description": "the YAML block scalar's final line break is not in the markdown",
    "paths.*.responses.*.content.*.schema.minItems": "the model's Response holds no "
    "constraints for its schema, and Swagger2Markup does not print them either",
    "paths.*.responses.*.content.*.schema.maxItems": "as minItems",
}


def emitted(folder: str) -> dict[str, Any]:
    diagnostics = Diagnostics()
    api = resolve_api(folder, read_pages([S2M / "expected" / folder], diagnostics), diagnostics)
    return build_document(api, ApiConfig(folder, S2M / "expected" / folder), diagnostics)


@pytest.mark.parametrize("folder", sorted(FOLDERS))
def test_emitted_document_says_what_the_swagger_input_says(folder: str) -> None:
    source = yaml.safe_load((S2M / "inputs" / FOLDERS[folder]).read_text(encoding="utf-8"))
    differences = diff(canonical(to_openapi3(source)), canonical(emitted(folder)))
    assert exempt(differences, EXEMPTIONS) == []
    expected_ids = [op.get("operationId", "").lower() for item in source["paths"].values()
                    for op in item.values()]  # fmt: skip
    actual = emitted(folder)["paths"]
    assert sorted(expected_ids) == sorted(
        op["operationId"].lower() for item in actual.values() for op in item.values()
    )
