"""Link targets: split ``file.md#anchor`` hrefs and normalise anchors for matching.

Swagger2Markup derives anchors from names (``io.k8s.api.core.v1.Pod`` →
``io-k8s-api-core-v1-pod``; non-ASCII names → an md5 hash), writers escape them
(``batch\\_list``) and hand-edited pages vary case and separators. Matching therefore
compares `anchor_key` forms, which fold all of that away, while keeping the original
text for messages.

>>> split_href("../definitions/batch.md#batch")
('../definitions/batch.md', 'batch')
>>> anchor_key("IO.k8s\\\\_Pod")
'io-k8s-pod'
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import unquote

from generator.parse.inline import unescape

_NON_WORD = re.compile(r"[^0-9a-z]+")


def split_href(href: str) -> tuple[str | None, str]:
    """``file#anchor`` → (file or None, anchor), escapes and %-encoding undone."""
    href = unescape(href.strip())
    file, sep, anchor = href.partition("#")
    if not sep:
        # A bare "Name.md" link names a page; its anchor is the page's stem.
        stem = file.rsplit("/", 1)[-1]
        return (file or None), (stem[:-3] if stem.endswith(".md") else stem)
    return (unquote(file) or None), unquote(anchor)


@lru_cache(maxsize=8192)  # resolving and marking compare every link's anchor, again and again
def anchor_key(anchor: str) -> str:
    """The comparison form of an anchor: case-folded, separators unified."""
    return _NON_WORD.sub("-", unescape(anchor).casefold()).strip("-")
