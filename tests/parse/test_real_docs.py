"""Layouts of real docs that md2sdk misread, one minimal test page each (under
fidelity/): one-file docs with tag headings and no Paths heading, Swagger2Markup 0.x
responses, heading attributes of docs sites and converters, tag spellings across pages,
localized example sections, ``<details>`` folds and MDX lines, inline body objects,
pandoc's grid, multiline and simple tables.
Each page parses into the full model without a word; where a recovery covers the
layout, the page with it switched off shows the diagnostic a user would get."""

from __future__ import annotations

from generator.diagnostics import Diagnostics
from generator.model import (
    EnumSchema,
    ObjectSchema,
    ParameterIn,
    PrimitiveSchema,
    RefSchema,
    Tag,
)
from generator.parse import parse_page, read_page
from generator.parse.blocks import Table, parse_blocks
from generator.parse.coverage import account_page
from generator.resolve import resolve_api
from tests.parse.test_fidelity import load, op, params, props, target


def test_headings_over_operations_are_their_tags() -> None:
    api, found = load("tag-headings")
    assert found == []
    assert [(o.method, o.path, o.tags) for o in api.operations] == [
        ("POST", "/widgets", ("Widgets",)),
        ("DELETE", "/orders/{orderId}", ("Orders",)),
    ]
    assert api.overview is not None
    assert api.overview.tags == (Tag("Widgets", "Designs a partner owns."),)
    assert api.overview.description == "Partners order custom widgets through this API."
    assert [d.key for d in api.definitions] == ["widget"]


def test_without_operations_anywhere_the_tag_headings_are_reported() -> None:
    api, found = load("tag-headings", "operations-anywhere")
    assert found == [("ignored-content", "README.md", 10), ("ignored-content", "README.md", 24)]
    assert all(o.tags == () for o in api.operations)


def test_swagger2markup_0x_responses_one_section_per_status() -> None:
    api, found = load("s2m-0x")
    assert found == []
    borrow = op(api, "POST", "/loans")
    assert params(borrow) == [
        ("X-Branch-Id", ParameterIn.HEADER, True),
        ("body", ParameterIn.BODY, True),
    ]
    assert [(r.status, r.description) for r in borrow.responses] == [
        ("201", "Loan opened"), ("409", "The book is already lent"),
        ("default", "Unexpected error"),
    ]
    created = borrow.responses[0]
    assert isinstance(created.schema, RefSchema) and created.schema.ref.target == "loan"
    assert [(h.name, h.schema, h.description) for h in created.headers] == [
        ("Location", PrimitiveSchema("string"), "URL of the new loan"),
        ("X-Loans-Left", PrimitiveSchema("integer"), "Books the member may still borrow"),
    ]
    assert created.headers[1].default is not None and created.headers[1].default.value == 5
    assert borrow.tags == ("loans",)


def test_swagger2markup_0x_property_tables_with_an_example_column() -> None:
    api, _ = load("s2m-0x")
    loan = api.definition("loan")
    assert loan is not None and isinstance(loan.schema, ObjectSchema)
    rows = {p.name: p for p in loan.schema.properties}
    assert rows["bookIsbn"].required and rows["bookIsbn"].example is not None
    assert rows["bookIsbn"].example.value == "9780140449136"
    assert rows["renewals"].default is not None and rows["renewals"].default.value == 0
    assert rows["renewals"].example is not None and rows["renewals"].example.value == 2
    assert rows["id"].example is None


def test_heading_attributes_name_the_anchor() -> None:
    api, found = load("heading-attributes")
    assert found == []
    get = op(api, "GET", "/vehicles/{vin}/position")
    assert (get.operation_id, get.summary) == ("getposition", "Get the last position")
    assert [(d.key, d.name) for d in api.definitions] == [
        ("position", "Position"), ("_trip", "Trip"),
    ]
    trip = props(api, "position")["trip"]
    assert isinstance(trip, RefSchema) and trip.ref.target == "_trip"


def test_without_markup_variants_heading_attributes_break_the_links() -> None:
    api, found = load("heading-attributes", "markup-variants")
    assert found == [("unresolved-ref", "index.md", 20), ("unresolved-ref", "index.md", 30)]
    assert [d.name for d in api.definitions if not d.unresolved] == [
        "Position { #position }", "Trip {#_trip .unnumbered}",
    ]


def test_a_tag_is_spelled_one_way() -> None:
    api, found = load("tag-spellings")
    assert found == []
    assert [(o.path, o.tags) for o in api.operations] == [
        ("/assets/{assetId}/renditions", ("renditions",)),
        ("/assets/{assetId}", ("asset files",)),
    ]
    assert api.overview is not None
    assert api.overview.tags == (
        Tag("asset files", "Uploaded files"),
        Tag("renditions", "Transcoded variants of an asset, one per format."),
    )


