"""The schema-cell language, form by form."""

import pytest

from generator.diagnostics import Diagnostics
from generator.model import (
    AnySchema,
    ArraySchema,
    EnumSchema,
    FileSchema,
    MapSchema,
    PrimitiveSchema,
    RefSchema,
    Schema,
    SourceLocation,
)
from generator.parse.schema_cell import parse_schema_cell

LOC = SourceLocation("p.md", 3, 1)


def read(text: str) -> Schema | None:
    return parse_schema_cell(text, LOC, Diagnostics())


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("string", PrimitiveSchema("string")),
        ("integer (int64)", PrimitiveSchema("integer", "int64")),
        ("integer(int64)", PrimitiveSchema("integer", "int64")),
        ("string (date-time)", PrimitiveSchema("string", "date-time")),
        ("number (double)", PrimitiveSchema("number", "double")),
        ("boolean", PrimitiveSchema("boolean")),
        ("string (Bearer [token])", PrimitiveSchema("string", "Bearer [token]")),
        ("file", FileSchema()),
        ("object", AnySchema()),
        ("enum (A, B)", EnumSchema(("A", "B"))),
        ("enum (, )", EnumSchema(("",))),
        ("< string > array", ArraySchema(PrimitiveSchema("string"))),
        ("< string > array(multi)", ArraySchema(PrimitiveSchema("string"), "multi")),
        ("< integer > array(csv)", ArraySchema(PrimitiveSchema("integer"), "csv")),
        ("< string > array(pipes)", ArraySchema(PrimitiveSchema("string"), "pipes")),
        ("< string > array(tsv)", ArraySchema(PrimitiveSchema("string"), "tsv")),
        ("< string > array(ssv)", ArraySchema(PrimitiveSchema("string"), "ssv")),
        ("multi string array", ArraySchema(PrimitiveSchema("string"), "multi")),
        ("< enum (a, b) > array", ArraySchema(EnumSchema(("a", "b")))),
        ("< string > matriz", ArraySchema(PrimitiveSchema("string"))),
        ("< string, integer (int64) > map", MapSchema(PrimitiveSchema("integer", "int64"))),
        (
            "< string, < string > array > map",
            MapSchema(ArraySchema(PrimitiveSchema("string"))),
        ),
    ],
)
def test_forms(cell: str, expected: Schema) -> None:
    assert read(cell) == expected


@pytest.mark.parametrize("cell", ["No Content", "Kein Inhalt", "无内容", "**No Content**", ""])
def test_no_content_in_any_language(cell: str) -> None:
    assert read(cell) is None


def test_reference_forms_keep_file_and_anchor() -> None:
    schema = read("< string, [batch](../definitions/batch.md#batch) > map")
    assert isinstance(schema, MapSchema) and isinstance(schema.values, RefSchema)
    ref = schema.values.ref
    assert (ref.name, ref.file, ref.anchor, ref.location) == (
        "batch", "../definitions/batch.md", "batch", LOC,
    )


def test_escaped_anchor_and_bold_reference() -> None:
    schema = read("**[Batch\\_List](#batch\\_list)**")
    assert isinstance(schema, RefSchema)
    assert (schema.ref.name, schema.ref.anchor) == ("Batch_List", "batch_list")


def test_nested_arrays_of_references() -> None:
    schema = read("< < [X](#x) > array > array")
    assert isinstance(schema, ArraySchema) and isinstance(schema.items, ArraySchema)
    assert isinstance(schema.items.items, RefSchema)


def test_bare_type_name_is_a_reference_by_name() -> None:
    schema = read("RestResponse«List«UserDTO»»")
    assert isinstance(schema, RefSchema)
    assert schema.ref.href == "" and schema.ref.anchor == "RestResponse«List«UserDTO»»"


def test_enum_linking_to_an_enum_definition() -> None:
    schema = read("< enum ([ProcessingStatuses](#processingstatuses)) > array")
    assert isinstance(schema, ArraySchema) and isinstance(schema.items, EnumSchema)
    assert schema.items.ref is not None and schema.items.ref.anchor == "processingstatuses"


def test_unreadable_cell_is_free_form_with_a_located_warning() -> None:
    diagnostics = Diagnostics()
    assert parse_schema_cell("< string (a", LOC, diagnostics) == AnySchema(None)
    (diag,) = diagnostics
    assert (diag.code, diag.location) == ("bad-schema", LOC)
    assert "< string (a" in diag.message


def test_a_sentence_is_a_reference_by_name() -> None:
    schema = read("Contains the types of elements.")
    assert isinstance(schema, RefSchema) and schema.ref.name == "Contains the types of elements."


def test_deep_nesting_does_not_recurse_forever() -> None:
    cell = "< " * 200 + "string" + " > array" * 200
    assert read(cell) is not None
