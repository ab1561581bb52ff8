"""Table columns → roles, by label (any language) and by position.

Docs vary the columns of one table kind (3 to 6 columns; 0.x adds ``Required``;
translations may reuse one word for two columns, German ``Typ`` for Type and Schema).
`map_columns` assigns each column a role: a recognised label decides, an ambiguous
label takes the first role still free in the order the kind expects, and when most
labels are unknown (a machine translation) a column takes the role its position has in
the layout of that width. A lone unknown label is, with the ``translations`` recovery,
given the role its content shows (a column of HTTP status codes) or, failing that, the
role its position has in the layout of that width, if that role is free, with an
``assumed-column`` warning; otherwise it is reported and its column ignored.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from generator.diagnostics import Diagnostics
from generator.model import SourceLocation
from generator.parse.blocks import Row
from generator.parse.inline import plain
from generator.parse.labels import is_label, keys_for
from generator.parse.recovery import enabled

_STATUS = re.compile(r"^(\d{3}|\d[xX]{2})$")


def _statuses(cells: list[str]) -> bool:
    return bool(cells) and all(
        _STATUS.match(c) or is_label(c, "default_response") for c in cells
    )


# Roles a table cannot be read without; only these are given to an unknown column by
# its position (an extra column is more likely than a translated optional one).
_ESSENTIAL = frozenset({"http_code_column", "name_column", "type_column"})


def _inferred(
    index: int, rows: Sequence[Row], order: Sequence[str], roles: Mapping[str, int], *,
    layout: Sequence[str] | None,
) -> tuple[str, str] | None:
    """(role, why) for a lone unknown column, from its content, else its position."""
    cells = [plain(row.cells[index]) for row in rows if index < len(row.cells)]
    cells = [c for c in cells if c]
    if "http_code_column" in order and "http_code_column" not in roles and _statuses(cells):
        return "http_code_column", "its cells are HTTP status codes"
    role = layout[index] if layout and index < len(layout) else None
    if role in _ESSENTIAL and role not in roles and layout is not None:
        return layout[index], f"it stands where that column stands in a {len(layout)}-column table"
    return None


def map_columns(
    header: Sequence[str],
    order: Sequence[str],
    layouts: Mapping[int, Sequence[str]],
    location: SourceLocation,
    diagnostics: Diagnostics,
    *,
    rows: Sequence[Row] = (),
    aliases: Mapping[str, str] | None = None,
) -> dict[str, int]:
    """Role → column index. ``order`` lists the roles (label keys) of this table kind;
    ``rows`` lets an unknown column's content tell its role; ``aliases`` maps a label
    key to the role it has in this table (`handwritten_aliases`)."""
    roles: dict[str, int] = {}
    unknown: list[int] = []
    for index, cell in enumerate(header):
        said = keys_for(plain(cell))
        if aliases:
            said = frozenset(aliases.get(k, k) for k in said)
        keys = [k for k in order if k in said]
        free = [k for k in keys if k not in roles]
        if free:
            roles[free[0]] = index
        else:
            unknown.append(index)
    if unknown:
        # Position decides only for a header mostly in an unknown language; an unknown
        # label among recognised ones is an extra column, not a translation.
        width_layout = layouts.get(len(header))
        layout = width_layout if len(unknown) * 2 >= len(header) else None
        for index in unknown:
            role = layout[index] if layout and index < len(layout) else None
            name = plain(header[index])
            if role and role not in roles:
                roles[role] = index
            elif enabled("translations") and (
                found := _inferred(index, rows, order, roles, layout=width_layout)
            ):
                roles[found[0]] = index
                diagnostics.warning(
                    "assumed-column",
                    f"table column {name!r} is not a label md2sdk knows; read as the "
                    f"{found[0].removesuffix('_column').replace('_', ' ')} column ({found[1]})",
                    location,
                )
            else:
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


def handwritten_aliases(header: Sequence[str], *, parameters: bool) -> dict[str, str]:
    """Roles of the columns hand-written tables label their own way.

    READMEs and other generators write ``|Name|In|Type|Required|Description|``: the
    location is ``In`` and ``Type`` is the schema (in Swagger2Markup's own parameter
    tables ``Type`` is the location and ``Schema`` the schema). A properties table with
    ``Type`` and no ``Schema`` column means the schema by it too.
    """
    said = [keys_for(plain(label)) for label in header]
    if not enabled("handwritten-columns"):
        return {}
    located = parameters and any("in_column" in keys for keys in said)
    if parameters and not located:
        return {}
    aliases = {"in_column": "type_column"} if located else {}
    if not any("schema_column" in keys for keys in said):
        aliases["type_column"] = "schema_column"
    return aliases
