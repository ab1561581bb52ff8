"""The ``Body parameter`` section → one body `Parameter`.

Two forms::

    Pet object to add            *Name* : body
    *Name* : body                *Flags* : required
    *Flags* : optional           |Name|Description|Schema|     (inline schema table)
    *Type* : [Pet](#pet)         |**id**  <br>*optional*||integer|

Lines are ``*Label* : value`` with labels in any language (``name_column``,
``flags.column``, ``type_column``/``schema_column``). A table after ``*Type* : object``
(hand-edited pages keep the line Swagger2Markup leaves out) holds that object's
properties.
"""

from __future__ import annotations

import re

from generator.diagnostics import Diagnostics
from generator.model import AnySchema, ObjectSchema, Parameter, ParameterIn, Schema
from generator.parse.blocks import Paragraph, Table
from generator.parse.definitions import parse_properties_table
from generator.parse.inline import plain, strip_emphasis
from generator.parse.labels import is_label, keys_for
from generator.parse.schema_cell import parse_schema_cell
from generator.parse.sections import Section
from generator.parse.text import block_markdown

_FIELD = re.compile(r"^\s*[*_]{1,2}([^*_:]+?)[*_]{1,2}\s*:\s*(.*?)\s*$")


def field_lines(paragraph: Paragraph) -> tuple[list[tuple[str, str]], list[str]]:
    """``*Label* : value`` lines as (label, value), and the other lines as prose."""
    fields: list[tuple[str, str]] = []
    prose: list[str] = []
    for line in paragraph.text.split("\n"):
        m = _FIELD.match(line)
        if m and keys_for(m.group(1)):
            fields.append((m.group(1).strip(), m.group(2).rstrip()))
        else:
            prose.append(line)
    return fields, prose


def parse_body_section(section: Section, diagnostics: Diagnostics) -> Parameter:
    name = "body"
    required = False
    schema: Schema | None = None
    description: list[str] = []
    for block in section.blocks:
        if isinstance(block, Paragraph):
            fields, prose = field_lines(block)
            for label, value in fields:
                if is_label(label, "name_column", "security_name"):
                    name = plain(value) or name
                elif is_label(label, "flags.column"):
                    required = any(is_label(plain(f), "flags.required")
                                   for f in re.split(r"[,\s]+", strip_emphasis(value)) if f)
                elif is_label(label, "type_column", "schema_column"):
                    schema = parse_schema_cell(value, block.location, diagnostics)
            if prose and any(p.strip() for p in prose):
                description.append(block_markdown(Paragraph("\n".join(prose), block.location)))
            section.take(block)
        elif isinstance(block, Table) and (schema is None or isinstance(schema, AnySchema)):
            # The properties of the body's inline object (``*Type* : object`` or none).
            schema = ObjectSchema(parse_properties_table(block, diagnostics))
            section.take(block)
    return Parameter(
        name=name,
        place=ParameterIn.BODY,
        schema=schema if schema is not None else AnySchema(),
        location=section.location,
        description="\n\n".join(d for d in description if d),
        required=required,
    )

