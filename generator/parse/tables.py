"""Table columns → roles, by label (any language) and by position.

Docs vary the columns of one table kind (3 to 6 columns; 0.x adds ``Required``;
translations may reuse one word for two columns, German ``Typ`` for Type and Schema).
`map_columns` assigns each column a role: a recognised label decides, an ambiguous
label takes the first role still free in the order the kind expects, and when most
labels are unknown (a machine translation) a column takes the role its position has in
the layout of that width; a lone unknown label is reported and its column ignored.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from generator.diagnostics import Diagnostics
from generator.model import SourceLocation
from generator.parse.inline import plain
from generator.parse.labels import keys_for


def map_columns(
    header: Sequence[str],
    order: Sequence[str],
    layouts: Mapping[int, Sequence[str]],
    location: SourceLocation,
    diagnostics: Diagnostics,
) -> dict[str, int]:
    """Role → column index. ``order`` lists the roles (label keys) of this table kind."""
    roles: dict[str, int] = {}
    unknown: list[int] = []
    for index, cell in enumerate(header):
        keys = [k for k in order if k in keys_for(plain(cell))]
        free = [k for k in keys if k not in roles]
        if free:
            roles[free[0]] = index
        else:
            unknown.append(index)
    if unknown:
        # Position decides only for a header mostly in an unknown language; an unknown
        # label among recognised ones is an extra column, not a translation.
        layout = layouts.get(len(header)) if len(unknown) * 2 >= len(header) else None
        for index in unknown:
            role = layout[index] if layout and index < len(layout) else None
            if role and role not in roles:
                roles[role] = index
            else:
                name = plain(header[index])
                diagnostics.warning(
                    "unknown-column", f"unknown table column {name!r} ignored", location
                )
    return roles


def cell(cells: Sequence[str], roles: Mapping[str, int], role: str) -> str:
    """The cell for ``role`` in a row, or "" when the column or the cell is missing."""
    index = roles.get(role)
    if index is None or index >= len(cells):
        return ""
    return cells[index]
