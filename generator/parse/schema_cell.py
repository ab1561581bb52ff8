"""The schema-cell language: the text of a ``Schema`` column → a model `Schema`.

Grammar (Swagger2Markup 0.x and 1.x, with what real docs add)::

    schema    := array | map | enum | ref | primitive | 'file' | 'object'
    array     := '<' schema '>' WORD ['(' collfmt ')']   WORD: 'array' or a translation
    map       := '<' schema ',' schema '>' WORD
    enum      := 'enum' '(' values ')'  |  'enum' '(' ref ')'
    ref       := '[' Name '](' href ')'  |  '**' ref '**'  |  Name («...» generics)
    primitive := TYPE ['(' FORMAT ')']   FORMAT is free text: 'int64', 'Bearer [token]'
    legacy    := 'multi string array'  (0.x: collection format, item type, 'array')

>>> parse_schema_cell("< string, [batch](../definitions/batch.md#batch) > map", LOC)
MapSchema(values=RefSchema(...))

A cell that matches nothing is read as a reference by name when it looks like a type
name, else as a free-form `AnySchema` with a ``bad-schema`` warning; this function
never raises.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from generator.diagnostics import Diagnostics
from generator.model import (
    AnySchema,
    ArraySchema,
    EnumSchema,
    FileSchema,
    MapSchema,
    PrimitiveSchema,
    Reference,
    RefSchema,
    Schema,
    SourceLocation,
)
from generator.parse.handwritten_types import handwritten_type
from generator.parse.inline import find_link, strip_emphasis, unescape
from generator.parse.labels import is_label, word_key
from generator.parse.recovery import enabled
from generator.parse.refs import split_href

COLLECTION_FORMATS = frozenset({"multi", "csv", "ssv", "tsv", "pipes"})
_PRIMITIVE = re.compile(
    r"^(string|integer|number|boolean|int|long|float|double|bool)\s*(?:\((.*)\))?$", re.I
)
_ALIASES = {
    "int": ("integer", "int32"),
    "long": ("integer", "int64"),
    "float": ("number", "float"),
    "double": ("number", "double"),
    "bool": ("boolean", None),
}
_LEGACY_ARRAY = re.compile(r"^(multi|csv|ssv|tsv|pipes)\s+(\S+)\s+array$", re.I)
# ``Tableau < chaîne >``: machine translation puts the container word first.
_WORD_FIRST = re.compile(
    r"^([^\s<>\[\]()`|]+(?:[ \t][^\s<>\[\]()`|]+)?)\s*(<\s.*>)\s*(\([^()]*\))?$"
)
_TRANSLATED = re.compile(r"^([^()<>\[\]`|]+?)\s*(?:\((.*)\))?$")
_WORD_SCHEMAS = {
    "schema.string": "string", "schema.integer": "integer", "schema.number": "number",
    "schema.boolean": "boolean",
}
# A bare name is a reference by name (0.x docs print definition names without links,
# some of them whole sentences); text with unbalanced brackets is malformed instead.
_TYPE_NAME = re.compile(r"^[^<>()\[\]`|]{1,300}$|^[\w.$«»<>\-\[\]]{1,300}$", re.U)


class _Reader:
    """A cursor over one cell's text; recursive descent over the grammar above."""

    def __init__(self, text: str, location: SourceLocation, diagnostics: Diagnostics) -> None:
        self.text = text
        self.location = location
        self.diagnostics = diagnostics

    def parse(self, text: str, depth: int = 0) -> Schema:
        text = text.strip()
        if depth > 32:
            return self._bad(text)
        if text.startswith("**") and text.endswith("**") and len(text) > 4:
            text = strip_emphasis(text)
        if not text:
            return self._bad(text)
        if text.startswith("<"):
            return self._container(text, depth)
        if enabled("translations") and (word_first := _WORD_FIRST.match(text)):
            return self._container(f"{word_first.group(2)} {word_first.group(1)} "
                                   f"{word_first.group(3) or ''}", depth)
        low = text.lower()
        if low.startswith("enum"):
            return self._enum(text[4:].strip(), depth)
        if text.startswith("[") and (link := find_link(text)) and text.endswith(")"):
            return RefSchema(self._reference(link.label, link.href))
        m = _PRIMITIVE.match(text)
        if m:
            base = m.group(1).lower()
            fmt = m.group(2).strip() if m.group(2) is not None else None
            if base in _ALIASES:
                base, alias_fmt = _ALIASES[base]
                fmt = fmt or alias_fmt
            return PrimitiveSchema(base, unescape(fmt) if fmt else None)
        if low == "file":
            return FileSchema()
        if low in ("object", "any", "(empty)", "empty", "json"):
            return AnySchema()
        translated = self._translated(text)
        if translated is not None:
            return translated
        legacy = _LEGACY_ARRAY.match(text)
        if legacy:
            return ArraySchema(self.parse(legacy.group(2), depth + 1), legacy.group(1).lower())
        if low.endswith(" array") and not text.startswith("<"):
            return ArraySchema(self.parse(text[: -len(" array")], depth + 1))
        if enabled("handwritten-types") and (
            written := handwritten_type(text, lambda inner: self.parse(inner, depth + 1))
        ):
            return written
        name = unescape(text)
        if _TYPE_NAME.match(name) and not is_label(name, "no_content"):
            return RefSchema(self._reference(name, ""))
        return self._bad(text)

    def _container(self, text: str, depth: int) -> Schema:
        close = _matching_close(text)
        if close < 0:
            return self._bad(text)
        inner = text[1:close].strip()
        rest = text[close + 1 :].strip()
        word, fmt = rest, None
        m = re.match(r"^(\S*?)\s*\(([^()]*)\)\s*$", rest)
        if m:
            word, fmt = m.group(1), m.group(2).strip().lower()
        parts = _split_top_level_comma(inner)
        kind = word_key(word, "schema.") if word else "schema.array"
        if len(parts) == 2 or kind == "schema.map":
            values = parts[-1]
            return MapSchema(self.parse(values, depth + 1))
        if kind != "schema.array" and enabled("translations"):
            self.diagnostics.warning(
                "assumed-schema",
                f"schema word {word!r} in {self.text!r} is not one md2sdk knows; read as "
                "an array (the form of '< X > array')",
                self.location,
            )
        coll = fmt if fmt in COLLECTION_FORMATS else None
        return ArraySchema(self.parse(inner, depth + 1), coll)

    def _translated(self, text: str) -> Schema | None:
        """``entier (int64)``, ``cadena``, ``objet``: a primitive named in translation."""
        m = _TRANSLATED.match(text)
        if m is None:
            return None
        kind = word_key(m.group(1), "schema.")
        fmt = m.group(2).strip() if m.group(2) else None
        if kind in _WORD_SCHEMAS:
            return PrimitiveSchema(_WORD_SCHEMAS[kind], unescape(fmt) if fmt else None)
        if kind == "schema.object":
            return AnySchema()
        if kind == "schema.file":
            return FileSchema()
        return None

    def _enum(self, rest: str, depth: int) -> Schema:
        if rest.startswith("(") and rest.endswith(")"):
            body = rest[1:-1]
        elif rest.startswith("("):
            body = rest[1:]
        else:
            body = rest
        link = find_link(body)
        if link and body.strip().startswith("["):
            return EnumSchema((), ref=self._reference(link.label, link.href))
        values = tuple(_dedupe(unescape(v.strip()) for v in _split_enum(body)))
        return EnumSchema(values)

    def _reference(self, name: str, href: str) -> Reference:
        file, anchor = split_href(href) if href else (None, name)
        return Reference(unescape(name), href, file, anchor, self.location)

    def _bad(self, text: str) -> Schema:
        self.diagnostics.warning(
            "bad-schema", f"cannot read schema {self.text!r}; treated as free-form", self.location
        )
        return AnySchema(None)


