"""Swagger2Markup's generated examples: each generator rule recognised, nothing else.

Rule by rule (`Placeholders`, ``../shared/docs/s2m-generated-examples.md``), then the
marking pass over real trees: a reference written with generated examples (the Kennel
fixture, the Adobe page, the S and M bench trees, whose specs say which examples a
person wrote) and the Swagger2Markup trees rendered without them (nothing marked).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.diagnostics import Diagnostics
from generator.load.sources import read_pages
from generator.model import (
    NOWHERE,
    AnySchema,
    Api,
    ArraySchema,
    Definition,
    DocValue,
    EnumSchema,
    MapSchema,
    ObjectSchema,
    Polymorphism,
    PolymorphismNature,
    PrimitiveSchema,
    Property,
    Reference,
    RefSchema,
    Schema,
)
from generator.resolve import resolve_api
from generator.resolve.examples import mark_examples
from generator.resolve.placeholders import Placeholders

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
KENNEL = ROOT / "tests" / "fixtures" / "s2m_generated_examples"
BENCH = SHARED / "bench"


def ref(key: str) -> RefSchema:
    return RefSchema(Reference(key, f"#{key.lower()}", None, key.lower(), NOWHERE, key))


def prop(name: str, schema: Schema, example: object = None) -> Property:
    written = None if example is None else DocValue(json.dumps(example), example, True)
    return Property(name, schema, NOWHERE, example=written)


def definition(key: str, *props: Property, composed: bool = False) -> Definition:
    poly = Polymorphism(PolymorphismNature.COMPOSITION) if composed else None
    return Definition(key, key, ObjectSchema(props), NOWHERE, polymorphism=poly)


def rules(*definitions: Definition) -> Placeholders:
    """The rules over these definitions, their table annotations marked first."""
    return Placeholders(mark_examples(Api("t", None, (), definitions, ())))


STRING = PrimitiveSchema("string")
PET = rules(definition("Pet"))

# (schema, what some Swagger2Markup 1.3 release prints, what only a person writes)
LEAVES: list[tuple[Schema, list[object], list[object]]] = [
    (STRING, ["string"], ["String", "", "strings", 0, None]),
    (PrimitiveSchema("string", "date"), ["string", "1970-01-01"], ["2020-01-01"]),
    (PrimitiveSchema("string", "date-time"), ["1970-01-01T00:00:00Z", "string"], ["1970-01-01"]),
    (PrimitiveSchema("string", "byte"), ["Ynl0ZQ==", "string"], ["c3RyaW5n"]),
    (PrimitiveSchema("string", "email"), ["email@example.com"], ["user@example.com"]),
    (PrimitiveSchema("string", "password"), ["secret", "string"], ["hunter2"]),
    (PrimitiveSchema("string", "uuid"), ["f81d4fae-7dec-11d0-a765-00a0c91e6bf6"], ["0-0"]),
    (PrimitiveSchema("string", "uri"), ["string"], ["https://example.com"]),
    (PrimitiveSchema("integer", "int64"), [0], [1, 0.0, False, "0"]),
    (PrimitiveSchema("number", "float"), [0.0], [0, 1.5, "0.0"]),
    (PrimitiveSchema("boolean"), [True], [False, 1, "true"]),
    (EnumSchema(("asc", "desc")), ["asc", "string"], ["desc"]),
    (EnumSchema(("3", "4"), "integer"), [3, 0], [4, "3"]),
    (ref("Pet"), ["[pet](#pet)", "[Pet](#pet)"], ["[tag](#tag)", "pet", {}, "[pet](#tag)"]),
    (AnySchema(None), ["untyped"], ["object", {}]),
    (AnySchema("object"), ["object", "untyped"], [{}]),
    (ObjectSchema((prop("a", STRING),)), ["object"], [{"a": "string"}]),
]


@pytest.mark.parametrize(("schema", "generated", "written"), LEAVES)
def test_each_leaf_rule(schema: Schema, generated: list[object], written: list[object]) -> None:
    assert all(PET.shallow(value, schema) for value in generated)
    assert not any(PET.shallow(value, schema) for value in written)


def test_table_annotations_wrap_arrays_and_maps() -> None:
    ints = PrimitiveSchema("integer")
    assert PET.annotation(["string"], ArraySchema(STRING))
    assert PET.annotation(["[pet](#pet)"], ArraySchema(ref("Pet")))
    assert PET.annotation({"string": 0}, MapSchema(ints))
    assert PET.annotation({"string": ["string"]}, MapSchema(ArraySchema(STRING)))
    assert PET.annotation({"string": "[pet](#pet)"}, MapSchema(ref("Pet")))
    for written in (["string", "string"], [], "string", {"string": {}}):
        assert not PET.annotation(written, ArraySchema(STRING))
    for written in ({"key": 0}, {"string": 1}, {"string": 0, "b": 0}, {}):
        assert not PET.annotation(written, MapSchema(ints))


def test_bodies_expand_references_and_write_written_examples_through() -> None:
    dog = definition(
        "Dog",
        prop("name", STRING, "string"),
        prop("nick", STRING, "Rex"),  # a person wrote this one
        prop("owner", ref("Owner"), "[owner](#owner)"),
        prop("tags", ArraySchema(ref("Tag"))),
        prop("scores", MapSchema(ref("Tag"))),
    )
    owner = definition("Owner", prop("id", PrimitiveSchema("integer")))
    found = rules(dog, owner, definition("Tag", prop("label", STRING)))
    body = {
        "name": "string",
        "nick": "Rex",
        "owner": {"id": 0},
        "tags": [{"label": "string"}],
        "scores": {"string": "[tag](#tag)"},  # map values stay links, even in bodies
    }
    assert found.body(body, ref("Dog"))
    assert found.response([body], ArraySchema(ref("Dog")))
    assert not found.body({**body, "nick": "string"}, ref("Dog"))
    assert not found.body({**body, "owner": "[owner](#owner)"}, ref("Dog"))
    assert not found.body({k: v for k, v in body.items() if k != "tags"}, ref("Dog"))
    assert not found.body({**body, "extra": 0}, ref("Dog"))


def test_recursion_prints_an_ellipsis_and_the_counter_leaks_like_swagger2markup() -> None:
    node = definition("Node", prop("left", ref("Node")), prop("right", ref("Node")))
    found = rules(node)
    # Node is entered a third time at left.left: "..."; the counter is not given back,
    # so left.right and even the top level's right print "..." as well.
    printed = {"left": {"left": "...", "right": "..."}, "right": "..."}
    assert found.body(printed, ref("Node"))
    tidy = {"left": {"left": "...", "right": "..."}, "right": {"left": "...", "right": "..."}}
    assert not found.body(tidy, ref("Node"))


def test_a_composed_model_starts_its_properties_on_a_fresh_counter() -> None:
    chain = definition("Chain", prop("next", ref("Chain")))
    found = rules(
        definition("Top", prop("a", ref("Chain")), prop("c", ref("Comp"))),
        chain,
        definition("Comp", prop("n", ref("Chain")), composed=True),
    )
    top = {"a": {"next": {"next": "..."}}, "c": {"n": {"next": {"next": "..."}}}}
    assert found.body(top, ref("Top"))
    assert not found.body({**top, "c": {"n": {"next": "..."}}}, ref("Top"))


def test_a_definition_without_a_page_is_a_link_or_null() -> None:
    missing = Definition("Gone", "Gone", AnySchema(), NOWHERE, unresolved=True)
    box = definition("Box", prop("item", ref("Gone")), prop("all", ArraySchema(ref("Gone"))))
    found = rules(box, missing)
    assert found.body({"item": "[gone](#gone)", "all": [None]}, ref("Box"))
    assert not found.body({"item": {}, "all": [None]}, ref("Box"))


def test_responses_of_maps_and_inline_objects_print_their_type_name() -> None:
    inline = ObjectSchema((prop("n", PrimitiveSchema("integer")),))
    assert PET.response("object", MapSchema(PrimitiveSchema("integer")))
    assert PET.response("object", inline)  # older releases
    assert PET.response({"n": 0}, inline)
    assert PET.response("string", STRING)
    assert not PET.response({"string": 0}, MapSchema(PrimitiveSchema("integer")))


# ----------------------------------------------------------------- whole trees, marked


def examples(api: Api) -> Iterator[tuple[str, DocValue]]:
    """Every example the model holds, named ``where:kind``."""

    def props(schema: Schema | None) -> Iterator[Property]:
        if isinstance(schema, ObjectSchema):
            for p in schema.properties:
                yield p
                yield from props(p.schema)
        elif isinstance(schema, ArraySchema):
            yield from props(schema.items)
        elif isinstance(schema, MapSchema):
            yield from props(schema.values)

    for d in api.definitions:
        for p in props(d.schema):
            if p.example is not None:
                yield f"{d.name}.{p.name}", p.example
    for op in api.operations:
        where = f"{op.method} {op.path}"
        for param in op.parameters:
            if param.example is not None:
                yield f"{where} {param.name}", param.example
        request = op.request_example
        for part in ("path", "header", "query", "body", "form_data"):
            found = getattr(request, part) if request is not None else None
            if found is not None:
                yield f"{where} request {part}", found.value
        for r in op.response_examples:
            yield f"{where} response {r.status}", r.example.value


def load(*paths: Path) -> Api:
    diagnostics = Diagnostics()
    return resolve_api(paths[0].name, read_pages(list(paths), diagnostics), diagnostics)


def written(api: Api) -> set[str]:
    return {where for where, value in examples(api) if not value.generated}


def test_kennel_reference_keeps_only_what_a_person_wrote() -> None:
    api = load(KENNEL)
    assert len(list(examples(api))) == 32
    assert written(api) == {
        "Dog.nickname",
        "Error.code",
        "GET /dogs request query",  # limit written, status and tag placeholders
        "GET /dogs/{dogId} request path",
        "GET /dogs/{dogId} request query",
        "GET /dogs/{dogId} response 200",
    }
    listed = next(o for o in api.operations if o.path == "/dogs")
    assert listed.request_example is not None and listed.request_example.query is not None
    assert listed.request_example.query.value.generated_keys == ("status", "tag")
    # Marked, never changed: the value is still there for whoever can use it.
    op = next(o for o in api.operations if o.path == "/dogs/{dogId}/photo")
    assert op.response_examples[0].example.value == DocValue('"object"', "object", True, True)


NEWER_RELEASE = """<a name="getdog"></a>
### Find a dog
```
GET /dogs/{dogId}
```

