"""Real-world classes of variation that used to lose content, one test page each (under
fidelity/, written in the style of the docs that show them): each page parses into the
full model, and with its recovery switched off it shows the warning a user would get,
at the line it concerns (so content is never lost without a word)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.diagnostics import Diagnostics
from generator.model import (
    AnySchema,
    Api,
    ArraySchema,
    EnumSchema,
    MapSchema,
    ObjectSchema,
    Operation,
    ParameterIn,
    PrimitiveSchema,
    RefSchema,
)
from generator.parse import parse_page
from generator.parse.recovery import RECOVERIES
from generator.resolve import resolve_api

PAGES = Path(__file__).resolve().parent / "fidelity"


def load(folder: str, *off: str) -> tuple[Api, list[tuple[str, str, int]]]:
    """The API of the pages under ``folder``, and its diagnostics as (code, page, line)."""
    diagnostics = Diagnostics()
    root = PAGES / folder
    paths = sorted(root.rglob("*.md")) if root.is_dir() else [root]
    pages = [
        parse_page(p.relative_to(PAGES).as_posix(), p.read_text(encoding="utf-8"),
                   diagnostics, recoveries_off=off)
        for p in paths
    ]
    api = resolve_api(root.stem, pages, diagnostics)
    found = [(d.code, Path(d.location.path).name, d.location.line) for d in diagnostics.sorted()]
    return api, found


def op(api: Api, method: str, path: str) -> Operation:
    return next(o for o in api.operations if (o.method, o.path) == (method, path))


def params(operation: Operation) -> list[tuple[str, ParameterIn, bool]]:
    return [(p.name, p.place, p.required) for p in operation.parameters]


def target(schema: object) -> str | None:
    """The definition a (possibly array-wrapped) reference resolved to."""
    if isinstance(schema, ArraySchema):
        return target(schema.items)
    return schema.ref.target if isinstance(schema, RefSchema) else None


def props(api: Api, key: str) -> dict[str, object]:
    definition = api.definition(key)
    assert definition is not None and isinstance(definition.schema, ObjectSchema)
    return {p.name: p.schema for p in definition.schema.properties}


# ------------------------------------------------------------------ split rows


def test_rows_split_over_blank_lines_are_rejoined() -> None:
    api, found = load("split-rows")
    assert found == []
    search = op(api, "GET", "/orders")
    assert [p.name for p in search.parameters] == ["X-Request-Id", "filter", "limit", "cursor"]
    by_name = {p.name: p for p in search.parameters}
    assert by_name["filter"].description.endswith(
        "joined with `and`.\n\nStrings are quoted with single quotes: `status eq 'open'`."
    )
    assert by_name["limit"].schema == PrimitiveSchema("integer", "int32")
    assert by_name["limit"].default is not None and by_name["limit"].default.value == 50
    bad = search.responses[1]
    assert bad.description.endswith("sense.\n\nIt never echoes the filter back.")
    assert isinstance(bad.schema, RefSchema) and bad.schema.ref.target == "error"
    assert props(api, "order")["status"] == EnumSchema(("open", "paid", "shipped"))


def test_without_rejoining_the_broken_rows_are_reported() -> None:
    api, found = load("split-rows", "split-rows")
    assert ("broken-row", "search_orders.md", 17) in found
    assert ("ignored-content", "search_orders.md", 20) in found
    assert ("broken-row", "search_orders.md", 33) in found
    assert ("stray-table-row", "search_orders.md", 47) in found
    assert len(op(api, "GET", "/orders").parameters) == 2


# --------------------------------------------------- operations under other headings


def test_operations_are_found_under_any_heading() -> None:
    api, found = load("operations-anywhere")
    assert found == []
    assert [(o.method, o.path, o.tags) for o in api.operations] == [
        ("GET", "/devices", ("Devices",)),
        ("GET", "/devices/{id}", ("Devices",)),
        ("PUT", "/devices/{id}/attributes", ("Replace attributes",)),
        ("PUT", "/devices/{id}/status", ()),
    ]
    assert api.overview is not None and api.overview.version == "2.4.0"
    assert "Devices" not in api.overview.description
    assert [d.key for d in api.definitions] == ["device", "attribute"]
    tags = {t.name: t.description for t in api.overview.tags}
    assert tags["Attributes"] == "Attributes the devices report, grouped by scope."


def test_operations_not_looked_for_are_reported() -> None:
    api, found = load("operations-anywhere", "operations-anywhere")
    missed = [(page, line) for code, page, line in found if code == "missed-operation"]
    assert missed == [("inventory.md", 26), ("inventory.md", 48), ("inventory.md", 77),
                      ("inventory.md", 120)]
    assert api.operations == ()


# ------------------------------------------------------------------ translations


@pytest.mark.parametrize(
    ("page", "method", "path", "expected"),
    [
        ("animalerie_fr.md", "POST", "/pets", [
            ("X-Request-Id", ParameterIn.HEADER, False),
            ("dry_run", ParameterIn.QUERY, False),
            ("body", ParameterIn.BODY, True),
        ]),
        ("tienda_es.md", "POST", "/stores/{storeId}/orders", [
            ("storeId", ParameterIn.PATH, True),
            ("Idempotency-Key", ParameterIn.HEADER, False),
            ("order", ParameterIn.BODY, True),
        ]),
        ("lager_de.md", "PUT", "/artikel/{artikelId}/bestand", [
            ("artikelId", ParameterIn.PATH, True),
            ("bestand", ParameterIn.BODY, True),
        ]),
        ("cangku_zh.md", "GET", "/warehouses/{warehouseId}/stock", [
            ("warehouseId", ParameterIn.PATH, True),
            ("sku", ParameterIn.QUERY, False),
        ]),
    ],
)
def test_machine_translated_pages_read_in_full(
    page: str, method: str, path: str, expected: list[tuple[str, ParameterIn, bool]]
) -> None:
    api, found = load(f"translations/{page}")
    assert found == []
    operation = op(api, method, path)
    assert params(operation) == expected
    assert operation.responses and all(r.status[0].isdigit() for r in operation.responses)


def test_translated_schema_words() -> None:
    fr, _ = load("translations/animalerie_fr.md")
    assert props(fr, "animal") == {
        "id": PrimitiveSchema("integer", "int64"),
        "name": PrimitiveSchema("string"),
        "photoUrls": ArraySchema(PrimitiveSchema("string")),
        "attributes": MapSchema(PrimitiveSchema("string")),
        "vaccinated": PrimitiveSchema("boolean"),
    }
    tags = op(fr, "GET", "/pets/{petId}/tags")
    assert tags.parameters[1].schema == ArraySchema(PrimitiveSchema("string"))
    assert [r.status for r in tags.responses] == ["200", "400"]
    ok = tags.responses[0].schema
    assert isinstance(ok, ArraySchema) and isinstance(ok.items, RefSchema)
    es, _ = load("translations/tienda_es.md")
    assert props(es, "pedido") == {
        "id": PrimitiveSchema("integer", "int64"),
        "lineas": ArraySchema(AnySchema()),
        "total": PrimitiveSchema("number", "double"),
        "pagado": PrimitiveSchema("boolean"),
    }
    zh, _ = load("translations/cangku_zh.md")
    assert op(zh, "GET", "/warehouses/{warehouseId}/stock").parameters[1].schema == (
        ArraySchema(PrimitiveSchema("string"))
    )


def test_unknown_words_are_inferred_and_the_assumption_is_said() -> None:
    api, found = load("translations/loja_pt.md")
    assert params(op(api, "PUT", "/lojas/{lojaId}/produtos/{produtoId}")) == [
        ("lojaId", ParameterIn.PATH, True),
        ("produtoId", ParameterIn.PATH, True),
        ("notificar", ParameterIn.QUERY, False),
        ("produto", ParameterIn.BODY, True),
    ]
    assert found == [
        ("assumed-parameter-in", "loja_pt.md", 12),
        ("assumed-parameter-in", "loja_pt.md", 13),
        ("assumed-parameter-in", "loja_pt.md", 14),
        ("assumed-parameter-in", "loja_pt.md", 15),
        ("assumed-column", "loja_pt.md", 20),
    ]
    assert props(api, "produto")["precos"] == MapSchema(PrimitiveSchema("number", "double"))


def test_without_translations_the_losses_are_reported() -> None:
    api, found = load("translations/tienda_es.md", "translations")
    assert ("unknown-parameter-in", "tienda_es.md", 21) in found
    assert ("unknown-column", "tienda_es.md", 26) in found
    assert ("bad-row", "tienda_es.md", 28) in found
    assert ("bad-schema", "tienda_es.md", 64) in found
    assert all(o.parameters == () for o in api.operations)
    _, found = load("translations/animalerie_fr.md", "translations")
    assert ("unknown-parameter-in", "animalerie_fr.md", 29) in found
    _, found = load("translations/loja_pt.md", "translations")
    assert [c for c, _, _ in found].count("unknown-parameter-in") == 4


# ------------------------------------------------------------------ title headings


def test_a_definition_headed_by_its_title_is_named_by_its_key() -> None:
    api, found = load("title-names/folders")
    assert [c for c, _, _ in found] == []
    sort = api.definition("sortorder")
    assert sort is not None
    assert (sort.name, sort.title) == (
        "SortOrder", "Order in which results come back: ASC first, then DESC"
    )
    assert sort.schema == EnumSchema(("ASC", "DESC"))
    api, found = load("title-names/single")
    customer = api.definition("customer")
    assert customer is not None
    assert (customer.name, customer.title) == ("Customer", "The customer who placed the order")
    assert found == []


def test_without_title_names_the_heading_names_it_with_a_warning() -> None:
    api, found = load("title-names/single", "title-names")
    customer = api.definition("customer")
    assert customer is not None and customer.name == "The customer who placed the order"
    assert found == [("title-heading", "api.md", 29)]


# ------------------------------------------------------------------ markup variants


def test_the_same_marks_spelled_other_ways() -> None:
    api, found = load("markup-variants")
    assert found == []
    get = op(api, "GET", "/pets/{petId}")
    assert params(get) == [
        ("petId", ParameterIn.PATH, True),
        ("api_version", ParameterIn.HEADER, True),
        ("fields", ParameterIn.QUERY, False),
    ]
    assert get.parameters[0].schema == PrimitiveSchema("integer", "int64")
    assert get.parameters[2].schema == ArraySchema(PrimitiveSchema("string"), "csv")
    assert [(r.status, r.description) for r in get.responses] == [
        ("200", "successful operation\n\nThe pet, with every field the caller asked for."),
        ("404", "Pet not found"),
    ]
    assert get.request_example is not None and get.request_example.path is not None
    assert get.response_examples[0].example.value.value == {"id": 1, "name": "doggie"}
    pet_props = props(api, "pet")
    assert pet_props["id"] == PrimitiveSchema("integer", "int64")
    assert pet_props["status"] == EnumSchema(("available", "pending", "sold"))
    assert target(pet_props["tags"]) == "tag"
    pet = api.definition("pet")
    assert pet is not None and isinstance(pet.schema, ObjectSchema)
    assert pet.schema.required == ("name",)
    assert list(props(api, "tag")) == ["id", "name"]


def test_without_markup_variants_names_lose_their_markup_with_a_warning() -> None:
    api, found = load("markup-variants", "markup-variants")
    assert ("markup-in-name", "pets.md", 15) in found
    assert ("bad-schema", "pets.md", 14) in found
    assert ("ignored-content", "pets.md", 20) in found
    assert all("*" not in p.name and "`" not in p.name
               for o in api.operations for p in o.parameters)


# ------------------------------------------------------------- description headings


def test_headings_inside_a_description_stay_in_it() -> None:
    api, found = load("description-headings")
    assert found == []
    attach = op(api, "POST", "/containers/{id}/attach")
    assert "### Hijacking" in attach.description
    assert "POST /v1.41/containers/16253994b7c4/attach?stream=1&stdout=1 HTTP/1.1" in (
        attach.description
    )
    assert attach.description.rstrip().endswith("* 2: `stderr`")
    assert [p.name for p in attach.parameters] == ["id", "detachKeys", "logs", "stream"]
    assert [r.status for r in attach.responses] == ["101", "200", "404"]
    assert attach.produces == ("application/vnd.docker.raw-stream",)
    assert attach.tags == ("Container",)
    assert [p.name for p in op(api, "POST", "/containers/{id}/wait").parameters] == ["id"]


def test_without_it_the_operations_sections_are_reported() -> None:
    api, found = load("description-headings", "description-headings")
    assert found == [("ignored-content", "paths.md", 20)]
    assert op(api, "POST", "/containers/{id}/attach").parameters == ()


# ------------------------------------------------------------- one stand-in per page


def test_links_to_one_missing_page_from_different_folders_share_one_stand_in() -> None:
    api, found = load("stand-in")
    stand_ins = [d for d in api.definitions if d.unresolved]
    assert [(d.key, d.name) for d in stand_ins] == [("pet", "Pet")]
    assert [c for c, _, _ in found] == ["unresolved-ref"] * 3
    assert {target(r.schema) for o in api.operations for r in o.responses} == {"pet"}
    assert target(props(api, "owner")["pets"]) == "pet"


def test_every_recovery_has_a_test_page() -> None:
    assert set(RECOVERIES) == {
        "split-rows", "operations-anywhere", "translations", "title-names",
        "markup-variants", "description-headings", "unlabelled-sections", "handwritten-columns",
        "handwritten-types",
    }
