"""Definition sections → `Definition` values, with the inline schemas anchored inside.

A definition is a heading (``### Pet``, anchored ``<a name="pet">``) followed by any of::

    Free-text description (paragraphs, lists, raw HTML)
    *Polymorphism* : Inheritance          → Polymorphism(INHERITANCE, discriminator)
    *Discriminator* : type
    *Type* : < [Item](#item) > array      → a type alias: that schema
    |Name|Description|Schema|            → ObjectSchema (properties)
    |Value|Description|                  → EnumSchema (after ``*Type* : enum``)
    <a name="pet-owner"></a>
    **owner**                             → inline schema ("pet-owner", ObjectSchema)
    |Name|Schema| ...
    **Example**                           → Definition.example
    ```{ "id" : 1 }```

A heading that is only a link with nothing below it (``### [Pet](definitions/Pet.md#pet)``,
the index in ``definitions.md``) becomes an alias whose schema is a reference to the
page it links to; the resolver folds such entries into the definition they name.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from generator.diagnostics import Diagnostics
from generator.model import (
    AnySchema,
    Definition,
    DocValue,
    EnumSchema,
    ObjectSchema,
    Polymorphism,
    PolymorphismNature,
    Property,
    Reference,
    RefSchema,
    Schema,
)
from generator.parse.blocks import Anchor, Block, Code, Html, ListBlock, Paragraph, Table
from generator.parse.definition_names import definition_name, schema_from_name
from generator.parse.inline import find_link, plain, strip_emphasis, unescape
from generator.parse.labels import keys_for
from generator.parse.properties import parse_properties_table
from generator.parse.refs import anchor_key, split_href
from generator.parse.schema_cell import parse_schema_cell
from generator.parse.sections import Section
from generator.parse.text import blocks_markdown

__all__ = ["parse_definition", "parse_properties_table"]

_LABEL_LINE = re.compile(r"^\s*(?:\*\*?|__?)([^*_]{1,40}?)(?:\*\*?|__?)\s*:\s*(.*?)\s*$")
_PROPERTY_HEADER_KEYS = frozenset({"schema_column", "type_column"})


@dataclass
class _Reading:
    """What a definition section has said so far, in document order."""

    key: str
    description: list[Block] = field(default_factory=list)
    type_schema: Schema | None = None
    properties: tuple[Property, ...] | None = None
    enum_values: list[str] = field(default_factory=list)
    nature: PolymorphismNature | None = None
    discriminator: str | None = None
    example: DocValue | None = None
    inline: list[tuple[str, ObjectSchema]] = field(default_factory=list)


def definition_key(section: Section) -> str:
    """The key a definition is found by: its first anchor, else its title's anchor form."""
    if section.anchor:
        return section.anchor
    return anchor_key(section.title) or "definition"


def _label_line(line: str) -> tuple[frozenset[str], str] | None:
    m = _LABEL_LINE.match(line)
    if not m:
        return None
    keys = keys_for(m.group(1))
    return (keys, m.group(2)) if keys else None


def _read_paragraph(block: Paragraph, reading: _Reading, diagnostics: Diagnostics) -> None:
    """Label lines set fields; other lines stay description (in their paragraph)."""
    kept: list[str] = []
    for line, location in block.lines():
        label = _label_line(line)
        if label is None:
            kept.append(line)
            continue
        keys, value = label
        if "polymorphism.column" in keys:
            nature_keys = keys_for(value)
            if "polymorphism.nature.COMPOSITION" in nature_keys:
                reading.nature = PolymorphismNature.COMPOSITION
            else:
                reading.nature = PolymorphismNature.INHERITANCE
        elif "polymorphism.discriminator" in keys:
            reading.discriminator = plain(value) or None
        elif "security_type" in keys or "type_column" in keys:
            reading.type_schema = parse_schema_cell(value, location, diagnostics) or AnySchema()
        else:
            kept.append(line)
    text = "\n".join(kept).strip()
    if text:
        reading.description.append(Paragraph(text, block.location))


def _bold_title(block: Block) -> str | None:
    if not isinstance(block, Paragraph) or "\n" in block.text.strip():
        return None
    text = block.text.strip()
    if not (text.startswith(("**", "__")) and text.endswith(("**", "__"))):
        return None
    title = strip_emphasis(text)
    return unescape(title) if title != text else None


def _code_value(block: Code) -> DocValue:
    text = block.text.strip()
    try:
        return DocValue(text, json.loads(text), True)
    except (ValueError, RecursionError):
        return DocValue(text, text, False)


def _is_enum_table(table: Table, reading: _Reading) -> bool:
    if isinstance(reading.type_schema, EnumSchema) and not reading.type_schema.values:
        return True
    first = keys_for(plain(table.header[0])) if table.header else frozenset()
    rest = set().union(*(keys_for(plain(h)) for h in table.header[1:]))
    return "value_column" in first and not (rest & _PROPERTY_HEADER_KEYS)


