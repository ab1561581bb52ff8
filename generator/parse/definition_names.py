"""How a definition is named: from its heading, or, when the heading is a title, from
the key its anchor, its file and the links to it agree on; and the schema a generic
name (``Map«string,Pet»``) spells when a definition has nothing but its heading.

Swagger2Markup prints a definition's ``title`` as its heading when it has one, so the
heading can be a sentence (``Order in which results come back``) while the anchor
(``sortorder``), the file (``SortOrder.md``) and every link (``[SortOrder](...)``) name
it ``SortOrder``. A heading is a title when the anchor does not derive from it (an md5
anchor, Swagger2Markup's form for non-ASCII names, always derives from the name). With
the ``title-names`` recovery, such a definition is named after the file stem when that
agrees with the anchor, else after the anchor as written (the resolver then prefers a
link label that agrees with it), and keeps the heading as its ``title``.
"""

from __future__ import annotations

import re

from generator.diagnostics import Diagnostics
from generator.model import AnySchema, ArraySchema, MapSchema, Schema, SourceLocation
from generator.parse.inline import find_link
from generator.parse.recovery import enabled
from generator.parse.refs import anchor_key
from generator.parse.schema_cell import parse_schema_cell
from generator.parse.sections import Section

_MD5 = re.compile(r"^[0-9a-f]{32}$")


def definition_name(
    section: Section, page_stem: str | None, diagnostics: Diagnostics
) -> tuple[str, str]:
    """(name, title) of a definition section; title is "" when the heading is the name."""
    heading = section.title
    if not section.anchors or not heading or find_link(section.raw_title) is not None:
        return heading, ""
    anchor = section.anchors[-1]
    if _MD5.match(anchor) or anchor_key(heading) == anchor_key(anchor):
        return heading, ""
    if not enabled("title-names"):
        diagnostics.warning(
            "title-heading",
            f"definition heading {heading!r} is a title, not the name its anchor "
            f"{anchor!r} gives; the schema is named after the heading",
            section.location,
        )
        return heading, ""
    if page_stem and anchor_key(page_stem) == anchor_key(anchor):
        return page_stem, heading
    return anchor, heading


_GENERIC = re.compile(r"^(Map|List|Array|Set|Collection)«(.*)»$", re.I)


def schema_from_name(name: str, location: SourceLocation, diagnostics: Diagnostics) -> Schema:
    """``Map«string,Pet»`` → a map of Pet, ``List«Pet»`` → an array: the schema a generic
    name spells (Springfox names maps and lists so); any other name → a free-form object."""
    m = _GENERIC.match(name.strip())
    if m is None:
        return AnySchema()
    return _generic_part(name.strip(), location, diagnostics)


def _generic_part(text: str, location: SourceLocation, diagnostics: Diagnostics) -> Schema:
    m = _GENERIC.match(text)
    if m is None:
        return parse_schema_cell(text, location, diagnostics) or AnySchema()
    inner = m.group(2)
    if m.group(1).casefold() != "map":
        return ArraySchema(_generic_part(inner.strip(), location, diagnostics))
    depth = 0
    for i, ch in enumerate(inner):
        depth += (ch == "«") - (ch == "»")
        if ch == "," and depth == 0:
            inner = inner[i + 1 :]
            break
    return MapSchema(_generic_part(inner.strip(), location, diagnostics))
