"""Reference-style links, spelled inline before the page is read (``markup-variants``).

Converters and formatters (pandoc ``--reference-links``, remark) write a link once at
the bottom of the page and refer to it by label::

    |**200**|The pet|[Pet][pet]|          |**200**|The pet|[Pet](#pet)|
    |**404**|Not found|[Error]|      →    |**404**|Not found|[Error](#error)|
    [pet]: #pet
    [Error]: #error                        (the definition lines carry nothing)

Every section parser reads links as ``[label](href)``, so each reference to a defined
label (full ``[text][label]``, collapsed ``[label][]``, shortcut ``[label]``) is
rewritten that way, line for line; labels match case-insensitively, as in CommonMark.
"""

from __future__ import annotations

import re

_DEFINITION = re.compile(
    r"^ {0,3}\[([^\]\n]+)\]:[ \t]*<?([^\s>]+)>?(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?"
    r"[ \t]*$",
    re.M,
)
_REFERENCE = re.compile(r"(?<![\]\\])\[((?:\\.|[^\]\\\n])+)\](?:\[([^\]\n]*)\])?(?![(:\[])")


def _label(text: str) -> str:
    return " ".join(text.split()).casefold()


def inline_reference_links(text: str) -> tuple[str, list[int]]:
    """``text`` with its reference links inlined and its definition lines blanked, and
    the (1-based) numbers of the lines blanked."""
    if "]:" not in text:
        return text, []
    targets: dict[str, str] = {}
    blanked: list[int] = []
    for m in _DEFINITION.finditer(text):
        targets.setdefault(_label(m.group(1)), m.group(2))
        blanked.append(text.count("\n", 0, m.start()) + 1)
    if not targets:
        return text, []
    text = _DEFINITION.sub("", text)

    def inline(m: re.Match[str]) -> str:
        shown, label = m.group(1), m.group(2)
        href = targets.get(_label(label or shown))
        return f"[{shown}]({href})" if href is not None else m.group(0)

    return _REFERENCE.sub(inline, text), blanked