#### Parameters

|Type|Name|Description|Schema|
|---|---|---|---|
|**Header**|**X-Trace**  <br>*required*||integer|
|**Path**|**dogId**  <br>*required*||string|
|**Query**|**fields**  <br>*required*||string|

#### Responses

|HTTP Code|Description|Schema|
|---|---|---|
|**200**|OK|string|

#### Example HTTP request

##### Request path
```
/dogs/string?fields={fields}
```

##### Request header
```
X-Trace:"integer"
```
"""


def test_newer_releases_request_forms(tmp_path: Path) -> None:
    page = tmp_path / "getdog.md"
    page.write_text(NEWER_RELEASE.replace("{fields}", "string"), encoding="utf-8")
    assert written(load(page)) == set()
    page.write_text(NEWER_RELEASE.replace("{fields}", "name"), encoding="utf-8")
    assert written(load(page)) == {"GET /dogs/{dogId} request path"}


def test_adobe_page_is_all_placeholders() -> None:
    api = load(SHARED / "corpus" / "adobe-catalog")
    assert [where for where, value in examples(api) if value.generated] == [
        "GET /batches request path",
        "GET /batches request header",
        "GET /batches request query",
        "GET /batches response 200",
    ]


TREES_WITHOUT = sorted((SHARED / "corpus" / "swagger2markup" / "expected").glob("*"))


@pytest.mark.parametrize("tree", TREES_WITHOUT, ids=[t.name for t in TREES_WITHOUT])
def test_trees_rendered_without_generated_examples_have_none(tree: Path) -> None:
    api = load(tree)
    assert [where for where, value in examples(api) if value.generated] == []


@pytest.mark.skipif(not BENCH.is_dir(), reason="bench not available")
def test_powerdns_examples_are_all_generated() -> None:
    """The PowerDNS spec has no example at all: every one in its reference is generated."""
    api = load(BENCH / "md" / "powerdns")
    assert len(list(examples(api))) == 326
    assert written(api) == set()


@pytest.mark.skipif(not BENCH.is_dir(), reason="bench not available")
def test_slack_keeps_exactly_the_specs_own_examples() -> None:
    """The Slack spec writes 348 response examples and nothing else; all else is generated."""
    spec = json.loads((BENCH / "specs" / "slack.json").read_text(encoding="utf-8"))
    expected = {
        f"{method.upper()} {path} response {status}"
        for path, item in spec["paths"].items()
        for method, op in item.items()
        for status, response in op.get("responses", {}).items()
        if "examples" in response
    }
    assert len(expected) == 348
    assert written(load(BENCH / "md" / "slack")) == expected
