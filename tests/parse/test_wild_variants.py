"""More real-world variation that md2sdk misread or dropped, one test page each (under
fidelity/, written the way generators and hand-editors write them): each page parses
into the full model, and what used to vanish is now in the model or in a located
diagnostic."""

from __future__ import annotations

import codecs
from dataclasses import replace

import pytest

from generator.config import ApiConfig
from generator.diagnostics import Diagnostics
from generator.emit.openapi.document import build_document
from generator.emit.tests.values import pick_values
from generator.load.pages import parse_sources
from generator.model import (
    AnySchema,
    ArraySchema,
    MapSchema,
    ObjectSchema,
    ParameterIn,
    PrimitiveSchema,
    RefSchema,
    SourceLocation,
    Tag,
)
from generator.parse import parse_page
from generator.parse.inline import without_section_number
from generator.parse.label_lines import read_label_line
from generator.resolve.base_path import relative_paths
from tests.parse.test_fidelity import PAGES, load, op, params, props, target


def test_oauth_urls_named_by_their_label() -> None:
    """Swagger2Markup labels both OAuth2 URLs "Token URL"; a page that says
    "Authorization URL" gets it read as such, wherever the line stands."""
    api, found = load("oauth-urls")
    assert found == []
    schemes = {s.key: s for s in api.security_schemes}
    partner = schemes["partner_oauth"]
    assert (partner.authorization_url, partner.token_url) == (
        "https://login.example.com/oauth/authorize", "https://login.example.com/oauth/token",
    )
    assert partner.description == (
        "Partners sign in with their company account. The token endpoint lives on a "
        "separate host."
    )
    widget = schemes["widget_oauth"]
    assert (widget.authorization_url, widget.token_url) == (
        "https://login.example.com/oauth/dialog", None,
    )
    assert widget.description == ""
    service = schemes["service_oauth"]
    assert service.token_url == "https://login-eu.example.com/oauth/token"
    # A URL no slot of the flow takes is kept where a reader sees it, not dropped.
    assert service.description == "*Token URL* : https://login.example.com/oauth/token"


@pytest.mark.parametrize(
    "encoding", ["utf-16", "utf-16-be-bom", "utf-32", "utf-8-sig-crlf", "utf-16-crlf"]
)
def test_pages_saved_by_windows_editors_read_like_utf8(encoding: str) -> None:
    """Notepad's "Unicode" (UTF-16 with a byte order mark) and CRLF line ends: the
    same page, the same model (was: read-error 'invalid start byte' at 1:1, page lost)."""
    text = (PAGES / "oauth-urls" / "security.md").read_text(encoding="utf-8")
    codec = encoding.removesuffix("-crlf")
    if encoding.endswith("-crlf"):
        text = text.replace("\n", "\r\n")
    data = (
        codecs.BOM_UTF16_BE + text.encode("utf-16-be")
        if codec == "utf-16-be-bom" else text.encode(codec)
    )
    utf8 = (PAGES / "oauth-urls" / "security.md").read_bytes()
    want = parse_sources([("security.md", utf8)], Diagnostics())
    diagnostics = Diagnostics()
    assert parse_sources([("security.md", data)], diagnostics) == want
    assert list(diagnostics) == []


def test_a_readme_title_and_its_text_are_the_overview() -> None:
    """A README-style page (``# Title``, what the API is for, ``Version: 3.2.0``, then
    tag headings over operations) with no overview section: the title and the text
    are the API's overview, the text under each tag heading its tag's description
    (was: no overview, the text reported as ignored, the tag descriptions dropped)."""
    api, found = load("readme-overview")
    assert found == []
    overview = api.overview
    assert overview is not None and overview.inferred
    assert (overview.title, overview.version, overview.host) == (
        "Parcel tracking API", "3.2.0", "track.example.net",
    )
    assert overview.description == (
        "Track parcels across the carriers we work with. Every request needs an API key "
        "in\nthe `X-Api-Key` header."
    )
    assert overview.tags == (
        Tag("Parcels", "A parcel is one labelled box; it keeps its id from pickup to delivery."),
        Tag("Carriers", "The companies that move parcels. The list changes a few times a year."),
    )
    assert [o.tags for o in api.operations] == [("Parcels",), ("Carriers",)]


def test_without_unlabelled_sections_the_readme_text_is_reported() -> None:
    api, found = load("readme-overview", "unlabelled-sections")
    assert found == [("ignored-content", "README.md", 3)]
    assert api.overview is not None and api.overview.title == ""  # tags only
    assert [t.name for t in api.overview.tags] == ["Parcels", "Carriers"]


