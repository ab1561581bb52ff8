"""Annotations in description cells: ``**Label** : `value``` → default, example, constraints.

Swagger2Markup appends a schema's default, example and validation keywords to the
description cell of a parameter or property, one per ``<br>``-separated line::

    The name  <br>**Default** : `"x"`  <br>**Length** : `0 - 255`  <br>**Example** : `"y"`

Labels are looked up in every label language (``**Beispiel** :`` is an example too);
a bold label that is not an annotation (``**Note 1**:``, ``**Headers** :``) stays in the
description. Values are usually code spans holding JSON, where ``<br>`` stands for a
newline and ``\\|`` for a pipe (the table escape); some docs write bare numbers
(``**Max count** : 10``).

>>> parse_doc_value('`{<br>  "a" : 1<br>}`')
DocValue(text='{\\n  "a" : 1\\n}', value={'a': 1}, is_json=True)
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from generator.diagnostics import Diagnostics
from generator.model import Constraints, DocValue, SourceLocation
from generator.parse.inline import br_to_newline, unescape
from generator.parse.labels import keys_for

# Label key → what it sets. Keys are those of labels_*.properties (plus `_EXTRA`).
ANNOTATION_KEYS = (
    "default_column", "example_column", "pattern_column", "length_column",
    "minlength_column", "maxlength_column", "minvalue_column", "minvalue_exclusive_column",
    "maxvalue_column", "maxvalue_exclusive_column", "min_items", "max_items",
)

_BOLD_LABEL = re.compile(r"\*\*([^*<>]{1,120}?)\*\*[ \t]*:[ \t]*")
_BR = re.compile(r"[ \t]*<br\s*/?>[ \t]*", re.I)
_BR_TAG = re.compile(r"<br\s*/?>", re.I)
_LEADING_BR = re.compile(r"(?:[ \t]*<br\s*/?>)?[ \t]*$", re.I)
_CODE_SPAN = re.compile(r"(`+)(.*?)(?<!`)\1(?!`)", re.S)
_LENGTH = re.compile(r"^\s*(\d*)\s*-\s*(\d*)\s*$")


@dataclass(frozen=True)
class Annotated:
    """A description cell read apart: prose plus the annotations Swagger2Markup added."""

    description: str
    default: DocValue | None = None
    example: DocValue | None = None
    constraints: Constraints = field(default_factory=Constraints)


def _code_inner(text: str) -> str | None:
    """The content of ``text`` when it is exactly one code span, else None."""
    m = _CODE_SPAN.fullmatch(text.strip())
    if not m:
        return None
    inner = m.group(2)
    # CommonMark strips one space on each side when both are present.
    if len(inner) >= 2 and inner[0] == " " and inner[-1] == " " and inner.strip():
        inner = inner[1:-1]
    return inner


def parse_doc_value(text: str) -> DocValue:
    """A written literal → `DocValue`: JSON when it reads as JSON, else the text itself.

    A code span keeps its content verbatim except ``\\|`` (a table's escaped pipe);
    bare text has its markdown escapes removed. ``<br>`` means a newline either way.
    """
    inner = _code_inner(text)
    raw = inner.replace("\\|", "|") if inner is not None else unescape(text.strip())
    raw = _BR_TAG.sub("\n", raw) if "<" in raw else raw
    try:
        value = json.loads(raw)
    except (ValueError, RecursionError):
        return DocValue(raw, raw, False)
    return DocValue(raw, value, True)


def _number(value: DocValue) -> int | float | None:
    v = value.value
    if isinstance(v, bool):
        return None
    if isinstance(v, (int, float)):
        return v
    try:
        number = float(value.text.strip().strip('"'))
    except ValueError:
        return None
    return int(number) if number.is_integer() and "." not in value.text else number


def _integer(value: DocValue) -> int | None:
    number = _number(value)
    if isinstance(number, float) and number.is_integer():
        return int(number)
    return number if isinstance(number, int) else None


def _value_end(text: str, start: int) -> int:
    """Where the value that begins at ``start`` ends (exclusive).

    A code-span value ends at its closing backticks (it may hold ``<br>``); a bare
    value ends at the next ``<br>``.
    """
    if text.startswith("`", start):
        m = _CODE_SPAN.match(text, start)
        if m:
            return m.end()
    br = _BR.search(text, start)
    return br.start() if br else len(text)


def _annotation_key(label: str) -> str | None:
    keys = keys_for(label)
    for key in ANNOTATION_KEYS:
        if key in keys:
            return key
    return None


_REGEX_LIKE = re.compile(r'^`?"?\^|\$"?`?$')


def _default_or_pattern(value: str, default_seen: bool) -> str:
    """Brazilian Portuguese labels both Default and Pattern ``Padrão``. Swagger2Markup
    prints the default first; a lone one is the pattern when its value is anchored
    like a regular expression (``"^[a-z]+$"``)."""
    if default_seen or _REGEX_LIKE.search(value.strip()):
        return "pattern_column"
    return "default_column"


def parse_description_cell(
    text: str, location: SourceLocation, diagnostics: Diagnostics
) -> Annotated:
    """Split a description cell into prose and annotations; never raises.

    A ``\\|`` is the table's escaped pipe, also inside a code span (GFM): out of the
    table it is a plain ``|``."""
    text = text.replace("\\|", "|")
    if "**" not in text:
        return Annotated(br_to_newline(text))
    found: dict[str, DocValue] = {}
    labels: dict[str, str] = {}
    kept: list[str] = []
    pos = 0
    for m in _BOLD_LABEL.finditer(text):
        if m.start() < pos:
            continue
        key = _annotation_key(m.group(1))
        if key is None:
            continue
        end = _value_end(text, m.end())
        if key == "default_column" and "pattern_column" in keys_for(m.group(1)):
            key = _default_or_pattern(text[m.end() : end], "default_column" in found)
        before = text[pos : m.start()]
        kept.append(_LEADING_BR.sub("", before, count=1) if before.strip() else before)
        found.setdefault(key, parse_doc_value(text[m.end() : end]))
        labels.setdefault(key, m.group(1).strip())
        pos = end
    kept.append(text[pos:])
    description = br_to_newline("".join(kept))
    constraints = _constraints(found, labels, location, diagnostics)
    return Annotated(
        description, found.get("default_column"), found.get("example_column"), constraints
    )


def _constraints(
    found: dict[str, DocValue],
    labels: dict[str, str],
    location: SourceLocation,
    diagnostics: Diagnostics,
) -> Constraints:
    values: dict[str, object] = {}

    def bad(key: str, value: DocValue) -> None:
        diagnostics.warning(
            "bad-annotation",
            f"{labels[key]} {value.text!r} is not a number; ignored",
            location,
        )

    for key, value in found.items():
        if key == "pattern_column":
            values["pattern"] = value.value if isinstance(value.value, str) else value.text
        elif key == "length_column":
            m = _LENGTH.match(value.text.strip('"'))
            single = _integer(value)
            if m:
                if m.group(1):
                    values["min_length"] = int(m.group(1))
                if m.group(2):
                    values["max_length"] = int(m.group(2))
            elif single is not None:
                values["min_length"] = values["max_length"] = single
            else:
                bad(key, value)
        elif key in _INTEGER_FIELDS:
            number = _integer(value)
            if number is None:
                bad(key, value)
            else:
                values[_INTEGER_FIELDS[key]] = number
        elif key in _BOUND_FIELDS:
            bound = _number(value)
            name, exclusive = _BOUND_FIELDS[key]
            if bound is None:
                bad(key, value)
                continue
            values[name] = bound
            if exclusive:
                values[f"exclusive_{name}"] = True
    return Constraints(**values)  # type: ignore[arg-type]


_INTEGER_FIELDS = {
    "minlength_column": "min_length",
    "maxlength_column": "max_length",
    "min_items": "min_items",
    "max_items": "max_items",
}
_BOUND_FIELDS = {
    "minvalue_column": ("minimum", False),
    "minvalue_exclusive_column": ("minimum", True),
    "maxvalue_column": ("maximum", False),
    "maxvalue_exclusive_column": ("maximum", True),
}
