"""``<details>`` folds: the HTML docs sites wrap around an example or a long table.

A fold is presentation: its ``<details>``, ``</details>`` and ``<summary>`` lines carry
nothing (`generator.parse.sections` marks them so). When the summary is a section label
(``<summary>Example HTTP response</summary>``) the fold is that section: it opens one
level above the first heading inside it (``##### Response 201`` → a level-4 section),
so the headings it folds stay its own, and ``</details>`` closes it.

>>> details_summary(Html("<details>\\n<summary>Example HTTP response</summary>", LOC))
'Example HTTP response'
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from generator.parse.blocks import Block, Heading, Html
from generator.parse.inline import plain

_DETAILS_TAG = re.compile(r"<(/?)details\b[^>]*>", re.I)
_SUMMARY = re.compile(r"\s*(?:<summary\b[^>]*>(.*?)</summary>)?\s*", re.I | re.S)


def details_summary(block: Block) -> str | None:
    """A block of fold tags only → its summary text ("" for none); None otherwise."""
    if not isinstance(block, Html) or "details" not in block.text.lower():
        return None
    rest = _DETAILS_TAG.sub("", block.text)
    if rest == block.text:
        return None
    m = _SUMMARY.fullmatch(rest)
    return None if m is None else plain(m.group(1) or "")


def fold_changes(block: Html | Block) -> tuple[int, int]:
    """How many folds the block opens and closes."""
    text = block.text if isinstance(block, Html) else ""
    tags = [m.group(1) for m in _DETAILS_TAG.finditer(text)]
    return tags.count(""), tags.count("/")


def fold_level(blocks: Sequence[Block], start: int) -> int | None:
    """The level of the labelled fold opened by ``blocks[start]``: one above the first
    heading inside it; None when it holds no heading."""
    for block in blocks[start + 1 :]:
        if isinstance(block, Heading):
            return max(block.level - 1, 1)
        if isinstance(block, Html) and fold_changes(block)[1]:
            return None
    return None