def test_an_overview_the_docs_give_wins_over_a_readme_title() -> None:
    api, found = load("readme-and-overview")
    assert api.overview is not None and not api.overview.inferred
    assert api.overview.title == "Parcel tracking API"
    assert api.overview.description == "Track parcels across carriers."
    assert found == [("ignored-content", "README.md", 1)]


def test_tag_groups_without_an_overview_page_keep_their_descriptions() -> None:
    """``pathsGroupedBy=TAGS`` paths page alone (was: the text under ``### Booking``
    read, then dropped with no overview to hold it)."""
    api, found = load("tag-groups-alone")
    assert found == []
    assert api.overview is not None and api.overview.inferred and api.overview.title == ""
    assert api.overview.tags == (
        Tag("Booking", "Seats held for a member, from request to check-in."),
        Tag("Class", "Scheduled classes of a studio."),
    )
    assert [o.tags for o in api.operations] == [("Booking",), ("Class",)]
    diagnostics = Diagnostics()
    config = ApiConfig.for_folder(PAGES / "tag-groups-alone")
    document = build_document(api, config, diagnostics)
    assert [d.code for d in diagnostics] == ["missing-overview"]
    assert document["info"] == {"title": "tag-groups-alone", "version": "0.0.0"}
    assert document["tags"][0] == {
        "name": "Booking", "description": "Seats held for a member, from request to check-in.",
    }


def test_paths_printed_with_the_base_path_are_read_relative_to_it() -> None:
    """Swagger2Markup's basePathPrefixEnabled (or a hand-written page) prints
    ``GET /api/v2/stays`` under ``*BasePath* : /api/v2`` (was: the client called
    https://kennel.example.org/api/v2/api/v2/stays, without a word)."""
    api, found = load("base-path-prefix")
    assert [(o.method, o.path) for o in api.operations] == [
        ("GET", "/stays"), ("GET", "/runs/{runId}"),
    ]
    assert found == [("assumed-base-path", "paths.md", 6)]
    run = op(api, "GET", "/runs/{runId}")
    [chosen] = pick_values(run, list(run.parameters), api, Diagnostics())
    assert chosen.value == 14  # the example request's /api/v2/runs/14 still fits


def test_paths_that_do_not_all_start_with_the_base_path_are_kept() -> None:
    api, _ = load("base-path-prefix")
    assert api.overview is not None
    ops = [replace(o, path="/api/v2" + o.path) for o in api.operations]
    ops.append(replace(ops[0], path="/health"))
    diagnostics = Diagnostics()
    assert relative_paths(api.overview, ops, diagnostics) == ops
    assert list(diagnostics) == []
    root = replace(api.overview, base_path="/")
    assert relative_paths(root, ops[:2], diagnostics) == ops[:2]


def test_readme_fields_with_the_colon_in_the_bold_and_a_base_url() -> None:
    """``**Version:** 1.4.0`` and ``**Base URL:** `https://ledger.example.com/v1```, as
    READMEs write them (was: both left in the description; the client had no base URL
    and version 0.0.0)."""
    api, found = load("readme-fields")
    assert found == []
    overview = api.overview
    assert overview is not None
    assert overview.description == (
        "Double-entry ledger behind the shop. Amounts are integers in minor units."
    )
    assert (overview.version, overview.license_name) == ("1.4.0", "Apache-2.0")
    assert (overview.host, overview.base_path, overview.schemes) == (
        "ledger.example.com", "/v1", ("https",),
    )
    config = ApiConfig.for_folder(PAGES / "readme-fields")
    document = build_document(api, config, Diagnostics())
    assert document["servers"] == [{"url": "https://ledger.example.com/v1"}]


@pytest.mark.parametrize(
    ("line", "label", "value"),
    [
        ("*Version* : 1", "Version", "1"),
        ("**Version:** 1.4", "Version", "1.4"),
        ("**Version**: 2", "Version", "2"),
        ("_Host:_ api.example.com", "Host", "api.example.com"),
        ("Base URL: https://x.example/v1", "Base URL", "https://x.example/v1"),
    ],
)
def test_label_line_spellings(line: str, label: str, value: str) -> None:
    found = read_label_line(line, SourceLocation("p.md", 1, 1))
    assert found is not None and (found.label, found.value) == (label, value)


def test_a_base_url_that_is_no_url_stays_text() -> None:
    text = "# Shop API\n\nBase URL: ask your account manager\n\n### Ping\n`GET /ping`\n"
    diagnostics = Diagnostics()
    page = parse_page("README.md", text, diagnostics)
    assert page.overview is not None and page.overview.host is None
    assert page.overview.description == "Base URL: ask your account manager"
    assert list(diagnostics) == []


