"""HTML headings (``<h3 id="getpet">Find pet by ID</h3>``) read as markdown headings.

Pages exported from HTML docs, widdershins and some docs sites write a heading as an
HTML element on a line of its own. Left as HTML, it is no heading: every section below
it runs together, and an operation's Parameters and Responses tables end up in its
description, where nothing reads them. Under ``markup-variants`` each such line is
rewritten, before parsing and in place (line numbers stay the file's), as the markdown
heading it stands for, its ``id`` as a heading attribute (``### Find pet by ID
{#getpet}``), which the section reader takes as the anchor. An ``<a name>`` or
``<a id>`` inside the element names the anchor too.
"""

from __future__ import annotations

import html
import re

_HEADING = re.compile(
    r"^[ ]{0,3}<h([1-6])((?:\s[^<>]*)?)>(.*?)</h\1\s*>[ \t]*$", re.I | re.M
)
_ID = re.compile(r"""\bid\s*=\s*(["'])([^"'<>]*)\1""", re.I)
_INNER_ANCHOR = re.compile(r"""<a\s[^<>]*?\b(?:name|id)\s*=\s*(["'])([^"'<>]*)\1[^<>]*>\s*</a>""",
                           re.I)
_TAG = re.compile(r"<[^<>]*>")


def _heading(m: re.Match[str]) -> str:
    level, attributes, inner = int(m.group(1)), m.group(2), m.group(3)
    ids = [found.group(2) for found in _ID.finditer(attributes)]
    ids += [found.group(2) for found in _INNER_ANCHOR.finditer(inner)]
    text = html.unescape(_TAG.sub("", _INNER_ANCHOR.sub("", inner))).strip()
    if not text:
        return m.group(0)
    names = " ".join(f"#{i}" for i in ids if i and " " not in i)
    return "#" * level + " " + text + (f" {{{names}}}" if names else "")


def markdown_headings(src: str) -> str:
    """``src`` with each line that is one HTML heading element written as markdown."""
    if "<h" not in src and "<H" not in src:
        return src
    return _HEADING.sub(_heading, src)
