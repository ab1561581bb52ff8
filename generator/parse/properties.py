"""Properties tables: ``|Name|Description|Schema|`` rows → `Property` values.

One reader for every place a schema is spelled out as a table: definitions, inline
schema blocks, inline body and response schemas. Forms real docs use::

    |Name|Schema|                                  (no descriptions)
    |Name|Description|Schema|                      (Swagger2Markup 1.x)
    |Name|Description|Required|Schema|Default|     (Swagger2Markup 0.x)
    |Name|Description|Required|Schema|Default|Example|   (0.x with examples)
    |Name|Type|Required|Description|              (hand-written: Type is the schema)

Columns are found by label in any language and, where a label is unknown or shared
(German ``Typ``), by position. The name cell carries the flags:
``**id**  <br>*required*  <br>*read-only*``.
"""

from __future__ import annotations

from generator.diagnostics import Diagnostics
from generator.model import AnySchema, Property
from generator.parse.annotations import parse_description_cell, parse_doc_value
from generator.parse.blocks import Row, Table
from generator.parse.inline import plain
from generator.parse.labels import keys_for
from generator.parse.names import read_name_cell
from generator.parse.schema_cell import parse_schema_cell
from generator.parse.tables import cell, handwritten_aliases, map_columns

_ORDER = ("name_column", "description_column", "required_column", "schema_column",
          "default_column", "example_column")
_LAYOUTS = {
    1: ("name_column",),
    2: ("name_column", "schema_column"),
    3: ("name_column", "description_column", "schema_column"),
    4: ("name_column", "description_column", "schema_column", "default_column"),
    5: ("name_column", "description_column", "required_column", "schema_column",
        "default_column"),
    6: _ORDER,
}
_TRUE = frozenset({"true", "yes", "required", "x"})


def parse_property_row(
    row: Row, roles: dict[str, int], diagnostics: Diagnostics
) -> Property | None:
    """One table row → a property, or None (with a ``bad-row`` warning) when nameless."""
    named = read_name_cell(cell(row.cells, roles, "name_column"), row.location, diagnostics)
    name = named.name
    if not name:
        diagnostics.warning("bad-row", "a properties row has no name; skipped", row.location)
        return None
    required, read_only = bool(named.required), named.read_only
    required_cell = plain(cell(row.cells, roles, "required_column")).casefold()
    if required_cell:
        required = required_cell in _TRUE or "flags.required" in keys_for(required_cell)
    annotated = parse_description_cell(
        cell(row.cells, roles, "description_column"), row.location, diagnostics
    )
    schema = parse_schema_cell(cell(row.cells, roles, "schema_column"), row.location, diagnostics)
    default = annotated.default
    default_cell = cell(row.cells, roles, "default_column").strip()
    if default is None and default_cell and default_cell not in ("--", "-"):
        default = parse_doc_value(default_cell)
    example = annotated.example
    example_cell = cell(row.cells, roles, "example_column").strip()
    if example is None and example_cell:
        example = parse_doc_value(example_cell)
    return Property(
        name=name,
        schema=schema if schema is not None else AnySchema(),
        location=row.location,
        description=annotated.description,
        required=required,
        read_only=read_only,
        default=default,
        example=example,
        constraints=annotated.constraints,
    )


def property_roles(table: Table, diagnostics: Diagnostics) -> dict[str, int]:
    """Column role → index for a properties table."""
    aliases = handwritten_aliases(table.header, parameters=False)
    return map_columns(table.header, _ORDER, _LAYOUTS, table.location, diagnostics,
                       rows=table.rows, aliases=aliases)


def parse_properties_table(table: Table, diagnostics: Diagnostics) -> tuple[Property, ...]:
    """Every named row of a properties table, in document order."""
    roles = property_roles(table, diagnostics)
    found = (parse_property_row(row, roles, diagnostics) for row in table.rows)
    return tuple(p for p in found if p is not None)
