"""Inline markdown helpers for cells, headings and label lines.

Swagger2Markup writes a small, regular inline language inside table cells:
``**name**  <br>*required*``, ``[Pet](#pet)``, `` `value` ``, ``\\_`` escapes. These
helpers read exactly that, cell by cell (never over a whole page), so each is linear
in the cell's length.

>>> split_br("**id**  <br>*optional*  <br>*read-only*")
['**id**', '*optional*', '*read-only*']
>>> plain("**[Pet](#pet)** \\\\_x")
'Pet _x'
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

_BR = re.compile(r"[ \t]*<br\s*/?>[ \t]*", re.I)
_ANCHOR = re.compile(r"""<a\s+(?:name|id)\s*=\s*["']([^"']*)["']\s*/?>\s*(?:</a>)?""", re.I)
_LINK = re.compile(r"\[((?:\\.|[^\]\\])*)\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
_ESCAPE = re.compile(r"\\([!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])")
_CODE = re.compile(r"(`+)(.+?)\1", re.S)
_EMPH = re.compile(r"(\*\*|__)(.+?)\1|(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", re.S)
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")


@dataclass(frozen=True)
class Link:
    label: str
    href: str


def split_br(text: str) -> list[str]:
    """Split a cell on ``<br>`` (any spelling); parts are stripped, empties kept out."""
    return [part.strip() for part in _BR.split(text) if part.strip()]


def br_to_newline(text: str) -> str:
    """A description cell as multi-line markdown: ``<br>`` → newline, trailing spaces cut."""
    return "\n".join(line.rstrip() for line in _BR.split(text)).strip()


def unescape(text: str) -> str:
    """Remove markdown backslash escapes (``\\_`` → ``_``, ``\\|`` → ``|``)."""
    if "\\" not in text:
        return text
    return _ESCAPE.sub(r"\1", text)


def anchors(text: str) -> list[str]:
    """Names of ``<a name="x">``/``<a id="x">`` anchors in a piece of text."""
    if "<a" not in text and "<A" not in text:
        return []
    return [unescape(m.group(1)) for m in _ANCHOR.finditer(text)]


def strip_anchors(text: str) -> str:
    return _ANCHOR.sub("", text).strip() if "<" in text else text.strip()


_ATTRIBUTE = r"(?:[#.][^\s{}]+|[\w-]+=(?:\"[^\"]*\"|[^\s{}]+)|-)"
_ATTRIBUTES = re.compile(
    rf"[ \t]*\{{:?[ \t]*({_ATTRIBUTE}(?:[ \t]+{_ATTRIBUTE})*)[ \t]*\}}[ \t]*$"
)


def heading_attributes(text: str) -> tuple[str, list[str]]:
    """A heading's text without its trailing attribute block, and the ids it gives.

    Docs sites and converters name a heading's anchor in braces after it (MkDocs
    attr_list ``### Pet { #pet }``, pandoc ``### Pet {#_pet .unnumbered}``, kramdown
    ``### Pet {: #pet}``); the braces are no part of the title.

    >>> heading_attributes("Get a pet { #getpet }")
    ('Get a pet', ['getpet'])
    """
    if not text.endswith("}"):
        return text, []
    m = _ATTRIBUTES.search(text)
    if m is None or m.start() == 0:
        return text, []
    ids = [token[1:] for token in m.group(1).split() if token.startswith("#")]
    return text[: m.start()], ids


_SECTION_NUMBER = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.|\d+(?:\.\d+)+)\s+(?=\S)")


def without_section_number(text: str) -> str:
    """A heading's text without the section number numbered docs put in front
    (AsciiDoc ``:sectnums:`` exported to markdown: ``2.1.1. Parameters``, ``3.1 Pet``);
    a number that is the title's own word (``404 handling``) has no dot and stays."""
    m = _SECTION_NUMBER.match(text)
    return text[m.end():] if m else text


def find_link(text: str) -> Link | None:
    """The first ``[label](href)`` in ``text``."""
    m = _LINK.search(text)
    if not m:
        return None
    return Link(unescape(m.group(1)), m.group(2))


def strip_emphasis(text: str) -> str:
    """``**x**`` / ``*x*`` / ``__x__`` → ``x`` (repeatedly, for nested emphasis)."""
    text = text.strip()
    for _ in range(3):
        m = _EMPH.fullmatch(text)
        if not m:
            break
        text = (m.group(2) if m.group(2) is not None else m.group(3)).strip()
    return text


def plain(text: str) -> str:
    """Inline markdown → plain text: anchors and tags dropped, links → labels,
    code spans → their content, emphasis markers removed, escapes and entities undone."""
    text = strip_anchors(text)
    if "[" in text:
        text = _LINK.sub(lambda m: m.group(1), text)
    codes: list[str] = []
    if "`" in text:

        def keep(m: re.Match[str]) -> str:
            codes.append(m.group(2).strip())
            return f"\x00{len(codes) - 1}\x00"

        text = _CODE.sub(keep, text)
    if "*" in text or "_" in text:
        text = _EMPH.sub(lambda m: m.group(2) if m.group(2) is not None else m.group(3), text)
    if "<" in text:
        text = _TAG.sub("", text)
    text = unescape(text)
    for i, code in enumerate(codes):
        text = text.replace(f"\x00{i}\x00", code)
    if "&" in text:
        text = html.unescape(text)
    return " ".join(text.split())


def code_value(text: str) -> str | None:
    """The content of a cell that is one code span (`` `"x"` `` → ``"x"``), else None."""
    m = _CODE.fullmatch(text.strip())
    return m.group(2).strip() if m else None
