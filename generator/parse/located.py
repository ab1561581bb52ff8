"""mistune's block parser, made to record where each token starts.

mistune's AST has no positions. `LocatedParser` records the offset of each top-level
token a rule produces and `LocatedState` that of paragraphs and indented code (they
bypass the rules); `Lines` turns offsets into line numbers. `BLOCK_PARSER` is the one
parser `generator.parse.blocks` uses, with md2sdk's own table rules registered (pipe
tables, `generator.parse.pipe_tables`; pandoc's tables, `generator.parse.pandoc_tables`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

import mistune
from mistune.block_parser import BlockParser
from mistune.core import BlockState

from generator.parse.pandoc_tables import register as register_pandoc_tables
from generator.parse.pipe_tables import (
    BARE_TABLE_PATTERN,
    TABLE_PATTERN,
    parse_bare_table,
    parse_table,
)


class LocatedParser(BlockParser):
    """Records where each top-level token starts (mistune keeps no positions).

    A rule may append several tokens (a list parses the block that ends it, through a
    nested call of this method); the innermost call knows each token's own start.
    """

    def parse_method(self, m: re.Match[str], state: BlockState) -> Any:
        before = len(state.tokens)
        result = super().parse_method(m, state)
        if state.parent is None:
            start = m.start()
            for tok in state.tokens[before:]:
                tok.setdefault("_at", start)
        return result


class LocatedState(BlockState):
    """Records where paragraphs and indented code start (they bypass `parse_method`)."""

    def append_token(self, token: dict[str, Any]) -> None:
        # mistune's fast path for indented code appends at the cursor, never calling
        # `parse_method`; tokens that do pass there get their start from it.
        token.setdefault("_pos", self.cursor)
        super().append_token(token)

    def add_paragraph(self, text: str) -> None:
        last = self.last_token()
        if not (last and last["type"] == "paragraph"):
            self.tokens.append({"type": "paragraph", "text": text, "_pos": self.cursor})
        else:
            last["text"] += text


def _make_parser() -> BlockParser:
    md = mistune.Markdown(renderer=None, block=LocatedParser())
    md.block.register("s2m_table", TABLE_PATTERN, parse_table, before="paragraph")
    md.block.register("bare_table", BARE_TABLE_PATTERN, parse_bare_table, before="paragraph")
    register_pandoc_tables(md)
    md.block.state_cls = LocatedState
    return md.block


BLOCK_PARSER = _make_parser()


class Lines:
    """Offset → 1-based line number, by bisection over newline offsets."""

    def __init__(self, text: str) -> None:
        self.starts = [0]
        find = text.find
        i = find("\n")
        while i >= 0:
            self.starts.append(i + 1)
            i = find("\n", i + 1)

    def line(self, offset: int) -> int:
        return bisect_right(self.starts, offset)
