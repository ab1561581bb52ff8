"""The overview section → `Overview`.

::

    ## Overview
    This is a sample server Petstore server.       → description (markdown)

    ### Version information
    *Version* : 1.0.0
    ### Contact information
    *Contact* : apiteam@swagger.io
    ### License information
    *License* : Apache 2.0
    *License URL* : http://www.apache.org/licenses/LICENSE-2.0.html
    *Terms of service* : http://helloreverb.com/terms/
    ### URI scheme
    *Host* : petstore.swagger.io
    *BasePath* : /v2
    *Schemes* : HTTP, HTTPS                        → ("http", "https")
    ### Tags
    * pet : Pet resource
    ### Consumes / ### Produces
    * `application/json`
    ### External Docs
    *Description* : Find out more
    *URL* : http://swagger.io

Sub-sections whose titles are not these labels (``## Authentication``) are part of the
description, headings included. The title is the section's own; the page dispatcher
replaces it with the page's ``#`` heading when the section is just "Overview".
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import replace
from urllib.parse import urlsplit

from generator.diagnostics import Diagnostics
from generator.model import ExternalDocs, Overview, Tag
from generator.parse.blocks import Anchor, Block, Heading, ListBlock, Paragraph, Rule
from generator.parse.inline import plain, unescape
from generator.parse.label_lines import LabelLine, split_label_lines
from generator.parse.operation import holds_operation
from generator.parse.recovery import enabled
from generator.parse.sections import Section, is_contents
from generator.parse.text import blocks_markdown

_FIELDS = {
    "version": "version",
    "contact_name": "contact_name",
    "contact_email": "contact_email",
    "contact_url": "contact_url",
    "license": "license_name",
    "license_url": "license_url",
    "terms_of_service": "terms_of_service",
    "host": "host",
    "base_path": "base_path",
}
_SCHEMES = frozenset({"schemes"})
_BASE_URL = frozenset({"base_url"})
_DOCS = frozenset({"external_docs_desc", "external_docs_url"})
_FIELD_KEYS = frozenset(_FIELDS) | _SCHEMES | _BASE_URL
_SECTION_KEYS = frozenset(
    {"current_version", "contact_information", "license_information", "uri_scheme",
     "tags", "consumes", "produces", "external_docs"}
)
# Index sections that list links to operations; they carry nothing for the model.
_INDEX_KEYS = frozenset({"operations", "paths", "resources"})
_TAG_ITEM = re.compile(r"^(.*?)\s+:\s*(.*)$", re.S)


def _tags(items: tuple[str, ...]) -> list[Tag]:
    tags: list[Tag] = []
    for item in items:
        m = _TAG_ITEM.match(item)
        name, description = (m.group(1), m.group(2)) if m else (item, "")
        name = plain(name)
        if name:
            tags.append(Tag(name, unescape(description.strip())))
    return tags


def _media_types(section: Section) -> tuple[str, ...]:
    found: list[str] = []
    for block in section.blocks:
        if isinstance(block, ListBlock):
            found.extend(plain(item) for item in block.items if plain(item))
        elif isinstance(block, Paragraph):
            found.extend(p for line in block.text.split("\n") if (p := plain(line.strip("*- "))))
        else:
            continue
        section.take(block)
    return tuple(dict.fromkeys(found))


class _Reader:
    """Collects fields from the overview section and its labelled sub-sections."""

    def __init__(self) -> None:
        self.fields: dict[str, str] = {}
        self.schemes: tuple[str, ...] = ()
        self.docs: dict[str, str] = {}
        self.description: list[Block] = []
        self.tags: list[Tag] = []
        self.consumes: tuple[str, ...] = ()
        self.produces: tuple[str, ...] = ()

    def line(self, line: LabelLine, in_docs: bool) -> bool:
        """Read one field line; False when its value is not one (kept as text)."""
        if in_docs and line.keys & _DOCS:
            key = "url" if "external_docs_url" in line.keys else "description"
            self.docs.setdefault(key, line.value)
            return True
        if line.keys & _BASE_URL:
            return self.base_url(line.value)
        if line.keys & _SCHEMES:
            parts = (p.strip().casefold() for p in line.value.split(","))
            self.schemes = tuple(p for p in parts if p)
            return True
        for key in sorted(line.keys & frozenset(_FIELDS)):
            self.fields.setdefault(_FIELDS[key], line.value)
        return True

    def base_url(self, value: str) -> bool:
        """``Base URL: https://ledger.example.com/v1`` → its scheme, host and base path
        (those given on their own lines win); False when it is no absolute URL."""
        url = urlsplit(value.strip().strip("`<>").strip())
        if url.scheme not in ("http", "https") or not url.netloc:
            return False
        self.fields.setdefault("host", url.netloc)
        if url.path.rstrip("/"):
            self.fields.setdefault("base_path", url.path.rstrip("/"))
        self.schemes = self.schemes or (url.scheme,)
        return True

    def paragraphs(self, section: Section, in_docs: bool, keep_other: bool) -> None:
        wanted = _FIELD_KEYS | (_DOCS if in_docs else frozenset())
        for block in section.blocks:
            if isinstance(block, Paragraph):
                lines, other = split_label_lines(block, wanted)
                for line in lines:
                    if self.line(line, in_docs):
                        section.take_line(line.location.line)
                    else:
                        other.append(f"{line.label}: {line.value}")
                text = "\n".join(other).strip()
                if text and keep_other:
                    self.description.append(Paragraph(text, block.location))
                    section.take(block)
            elif keep_other:
                self.description.append(block)
                section.take(block)

    def child(self, child: Section) -> None:
        keys = child.keys
        if "tags" in keys:
            for block in child.blocks:
                if isinstance(block, ListBlock):
                    self.tags.extend(_tags(block.items))
                    child.take(block)
        elif "consumes" in keys:
            self.consumes = _media_types(child)
        elif "produces" in keys:
            self.produces = _media_types(child)
        elif keys & _SECTION_KEYS:
            self.paragraphs(child, "external_docs" in keys, keep_other=False)
        elif keys & _INDEX_KEYS:
            child.skip_heading()
            child.skip(*(b for b in child.blocks if is_contents(b)))
        else:
            self.description.append(Heading(child.level, child.raw_title, child.location))
            child.take()
            self.paragraphs(child, False, keep_other=True)
            for grandchild in child.children:
                self.child(grandchild)


def parse_overview(
    section: Section, diagnostics: Diagnostics, skip: Collection[Section] = ()
) -> Overview:
    """The overview section (and its sub-sections but ``skip``) → `Overview`; never
    raises. The page reader skips sub-sections that hold operations and reads them."""
    reader = _Reader()
    section.take()
    reader.paragraphs(section, False, keep_other=True)
    for child in section.children:
        if not any(child is s for s in skip):
            reader.child(child)
    fields = reader.fields
    docs = None
    if reader.docs.get("url"):
        docs = ExternalDocs(reader.docs["url"], reader.docs.get("description", ""))
    return Overview(
        title=section.title,
        location=section.location,
        description=blocks_markdown(reader.description),
        version=fields.get("version"),
        contact_name=fields.get("contact_name"),
        contact_email=fields.get("contact_email"),
        contact_url=fields.get("contact_url"),
        license_name=fields.get("license_name"),
        license_url=fields.get("license_url"),
        terms_of_service=fields.get("terms_of_service"),
        host=fields.get("host"),
        base_path=fields.get("base_path"),
        schemes=reader.schemes,
        tags=tuple(reader.tags),
        consumes=reader.consumes,
        produces=reader.produces,
        external_docs=docs,
    )


def with_title_prose(overview: Overview, title: Section) -> Overview:
    """Text between the page's title and its overview (``# Widget API`` + what the API
    is for, then ``## Overview``) describes the API: it leads the overview's
    description (and is taken from the title's section)."""
    said = [b for b in title.blocks if not isinstance(b, (Anchor, Rule)) and not is_contents(b)]
    if not said:
        return overview
    title.take(*said)
    text = "\n\n".join(t for t in (blocks_markdown(said), overview.description) if t)
    return replace(overview, description=text)


def title_overview(title: Section, diagnostics: Diagnostics) -> Overview | None:
    """A README-style page's overview: its ``#`` title over operations, and the text
    under the title (what the API is for, ``Version: 1.2``...) before the first
    sub-heading, when the page has no overview section (``unlabelled-sections``;
    was: the title dropped and the text reported as ignored)."""
    said = [b for b in title.blocks if not isinstance(b, (Anchor, Rule)) and not is_contents(b)]
    if not (said and enabled("unlabelled-sections") and holds_operation(title)):
        return None
    overview = parse_overview(title, diagnostics, skip=title.children)
    return replace(overview, inferred=True)
