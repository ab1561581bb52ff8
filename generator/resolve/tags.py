"""Tags: one spelling per tag, and every description the docs give it.

A tag can be spelled three ways in one API: the overview lists ``pet : Pet resource``,
a paths page grouped by tag heads the group ``### Pet`` (Swagger2Markup capitalises
each word of the tag in the heading; its anchor, ``pet_resource``, is lower-cased), and
an operation's own ``Tags`` list says ``pet``. They are one tag: names that differ only
in case take the overview's spelling (else the first one met), so operations are
grouped under the tag the overview describes, and no tag is listed twice.

The text under a tag heading describes the tag too. Swagger2Markup prints the same text
in both places; when hand-edited docs say different things, both are kept. Docs with no
overview page (a tag-grouped ``paths.md`` alone) get an untitled, inferred overview to
hold those descriptions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from generator.model import Operation, Overview, Page, SourceLocation, Tag


class TagNames:
    """Case-insensitive tag spellings → the one kept (the overview's, else the first)."""

    def __init__(self, overview: Overview | None) -> None:
        self.names: dict[str, str] = {}
        for tag in overview.tags if overview is not None else ():
            self.names.setdefault(tag.name.casefold(), tag.name)

    def name(self, name: str) -> str:
        return self.names.setdefault(name.casefold(), name)

    def operation(self, operation: Operation) -> Operation:
        tags = tuple(dict.fromkeys(self.name(tag) for tag in operation.tags))
        return operation if tags == operation.tags else replace(operation, tags=tags)


def _joined(known: str, said: str) -> str:
    """Both descriptions, unless one already says the other."""
    if not known or said in known:
        return known or said
    if known in said:
        return said
    return f"{known}\n\n{said}"


def with_page_tags(
    overview: Overview | None, pages: Sequence[Page], names: TagNames
) -> Overview | None:
    """The overview with the descriptions paths pages print under tag headings."""
    found = [tag for page in pages for tag in page.tags]
    if not found:
        return overview
    if overview is None:  # a paths page grouped by tag, no overview page: keep the text
        first = next(page for page in pages if page.tags)
        overview = Overview("", SourceLocation(first.path, 1, 1), inferred=True)
    tags = {tag.name: tag for tag in overview.tags}
    for tag in found:
        name = names.name(tag.name)
        known = tags.get(name)
        description = _joined(known.description, tag.description) if known else tag.description
        tags[name] = Tag(name, description)
    return replace(overview, tags=tuple(tags.values()))