def test_example_sections_in_the_pages_language() -> None:
    api, found = load("example-parts")
    assert found == []
    fr = op(api, "POST", "/salles/{salleId}/reservations").request_example
    assert fr is not None and fr.path is not None and fr.query is not None
    assert fr.path.value.value == "/salles/everest/reservations"
    assert fr.query.value.value == {"rappel": True}
    assert fr.body is not None and fr.body.value.value == {"objet": "Point hebdo"}
    ja = op(api, "POST", "/members/{memberId}/transactions").request_example
    assert ja is not None and ja.path is not None and ja.body is not None
    assert ja.body.value.value == {"points": 100}


def test_docs_site_folds_and_mdx_lines() -> None:
    api, found = load("docs-site")
    assert found == []
    create = op(api, "POST", "/invoices")
    assert [(e.status, e.example.value.value) for e in create.response_examples] == [
        ("201", {"id": "in_1Hh1", "total": 0}),
    ]
    assert props(api, "invoice") == {
        "id": PrimitiveSchema("string"), "total": PrimitiveSchema("integer", "int64"),
    }


def test_without_markup_variants_the_folds_are_reported() -> None:
    _, found = load("docs-site", "markup-variants")
    assert found == [("ignored-content", "invoices.md", 24), ("ignored-content", "invoices.md", 35)]


def test_a_body_of_type_object_takes_the_table_below() -> None:
    api, found = load("inline-body")
    assert found == []
    body = op(api, "POST", "/animals/{animalId}/feedings").parameters[1]
    assert (body.name, body.place, body.required) == ("feeding", ParameterIn.BODY, True)
    assert body.description == "What the animal ate."
    assert isinstance(body.schema, ObjectSchema)
    assert [(p.name, p.schema) for p in body.schema.properties] == [
        ("food", EnumSchema(("hay", "meat", "fish"))),
        ("grams", PrimitiveSchema("integer", "int32")),
    ]
    assert body.schema.properties[1].constraints.minimum == 1


def test_headers_of_a_0x_response_need_their_label() -> None:
    """A table after a status's table without ``**Headers**`` is not its headers."""
    text = (
        "### Get\n```\nGET /a\n```\n#### Responses\n##### HTTP Code 200\n\n"
        "|HTTP Code|Description|Schema|\n|---|---|---|\n|200|OK|string|\n\n"
        "|Name|Description|Schema|\n|---|---|---|\n|X-A|a|string|\n"
    )
    diagnostics = Diagnostics()
    page, _ = read_page("p.md", text, diagnostics)
    assert page.operations[0].responses[0].headers == ()
    assert [(d.code, d.location.line) for d in diagnostics] == [("ignored-content", 12)]


def test_a_fence_info_string_is_no_content() -> None:
    """Pandoc writes ``` {.literal} ``` around a literal block: the attribute is how to
    show the block, and the fence line counts as read with the block it opens."""
    text = "### Get a ticket\n``` {.literal}\nGET /tickets/{id}\n```\n"
    coverage, _ = account_page("p.md", text)
    assert coverage.unaccounted == ()


def test_a_tags_two_descriptions_are_both_kept() -> None:
    """The overview's tag list and the text under the tag heading say different things
    (hand-edited docs): neither is dropped; the same text is kept once."""
    text = (
        "# Widget API\n## Overview\n### Tags\n\n* widgets : Widgets you designed\n"
        "* orders : Production orders\n\n"
        "## Widgets\nA widget is immutable once an order uses it.\n\n"
        "### List widgets\n```\nGET /widgets\n```\n"
        "## Orders\nProduction orders\n\n### List orders\n```\nGET /orders\n```\n"
    )
    diagnostics = Diagnostics()
    api = resolve_api("w", [parse_page("README.md", text, diagnostics)], diagnostics)
    assert api.overview is not None
    assert api.overview.tags == (
        Tag("widgets", "Widgets you designed\n\nA widget is immutable once an order uses it."),
        Tag("orders", "Production orders"),
    )
    assert [o.tags for o in api.operations] == [("widgets",), ("orders",)]
    assert list(diagnostics) == []


def test_pandoc_grid_multiline_and_simple_tables() -> None:
    api, found = load("pandoc-tables")
    assert found == []
    assert api.overview is not None and api.overview.host == "tickets.example.com"
    open_ticket = op(api, "POST", "/tickets")
    assert params(open_ticket) == [
        ("notify", ParameterIn.QUERY, False), ("ticket", ParameterIn.BODY, True),
    ]
    assert open_ticket.parameters[1].description == (
        "The ticket to open. The subject must be unique."
    )
    assert [(r.status, r.description) for r in open_ticket.responses] == [
        ("201", "Opened; the ticket is assigned within an hour."), ("400", "Invalid"),
    ]
    assert open_ticket.produces == ("application/json",)
    new = api.definition("_newticket")
    assert new is not None and isinstance(new.schema, ObjectSchema)
    assert [(p.name, p.required, p.description) for p in new.schema.properties] == [
        ("subject", True, "件名（120 文字まで）"), ("priority", False, ""),
    ]
    assert new.schema.properties[1].default is not None
    assert new.schema.properties[1].default.value == "normal"
    priority = api.definition("_priority")
    assert priority is not None and priority.schema == EnumSchema(("low", "normal", "high"))


