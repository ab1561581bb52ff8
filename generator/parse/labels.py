"""Section and column labels in every language Swagger2Markup writes.

The label sets are Swagger2Markup's own ``labels_<lang>.properties`` files (shipped in
``labels/`` as package data, read through ``importlib.resources``, Apache-2.0; they
are inputs of the page cache, `generator.cache.PAGES`). A heading, bold label or
column name is identified by looking its normalised text up in all of them at once, so
a German page's ``Antworten`` is the same section as an English ``Responses``; nothing
else in the parser spells a label.

Some labels are shared between keys (German prints ``Typ`` for both the Type and the
Schema column): `keys_for` returns every key a text can mean and callers decide by
position.
"""

from __future__ import annotations

import re
from fnmatch import fnmatch
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable

_DIR = files(__package__ or "generator.parse").joinpath("labels")
_PUNCT = re.compile(r"[\s*_:`#.]+")

# Labels real docs use that no properties file has (older Swagger2Markup releases,
# hand-edited pages). Kept here, beside the generated ones, as data.
_EXTRA: dict[str, tuple[str, ...]] = {
    "paths": ("Paths", "Endpoints"),
    "resources": ("Resources",),
    "body_parameter": ("Body parameter", "Body Parameter", "Request body"),
    "description_column": ("Description",),
    "http_code_column": ("HTTP Code", "Code", "Status", "Status Code", "HTTP Status"),
    "required_column": ("Required",),
    "operation": ("Operation",),
    "example_request": ("Example HTTP request", "Example request"),
    "example_response": ("Example HTTP response", "Example response"),
    "request_path": ("Request path",),
    "request_header": ("Request header",),
    "request_query": ("Request query",),
    "request_body": ("Request body",),
    "request_formData": ("Request formData", "Request form data"),
    "response_example": ("Response",),
    "value_column": ("Value",),
    "operation.deprecated": ("This operation is deprecated",),
    # Annotation labels hand-edited or older docs write (Amazon SP-API: **Maximum** : 20).
    "minvalue_column": ("Minimum",),
    "maxvalue_column": ("Maximum",),
    "maxlength_column": ("Maximum length",),
    "contact_url": ("Contact URL",),
    # Swagger2Markup prints the `default` response code as is; translated docs vary.
    "default_response": ("default", "по умолчанию", "默认", "défaut", "predeterminado"),
}


def normalise(text: str) -> str:
    """Case- and punctuation-insensitive form of a label."""
    return _PUNCT.sub(" ", text).strip().casefold()


def _read_properties(path: Traversable) -> dict[str, str]:
    out: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", "!")) or "=" not in line:
            continue
        key, _, value = line.partition("=")
        out[key.strip()] = value.strip().encode("latin-1", "backslashreplace").decode(
            "unicode_escape"
        )
    return out


@cache
def _index() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    found = [p for p in _DIR.iterdir() if fnmatch(p.name, "labels_*.properties")]
    for path in sorted(found, key=lambda p: p.name):
        for key, value in _read_properties(path).items():
            table.setdefault(normalise(value), set()).add(key)
    for key, values in _EXTRA.items():
        for value in values:
            table.setdefault(normalise(value), set()).add(key)
    return {text: frozenset(keys) for text, keys in table.items()}


def keys_for(text: str) -> frozenset[str]:
    """Every label key that ``text`` is the label of, in any language."""
    return _index().get(normalise(text), frozenset())


def is_label(text: str, *keys: str) -> bool:
    return not keys_for(text).isdisjoint(keys)