def test_handwritten_tables_say_in_for_the_location_and_type_for_the_schema() -> None:
    """``|Name|In|Type|Required|Description|`` (READMEs, other generators) and Swagger
    UI 2's ``|Parameter|Parameter Type|Data Type|...|`` (was: Type read as the location,
    every parameter a query parameter with no schema, the In column ignored; the
    ``|Name|Type|Required|Description|`` model not a definition, its lines ignored)."""
    api, found = load("handwritten-columns")
    assert found == []
    entries = op(api, "GET", "/accounts/{accountId}/entries")
    assert params(entries) == [
        ("accountId", ParameterIn.PATH, True),
        ("since", ParameterIn.QUERY, False),
        ("limit", ParameterIn.QUERY, False),
        ("X-Request-Id", ParameterIn.HEADER, False),
    ]
    assert [p.schema for p in entries.parameters] == [
        PrimitiveSchema("string"), PrimitiveSchema("string", "date-time"),
        PrimitiveSchema("integer", "int32"), PrimitiveSchema("string"),
    ]
    limit = entries.parameters[2]
    assert limit.default is not None and limit.default.value == 50
    book = op(api, "POST", "/accounts/{accountId}/entries")
    assert params(book) == [
        ("accountId", ParameterIn.PATH, True), ("entry", ParameterIn.BODY, True),
    ]
    assert target(book.parameters[1].schema) == "entry"
    assert props(api, "entry") == {
        "id": PrimitiveSchema("string"),
        "amount": PrimitiveSchema("integer", "int64"),
        "memo": PrimitiveSchema("string"),
    }
    entry = api.definition("entry")
    assert entry is not None and isinstance(entry.schema, ObjectSchema)
    assert [p.required for p in entry.schema.properties] == [True, True, False]


def test_without_handwritten_columns_the_misread_is_reported() -> None:
    api, found = load("handwritten-columns", "handwritten-columns")
    assert ("unknown-column", "README.md", 17) in found
    assert ("assumed-parameter-in", "README.md", 19) in found
    assert ("ignored-content", "README.md", 48) in found  # ## Models and its table
    assert api.definition("entry") is None or api.definition("entry").unresolved


def test_handwritten_type_spellings() -> None:
    """``string[]``, ``array[string]``, ``[[Photo](#photo)]``, ``Array<...>``,
    ``map[string]string``, ``Map<string, integer>``, ``[Album](#album)[]``, types in
    code spans and bare formats (was: each a link to a definition named
    'string[]', 'uuid'... that no page has: unresolved-ref stand-ins)."""
    api, found = load("handwritten-types")
    assert found == []
    create = op(api, "POST", "/albums")
    assert create.parameters[0].schema == PrimitiveSchema("string", "uuid")
    assert create.responses[1].schema == AnySchema()
    search = op(api, "GET", "/albums")
    assert [p.schema for p in search.parameters] == [
        ArraySchema(PrimitiveSchema("string")), PrimitiveSchema("integer", "int64"),
    ]
    assert target(search.responses[0].schema) == "album"
    new = props(api, "newalbum")
    assert (new["title"], new["tags"], new["captions"]) == (
        PrimitiveSchema("string"), ArraySchema(PrimitiveSchema("string")),
        MapSchema(PrimitiveSchema("string")),
    )
    assert target(new["photos"]) == "photo" and isinstance(new["photos"], ArraySchema)
    album = props(api, "album")
    assert album["id"] == PrimitiveSchema("string", "uuid")
    assert album["created"] == PrimitiveSchema("string", "date-time")
    assert album["ratings"] == MapSchema(PrimitiveSchema("integer"))
    assert isinstance(album["photos"], ArraySchema) and isinstance(album["photos"].items, RefSchema)
    assert props(api, "photo") == {
        "id": PrimitiveSchema("integer", "int64"), "url": PrimitiveSchema("string", "uri"),
    }


def test_without_handwritten_types_the_spellings_are_unresolved_links() -> None:
    api, found = load("handwritten-types", "handwritten-types")
    assert ("bad-schema", "README.md", 15) in found  # `uuid`
    assert ("unresolved-ref", "README.md", 33) in found  # string[], as a definition name
    assert ("unresolved-ref", "README.md", 67) in found  # int64, likewise
    assert any(d.unresolved for d in api.definitions)


