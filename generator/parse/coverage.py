"""How much of a page made it into the model: lines read, reported, carrying nothing,
and unaccounted (``md2sdk parse --coverage``, and the accounting test over the corpus).

The parse's `Ledger` says which lines a parser took. This module does not take its word
for it: a line counts as read only when its words are in the page's model — every word
of the line (markup, label words and schema-grammar words aside) must occur in some
string of the `Page`. A line that fails the check, or that nothing read or reported, is
*unaccounted*: content that was lost without a word, which must never happen.

Lines a dropping diagnostic names (a skipped row, a dropped operation) count as reported,
and so does a line whose words the model lacks when a diagnostic names the line (an
unknown word read as assumed, a value that could not be read).
This is a second, slower reading of the page, run on demand, never in a normal parse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, is_dataclass
from enum import Enum
from functools import cache
from http import HTTPStatus

from generator.diagnostics import Diagnostics
from generator.model import Page
from generator.parse import read_page
from generator.parse.inline import heading_attributes, plain, without_section_number
from generator.parse.labels import all_label_words
from generator.parse.ledger import NOTHING, PENDING, READ, REPORTED
from generator.parse.pipe_tables import split_cells
from generator.parse.response_lists import LEADING_STATUS, reason_words
from generator.parse.responses import SPELLED_STATUS

# Codes whose diagnostic drops the line it names from the model.
DROPPING = frozenset(
    {"bad-row", "unknown-parameter-in", "bad-operation", "ignored-content", "stray-table-row",
     "broken-row", "bad-annotation"}
)
# Codes located at a table's header that drop a column of every row below it.
_TABLE_WIDE = frozenset({"unknown-column"})
_TAG = re.compile(r"<[^<>]*>")
_LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
# A code fence's line: its info string (``json``, pandoc's ``{.literal}``) says how to
# show the block, never what the API is.
_FENCE = re.compile(r"^\s{0,3}(?:`{3,}|~{3,})")
_WORD = re.compile(r"\w+")
# Words of the page format itself: markup, HTML, Swagger2Markup's schema grammar and
# annotations, which are structure, not content (their meaning is in the model's shape).
_FORMAT_WORDS = frozenset(
    {
        "a", "br", "name", "id", "href", "http", "https", "md", "json", "xml", "html", "table",
        "thead", "tbody", "tr", "th", "td", "p", "em", "strong", "code", "div", "span",
        "class", "pre", "b", "i", "u", "sup", "sub", "ul", "ol", "li", "pathparameter",
        "queryparameter", "headerparameter", "bodyparameter", "formdataparameter",
        "formparameter", "formdata", "array", "map", "enum", "object", "file", "multi", "csv",
        "ssv", "tsv", "pipes", "int", "long", "float", "double", "bool", "string", "integer",
        "number", "boolean", "any", "empty", "null", "true", "false", "x", "get", "put",
        "post", "delete", "options", "head", "patch", "trace", "yes", "no", "list", "dict",
        "str", "set", "sequence", "record", "datetime", "url",
    }
)


@dataclass(frozen=True)
class PageCoverage:
    """One page's lines (non-blank) by fate; ``unaccounted`` lists their numbers."""

    path: str
    lines: int
    read: int
    reported: int
    nothing: int
    unaccounted: tuple[int, ...]


@cache
def _structure_words() -> frozenset[str]:
    return _FORMAT_WORDS | all_label_words()


def _reason_words(line: str) -> list[str]:
    """The words of a standard reason phrase after a row's status (``|**200 OK**|``):
    the status code's name, which the model holds as the code."""
    if not line.lstrip().startswith("|"):  # ``- `200 OK`: ...`` (response_lists)
        listed = LEADING_STATUS.match(_LIST_MARKER.sub("", line))
        if listed and reason_words(listed.group(2), listed.group(3)):
            return _words(listed.group(3))
        return []
    first = plain(split_cells(line)[0])
    m = SPELLED_STATUS.match(first)
    if m is None or not m.group(2) or not m.group(1).isdigit():
        return []
    try:
        phrase = HTTPStatus(int(m.group(1))).phrase
    except ValueError:
        return []
    return _words(phrase) if _words(phrase) == _words(m.group(2)) else []


def _words(text: str) -> list[str]:
    return [w.strip("_") for w in _WORD.findall(text.casefold())]


def _strings(value: object, out: set[str]) -> None:
    if isinstance(value, str):
        out.update(_words(value))
        if "\\" in value or "&" in value or "<" in value or "`" in value:
            out.update(_words(plain(_TAG.sub(" ", value))))
    elif isinstance(value, Enum):
        out.update(_words(str(value.value)))
    elif isinstance(value, bool):
        out.add("true" if value else "false")
    elif isinstance(value, (int, float)):
        out.update(_WORD.findall(repr(value)))
    elif isinstance(value, (tuple, list)):
        for item in value:
            _strings(item, out)
    elif isinstance(value, dict):
        for key, item in value.items():
            _strings(key, out)
            _strings(item, out)
    elif is_dataclass(value) and not isinstance(value, type):
        for f in fields(value):
            _strings(getattr(value, f.name), out)


def vocabulary(page: Page) -> frozenset[str]:
    """Every word any string of the page's model holds (case-folded)."""
    out: set[str] = set()
    _strings(page, out)
    return frozenset(out)


def missing_words(line: str, words: frozenset[str]) -> list[str]:
    """The words of ``line`` that are content and that the model does not hold."""
    if _FENCE.match(line):
        return []
    if line.endswith("}"):
        line = heading_attributes(line)[0]  # ``### Trip {#_trip .unnumbered}``
    if line.startswith("#"):  # ``### 3.1. Pet``: the section number is no content
        hashes = len(line) - len(line.lstrip("#"))
        line = line[:hashes] + " " + without_section_number(line[hashes:])
    structure = _structure_words() | frozenset(_reason_words(line))
    found = _words(plain(_TAG.sub(" ", _LIST_MARKER.sub("", line))))
    return [w for w in found if w and w not in words and w not in structure]


def account_page(path: str, text: str) -> tuple[PageCoverage, Diagnostics]:
    """Parse ``path`` again with its accounting and check every line it says it read."""
    diagnostics = Diagnostics()
    page, ledger = read_page(path, text, diagnostics)
    status = ledger.status
    for diagnostic in diagnostics:
        line = diagnostic.location.line
        if diagnostic.location.path != path or not 0 < line < len(status):
            continue
        if diagnostic.code in DROPPING:
            ledger.reported(line, line)
        elif diagnostic.code in _TABLE_WIDE and line in ledger.tables:
            ledger.reported(line, ledger.tables[line])
    named = {d.location.line for d in diagnostics if d.location.path == path}
    words = vocabulary(page)
    unaccounted: list[int] = []
    read = 0
    for number, code in enumerate(status):
        if code == PENDING:
            unaccounted.append(number)
        elif code == READ:
            if not missing_words(ledger.lines[number - 1], words):
                read += 1
            elif number in named:  # an assumption or a skipped value, said at the line
                status[number] = REPORTED
            else:
                unaccounted.append(number)
    coverage = PageCoverage(
        path=path,
        lines=sum(1 for code in status if code),
        read=read,
        reported=status.count(REPORTED),
        nothing=status.count(NOTHING),
        unaccounted=tuple(unaccounted),
    )
    return coverage, diagnostics
