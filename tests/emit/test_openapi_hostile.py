"""Untrusted docs text survives the YAML encoding exactly: it loads back unchanged.

Every name and description the docs hold reaches the document as a YAML scalar, key or
value; none may break the structure or change type (``yes`` → true, ``null`` → None).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from openapi_spec_validator import validate

from generator.config import ApiConfig
from generator.diagnostics import Diagnostics
from generator.emit.openapi import emit_openapi
from generator.emit.templating import make_environment
from generator.model import (
    Api,
    Definition,
    DocValue,
    EnumSchema,
    ObjectSchema,
    Operation,
    Overview,
    Parameter,
    ParameterIn,
    Property,
    Response,
    Tag,
)
from tests.emit.openapi_models import STRING, loc, petstore

HOSTILE = [
    'it\'s "quoted"',
    "key: value",
    "# not a comment",
    "&anchor",
    "*alias",
    "!!python/object:os.system",
    "yes",
    "no",
    "null",
    "~",
    "1e3",
    "0x1F",
    "  leading spaces",
    "trailing spaces  ",
    "line one\nline two\n",
    "tab\there",
    "crlf\r\nend",
    "naïve 名前 🐍",
    "sep\u2028arator\u2029",
    "nul\x00byte",
    "- dash",
    "[flow]",
    "{flow: map}",
    "|",
    ">",
    "%TAG",
    "@at",
    "`tick`",
    "...",
    "---",
    "",
]


def hostile_api(text: str, name: str) -> Api:
    """An API where ``text`` is every description and ``name`` every wire name."""
    schema = ObjectSchema((Property(name, EnumSchema((text, "b")), loc(3), text,
                                    default=DocValue(text, text, False)),))  # fmt: skip
    op = Operation(
        "GET",
        f"/items/{name}",
        loc(10),
        operation_id=name,
        summary=text,
        description=text,
        parameters=(
            Parameter(name, ParameterIn.QUERY, STRING, loc(11), text,
                      example=DocValue(text, text, False)),
        ),
        responses=(Response("200", text, STRING, loc(12)),),
        tags=(name,),
    )  # fmt: skip
    overview = Overview(text or "t", loc(1), text, text or "1", contact_name=text,
                        tags=(Tag(name, text),))  # fmt: skip
    definition = Definition("d", name or "n", schema, loc(2), text)
    return replace(petstore(), overview=overview, operations=(op,), definitions=(definition,))


def round_trip(api: Api) -> dict[str, Any]:
    files = emit_openapi(api, ApiConfig("x", Path("x")), Diagnostics(), make_environment())
    loaded: dict[str, Any] = yaml.safe_load(files["openapi/x.yaml"])
    return loaded


def check(text: str, name: str) -> None:
    """Optional keys are left out when the docs leave them empty; all else is exact."""
    doc = round_trip(hostile_api(text, name))
    info = doc["info"]
    assert info.get("description", "") == text
    assert info.get("contact", {}).get("name", "") == text
    assert doc["tags"][0]["name"] == name and doc["tags"][0].get("description", "") == text
    [(path, item)] = doc["paths"].items()
    assert path == f"/items/{name}"
    op = item["get"]
    assert op["operationId"] == name and op["tags"] == [name]
    assert (op.get("summary", ""), op.get("description", "")) == (text, text)
    assert op["responses"]["200"]["description"] == text
    param = op["parameters"][0]
    assert (param["name"], param.get("description", ""), param["example"]) == (name, text, text)
    [schema] = doc["components"]["schemas"].values()
    assert schema.get("description", "") == text
    prop = schema["properties"][name]
    assert prop["enum"] == [text, "b"] and prop["default"] == text
    assert prop.get("description", "") == text


def test_hostile_strings_load_back_exactly() -> None:
    for text in HOSTILE:
        check(text, f"n{text}")


def test_hostile_document_stays_valid() -> None:
    validate(round_trip(hostile_api(HOSTILE[1] + HOSTILE[14], "q: #x")))


@settings(max_examples=150, deadline=None)
@given(st.text(), st.text(min_size=1))
def test_any_text_loads_back_exactly(text: str, name: str) -> None:
    check(text, name)


def test_keys_too_long_for_a_simple_key_are_explicit_and_load_back() -> None:
    """The docs' names are never shortened: a 2,000-character definition name and path
    are written as explicit ``? key`` entries (a YAML reader refuses simple keys over
    1,024 characters), short ones as plain ``key:`` lines."""
    long_name = "io.k8s." + "VeryLongName" * 166
    long_path = "/" + "segment/" * 250 + "{id}"
    api = petstore()
    pet = api.definitions[0]
    api = replace(
        api,
        definitions=(*api.definitions, replace(pet, key=long_name, name=long_name)),
        operations=(*api.operations, replace(api.operations[0], path=long_path)),
    )
    files = emit_openapi(api, ApiConfig("x", Path("x")), Diagnostics(), make_environment())
    (text,) = files.values()
    data = yaml.safe_load(text)
    assert long_name in data["components"]["schemas"]
    assert long_path in data["paths"]
    assert f"    ? {long_name}\n    :\n" in text
    assert f"    {pet.key}:\n" in text
