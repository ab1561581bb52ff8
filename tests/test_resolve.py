"""resolve_api: merging pages and resolving references across files."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.diagnostics import Diagnostics
from generator.load.sources import read_pages
from generator.model import (
    AnySchema,
    ArraySchema,
    EnumSchema,
    MapSchema,
    ObjectSchema,
    Page,
    RefSchema,
    Schema,
)
from generator.parse import parse_page
from generator.resolve import resolve_api

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def pages(**files: str) -> list[Page]:
    """Pages from markdown text keyed by path (``__`` in a keyword stands for ``/``)."""
    diagnostics = Diagnostics()
    return [parse_page(path.replace("__", "/") + ".md", text, diagnostics)
            for path, text in files.items()]


def codes(diagnostics: Diagnostics) -> list[str]:
    return [d.code for d in diagnostics.sorted()]


OP = """<a name="get_pet"></a>
### Get a pet
```
GET /pets/{id}
```

#### Parameters

|Type|Name|Description|Schema|
|---|---|---|---|
|**Path**|**id**  <br>*required*|Pet id|integer (int64)|


#### Responses

|HTTP Code|Description|Schema|
|---|---|---|
|**200**|OK|{schema}|
"""

PET = """<a name="pet"></a>
### Pet

|Name|Schema|
|---|---|
|**name**  <br>*required*|string|
|**owner**  <br>*optional*|[owner](#pet-owner)|

<a name="pet-owner"></a>
**owner**

|Name|Schema|
|---|---|
|**pet**  <br>*optional*|[Pet](#pet)|
"""


def response_schema(api_schema: Schema | None) -> Schema:
    assert api_schema is not None
    return api_schema


def test_cross_file_reference_and_inline_schema_substitution() -> None:
    diagnostics = Diagnostics()
    op = OP.replace("{schema}", "< [Pet](../definitions/Pet.md#pet) > array")
    api = resolve_api("pets", pages(api__operations__get_pet=op, api__definitions__Pet=PET),
                      diagnostics)
    assert len(diagnostics) == 0
    schema = response_schema(api.operations[0].responses[0].schema)
    assert isinstance(schema, ArraySchema) and isinstance(schema.items, RefSchema)
    assert schema.items.ref.target == "pet"
    pet = api.definition("pet")
    assert pet is not None and isinstance(pet.schema, ObjectSchema)
    owner = pet.schema.properties[1].schema
    # The anchored inline block replaces the link; its own link back to Pet resolves.
    assert isinstance(owner, ObjectSchema) and owner.title == "owner"
    back = owner.properties[0].schema
    assert isinstance(back, RefSchema) and back.ref.target == "pet"


def test_missing_page_gets_one_stand_in_and_a_warning_per_link() -> None:
    diagnostics = Diagnostics()
    op = OP.replace("{schema}", "< string, [batch](../definitions/batch.md#batch) > map")
    op2 = op.replace("GET /pets/{id}", "PUT /pets/{id}")
    api = resolve_api("x", pages(api__ops__a=op, api__ops__b=op2), diagnostics)
    assert codes(diagnostics) == ["unresolved-ref", "unresolved-ref"]
    first = next(iter(diagnostics.sorted()))
    assert "api/definitions/batch.md" in first.message and "[batch]" in first.message
    assert first.location.path == "api/ops/a.md"
    [stand_in] = api.definitions
    assert (stand_in.key, stand_in.name, stand_in.unresolved) == ("batch", "batch", True)
    assert stand_in.schema == AnySchema()
    for op_model in api.operations:
        schema = response_schema(op_model.responses[0].schema)
        assert isinstance(schema, MapSchema) and isinstance(schema.values, RefSchema)
        assert schema.values.ref.target == "batch"


def test_duplicate_operations_are_dropped_with_a_warning() -> None:
    diagnostics = Diagnostics()
    op = OP.replace("{schema}", "string")
    api = resolve_api("x", pages(a=op, b=op), diagnostics)
    assert len(api.operations) == 1 and api.operations[0].location.path == "a.md"
    [diag] = diagnostics.sorted()
    assert (diag.code, diag.location.path) == ("duplicate-operation", "b.md")
    assert "GET /pets/{id}" in diag.message


def test_identical_definition_on_two_pages_is_kept_once_silently() -> None:
    diagnostics = Diagnostics()
    index = "<a name=\"definitions\"></a>\n## Definitions\n\n" + PET
    api = resolve_api("x", pages(definitions=index, definitions__Pet=PET), diagnostics)
    assert [d.key for d in api.definitions] == ["pet"]
    assert len(diagnostics) == 0


def test_different_definitions_sharing_an_anchor_are_renamed_and_links_disambiguated() -> None:
    diagnostics = Diagnostics()
    other = '<a name="pet"></a>\n### Pet\n\n|Name|Schema|\n|---|---|\n|**id**|integer|\n'
    by_file = OP.replace("{schema}", "[Pet](b.md#pet)")
    api = resolve_api("x", pages(a=PET, b=other, op=by_file), diagnostics)
    assert [d.key for d in api.definitions] == ["pet", "pet-2"]
    assert codes(diagnostics) == ["duplicate-definition"]
    schema = response_schema(api.operations[0].responses[0].schema)
    assert isinstance(schema, RefSchema) and schema.ref.target == "pet-2"

    diagnostics = Diagnostics()
    by_anchor = OP.replace("{schema}", "[Pet](missing.md#pet)")
    api = resolve_api("x", pages(a=PET, b=other, op=by_anchor), diagnostics)
    assert sorted(codes(diagnostics)) == ["ambiguous-ref", "duplicate-definition"]


def test_name_only_references_and_enum_references() -> None:
    diagnostics = Diagnostics()
    defs = (
        "## Definitions\n\n# RestResponse«Usage»\n\n|Name|Description|Required|Schema|Default|\n"
        "|----|----|----|----|----|\n|data||false|Usage||\n|kind||false|enum ([Kind](#kind))||\n\n"
        "# Usage\n\n|Name|Description|Required|Schema|Default|\n|----|----|----|----|----|\n"
        "|n||false|integer||\n\n<a name=\"kind\"></a>\n# Kind\n*Type* : enum (A, B)\n"
    )
    api = resolve_api("x", pages(defs=defs), diagnostics)
    assert len(diagnostics) == 0
    response = api.definition("restresponse-usage")
    assert response is not None and isinstance(response.schema, ObjectSchema)
    data, kind = response.schema.properties
    assert isinstance(data.schema, RefSchema) and data.schema.ref.target == "usage"
    assert isinstance(kind.schema, EnumSchema) and kind.schema.ref is not None
    assert kind.schema.ref.target == "kind"


def test_inline_schema_cycle_is_promoted_not_looped() -> None:
    looped = (
        "<a name=\"a\"></a>\n### A\n\n|Name|Schema|\n|---|---|\n|**b**|[b](#a-b)|\n\n"
        "<a name=\"a-b\"></a>\n**b**\n\n|Name|Schema|\n|---|---|\n|**c**|[c](#a-b-c)|\n\n"
        "<a name=\"a-b-c\"></a>\n**c**\n\n|Name|Schema|\n|---|---|\n|**back**|[b](#a-b)|\n"
    )
    api = resolve_api("x", pages(defs=looped), Diagnostics())
    assert [d.key for d in api.definitions] == ["a", "a-b"]
    promoted = api.definition("a-b")
    assert promoted is not None and promoted.name == "b"
    a = api.definition("a")
    assert a is not None and isinstance(a.schema, ObjectSchema)
    b_ref = a.schema.properties[0].schema
    assert isinstance(b_ref, RefSchema) and b_ref.ref.target == "a-b"


def test_security_by_anchor_when_the_file_part_is_wrong_and_stand_in_when_missing() -> None:
    op = OP.replace("{schema}", "string") + (
        "\n#### Security\n\n|Type|Name|\n|---|---|\n|**apiKey**|**[Bearer](security.md#bearer)**|\n"
    )
    security = ("<a name=\"securityscheme\"></a>\n## Security\n\n<a name=\"bearer\"></a>\n"
                "### Bearer\n*Type* : apiKey  \n*Name* : Authorization  \n*In* : HEADER\n")
    diagnostics = Diagnostics()
    api = resolve_api("x", pages(api__security=security, api__operations__op=op), diagnostics)
    assert len(diagnostics) == 0
    requirement = api.operations[0].security
    assert requirement is not None and requirement[0].scheme.target == "bearer"

    diagnostics = Diagnostics()
    api = resolve_api("x", pages(api__operations__op=op), diagnostics)
    # Silent here: the OpenAPI emitter says how it reads an inferred scheme.
    assert codes(diagnostics) == []
    [scheme] = api.security_schemes
    assert (scheme.key, scheme.name, scheme.type, scheme.inferred) == (
        "bearer", "Bearer", "apiKey", True)
    assert "security.md" in scheme.description


# ------------------------------------------------------------------ real trees


def test_catalog_page_alone_warns_once_for_batch() -> None:
    diagnostics = Diagnostics()
    api = resolve_api("catalog", read_pages([SHARED / "corpus" / "adobe-catalog"], diagnostics),
                      diagnostics)
    (only,) = diagnostics
    assert only.code == "unresolved-ref" and "batch" in only.message
    assert only.location.line == 50
    assert [d.key for d in api.definitions if d.unresolved] == ["batch"]


def test_catalog_tree_resolves_batch_to_the_real_schema() -> None:
    diagnostics = Diagnostics()
    api = resolve_api("catalog", read_pages([ROOT / "specs" / "catalog"], diagnostics),
                      diagnostics)
    schema = response_schema(
        next(r for r in api.operations[0].responses if r.status == "200").schema
    )
    assert isinstance(schema, MapSchema) and isinstance(schema.values, RefSchema)
    batch = api.definition(schema.values.ref.target or "")
    assert batch is not None and not batch.unresolved
    assert isinstance(batch.schema, ObjectSchema)
    props = {p.name: p for p in batch.schema.properties}
    assert isinstance(props["status"].schema, EnumSchema)
    assert props["created"].read_only
    assert isinstance(props["availableDates"].schema, ObjectSchema)
    assert not [d for d in diagnostics if d.code in ("undefined-scheme", "ambiguous-ref")]
    assert api.operations[0].security and api.operations[0].security[0].scheme.target


def test_petstore_tree_resolves_everything() -> None:
    diagnostics = Diagnostics()
    api = resolve_api("petstore", read_pages([ROOT / "specs" / "petstore"], diagnostics),
                      diagnostics)
    assert not [d for d in diagnostics if d.code.endswith("-ref") or d.code == "undefined-scheme"]
    assert [d.key for d in api.definitions] == ["category", "order", "pet", "tag", "user"]
    assert len(api.operations) == 18


@pytest.mark.skipif(not (SHARED / "bench").exists(), reason="bench not available")
def test_powerdns_bench_resolves_with_no_warnings_and_is_deterministic() -> None:
    diagnostics = Diagnostics()
    tree = read_pages([SHARED / "bench" / "md" / "powerdns"], diagnostics)
    api = resolve_api("powerdns", tree, diagnostics)
    assert (len(api.operations), len(api.definitions)) == (36, 23)
    assert not [d for d in diagnostics if d.code.endswith("-ref")]
    assert resolve_api("powerdns", tree, Diagnostics()) == api


@pytest.mark.skipif(not (SHARED / "bench").exists(), reason="bench not available")
def test_kubernetes_sized_resolution_finds_every_operation_unambiguously() -> None:
    """Resolution over 1,014 operations and ~890 definitions (its speed is measured by
    `make bench`, not here: a timed test fails on a busy machine, not on slow code)."""
    diagnostics = Diagnostics()
    tree = read_pages([SHARED / "bench" / "md" / "kubernetes"], diagnostics)
    api = resolve_api("kubernetes", tree, diagnostics)
    assert len(api.operations) == 1014
    assert not [d for d in diagnostics if d.code == "ambiguous-ref"]


def test_evolve_builds_what_dataclasses_replace_builds() -> None:
    """`evolve` copies the instance dictionary; that is ``replace`` only while every
    model class is a frozen dataclass without ``__post_init__`` or slots."""
    import dataclasses  # noqa: PLC0415
    import inspect  # noqa: PLC0415

    from generator import model  # noqa: PLC0415
    from generator.resolve.evolve import evolve  # noqa: PLC0415

    classes = [c for _, c in inspect.getmembers(model, inspect.isclass)
               if dataclasses.is_dataclass(c) and c.__module__ == model.__name__]  # fmt: skip
    assert len(classes) > 20
    for cls in classes:
        params = cls.__dataclass_params__  # type: ignore[attr-defined]
        assert params.frozen and not hasattr(cls, "__post_init__") and "__slots__" not in vars(cls)
    value = model.DocValue("1", 1, True)
    made = evolve(value, generated=True, generated_keys=("a",))
    assert made == dataclasses.replace(value, generated=True, generated_keys=("a",))
    assert type(made) is model.DocValue and value.generated is False and hash(made)
    with pytest.raises(TypeError, match="no field 'nope'"):
        evolve(value, nope=1)