def _read_table(
    table: Table, title: str | None, pending: list[str], reading: _Reading,
    diagnostics: Diagnostics,
) -> None:
    main_seen = reading.properties is not None or reading.type_schema is not None
    if _is_enum_table(table, reading):
        reading.enum_values.extend(
            value for row in table.rows if row.cells and (value := plain(row.cells[0]))
        )
        reading.description.append(table)
    elif pending or (title is not None and main_seen):
        name = title or pending[0]
        key = pending[0] if pending else f"{reading.key}-{anchor_key(name)}"
        schema = ObjectSchema(parse_properties_table(table, diagnostics), title=name)
        reading.inline.extend((alias, schema) for alias in (pending or [key]))
    else:
        reading.properties = (reading.properties or ()) + parse_properties_table(
            table, diagnostics
        )


def _read_blocks(section: Section, reading: _Reading, diagnostics: Diagnostics) -> None:
    pending: list[str] = []
    title_block: Paragraph | None = None
    expect_example = False
    for block in section.blocks:
        if isinstance(block, Anchor):
            pending.extend(block.names)
            continue
        bold = _bold_title(block)
        if bold is not None and isinstance(block, Paragraph):
            if "example_column" in keys_for(bold):
                expect_example = True
                continue
            if title_block is not None:
                reading.description.append(title_block)
            title_block = block
            continue
        if isinstance(block, Table):
            title = _bold_title(title_block) if title_block is not None else None
            _read_table(block, title, pending, reading, diagnostics)
            pending, title_block = [], None
            continue
        if title_block is not None:
            reading.description.append(title_block)
            title_block = None
        if isinstance(block, Code) and expect_example:
            reading.example = _code_value(block)
            expect_example = False
        elif isinstance(block, Paragraph):
            _read_paragraph(block, reading, diagnostics)
        elif isinstance(block, (ListBlock, Html, Code)):
            reading.description.append(block)
    if title_block is not None:
        reading.description.append(title_block)
    for child in section.children:
        # Sub-headings inside a definition: anchored tables are inline schemas,
        # anything else is more description.
        child_reading = _Reading(definition_key(child))
        _read_blocks(child, child_reading, diagnostics)
        reading.inline.extend(child_reading.inline)
        if child_reading.properties is not None:
            schema = ObjectSchema(child_reading.properties, title=child.title)
            reading.inline.append((child_reading.key, schema))
        reading.description.extend(child_reading.description)


def _schema(reading: _Reading) -> Schema:
    type_schema = reading.type_schema
    if reading.enum_values:
        base = type_schema if isinstance(type_schema, EnumSchema) else EnumSchema(())
        values = tuple(dict.fromkeys((*base.values, *reading.enum_values)))
        return EnumSchema(values, base.type, base.ref)
    if reading.properties is not None:
        return ObjectSchema(reading.properties)
    if type_schema is not None:
        return type_schema
    return AnySchema()


def _index_alias(section: Section, key: str) -> Definition | None:
    """``### [Pet](definitions/Pet.md#pet)`` with nothing below it: an index entry."""
    if section.blocks or section.children:
        return None
    link = find_link(section.raw_title)
    if link is None:
        return None
    file, anchor = split_href(link.href)
    reference = Reference(link.label, link.href, file, anchor, section.location)
    return Definition(key, link.label or section.title, RefSchema(reference), section.location)


def parse_definition(
    section: Section, diagnostics: Diagnostics, page_stem: str | None = None
) -> tuple[Definition, list[tuple[str, ObjectSchema]]]:
    """One definition section → the definition and its anchored inline schemas;
    ``page_stem`` (``SortOrder`` of ``SortOrder.md``) can name a titled definition."""
    key = definition_key(section)
    alias = _index_alias(section, key)
    if alias is not None:
        section.take()
        return alias, []
    reading = _Reading(key)
    _read_blocks(section, reading, diagnostics)
    section.take_all()
    polymorphism = (
        Polymorphism(reading.nature or PolymorphismNature.INHERITANCE, reading.discriminator)
        if reading.nature is not None or reading.discriminator is not None
        else None
    )
    schema = _schema(reading)
    if not section.blocks and not section.children:
        schema = schema_from_name(section.title, section.location, diagnostics)
    name, title = definition_name(section, page_stem, diagnostics)
    definition = Definition(
        key=key,
        name=name or key,
        title=title,
        schema=schema,
        location=section.location,
        description=blocks_markdown(reading.description),
        polymorphism=polymorphism,
        example=reading.example,
    )
    return definition, reading.inline
