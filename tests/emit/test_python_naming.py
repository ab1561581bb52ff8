"""Naming: every docs name, however hostile, becomes a valid, stable, distinct name."""

from __future__ import annotations

import keyword
import re

from hypothesis import given
from hypothesis import strategies as st

from generator.naming import (
    api_names,
    class_name,
    component_name,
    env_var,
    field_name,
    method_name,
    option_name,
    param_name,
    pascal_case,
    snake_case,
    unique_names,
)

HOSTILE = ["", "+1", "-1", "$", "from", "match", "_", "123abc", "名前", "café", "a" * 10_000,
           "json", "model_config", "date", "\u202e", "a\nb", "__init__", "self"]  # fmt: skip


def test_wire_names_become_snake_case() -> None:
    assert snake_case("createdAfter") == "created_after"
    assert snake_case("getHTTPResponse") == "get_http_response"
    assert snake_case("getV2Users") == "get_v2_users"
    assert pascal_case("batch-response") == "BatchResponse"
    assert pascal_case("HTTP2Server") == "HTTP2Server"


def test_header_options_drop_x_prefix_and_vendor_tag() -> None:
    assert option_name("x-api-key") == "api_key"
    assert option_name("x-gw-ims-org-id") == "ims_org_id"
    assert option_name("x-ms-version") == "ms_version"
    assert option_name("Authorization") == "authorization"
    assert env_var("CATALOG", "ims_org_id") == "CATALOG_IMS_ORG_ID"


def test_api_names() -> None:
    names = api_names("catalog")
    assert (names.package, names.distribution, names.env_prefix) == (
        "catalog_client",
        "catalog-client",
        "CATALOG",
    )
    assert api_names("2fa").package == "api_2fa_client"
    assert api_names("").package == "api_client"


def test_keywords_builtins_and_pydantic_attributes_are_avoided() -> None:
    assert param_name("from") == "from_"
    assert param_name("match") == "match_"
    assert param_name("id") == "id"  # callers write id=...; shadowing is harmless
    assert param_name("str") == "str_"  # but not names the signature's annotations use
    assert field_name("json") == "json_"
    assert field_name("model_config") == "model_config_"
    assert field_name("date") == "date_"
    assert field_name("_id") == "id"
    assert class_name("Any") == "AnyModel"
    assert class_name("list") == "List"
    assert param_name("self", avoid={"self"}) == "self_"


def test_punctuation_digits_and_empty_names() -> None:
    assert param_name("+1") == "plus_1"
    assert param_name("-1") == "minus_1"
    assert param_name("$") == "dollar"
    assert param_name("") == "param"
    assert field_name("123abc") == "field_123abc"
    assert class_name("") == "Object"
    assert class_name("2fa") == "Model2fa"


def test_long_and_non_ascii_names_are_bounded_and_distinct() -> None:
    long_a, long_b = "a" * 10_000, "a" * 9_999 + "b"
    assert len(param_name(long_a)) <= 64
    assert param_name(long_a) != param_name(long_b)
    assert field_name("café") == "cafe"
    assert param_name("名前") != param_name("名字")


def test_method_names_fall_back_to_method_and_path() -> None:
    assert method_name("getBatch", "GET", "/batches") == "get_batch"
    assert method_name("", "GET", "/pets/{petId}") == "get_pets_pet_id"
    assert method_name("Pet.Update", "PUT", "/pet") == "pet_update"


def test_collisions_after_normalisation_get_distinct_stable_names() -> None:
    names = unique_names(["x-api-key", "x_api_key", "X-Api-Key"], param_name)
    assert list(names.values()) == ["x_api_key", "x_api_key_2", "x_api_key_3"]
    assert unique_names(["Pet", "pet"], snake_case, fold=True) == {"Pet": "pet", "pet": "pet_2"}
    assert unique_names(["v2", "V2"], snake_case) == {"v2": "v2", "V2": "v2_v2"}
    assert unique_names(["a"], snake_case, reserved={"a"}) == {"a": "a_2"}


def test_component_names_are_openapi_legal_and_keep_legal_keys() -> None:
    assert component_name("Pet") == "Pet"
    assert component_name("batch-response.v1") == "batch-response.v1"
    assert component_name("Map«string,Pet»") == "Map_string_Pet"
    assert component_name("") == "Schema"


@given(st.text())
def test_every_text_gives_valid_identifiers(text: str) -> None:
    for make in (param_name, field_name, option_name):
        name = make(text)
        assert name.isidentifier() and name.isascii() and not keyword.iskeyword(name)
        assert not keyword.issoftkeyword(name)
        assert len(name) <= 66
        assert make(text) == name
    assert not field_name(text).startswith("_")
    cls = class_name(text)
    assert cls.isidentifier() and cls[0].isupper()
    assert re.fullmatch(r"[A-Za-z0-9._-]+", component_name(text))


@given(st.sampled_from(HOSTILE))
def test_hostile_names_are_valid(text: str) -> None:
    assert param_name(text).isidentifier()
    assert method_name(text, "GET", "/x").isidentifier()


def test_methods_options_never_shadow_annotation_builtins() -> None:
    assert method_name("list", "GET", "/x") == "list_"
    assert method_name("getDict", "GET", "/x") == "get_dict"
    assert option_name("x-str") == "str_"
