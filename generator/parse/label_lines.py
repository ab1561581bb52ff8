"""``*Label* : value`` lines, the key/value form of security, overview and definition pages.

Swagger2Markup writes one labelled line per field, emphasised, with two trailing spaces
as a hard break::

    *Type* : apiKey
    *Name* : api_key

Hand-edited pages drop the emphasis (``Version: 1``), use bold, or put the colon
inside it (``**Version:** 1``); all are accepted when the label is a known one.
Values are returned raw (trailing spaces cut, markdown escapes undone) because some
are not markdown at all: a placeholder host such as ``<MGMT-IP>`` would vanish if it
were read as an HTML tag.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.model import SourceLocation
from generator.parse.blocks import Paragraph
from generator.parse.inline import unescape
from generator.parse.labels import keys_for

# ``*Label* : value``, or with the colon inside the emphasis: ``**Label:** value``.
_EMPHASISED = re.compile(r"^\s*(\*\*|__|\*|_)([^*_]{1,60}?)\s*(:)?\1\s*(?(3)|:)\s?(.*?)\s*$")
_BARE = re.compile(r"^\s*([^\W\d][\w .()/-]{0,40}?)\s*:\s(.*?)\s*$")


@dataclass(frozen=True)
class LabelLine:
    keys: frozenset[str]
    label: str
    value: str
    location: SourceLocation


def read_label_line(line: str, location: SourceLocation) -> LabelLine | None:
    """One line → its label keys and raw value, or None when it is not a known label."""
    m = _EMPHASISED.match(line)
    label, value = (m.group(2), m.group(4)) if m else (None, "")
    if label is None:
        bare = _BARE.match(line)
        if not bare:
            return None
        label, value = bare.group(1), bare.group(2)
    keys = keys_for(label)
    if not keys:
        return None
    return LabelLine(keys, label.strip(), unescape(value.strip()), location)


def split_label_lines(
    block: Paragraph, wanted: frozenset[str]
) -> tuple[list[LabelLine], list[str]]:
    """A paragraph's label lines whose keys the caller wants, and its other lines
    (kept as description: ``Note: ...`` in prose is not a field)."""
    found: list[LabelLine] = []
    other: list[str] = []
    for line, location in block.lines():
        label = read_label_line(line, location)
        if label is None or not (label.keys & wanted):
            other.append(line)
        else:
            found.append(label)
    return found, other
