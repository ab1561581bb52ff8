"""Blocks back to markdown, for descriptions that hold lists, code and tables.

Descriptions are kept as CommonMark (OpenAPI descriptions are CommonMark too), so a
``Description`` section with a list or a table survives into the outputs intact.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.parse.blocks import (
    Anchor,
    Block,
    Code,
    Heading,
    Html,
    ListBlock,
    Paragraph,
    Rule,
    Table,
)
from generator.parse.inline import br_to_newline, strip_anchors


def block_markdown(block: Block) -> str:
    if isinstance(block, Paragraph):
        return br_to_newline(strip_anchors(block.text)) if "<" in block.text else block.text
    if isinstance(block, Heading):
        return "#" * block.level + " " + strip_anchors(block.text)
    if isinstance(block, Code):
        fence = "````" if "```" in block.text else "```"
        return f"{fence}{block.info}\n{block.text.rstrip()}\n{fence}"
    if isinstance(block, ListBlock):
        return "\n".join(f"* {item}" for item in block.items)
    if isinstance(block, Table):
        lines = ["|" + "|".join(block.header) + "|", "|" + "---|" * len(block.header)]
        lines.extend("|" + "|".join(row.cells) + "|" for row in block.rows)
        return "\n".join(lines)
    if isinstance(block, Html):
        return strip_anchors(block.text)
    if isinstance(block, Rule):
        return "---"
    if isinstance(block, Anchor):
        return ""
    return ""


def blocks_markdown(blocks: Iterable[Block]) -> str:
    """Markdown for a run of blocks, separated by blank lines."""
    parts = (block_markdown(b).strip() for b in blocks)
    return "\n\n".join(p for p in parts if p)
