"""Wrappers real docs put around the markdown, blanked out before parsing.

Docs sites add lines that are no part of the document: YAML front matter (with or
without its opening ``---``, Jekyll and Hugo), kramdown attribute lines ``{: .table}``,
lines of template tags only (``{% summary %}{% endsummary %}``), table-of-contents
markers (``[TOC]``, ``[[_TOC_]]``) and MDX module lines (``import X from '...';``,
Docusaurus). They are replaced
by empty lines, so every later line number is still the file's own, and their numbers
are kept: the line accounting lists them as lines that carry nothing.
"""

from __future__ import annotations

import re

_FRONT_KEY = re.compile(r"^[A-Za-z_][\w -]*:(\s.*)?$|^\s+\S.*$|^-\s.*$|^\s*$|^#.*$")
_KRAMDOWN_ATTR = re.compile(r"^[ \t]*\{:[^}\n]*\}[ \t]*$", re.M)
# A line of Liquid/Jinja template tags only (``{% summary %}{% endsummary %}``, Jekyll).
_TEMPLATE_TAGS = re.compile(r"^[ \t]*(?:\{%[^%\n]*%\}[ \t]*)+$", re.M)
# Table-of-contents markers (Python-Markdown/MkDocs ``[TOC]``, GitLab ``[[_TOC_]]``) and
# MDX module lines (Docusaurus ``import Tabs from '@theme/Tabs';``).
_MARKERS = re.compile(
    r"^[ \t]*(?:\[TOC\]|\[\[_?TOC_?\]\]"
    r"|import[ \t]+(?:[\w$*{}, \t]+[ \t]+from[ \t]+)?(['\"])[^'\"\n]+\1;?"
    r"|export[ \t]+const[ \t]+\w+[ \t]*=[^\n]*;)[ \t]*$",
    re.M,
)


def _front_matter_end(lines: list[str]) -> int:
    """How many leading lines are front matter (0 when there is none)."""
    fence = lines[0].strip() if lines else ""
    if fence in ("---", "+++"):
        for i in range(1, min(len(lines), 400)):
            if lines[i].strip() in (fence, "..."):
                return i + 1
        return 0
    # Front matter whose opening --- was lost: leading `key: value` lines, then ---.
    for i in range(min(len(lines), 200)):
        if lines[i].strip() == "---":
            if i > 0 and any(lines[j].strip() for j in range(i)) and all(
                _FRONT_KEY.match(lines[j]) for j in range(i)
            ):
                return i + 1
            return 0
        if not _FRONT_KEY.match(lines[i]):
            return 0
    return 0


def normalise_text(text: str) -> str:
    """Unix line endings, no byte-order mark."""
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")


def strip_wrappers(text: str) -> str:
    """Normalise line endings and blank out front matter, kramdown and template-tag lines.

    Blanked lines stay as empty lines so every later line number is the file's own.
    """
    return wrapper_lines(normalise_text(text))[0]


def wrapper_lines(text: str) -> tuple[str, list[int]]:
    """``text`` with its wrappers blanked, and the (1-based) lines that were blanked."""
    blanked: list[int] = []
    if "---" in text[:4096] or text.startswith("+++"):
        lines = text.split("\n")
        count = _front_matter_end(lines)
        if count:
            blanked.extend(i + 1 for i in range(count) if lines[i].strip())
            lines[:count] = [""] * count
            text = "\n".join(lines)
    patterns = (("{:", _KRAMDOWN_ATTR), ("{%", _TEMPLATE_TAGS), ("TOC]", _MARKERS),
                ("import", _MARKERS), ("export", _MARKERS))
    done: set[int] = set()
    for marker, pattern in patterns:
        if marker in text and id(pattern) not in done:
            done.add(id(pattern))
            for m in pattern.finditer(text):
                blanked.append(text.count("\n", 0, m.start()) + 1)
            text = pattern.sub("", text)
    return text, blanked
