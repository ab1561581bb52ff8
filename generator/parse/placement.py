"""Where a parameter goes when its location word is one md2sdk does not know.

Machine-translated docs print the location column in words no label file has (and
that `generator.parse.labels` may not know either). Dropping such a row loses a
parameter without the user noticing until production, so, with the ``translations``
recovery on, each unknown word is given the location its rows' content implies, and a
warning says what was assumed and why:

- every row's name is a ``{variable}`` of the operation's path → path;
- one row whose schema is a definition (a link, an object, an array of links), on an
  operation that has no body yet → body;
- every row's name is an HTTP header name (``X-Request-Id``, ``Authorization``) → header;
- otherwise → query, the location of most named values that are none of the above.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from generator.diagnostics import Diagnostics
from generator.model import ArraySchema, ObjectSchema, ParameterIn, RefSchema, Schema
from generator.parse.blocks import Row

_PATH_VARIABLE = re.compile(r"\{([^{}]+)\}")
_HEADER_NAME = re.compile(r"^(?:X-[\w-]+|[A-Z][a-z]+(?:-[A-Z][A-Za-z]*)+)$")
_HEADERS = frozenset(
    {"authorization", "accept", "accept-language", "content-type", "cookie", "if-match",
     "if-none-match", "user-agent", "prefer", "origin", "referer"}
)


def _is_definition(schema: Schema | None) -> bool:
    if isinstance(schema, ArraySchema):
        return _is_definition(schema.items)
    return isinstance(schema, (ObjectSchema, RefSchema)) and not (
        isinstance(schema, RefSchema) and not schema.ref.href
    )


def _is_header(name: str) -> bool:
    return _HEADER_NAME.match(name) is not None or name.casefold() in _HEADERS


def infer_places(
    rows: Sequence[tuple[Row, str, str, Schema | None]],
    places: list[ParameterIn | None],
    path: str | None,
    diagnostics: Diagnostics,
) -> list[ParameterIn | None]:
    """``places`` with each ``None`` filled in from ``rows`` ((row, location word, name,
    schema) per table row), one warning per row saying what was assumed."""
    variables = set(_PATH_VARIABLE.findall(path or ""))
    has_body = ParameterIn.BODY in places
    by_word: dict[str, list[int]] = {}
    for index, place in enumerate(places):
        if place is None and rows[index][2]:
            by_word.setdefault(rows[index][1], []).append(index)
    out = list(places)
    for word, indexes in by_word.items():
        names = [rows[i][2] for i in indexes]
        schemas = [rows[i][3] for i in indexes]
        if variables and all(name in variables for name in names):
            place, why = ParameterIn.PATH, "its name is a variable of the path"
        elif len(indexes) == 1 and not has_body and _is_definition(schemas[0]):
            place = ParameterIn.BODY
            why = "its schema is a definition and the operation has no other body"
            has_body = True
        elif all(_is_header(name) for name in names):
            place, why = ParameterIn.HEADER, "its name is an HTTP header name"
        else:
            place, why = ParameterIn.QUERY, "it is not a path variable, a header or a body"
        for i in indexes:
            out[i] = place
            diagnostics.warning(
                "assumed-parameter-in",
                f"parameter {rows[i][2]!r}: location {word!r} is not a word md2sdk knows; "
                f"read as {place.value} ({why})",
                rows[i][0].location,
            )
    return out