def test_html_headings_are_headings() -> None:
    """``<h3 id="deletepet">Deletes a pet</h3>``, as pages exported from HTML write
    headings (was: no heading at all: the second operation, both Parameters and
    Responses tables and the definition ran into the first operation's description,
    without a word)."""
    api, found = load("html-headings")
    assert found == []
    get = op(api, "GET", "/pets/{petId}")
    assert (get.operation_id, get.description) == ("getpetbyid", "Returns a single pet.")
    assert params(get) == [
        ("petId", ParameterIn.PATH, True), ("X-Trace", ParameterIn.HEADER, False),
    ]
    assert [r.status for r in get.responses] == ["200", "404"]
    assert target(get.responses[0].schema) == "pet"
    delete = op(api, "DELETE", "/pets/{petId}")
    assert (delete.operation_id, delete.summary) == ("deletepet", "Deletes a pet")
    assert params(delete) == [("petId", ParameterIn.PATH, True)]
    assert set(props(api, "pet")) == {"id", "name"}


def test_without_markup_variants_the_structure_in_the_description_is_reported() -> None:
    """HTML headings unread, everything below the first operation is its description:
    each Parameters/Responses/properties table and the second METHOD /path block there
    is reported where it stands (was: 1 operation, 0 parameters, not a word)."""
    api, found = load("html-headings", "markup-variants")
    assert found == [
        ("table-in-description", "pets.md", 15), ("table-in-description", "pets.md", 22),
        ("missed-operation", "pets.md", 29), ("table-in-description", "pets.md", 35),
        ("table-in-description", "pets.md", 41), ("table-in-description", "pets.md", 49),
    ]
    assert [(o.method, o.parameters) for o in api.operations] == [("GET", ())]


def test_numbered_headings_are_read_without_their_numbers() -> None:
    """AsciiDoc output with ``:sectnums:`` exported to markdown: ``## 1. Overview``,
    ``#### 2.1.1. Parameters``, ``### 3.1. Prediction`` (was: no overview, its lines
    ignored; a definition named '3.1. Prediction' that links to #prediction missed)."""
    api, found = load("numbered-headings")
    assert found == []
    assert api.overview is not None
    assert (api.overview.title, api.overview.version) == ("Tide tables API", "1.1.0")
    predictions = op(api, "GET", "/harbours/{harbourId}/predictions")
    assert predictions.summary == "Predictions for one harbour"
    assert [(d.key, d.name, d.unresolved) for d in api.definitions] == [
        ("prediction", "Prediction", False),
    ]
    assert target(predictions.responses[0].schema) == "prediction"


def test_without_markup_variants_numbered_headings_are_reported() -> None:
    api, found = load("numbered-headings", "markup-variants")
    assert found == [("ignored-content", "api.md", 3), ("unresolved-ref", "api.md", 27)]
    assert api.overview is None


def test_a_number_that_is_the_titles_own_word_stays() -> None:
    assert without_section_number("2.1.1. Parameters") == "Parameters"
    assert without_section_number("3.1 Pet") == "Pet"
    assert without_section_number("404 handling") == "404 handling"
    assert without_section_number("2FA settings") == "2FA settings"
    assert without_section_number("1.5") == "1.5"


def test_responses_as_a_list_or_one_paragraph_per_status() -> None:
    """``- `200 OK`: [Note](#note)``, ``* **default** — ...``, ``**204** Deleted...``
    under ``#### Responses`` or ``#### Response`` (was: 0 responses; the lines reported
    as ignored and the Response section kept as description)."""
    api, found = load("readme-responses")
    assert found == []
    get = op(api, "GET", "/notes/{id}")
    assert [(r.status, r.description) for r in get.responses] == [
        ("200", ""), ("404", "No such note, or it was deleted."),
        ("429", "Slow down; the `Retry-After` header says for how long."),
    ]
    assert target(get.responses[0].schema) == "note" and get.responses[1].schema is None
    listed = op(api, "GET", "/notes")
    assert [r.status for r in listed.responses] == ["200", "default"]
    assert isinstance(listed.responses[0].schema, ArraySchema)
    assert target(listed.responses[0].schema) == "note"
    delete = op(api, "DELETE", "/notes/{id}")
    assert [(r.status, r.description) for r in delete.responses] == [
        ("204", "Deleted; nothing is returned."), ("409", "Locked notes cannot be deleted."),
    ]


def test_without_handwritten_columns_listed_responses_are_reported() -> None:
    api, found = load("readme-responses", "handwritten-columns")
    assert found == [
        ("ignored-content", "README.md", 19), ("ignored-content", "README.md", 29),
        ("unknown-section", "README.md", 42),
    ]
    assert all(o.responses == () for o in api.operations)
