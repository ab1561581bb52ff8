"""Structure that ended up inside a description, reported instead of lost.

An operation's description is free text, and a description copied from a spec may hold
tables and code of its own. But when the docs' headings are spelled in a way md2sdk
does not know, the operation's own Parameters and Responses tables, or the next
operation's ``METHOD /path`` block, run into the description too: kept as text, they
never become parameters or operations. Those two shapes are what such structure looks
like and what description text never does, so they are reported where they stand:

- a code block that is exactly ``METHOD /path`` (``missed-operation``);
- a table with Swagger2Markup's Parameters, Responses or properties columns (a
  ``Schema`` column, or ``Type`` and ``Name`` over locations; ``table-in-description``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from generator.diagnostics import Diagnostics
from generator.parse.blocks import Block, Code, Table
from generator.parse.inline import plain
from generator.parse.labels import keys_for

_TABLE_KINDS = (
    ("Responses", frozenset({"http_code_column"})),
    ("Parameters", frozenset({"type_column", "name_column", "schema_column"})),
    ("Parameters", frozenset({"in_column", "name_column"})),
    ("properties", frozenset({"name_column", "schema_column"})),
)


def _table_kind(table: Table) -> str | None:
    said = frozenset(k for label in table.header for k in keys_for(plain(label)))
    if "schema_column" not in said and "in_column" not in said:
        return None  # a description's own table (|Code|Meaning|) has no schema
    return next((name for name, keys in _TABLE_KINDS if keys <= said), None)


def report_misplaced(
    blocks: Iterable[Block], owner: str, diagnostics: Diagnostics,
    method_path: Callable[[str], tuple[str, str] | None],
) -> None:
    """Warn about each block of ``owner``'s description that is structure."""
    for block in blocks:
        if isinstance(block, Code) and "\n" not in block.text.strip():
            found = method_path(block.text.strip())
            if found is not None:
                diagnostics.warning(
                    "missed-operation",
                    f"'{found[0]} {found[1]}' stands in the description of {owner} with no "
                    "heading of its own to start an operation; read as text",
                    block.location,
                )
        elif isinstance(block, Table) and (kind := _table_kind(block)):
            diagnostics.warning(
                "table-in-description",
                f"a {kind} table stands in the description of {owner} under no "
                f"{kind} heading md2sdk knows; kept as text, not read as {kind.lower()}",
                block.location,
            )
