"""Definition sections → Definition + inline schemas; properties tables in every form."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.diagnostics import Diagnostics
from generator.model import (
    AnySchema,
    ArraySchema,
    Constraints,
    Definition,
    DocValue,
    EnumSchema,
    MapSchema,
    ObjectSchema,
    Polymorphism,
    PolymorphismNature,
    PrimitiveSchema,
    RefSchema,
)
from generator.parse import parse_page
from generator.parse.blocks import Table, parse_blocks
from generator.parse.definitions import parse_definition, parse_properties_table
from generator.parse.inline import plain
from generator.parse.labels import keys_for
from generator.parse.sections import Section, build_sections

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def first_section(text: str) -> Section:
    root = build_sections("defs.md", parse_blocks("defs.md", text))
    return next(s for s in root.walk() if s.level)


def read(text: str) -> tuple[Definition, list[tuple[str, ObjectSchema]], Diagnostics]:
    diagnostics = Diagnostics()
    definition, inline = parse_definition(first_section(text), diagnostics)
    return definition, inline, diagnostics


BATCH = """
<a name="batch"></a>
### batch

|Name|Description|Schema|
|---|---|---|
|**availableDates**  <br>*optional*|Date range.|[availableDates](#batch-availabledates)|
|**created**  <br>*optional*  <br>*read-only*|Persisted at.  <br>**Example** : `0`|integer (int64)|
|**imsOrg**  <br>*required*|The owning org.|string|
|**metrics**  <br>*optional*|**Example** : `{<br>  "string" : 0<br>}`|< string, integer > map|
|**status**  <br>*required*||enum (processing, success)|

<a name="batch-availabledates"></a>
**availableDates**

|Name|Description|Schema|
|---|---|---|
|**endDate**  <br>*optional*|Newest.|integer (int64)|
"""


def test_catalog_batch_definition_and_inline_schema() -> None:
    definition, inline, diagnostics = read(BATCH)
    assert (definition.key, definition.name, definition.description) == ("batch", "batch", "")
    assert isinstance(definition.schema, ObjectSchema)
    props = {p.name: p for p in definition.schema.properties}
    assert list(props) == ["availableDates", "created", "imsOrg", "metrics", "status"]
    assert definition.schema.required == ("imsOrg", "status")
    assert props["created"].read_only and not props["imsOrg"].read_only
    assert props["created"].schema == PrimitiveSchema("integer", "int64")
    assert props["created"].description == "Persisted at."
    assert props["metrics"].schema == MapSchema(PrimitiveSchema("integer"))
    assert props["metrics"].example == DocValue('{\n  "string" : 0\n}', {"string": 0}, True)
    assert props["status"].schema == EnumSchema(("processing", "success"))
    ref = props["availableDates"].schema
    assert isinstance(ref, RefSchema) and ref.ref.anchor == "batch-availabledates"
    assert props["availableDates"].location.line == 7
    [(anchor, schema)] = inline
    assert anchor == "batch-availabledates"
    assert schema.title == "availableDates"
    assert [p.name for p in schema.properties] == ["endDate"]
    assert len(diagnostics) == 0


def test_polymorphism_and_description() -> None:
    definition, _, _ = read(
        "<a name=\"line\"></a>\n### LineString\nA line.\n\n*Polymorphism* : Inheritance  \n"
        "*Discriminator* : type\n\n|Name|Schema|\n|---|---|\n|**bbox**  <br>*optional*|"
        "< number (double) > array|\n"
    )
    assert definition.polymorphism == Polymorphism(PolymorphismNature.INHERITANCE, "type")
    assert definition.description == "A line."
    assert isinstance(definition.schema, ObjectSchema)
    [bbox] = definition.schema.properties
    assert bbox.schema == ArraySchema(PrimitiveSchema("number", "double"))


def test_composition() -> None:
    definition, _, _ = read("### Both\n*Polymorphism* : Composition\n\n|Name|Schema|\n|---|---|\n"
                            "|**a**  <br>*optional*|string|\n")
    assert definition.polymorphism == Polymorphism(PolymorphismNature.COMPOSITION)


@pytest.mark.parametrize(
    ("line", "schema"),
    [
        ("*Type* : string", PrimitiveSchema("string")),
        ("*Type* : object", AnySchema()),
        ("*Type* : enum (sha512_256, sha256)", EnumSchema(("sha512_256", "sha256"))),
        ("*Type* : < string, string > map", MapSchema(PrimitiveSchema("string"))),
    ],
)
def test_type_alias_definitions(line: str, schema: object) -> None:
    definition, inline, _ = read(f"<a name=\"x\"></a>\n### X\nSome text.\n\n{line}\n")
    assert definition.schema == schema
    assert definition.description == "Some text."
    assert inline == []


def test_array_alias_of_a_reference() -> None:
    definition, _, _ = read("### Items\n*Type* : < [Item](#item) > array\n")
    assert isinstance(definition.schema, ArraySchema)
    item = definition.schema.items
    assert isinstance(item, RefSchema) and item.ref.anchor == "item"


def test_enum_value_table() -> None:
    definition, _, _ = read(
        "### Variant\nImage variant.\n\n*Type* : enum\n\n\n|Value|Description|\n|---|---|\n"
        "|**MAIN**|Main image.|\n|**PT01**|Other image #1.|\n"
    )
    assert definition.schema == EnumSchema(("MAIN", "PT01"))
    assert definition.description.startswith("Image variant.")
    assert "Main image." in definition.description  # value descriptions are not lost


def test_example_block_after_table_and_raw_html() -> None:
    definition, _, _ = read(
        "### Change\n<p>File <b>record</b></p>\n\n|Name|Description|Schema|\n|---|---|---|\n"
        "|**seq**  <br>*optional*|Sequence.|string|\n\n"
        "**Example**\n```\n{\n  \"seq\" : 123\n}\n```\n"
    )
    assert definition.example == DocValue('{\n  "seq" : 123\n}', {"seq": 123}, True)
    assert "<b>record</b>" in definition.description


def test_nested_inline_objects() -> None:
    _, inline, _ = read(
        "<a name=\"a\"></a>\n### A\n|Name|Schema|\n|---|---|\n|**b**|[b](#a-b)|\n\n"
        "<a name=\"a-b\"></a>\n**b**\n\n|Name|Schema|\n|---|---|\n|**c**|[c](#a-b-c)|\n\n"
        "<a name=\"a-b-c\"></a>\n**c**\n\n|Name|Schema|\n|---|---|\n|**d**|boolean|\n"
    )
    assert [(anchor, s.title, [p.name for p in s.properties]) for anchor, s in inline] == [
        ("a-b", "b", ["c"]),
        ("a-b-c", "c", ["d"]),
    ]


def test_index_entry_is_an_alias_to_the_linked_page() -> None:
    definition, _, _ = read(
        "<a name=\"ref-freeform\"></a>\n### [FreeForm](definitions/FreeForm.md#freeform)\n"
    )
    assert definition.key == "ref-freeform"
    assert isinstance(definition.schema, RefSchema)
    assert (definition.schema.ref.file, definition.schema.ref.anchor) == (
        "definitions/FreeForm.md", "freeform")


def test_heading_without_anchor_gets_its_title_anchor() -> None:
    definition, _, _ = read("# RestResponse«Usage»\n\n|Name|Description|Required|Schema|Default|\n"
                            "|----|----|----|----|----|\n|data||true|Usage array||\n")
    assert definition.key == "restresponse-usage"
    [data] = definition.schema.properties  # type: ignore[union-attr]
    assert data.required
    assert isinstance(data.schema, ArraySchema)


def table(text: str) -> Table:
    [block] = [b for b in parse_blocks("t.md", text) if isinstance(b, Table)]
    return block


def test_properties_table_german_columns_by_position() -> None:
    props = parse_properties_table(
        table("|Name|Beschreibung|Typ|\n|---|---|---|\n"
              "|**id**  <br>*verpflichtend*  <br>*Nur lesen*|Kennung  <br>**Länge** : `1 - 9`|"
              "integer (int64)|\n"),
        Diagnostics(),
    )
    [prop] = props
    assert (prop.name, prop.required, prop.read_only) == ("id", True, True)
    assert prop.description == "Kennung"
    assert prop.constraints == Constraints(min_length=1, max_length=9)
    assert prop.schema == PrimitiveSchema("integer", "int64")


def test_properties_table_empty_schema_and_nameless_row() -> None:
    diagnostics = Diagnostics()
    props = parse_properties_table(
        table("|Name|Schema|\n|---|---|\n|**free**  <br>*optional*||\n||string|\n"), diagnostics
    )
    assert [(p.name, p.schema) for p in props] == [("free", AnySchema())]
    assert [d.code for d in diagnostics] == ["bad-row"]
    assert next(iter(diagnostics)).location.line == 4


def test_escaped_names() -> None:
    props = parse_properties_table(
        table("|Name|Schema|\n|---|---|\n|**login\\_name**  <br>*optional*|string|\n"),
        Diagnostics(),
    )
    assert props[0].name == "login_name"


# ------------------------------------------------------------------ corpus counts


def _definition_pages() -> list[Path]:
    corpus = SHARED / "corpus"
    manifest = (corpus / "wild" / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()[1:]
    wild = [corpus / "wild" / line.split("\t")[0] for line in manifest
            if line.split("\t")[2] in ("definitions", "definition", "mixed")]
    s2m = sorted((corpus / "swagger2markup" / "expected").glob("*/definitions*.md"))
    s2m += sorted((corpus / "swagger2markup" / "expected").glob("*/definitions/*.md"))
    bench = [p for name in ("powerdns", "slack")
             for p in sorted((SHARED / "bench" / "md" / name / "definitions").glob("*.md"))]
    return wild + s2m + bench


def _is_properties_header(header: tuple[str, ...]) -> bool:
    keys = [keys_for(h) for h in header]
    return bool(keys) and "name_column" in keys[0] and any("schema_column" in k for k in keys)


def _is_value_header(header: tuple[str, ...]) -> bool:
    return bool(header) and "value_column" in keys_for(header[0])


@pytest.mark.skipif(not SHARED.exists(), reason="shared corpus not available")
@pytest.mark.parametrize("path", _definition_pages() if SHARED.exists() else [],
                         ids=lambda p: p.name)
def test_corpus_definition_rows_are_all_read(path: Path) -> None:
    """Every row of every properties table (definitions and inline blocks) becomes a
    property, and every enum value row an enum value: no dropped rows."""
    text = path.read_text(encoding="utf-8")
    blocks = parse_blocks(str(path), text)
    tables = [b for b in blocks if isinstance(b, Table)]
    diagnostics = Diagnostics()
    page = parse_page(str(path), text, diagnostics)
    read_rows = sum(len(d.schema.properties) for d in page.definitions
                    if isinstance(d.schema, ObjectSchema))
    read_rows += sum(len(s.properties) for _, s in dict(page.inline_schemas).items())
    prop_rows = sum(len(t.rows) for t in tables if _is_properties_header(t.header))
    if page.operations:
        # Mixed files: operation pages also hold inline schema tables; count only
        # the definitions part of the page.
        start = next(b.location.line for b in blocks
                     if getattr(b, "text", None) and "definitions" in keys_for(b.text))  # type: ignore[union-attr]
        prop_rows = sum(len(t.rows) for t in tables
                        if _is_properties_header(t.header) and t.location.line > start)
        read_rows = sum(len(d.schema.properties) for d in page.definitions
                        if isinstance(d.schema, ObjectSchema))
        read_rows += sum(len(s.properties) for a, s in page.inline_schemas
                         if s.properties and s.properties[0].location.line > start)
    value_rows = {plain(r.cells[0]) for t in tables if _is_value_header(t.header) for r in t.rows}
    enum_values = {v for d in page.definitions if isinstance(d.schema, EnumSchema)
                   for v in d.schema.values}
    assert read_rows == prop_rows
    assert value_rows <= enum_values
    assert not diagnostics.has_errors
