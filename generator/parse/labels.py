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

Beside the labels, `word_key` knows the words Swagger2Markup prints untranslated and
machine translation renders anyway: parameter locations (``in.body``: ``Body``,
``Corps``, ``Cuerpo``, ``Körper``...) and the schema-cell language's words
(``schema.array``: ``Tableau``, ``Matriz``, ``数组``...). The machine-translated forms,
of words and labels alike, are data (``labels/machine_translated.properties``), read
only while the ``translations`` recovery is on.
"""

from __future__ import annotations

import re
from fnmatch import fnmatch
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable

from generator.parse.recovery import enabled

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
    # Hand-written tables and other generators (Swagger UI 2: Parameter Type, Data Type).
    "in_column": ("In", "Parameter type", "Param type", "Located in", "Parameter location"),
    "schema_column": ("Data type",),
    "name_column": ("Parameter", "Parameter name", "Field", "Property"),
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
    # Hand-written overviews give the whole URL instead of Host, BasePath and Schemes.
    "base_url": ("Base URL", "Server URL", "API base URL", "Root URL", "Base address"),
    # Swagger2Markup labels both OAuth2 URLs "Token URL"; hand-corrected pages say which.
    "security_authorizationUrl": ("Authorization URL", "Authorize URL"),
    # What Swagger2Markup's Russian max_items label (printed as hex codes) means.
    "max_items": ("Максимальное количество",),
    # Swagger2Markup prints the `default` response code as is; translated docs vary.
    "default_response": ("default", "по умолчанию", "默认", "défaut", "predeterminado"),
}


def normalise(text: str) -> str:
    """Case- and punctuation-insensitive form of a label."""
    return _PUNCT.sub(" ", text).strip().casefold()


_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|.)")
_ESCAPED = {"t": "\t", "n": "\n", "r": "\r", "f": "\f"}


def _unescape_property(value: str) -> str:
    """A properties value as Java reads it, so labels are what Swagger2Markup prints:
    ``\\uXXXX`` is that character, ``\\t``... the control characters, and a backslash
    before any other character is dropped (Swagger2Markup's Russian ``max_items``,
    ``\\041C \\0430 ...``, prints as ``041C 0430 ...``)."""

    def one(m: re.Match[str]) -> str:
        escape = m.group(1)
        if len(escape) == 5:
            return chr(int(escape[1:], 16))
        return _ESCAPED.get(escape, escape)

    return _ESCAPE.sub(one, value) if "\\" in value else value


def _read_properties(path: Traversable) -> dict[str, str]:
    out: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", "!")) or "=" not in line:
            continue
        key, _, value = line.partition("=")
        out[key.strip()] = _unescape_property(value.strip())
    return out


# The words Swagger2Markup prints in English whatever the language (and the map words
# older releases printed translated); `word_key` finds them.
_WORDS: dict[str, tuple[str, ...]] = {
    "in.path": ("Path",),
    "in.query": ("Query",),
    "in.header": ("Header",),
    "in.body": ("Body",),
    "in.formData": ("FormData", "Form"),
    # Real locations Swagger 2.0 has no place for: reported, never inferred.
    "in.unsupported": ("Matrix", "Cookie"),
    "schema.array": ("array",),
    "schema.map": ("map", "mapa", "carte", "словарь", "карта", "映射", "マップ", "harita"),
}


@cache
def _machine_translated() -> tuple[tuple[str, str], ...]:
    """(key, word) pairs of ``machine_translated.properties`` (keys may repeat)."""
    pairs: list[tuple[str, str]] = []
    text = (_DIR / "machine_translated.properties").read_text(encoding="utf-8")
    for raw in text.splitlines():
        line = raw.strip()
        if line and not line.startswith("#") and "=" in line:
            key, _, value = line.partition("=")
            pairs.append((key.strip(), value.strip()))
    return tuple(pairs)


def _is_word_key(key: str) -> bool:
    return key.startswith(("in.", "schema."))


@cache
def _index(translated: bool) -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    found = [p for p in _DIR.iterdir() if fnmatch(p.name, "labels_*.properties")]
    for path in sorted(found, key=lambda p: p.name):
        for key, value in _read_properties(path).items():
            table.setdefault(normalise(value), set()).add(key)
    pairs = [(key, value) for key, values in _EXTRA.items() for value in values]
    if translated:
        pairs.extend(p for p in _machine_translated() if not _is_word_key(p[0]))
    for key, value in pairs:
        table.setdefault(normalise(value), set()).add(key)
    return {text: frozenset(keys) for text, keys in table.items()}


def _word_form(text: str) -> str:
    return normalise(text).replace(" ", "")


@cache
def _words(translated: bool) -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    pairs = [(key, value) for key, values in _WORDS.items() for value in values]
    if translated:
        pairs.extend(p for p in _machine_translated() if _is_word_key(p[0]))
    for key, value in pairs:
        table.setdefault(_word_form(value), set()).add(key)
    return {text: frozenset(keys) for text, keys in table.items()}


@cache
def all_label_words() -> frozenset[str]:
    """Every word of every label and structure word, in every language (case-folded)."""
    texts = [*_index(True), *(value.casefold() for _, value in _machine_translated())]
    texts += [value.casefold() for values in _WORDS.values() for value in values]
    return frozenset(word for text in texts for word in re.findall(r"\w+", text))


def keys_for(text: str) -> frozenset[str]:
    """Every label key that ``text`` is the label of, in any language."""
    return _index(enabled("translations")).get(normalise(text), frozenset())


def word_key(text: str, prefix: str) -> str | None:
    """The key (``in.body``, ``schema.array``...) of a structure word starting with
    ``prefix``, in any language; None when ``text`` is no such word."""
    keys = _words(enabled("translations")).get(_word_form(text), frozenset())
    found = sorted(k for k in keys if k.startswith(prefix))
    return found[0] if found else None


def is_label(text: str, *keys: str) -> bool:
    return not keys_for(text).isdisjoint(keys)
