"""Lookup tables for the resolver: which definition, inline schema or security scheme an
anchor denotes, found by page and anchor, by anchor anywhere, or by name.

Built once per API (dicts keyed by `anchor_key` forms), so resolving N references over
a tree of M pages costs O(N + M) lookups, not a scan per reference: the Kubernetes tree
has 1,014 operations and 885 definitions.
"""

from __future__ import annotations

import posixpath
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from generator.model import Reference
from generator.parse.refs import anchor_key

Kind = Literal["definition", "inline", "scheme"]


@dataclass(frozen=True)
class Target:
    """What an anchor denotes: a definition or scheme key, or an inline schema's id."""

    kind: Kind
    key: str
    page: str


@lru_cache(maxsize=8192)  # every reference names its page
def normalise_path(path: str) -> str:
    return posixpath.normpath(path.replace("\\", "/"))


def linked_page(reference: Reference) -> str | None:
    """The page a reference's file part names, relative to the page it is written on."""
    if not reference.file:
        return None
    return _relative(reference.location.path, reference.file)


@lru_cache(maxsize=8192)  # a page links to the same few files again and again
def _relative(page: str, file: str) -> str:
    return normalise_path(posixpath.join(posixpath.dirname(normalise_path(page)), file))


@dataclass
class Index:
    """Anchors → targets, per kind family (schemas vs. security schemes)."""

    pages: set[str] = field(default_factory=set)
    by_page: dict[tuple[str, str], Target] = field(default_factory=dict)
    by_anchor: dict[str, list[Target]] = field(default_factory=lambda: defaultdict(list))
    by_name: dict[str, list[Target]] = field(default_factory=lambda: defaultdict(list))

    def add(self, target: Target, anchor: str, name: str = "") -> None:
        akey = anchor_key(anchor)
        self.by_page.setdefault((target.page, akey), target)
        if target not in self.by_anchor[akey]:
            self.by_anchor[akey].append(target)
        if name:
            named = self.by_name[name.casefold()]
            if target not in named:
                named.append(target)

    def lookup(self, reference: Reference) -> tuple[list[Target], str | None]:
        """Candidate targets (best first) and the linked page when it is missing."""
        akey = anchor_key(reference.anchor)
        page = linked_page(reference)
        if page is None and reference.href.startswith("#"):
            page = normalise_path(reference.location.path)  # a same-page link
        if page is not None:
            exact = self.by_page.get((page, akey))
            if exact is not None:
                return [exact], None
        found = list(self.by_anchor.get(akey, ()))
        if not found and not reference.href:
            found = list(self.by_name.get(reference.name.casefold(), ()))
            if not found:
                found = list(self.by_name.get(reference.anchor.casefold(), ()))
        if not found and reference.name and reference.name != reference.anchor:
            # Hand-edited links whose anchor is off but whose label names the definition.
            found = list(self.by_anchor.get(anchor_key(reference.name), ()))
        missing = page if page is not None and page not in self.pages else None
        if len(found) > 1:
            here = normalise_path(reference.location.path)
            stem = posixpath.splitext(posixpath.basename(page or ""))[0].casefold()
            found.sort(key=lambda t: _nearness(t, here, stem))
        return found, missing


def _nearness(target: Target, here: str, stem: str) -> int:
    if stem and posixpath.splitext(posixpath.basename(target.page))[0].casefold() == stem:
        return 0
    if target.page == here:
        return 1
    return 2
