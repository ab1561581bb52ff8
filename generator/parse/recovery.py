"""The parser's recoveries: named ways of reading docs that bend Swagger2Markup's format.

Each recovery reads one real-world class of variation into the full model (rows split
over blank lines, operations under unexpected headings, machine-translated structure
words...). Every recovery comes with the detection that makes the same content
*reported* when the recovery is switched off, so a page is never silently lost either
way; tests switch a recovery off to show the warning a user would otherwise get.

All recoveries are on by default. `parse_page` switches some off for the length of one
page through a context variable, so deep helpers (the schema-cell reader, the label
index) consult it without every signature carrying a flag.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

RECOVERIES: dict[str, str] = {
    "split-rows": "a table row whose cells go on after blank lines is rejoined by column count",
    "operations-anywhere": "a heading followed by a METHOD /path block is an operation anywhere",
    "translations": "machine-translated structure words, and roles inferred for unknown ones",
    "title-names": "a definition headed by its title is named by the key its anchor gives",
    "markup-variants": "the same marks spelled other ways (_required_, \\(int32\\), &lt;, HTML)",
    "description-headings": "headings inside an operation's description stay in the description",
    "unlabelled-sections": "the overview, definitions and schemes told by their content when "
    "their page heading is missing or unknown",
    "handwritten-columns": "hand-written tables' columns: In for the location, Type for the "
    "schema (|Name|In|Type|Required|Description|)",
    "handwritten-types": "types as READMEs and other generators spell them: string[], "
    "array[string], [string], Array<Pet>, map[string]Pet, `string`, int64, uuid",
}

_OFF: ContextVar[frozenset[str]] = ContextVar("md2sdk_recoveries_off", default=frozenset())


def enabled(name: str) -> bool:
    """Is recovery ``name`` on for the page being parsed?"""
    return name not in _OFF.get()


@contextmanager
def switched_off(names: Iterable[str]) -> Iterator[None]:
    """Parse with the recoveries ``names`` off (tests; unknown names are an error)."""
    off = frozenset(names)
    unknown = off - RECOVERIES.keys()
    if unknown:
        raise ValueError(f"unknown recoveries: {sorted(unknown)}")
    token = _OFF.set(_OFF.get() | off)
    try:
        yield
    finally:
        _OFF.reset(token)