def test_without_markup_variants_pandoc_tables_are_reported() -> None:
    _, found = load("pandoc-tables", "markup-variants")
    assert ("stray-table-row", "tickets.md", 21) in found
    assert ("stray-table-row", "tickets.md", 23) in found
    assert ("ignored-content", "tickets.md", 38) in found


def test_pandoc_table_shapes_that_are_no_tables() -> None:
    """A multiline table needs its closing rule, a grid table its rows; otherwise the
    lines are what CommonMark makes of them (a rule, a paragraph)."""
    blocks = parse_blocks("p.md", "-----\nText\n\nmore\n\n+---+\n\nx\n")
    assert [type(b).__name__ for b in blocks] == ["Rule", "Paragraph", "Paragraph",
                                                  "Paragraph", "Paragraph"]
    table = parse_blocks("p.md", "  A    B\n  ---- ----\n  1    2\n  ---- ----\n\nafter\n")
    assert isinstance(table[0], Table) and table[0].header == ("A", "B")
    assert [r.cells for r in table[0].rows] == [("1", "2")]
    headerless = parse_blocks("p.md", "+---+---+\n| a | b |\n+---+---+\n| c | d |\n+---+---+\n")
    assert isinstance(headerless[0], Table) and headerless[0].header == ("a", "b")
    assert [(r.cells, r.location.line) for r in headerless[0].rows] == [(("c", "d"), 4)]


def test_sections_whose_page_heading_was_dropped() -> None:
    """One file whose Overview and Security headings were dropped, and whose last
    definition came up under Paths: each section is what its content says."""
    api, found = load("unlabelled-sections")
    assert found == []
    assert api.overview is not None
    overview = api.overview
    assert (overview.title, overview.version, overview.host, overview.description) == (
        "Pet Shop", "2.0.0", "shop.example.com", "A small pet shop."
    )
    assert [o.operation_id for o in api.operations] == ["listpets"]
    assert [d.key for d in api.definitions] == ["pet", "error"]
    assert [(s.key, s.type, s.param_name, s.param_in) for s in api.security_schemes] == [
        ("api_key", "apiKey", "X-Key", "header"),
    ]


def test_without_unlabelled_sections_they_are_reported_or_misread() -> None:
    api, found = load("unlabelled-sections", "unlabelled-sections")
    assert found == [
        ("ignored-content", "README.md", 3), ("unresolved-ref", "README.md", 24),
        ("ignored-content", "README.md", 28), ("unresolved-ref", "README.md", 46),
    ]
    assert api.overview is None


def test_hand_written_method_lines_and_status_cells() -> None:
    """```GET /notes``` as the first paragraph is the operation's METHOD /path; a status
    cell may carry its reason phrase or an HTTP prefix (the status is the code; a
    phrase that is not the code's own name stays in the description)."""
    api, found = load("readme-operations")
    assert found == []
    notes = op(api, "GET", "/notes")
    assert (notes.summary, notes.description) == ("List notes", "Newest first.")
    assert params(notes) == [("label", ParameterIn.QUERY, False)]
    assert [(r.status, r.description) for r in notes.responses] == [
        ("200", "The notes."), ("401", "Missing or expired token."), ("503", "Try again later."),
    ]
    delete = op(api, "DELETE", "/notes/{id}")
    assert [(r.status, r.description) for r in delete.responses] == [
        ("204", "No Content"), ("409", "Locked by another editor"),
    ]


def test_without_markup_variants_hand_written_operations_are_reported() -> None:
    api, found = load("readme-operations", "markup-variants")
    assert found == [("ignored-content", "README.md", 5)]
    assert api.operations == ()


def test_reference_style_links() -> None:
    api, found = load("reference-links")
    assert found == []
    get = op(api, "GET", "/pets/{petId}")
    assert get.parameters[0].description == "See the [pet model](#pet)."
    assert [target(r.schema) for r in get.responses] == ["pet", "error"]
    assert target(props(api, "pet")["friends"]) == "pet"
    assert not any(d.unresolved for d in api.definitions)


def test_without_markup_variants_reference_links_are_reported() -> None:
    api, found = load("reference-links", "markup-variants")
    assert found == [
        ("unresolved-ref", "api.md", 19), ("unresolved-ref", "api.md", 30),
        ("ignored-content", "api.md", 39),
    ]
    assert [d.name for d in api.definitions if d.unresolved] == ["[Pet][pet]"]
