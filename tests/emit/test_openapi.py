"""The OpenAPI emitter on hand-built models: validity, mapping rules, fill-ins, stability."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import yaml
from openapi_spec_validator import validate

from generator.config import ApiConfig
from generator.diagnostics import Diagnostics
from generator.emit.openapi import build_document, emit_openapi
from generator.emit.templating import make_environment
from generator.model import (
    Api,
    ArraySchema,
    Definition,
    EnumSchema,
    ObjectSchema,
    Operation,
    Overview,
    Parameter,
    ParameterIn,
    PrimitiveSchema,
    Property,
    Reference,
    Response,
    SecurityRequirement,
    SecurityScheme,
)
from tests.emit.openapi_models import PAGE, STRING, bare, loc, petstore, ref

VERSIONS = ("3.1.0", "3.0.3")


def config(version: str = "3.1.0", **kw: Any) -> ApiConfig:
    return ApiConfig("petstore", Path("specs/petstore"), openapi_version=version, **kw)


def render(api: Api, version: str = "3.1.0") -> tuple[str, Diagnostics]:
    diagnostics = Diagnostics()
    files = emit_openapi(api, config(version), diagnostics, make_environment())
    assert list(files) == ["openapi/petstore.yaml"]
    return files["openapi/petstore.yaml"], diagnostics


def document(api: Api, version: str = "3.1.0") -> tuple[dict[str, Any], Diagnostics]:
    diagnostics = Diagnostics()
    return build_document(api, config(version), diagnostics), diagnostics


def codes(diagnostics: Diagnostics) -> list[str]:
    return [d.code for d in diagnostics.sorted()]


@pytest.mark.parametrize("version", VERSIONS)
def test_rendered_yaml_is_valid_and_equals_the_document(version: str) -> None:
    text, _ = render(petstore(), version)
    loaded = yaml.safe_load(text)
    validate(loaded)
    assert loaded == document(petstore(), version)[0]
    assert loaded["openapi"] == version


def test_output_is_byte_identical_across_runs_and_keeps_document_order() -> None:
    first, _ = render(petstore())
    assert first == render(petstore())[0]
    loaded = yaml.safe_load(first)
    assert list(loaded) == ["openapi", "info", "servers", "tags", "paths", "components"]
    assert list(loaded["paths"]) == [
        "/pets",
        "/pets/findByStatus",
        "/pets/{petId}",
        "/stores/order",
    ]
    assert list(loaded["paths"]["/pets/{petId}"]) == ["get", "post"]
    assert list(loaded["components"]["schemas"]) == ["Category", "Pet", "Dog", "Tag", "Order"]


def test_parameters_map_constraints_and_collection_formats() -> None:
    doc, diagnostics = document(petstore())
    status = doc["paths"]["/pets/findByStatus"]["get"]["parameters"][0]
    assert status["style"] == "form" and status["explode"] is True
    assert status["schema"] == {
        "type": "array",
        "items": {"type": "string"},
        "minItems": 1,
        "maxItems": 10,
    }
    ids, words, trace = doc["paths"]["/stores/order"]["get"]["parameters"]
    assert (ids["style"], ids["explode"]) == ("pipeDelimited", False)
    assert (words["style"], words["explode"]) == ("form", False)
    assert trace == {
        "name": "X-Trace",
        "in": "header",
        "required": False,
        "schema": {"type": "string", "default": "abc"},
    }
    assert [d.code for d in diagnostics if "tsv" in d.message] == ["unsupported"]


def test_bodies_become_request_bodies_with_their_media_types() -> None:
    doc, _ = document(petstore())
    body = doc["paths"]["/pets"]["post"]["requestBody"]
    assert list(body["content"]) == ["application/json", "application/xml"]
    assert body["content"]["application/json"]["example"] == {"name": "doggie"}
    assert "example" not in body["content"]["application/xml"]
    upload = doc["paths"]["/pets/{petId}"]["post"]["requestBody"]
    form = upload["content"]["multipart/form-data"]["schema"]
    assert form["properties"]["file"] == {
        "type": "string",
        "format": "binary",
        "description": "Image",
    }
    assert form["required"] == ["name"] and upload["required"] is True


def test_form_without_files_is_urlencoded() -> None:
    api = petstore()
    op = Operation(
        "POST",
        "/login",
        loc(90),
        "login",
        parameters=(Parameter("user", ParameterIn.FORM_DATA, STRING, loc(91), required=True),),
        responses=(Response("204", "done", None, loc(92)),),
    )
    doc, _ = document(replace(api, operations=(op,)))
    assert list(doc["paths"]["/login"]["post"]["requestBody"]["content"]) == [
        "application/x-www-form-urlencoded"
    ]


def test_responses_headers_no_content_and_default() -> None:
    doc, _ = document(petstore())
    ok = doc["paths"]["/pets/findByStatus"]["get"]["responses"]["200"]
    assert ok["headers"]["X-Rate-Limit-Reset"] == {"schema": {"type": "boolean", "default": False}}
    assert ok["content"]["application/json"]["example"] == [{"name": "rex"}]
    get = doc["paths"]["/pets/{petId}"]["get"]["responses"]
    assert get["default"] == {"description": "unexpected"}
    assert doc["paths"]["/pets"]["post"]["responses"]["405"] == {"description": "Invalid input"}
    orders = doc["paths"]["/stores/order"]["get"]["responses"]["200"]["content"]
    assert orders["application/json"]["schema"] == {
        "type": "object",
        "additionalProperties": {"$ref": "#/components/schemas/Order"},
    }


def test_inheritance_becomes_all_of_with_discriminator_on_the_parent() -> None:
    schemas = document(petstore())[0]["components"]["schemas"]
    assert schemas["Dog"]["allOf"][0] == {"$ref": "#/components/schemas/Pet"}
    assert list(schemas["Dog"]["allOf"][1]["properties"]) == ["barks"]
    assert schemas["Pet"]["discriminator"] == {"propertyName": "petType"}
    assert schemas["Pet"]["properties"]["id"]["readOnly"] is True


def test_versions_differ_in_bounds_examples_and_ref_siblings() -> None:
    new = document(petstore(), "3.1.0")[0]["components"]["schemas"]
    old = document(petstore(), "3.0.3")[0]["components"]["schemas"]
    assert new["Order"]["properties"]["quantity"]["exclusiveMaximum"] == 10000.0
    assert "maximum" not in new["Order"]["properties"]["quantity"]
    assert old["Order"]["properties"]["quantity"]["maximum"] == 10000.0
    assert old["Order"]["properties"]["quantity"]["exclusiveMaximum"] is True
    assert new["Category"]["properties"]["name"]["examples"] == ["FoobarCategory"]
    assert old["Category"]["properties"]["name"]["example"] == "FoobarCategory"
    assert new["Pet"]["properties"]["category"] == {
        "$ref": "#/components/schemas/Category",
        "description": "The pet's category",
    }
    assert old["Pet"]["properties"]["category"] == {
        "allOf": [{"$ref": "#/components/schemas/Category"}],
        "description": "The pet's category",
    }


def test_security_schemes_and_requirements() -> None:
    doc, _ = document(petstore())
    schemes = doc["components"]["securitySchemes"]
    assert schemes["api_key"] == {
        "type": "apiKey",
        "name": "api_key",
        "in": "header",
        "description": "Key",
    }
    assert schemes["petstore_auth"]["flows"]["implicit"]["scopes"] == {
        "write_pets": "modify pets",
        "read_pets": "read your pets",
    }
    get = doc["paths"]["/pets/{petId}"]["get"]
    assert get["security"] == [{"api_key": []}, {"petstore_auth": ["write_pets", "read_pets"]}]
    assert doc["paths"]["/pets/{petId}"]["post"]["security"] == []
    assert "security" not in doc["paths"]["/stores/order"]["get"]


@pytest.mark.parametrize(
    ("kind", "name", "expected"),
    [
        ("apiKey", "Bearer", {"type": "apiKey", "name": "Authorization", "in": "header"}),
        ("oauth2", "JWT", {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}),
        ("basic", "login", {"type": "http", "scheme": "basic"}),
    ],
)
def test_undefined_scheme_is_inferred_from_its_name_with_a_warning(
    kind: str, name: str, expected: dict[str, str]
) -> None:
    requirement = SecurityRequirement(kind, Reference(name, f"security.md#{name}", "security.md",
                                                      name.lower(), loc(77), None))  # fmt: skip
    api = petstore()
    ops = (replace(api.operations[0], security=(requirement,)),)
    doc, diagnostics = document(replace(api, operations=ops, security_schemes=()))
    validate(doc)
    assert doc["components"]["securitySchemes"][name.lower()] == expected
    assert doc["paths"]["/pets"]["post"]["security"] == [{name.lower(): []}]
    warning = next(d for d in diagnostics if d.code == "undefined-scheme")
    assert warning.location == loc(77)


def test_inferred_scheme_from_the_resolver_is_also_read_from_its_name() -> None:
    stand_in = SecurityScheme("bearer", "Bearer", "apiKey", loc(1), inferred=True)
    requirement = SecurityRequirement(
        "apiKey",
        Reference("Bearer", "security.md#bearer", "security.md", "bearer", loc(8), "bearer"),
    )
    api = petstore()
    ops = (replace(api.operations[0], security=(requirement,)),)
    doc, diagnostics = document(replace(api, operations=ops, security_schemes=(stand_in,)))
    assert doc["components"]["securitySchemes"] == {
        "bearer": {"type": "apiKey", "name": "Authorization", "in": "header"}
    }
    assert codes(diagnostics) == ["undefined-scheme"]


def test_missing_overview_fills_in_title_and_version() -> None:
    doc, diagnostics = document(bare())
    assert doc["info"] == {"title": "petstore", "version": "0.0.0"}
    assert "servers" not in doc
    assert [(str(d.location), d.code) for d in diagnostics.sorted()] == [
        ("specs/petstore/paths.md:1:1", "missing-overview"),
        ("specs/petstore/paths.md:62:1", "unsupported"),  # petstore's tsv parameter
    ]
    validate(doc)


def test_unresolved_reference_becomes_a_marked_component() -> None:
    api = petstore()
    missing = ref("batch", target=None, file="../definitions/batch.md")
    ops = (replace(api.operations[4], responses=(Response("200", "ok", missing, loc(64)),)),)
    doc, _ = document(replace(api, operations=ops))
    validate(doc)
    schema = doc["paths"]["/stores/order"]["get"]["responses"]["200"]["content"]
    assert schema["application/json"]["schema"] == {"$ref": "#/components/schemas/batch"}
    stand_in = doc["components"]["schemas"]["batch"]
    assert stand_in["x-md2sdk-unresolved"] is True
    assert "../definitions/batch.md" in stand_in["description"]


def test_resolver_stand_in_definition_names_the_missing_page() -> None:
    api = petstore()
    stand_in = Definition("batch", "batch", PrimitiveSchema("object"), loc(1), unresolved=True)
    link = ref("batch", file="../definitions/batch.md")
    ops = (replace(api.operations[4], responses=(Response("200", "ok", link, loc(64)),)),)
    doc, _ = document(replace(api, operations=ops, definitions=(*api.definitions, stand_in)))
    component = doc["components"]["schemas"]["batch"]
    assert component["x-md2sdk-unresolved"] is True
    assert "the docs link to '../definitions/batch.md#batch'" in component["description"]
    # Not the linking page: its path is as the generating machine shows it.
    assert PAGE not in component["description"]


def test_operation_ids_are_derived_and_unique() -> None:
    api = petstore()
    twin = replace(api.operations[1], path="/pets/findByStatus2", operation_id="findPetsByStatus")
    doc, _ = document(replace(api, operations=(*api.operations, twin)))
    ids = [op["operationId"] for item in doc["paths"].values() for op in item.values()]
    assert len(ids) == len(set(ids))
    assert "findPetsByStatus_2" in ids
    assert doc["paths"]["/stores/order"]["get"]["operationId"] == "get_stores_order"


def test_undeclared_path_parameter_and_missing_responses_are_filled_in() -> None:
    op = Operation("GET", "/things/{id}", loc(3), "getThing")
    api = replace(petstore(), operations=(op,))
    for version in VERSIONS:
        doc, diagnostics = document(api, version)
        validate(doc)
        get = doc["paths"]["/things/{id}"]["get"]
        assert get["parameters"][0]["name"] == "id" and get["parameters"][0]["required"]
        assert list(get["responses"]) == ["default"]
        assert {"undeclared-path-parameter", "missing-responses"} <= set(codes(diagnostics))


def test_placeholder_host_becomes_a_server_variable() -> None:
    overview = Overview("NITRO", loc(1), version="2", host="<MGMT-IP>",
                        base_path="/sdwan/nitro/v2/config_editor/", schemes=("HTTP",))  # fmt: skip
    doc, _ = document(replace(petstore(), overview=overview))
    validate(doc)
    assert doc["servers"] == [
        {
            "url": "http://{MGMT-IP}/sdwan/nitro/v2/config_editor",
            "variables": {
                "MGMT-IP": {
                    "default": "MGMT-IP",
                    "description": "The docs give the host as the placeholder '<MGMT-IP>'.",
                }
            },
        }
    ]


def test_config_base_url_wins_and_bad_version_is_an_error() -> None:
    diagnostics = Diagnostics()
    doc = build_document(petstore(), config("2.0", base_url="https://x.test/api"), diagnostics)
    assert doc["servers"] == [{"url": "https://x.test/api"}]
    assert doc["openapi"] == "3.1.0"
    assert [d.code for d in diagnostics if d.severity == "error"] == ["config"]
    assert build_document(petstore(), config("3.0"), Diagnostics())["openapi"] == "3.0.3"


def test_unknown_types_and_enum_types_are_handled() -> None:
    schema = ObjectSchema(
        (
            Property("when", PrimitiveSchema("Date"), loc(5)),
            Property("level", EnumSchema(("1", "2", "x"), "integer"), loc(6)),
            Property("list", ArraySchema(EnumSchema(("true", "false"), "boolean")), loc(7)),
        )
    )
    api = replace(petstore(), definitions=(Definition("odd", "Odd", schema, loc(4)),),
                  operations=())  # fmt: skip
    doc, diagnostics = document(api)
    validate(doc)
    props = doc["components"]["schemas"]["Odd"]["properties"]
    assert props["when"] == {}
    assert props["level"] == {"type": "integer", "enum": [1, 2, "x"]}
    assert props["list"]["items"]["enum"] == [True, False]
    assert [d.location for d in diagnostics if d.code == "unsupported"] == [loc(5)]
