"""The ``Parameters`` table → `Parameter` values.

Layouts read (columns by label in any language, else by position)::

    |Type|Name|Schema|                                  (no Description)
    |Type|Name|Description|Schema|                      (1.x)
    |Type|Name|Description|Schema|Default|              (1.x with defaults)
    |Type|Name|Description|Required|Schema|Default|     (0.x: QueryParameter, true)

>>> |**Query**|**limit**  <br>*optional*|Max items.  <br>**Maximum value** : `100`|integer|`10`|
Parameter(name="limit", location=QUERY, required=False, default=10, maximum=100)
"""

from __future__ import annotations

from generator.diagnostics import Diagnostics
from generator.model import AnySchema, DocValue, Parameter, ParameterIn
from generator.parse.annotations import parse_description_cell, parse_doc_value
from generator.parse.blocks import Row, Table
from generator.parse.inline import code_value, plain, split_br, strip_emphasis, unescape
from generator.parse.labels import is_label
from generator.parse.schema_cell import parse_schema_cell
from generator.parse.tables import cell, map_columns

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
    "path": ParameterIn.PATH,
    "query": ParameterIn.QUERY,
    "header": ParameterIn.HEADER,
    "body": ParameterIn.BODY,
    "formdata": ParameterIn.FORM_DATA,
    "form": ParameterIn.FORM_DATA,
}
_EMPTY_DEFAULTS = frozenset({"", "-", "--", "—", "n/a"})


def parameter_in(text: str) -> ParameterIn | None:
    """``**Query**``, ``QueryParameter``, ``formData`` → the parameter location."""
    word = plain(text).replace(" ", "").casefold()
    if word.endswith("parameter") and len(word) > len("parameter"):
        word = word[: -len("parameter")]
    return _IN.get(word)


def read_name_cell(text: str) -> tuple[str, bool | None, bool]:
    """``**name**  <br>*required*  <br>*read-only*`` → (name, required?, read-only)."""
    parts = split_br(text)
    if not parts:
        return "", None, False
    name = unescape(strip_emphasis(parts[0]))
    required: bool | None = None
    read_only = False
    for flag in parts[1:]:
        word = plain(flag)
        if is_label(word, "flags.required"):
            required = True
        elif is_label(word, "flags.optional"):
            required = False
        elif is_label(word, "flags.read_only"):
            read_only = True
    return name, required, read_only


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
    row: Row, roles: dict[str, int], diagnostics: Diagnostics
) -> Parameter | None:
    cells = row.cells
    where = parameter_in(cell(cells, roles, "type_column"))
    name, required, _ = read_name_cell(cell(cells, roles, "name_column"))
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


def parse_parameters_table(table: Table, diagnostics: Diagnostics) -> list[Parameter]:
    roles = map_columns(table.header, ORDER, LAYOUTS, table.location, diagnostics)
    params = []
    for row in table.rows:
        param = parse_parameter_row(row, roles, diagnostics)
        if param is not None:
            params.append(param)
    return params