def _matching_close(text: str) -> int:
    depth = 0
    in_link = 0
    for i, ch in enumerate(text):
        if ch in "[(":
            in_link += 1
        elif ch in "])":
            in_link = max(0, in_link - 1)
        elif in_link:
            continue
        elif ch == "<":
            depth += 1
        elif ch == ">":
            depth -= 1
            if depth == 0:
                return i
    return -1


def _split_top_level_comma(text: str) -> list[str]:
    parts: list[str] = []
    depth = 0
    start = 0
    for i, ch in enumerate(text):
        if ch in "<([":
            depth += 1
        elif ch in ">)]":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return [p.strip() for p in parts]


def _split_enum(body: str) -> list[str]:
    if not body.strip():
        return []
    return body.split(",")


def _dedupe(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))


_ESCAPED = re.compile(r"\\([()<>])")


def _respelled(text: str) -> str:
    """The cell as Swagger2Markup spells it: ``\\(int32\\)``, ``\\<`` and ``&lt; X &gt;``
    are how converters escape ``(int32)`` and ``< X >`` (``markup-variants``)."""
    if "\\" in text:
        text = _ESCAPED.sub(r"\1", text)
    if "&" in text:
        text = html.unescape(text)
    return text


def parse_schema_cell(
    text: str, location: SourceLocation, diagnostics: Diagnostics
) -> Schema | None:
    """Read one Schema cell; ``None`` means "No Content" (in any label language)."""
    if enabled("markup-variants"):
        text = _respelled(text)
    stripped = text.strip()
    if not stripped or is_label(strip_emphasis(stripped), "no_content"):
        return None
    return _Reader(stripped, location, diagnostics).parse(stripped)
