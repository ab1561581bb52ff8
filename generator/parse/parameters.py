"""The ``Parameters`` table → `Parameter` values.

Layouts read (columns by label in any language, else by position)::

    |Type|Name|Schema|                                  (no Description)
    |Type|Name|Description|Schema|                      (1.x)
    |Type|Name|Description|Schema|Default|              (1.x with defaults)
    |Type|Name|Description|Required|Schema|Default|     (0.x: QueryParameter, true)
    |Name|In|Type|Required|Description|                 (hand-written: In is the location)

>>> |**Query**|**limit**  <br>*optional*|Max items.  <br>**Maximum value** : `100`|integer|`10`|
Parameter(name="limit", location=QUERY, required=False, default=10, maximum=100)
"""

from __future__ import annotations

from generator.diagnostics import Diagnostics
from generator.model import AnySchema, DocValue, Parameter, ParameterIn
from generator.parse.annotations import parse_description_cell, parse_doc_value
from generator.parse.blocks import Row, Table
from generator.parse.inline import code_value, plain
from generator.parse.labels import is_label, word_key
from generator.parse.names import read_name_cell
from generator.parse.placement import infer_places
from generator.parse.recovery import enabled
from generator.parse.schema_cell import parse_schema_cell
from generator.parse.tables import cell, handwritten_aliases, map_columns

ORDER = (
    "type_column", "name_column", "description_column", "required_column",
    "schema_column", "default_column",
)
LAYOUTS = {
    3: ("type_column", "name_column", "schema_column"),
    4: ("type_column", "name_column", "description_column", "schema_column"),
    5: ("type_column", "name_column", "description_column", "schema_column", "default_column"),
    6: ("type_column", "name_column", "description_column", "required_column",
        "schema_column", "default_column"),
}
_IN = {
    "in.path": ParameterIn.PATH,
    "in.query": ParameterIn.QUERY,
    "in.header": ParameterIn.HEADER,
    "in.body": ParameterIn.BODY,
    "in.formData": ParameterIn.FORM_DATA,
}
_EMPTY_DEFAULTS = frozenset({"", "-", "--", "—", "n/a"})
_SUFFIX = "parameter"


def parameter_in(text: str) -> ParameterIn | None:
    """``**Query**``, ``QueryParameter``, ``formData``, ``Corps`` → the parameter location."""
    word = plain(text)
    key = word_key(word, "in.")
    if key is None:
        compact = word.replace(" ", "").casefold()
        if compact.endswith(_SUFFIX) and len(compact) > len(_SUFFIX):
            key = word_key(compact[: -len(_SUFFIX)], "in.")
    return _IN.get(key) if key is not None else None


def read_default_cell(text: str) -> DocValue | None:
    raw = code_value(text)
    if raw is None:
        raw = plain(text)
        if raw.casefold() in _EMPTY_DEFAULTS:
            return None
    return parse_doc_value(raw)


def _required_cell(text: str) -> bool | None:
    word = plain(text).casefold()
    if word in ("true", "yes", "required") or is_label(word, "flags.required"):
        return True
    if word in ("false", "no", "optional") or is_label(word, "flags.optional"):
        return False
    return None


def parse_parameter_row(
    row: Row, roles: dict[str, int], diagnostics: Diagnostics,
    where: ParameterIn | None = None,
) -> Parameter | None:
    """One row → a parameter; ``where`` is its location when the table's word for it was
    inferred (`generator.parse.placement`), else the row's location word decides."""
    cells = row.cells
    if where is None:
        where = parameter_in(cell(cells, roles, "type_column"))
    named = read_name_cell(
        cell(cells, roles, "name_column"), row.location, diagnostics, reader="strip"
    )
    name, required = named.name, named.required
    if not name:
        diagnostics.warning("bad-row", "parameter row has no name; row skipped", row.location)
        return None
    if where is None:
        kind = plain(cell(cells, roles, "type_column"))
        diagnostics.warning(
            "unknown-parameter-in",
            f"parameter {name!r} has unknown type {kind!r} (expected Path, Query, Header, "
            "Body or FormData); row skipped",
            row.location,
        )
        return None
    if "required_column" in roles:
        required = _required_cell(cell(cells, roles, "required_column"))
    notes = parse_description_cell(cell(cells, roles, "description_column"), row.location,
                                   diagnostics)
    schema = parse_schema_cell(cell(cells, roles, "schema_column"), row.location, diagnostics)
    default = notes.default
    if "default_column" in roles:
        default = read_default_cell(cell(cells, roles, "default_column")) or default
    return Parameter(
        name=name,
        place=where,
        schema=schema if schema is not None else AnySchema(),
        location=row.location,
        description=notes.description,
        required=bool(required) or where is ParameterIn.PATH,
        default=default,
        example=notes.example,
        constraints=notes.constraints,
    )


def _places(
    table: Table, roles: dict[str, int], path: str | None, diagnostics: Diagnostics
) -> list[ParameterIn | None]:
    """Each row's location; unknown words inferred (with a warning) under ``translations``."""
    words = [cell(row.cells, roles, "type_column") for row in table.rows]
    places = [parameter_in(word) for word in words]
    if None not in places or not enabled("translations"):
        return places
    unsupported = [word_key(plain(w), "in.") == "in.unsupported" for w in words]
    quiet = Diagnostics()  # the rows are read again, with their warnings, afterwards
    rows = [
        (
            row,
            plain(cell(row.cells, roles, "type_column")),
            read_name_cell(cell(row.cells, roles, "name_column"), reader="strip").name,
            parse_schema_cell(cell(row.cells, roles, "schema_column"), row.location, quiet),
        )
        for row in table.rows
    ]
    inferred = infer_places(
        [r for r, skip in zip(rows, unsupported, strict=True) if not skip],
        [p for p, skip in zip(places, unsupported, strict=True) if not skip],
        path, diagnostics,
    )
    found = iter(inferred)
    return [None if skip else next(found) for skip in unsupported]


def parse_parameters_table(
    table: Table, diagnostics: Diagnostics, path: str | None = None
) -> list[Parameter]:
    """Every readable row of a Parameters table; ``path`` is the operation's."""
    aliases = handwritten_aliases(table.header, parameters=True)
    roles = map_columns(table.header, ORDER, LAYOUTS, table.location, diagnostics,
                        rows=table.rows, aliases=aliases)
    params = []
    for row, where in zip(table.rows, _places(table, roles, path, diagnostics), strict=True):
        param = parse_parameter_row(row, roles, diagnostics, where)
        if param is not None:
            params.append(param)
    return params
