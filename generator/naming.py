"""All naming: docs' names → identifiers, package names, env vars, component keys.

Every emitter takes its names from here so that one wire name maps to one Python name
everywhere (client method, model field, test, README). Docs names are untrusted: they
can be empty, pure punctuation (``+1``), start with digits, be keywords (``from``),
shadow builtins (``id``) or pydantic attributes (``json``), be non-ASCII or 10,000
characters long. Every function here returns a valid, deterministic name for all of
them; `unique_names` resolves what still collides after normalisation
(``x-api-key``/``x_api_key``/``X-Api-Key``) by numbering in first-seen order.
`snake_case` and `pascal_case` are remembered per text (pure, and a big API repeats
its wire names across hundreds of operations: ``pretty``, ``namespace``...).

Example::

    >>> snake_case("createdAfter"), pascal_case("batch-response"), option_name("x-gw-ims-org-id")
    ('created_after', 'BatchResponse', 'ims_org_id')
"""

from __future__ import annotations

import builtins
import functools
import hashlib
import keyword
import re
import unicodedata
from collections.abc import Callable, Container, Iterable
from dataclasses import dataclass

MAX_IDENTIFIER = 64
"""Longer Python names are cut and suffixed with a hash of the full name (stable,
distinct): they become file names too. OpenAPI component keys are never cut."""

KEYWORDS = frozenset(keyword.kwlist)
SOFT_KEYWORDS = frozenset(keyword.softkwlist)
BUILTINS = frozenset(n for n in dir(builtins) if not n.startswith("_"))

# Attributes of pydantic.BaseModel (v2 plus deprecated v1 names) a field must not shadow.
PYDANTIC_RESERVED = frozenset(
    {
        "construct", "copy", "dict", "from_orm", "json", "parse_file", "parse_obj",
        "parse_raw", "schema", "schema_json", "update_forward_refs", "validate",
        "fields", "model_config", "model_fields", "model_computed_fields", "model_extra",
        "model_fields_set", "model_construct", "model_copy", "model_dump",
        "model_dump_json", "model_json_schema", "model_parametrized_name",
        "model_post_init", "model_rebuild", "model_validate", "model_validate_json",
        "model_validate_strings",
    }
)  # fmt: skip

# Names generated annotations use: a field or parameter called ``date`` would shadow the
# type in the class body (pydantic's classic ``date: date`` trap).
TYPE_NAMES = frozenset(
    {"str", "int", "float", "bool", "bytes", "list", "dict", "object", "date", "datetime",
     "Any", "Literal", "Union", "Optional", "NotGiven", "NOT_GIVEN", "FileTypes"}
)  # fmt: skip

# Names every generated models module imports; a class must not take one of them.
RESERVED_CLASS_NAMES = frozenset(
    {
        "Any", "BaseModel", "ConfigDict", "Field", "Literal", "Optional", "Union",
        "Annotated", "NotGiven", "FileTypes", "Model", "Client", "AsyncClient",
        "APIError", "RawResponse",
    }
)  # fmt: skip

# Spelled-out punctuation for names with no letters or digits (``+1``, ``-1``, ``$``).
_SYMBOLS = {
    "+": "plus", "-": "minus", "*": "star", "@": "at", "$": "dollar", "#": "hash",
    "%": "percent", "&": "and", "!": "bang", "?": "question", "=": "equals",
    "<": "lt", ">": "gt", "~": "tilde", "^": "caret", "|": "pipe", "/": "slash",
    ".": "dot", ":": "colon", "_": "underscore",
}  # fmt: skip

# Transliterated code points first (``u540d``), then acronyms before a capitalised word
# (``HTTPServer``), words, acronyms; digits stay on the word they follow (``v2``, ``int64``).
_WORD = re.compile(
    r"(?<![A-Za-z0-9])u[0-9a-f]{4,6}(?![A-Za-z0-9])"
    r"|[A-Z]+[0-9]*(?=[A-Z][a-z])|[A-Z]?[a-z]+[0-9]*|[A-Z]+[0-9]*|[0-9]+[a-z]*"
)
_COMPONENT_ILLEGAL = re.compile(r"[^A-Za-z0-9._-]+")


def _ascii(text: str) -> str:
    """Strip accents (``é`` → ``e``); characters with no ASCII form become ``u<hex>``."""
    if text.isascii():  # NFKD leaves ASCII as it is (most names: no loop per character)
        return text
    out: list[str] = []
    for ch in unicodedata.normalize("NFKD", text):
        if ch.isascii():
            out.append(ch)
        elif unicodedata.combining(ch):
            continue
        elif ch.isalnum():
            out.append(f" u{ord(ch):04x} ")
        else:
            out.append(" ")
    return "".join(out)


def split_words(text: str) -> list[str]:
    """Words of a name across every convention: ``getHTTPResponse_code-2`` →
    ``['get', 'HTTP', 'Response', 'code', '2']``."""
    ascii_text = _ascii(text)
    words = _WORD.findall(ascii_text)
    if not words and text.strip():
        words = [_SYMBOLS[ch] for ch in text if ch in _SYMBOLS]
    elif text[:1] in "+-" and text[1:2].isdigit():
        # ``+1``/``-1`` (reaction counts) would both be ``1``; keep the sign as a word.
        words.insert(0, _SYMBOLS[text[0]])
    return words


def _shorten(name: str, original: str, sep: str) -> str:
    if len(name) <= MAX_IDENTIFIER:
        return name
    digest = hashlib.sha256(original.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{name[: MAX_IDENTIFIER - 9].rstrip('_')}{sep}{digest}"


@functools.lru_cache(maxsize=1 << 16)
def snake_case(text: str) -> str:
    """``createdAfter`` → ``created_after``; may be empty or start with a digit."""
    return _shorten("_".join(w.lower() for w in split_words(text)), text, "_")


@functools.lru_cache(maxsize=1 << 16)
def pascal_case(text: str) -> str:
    """``batch-response`` → ``BatchResponse``; ``HTTPError`` keeps its acronym."""
    words = split_words(text)
    name = "".join(w if w.isupper() and len(w) > 1 else w[:1].upper() + w[1:] for w in words)
    return _shorten(name, text, "")


def upper_snake(text: str) -> str:
    """``catalog-v2`` → ``CATALOG_V2`` (environment variable names)."""
    return snake_case(text).upper()


def _valid(name: str, fallback: str, prefix: str) -> str:
    if not name:
        return fallback
    if name[0].isdigit():
        return prefix + name
    return name


def safe_snake(text: str, *, fallback: str = "value", avoid: Iterable[str] = ()) -> str:
    """A snake_case identifier that is not a keyword, soft keyword or a name in
    ``avoid`` (a trailing ``_`` is added, PEP 8's convention)."""
    name = _shorten(_valid(snake_case(text), fallback, f"{fallback}_"), text, "_")
    avoided = set(avoid)
    while keyword.iskeyword(name) or name in SOFT_KEYWORDS or name in avoided:
        name += "_"
    return name


def param_name(wire: str, avoid: Iterable[str] = ()) -> str:
    """A method parameter for a wire name; shadowing builtins like ``id`` is allowed
    (callers write ``id=``), keywords and the method's own arguments are not."""
    return safe_snake(wire, fallback="param", avoid=TYPE_NAMES | set(avoid))


def field_name(wire: str) -> str:
    """A pydantic field for a property: never a BaseModel attribute, never private
    (a leading underscore would make pydantic ignore it)."""
    return safe_snake(wire, fallback="field", avoid=PYDANTIC_RESERVED | TYPE_NAMES)


# Verbs operation ids start with; with the operation's own words they let `segment`
# split the lowercased anchors Swagger2Markup prints (``getpetbyid`` → get_pet_by_id).
OPERATION_WORDS = frozenset(
    {"get", "list", "find", "search", "add", "create", "new", "put", "post", "update",
     "patch", "set", "replace", "delete", "remove", "upload", "download", "login", "logout",
     "place", "by", "with", "for", "from", "to", "all", "of", "and", "or", "in", "id", "ids"}
)  # fmt: skip


def segment(text: str, vocabulary: Iterable[str]) -> list[str] | None:
    """Split a run of lowercase letters into the fewest known words, or None.

    ``segment("findpetsbystatus", {"find", "pets", "by", "status"})`` gives the four
    words; anything the vocabulary cannot cover entirely is left alone (None).
    """
    words = {w for w in vocabulary if len(w) > 1}
    longest = max((len(w) for w in words), default=0)
    best: list[list[str] | None] = [[]] + [None] * len(text)
    for end in range(1, len(text) + 1):
        for start in range(max(0, end - longest), end):
            prefix = best[start]
            if prefix is not None and text[start:end] in words:
                candidate = [*prefix, text[start:end]]
                current = best[end]
                if current is None or len(candidate) < len(current):
                    best[end] = candidate
    return best[len(text)]


def method_name(
    operation_id: str,
    method: str,
    path: str,
    avoid: Iterable[str] = (),
    vocabulary: Iterable[str] = (),
) -> str:
    """A method for an operation: its id in snake_case, else ``get_pets_pet_id``.

    An id that is one lowercase run (an anchor such as ``addpet``) is split with
    ``vocabulary`` (words of the operation's summary, path and parameters).
    """
    source = operation_id if split_words(operation_id) else f"{method} {path}"
    if source.isalpha() and source.islower():
        known = {w.lower() for text in vocabulary for w in split_words(text)}
        known |= {w[:-1] for w in known if w.endswith("s")} | OPERATION_WORDS
        words = segment(source, known)
        if words and len(words) > 1:
            source = "_".join(words)
    # A method named ``list`` would shadow the builtin in the class's later annotations.
    return safe_snake(source, fallback="call", avoid=TYPE_NAMES | set(avoid))


def option_name(wire: str, avoid: Iterable[str] = ()) -> str:
    """A client option for a header: the ``x-`` prefix and a short vendor tag go
    (``x-gw-ims-org-id`` → ``ims_org_id``, ``x-api-key`` → ``api_key``)."""
    words = split_words(wire)
    if len(words) > 1 and words[0].lower() == "x":
        words = words[1:]
        if len(words) > 2 and len(words[0]) <= 2:
            words = words[1:]
    return safe_snake("_".join(words) or wire, fallback="option", avoid=TYPE_NAMES | set(avoid))


def class_name(text: str, avoid: Iterable[str] = ()) -> str:
    """A PascalCase class name that is not one the generated module imports."""
    name = _shorten(_valid(pascal_case(text), "Object", "Model"), text, "")
    avoided = RESERVED_CLASS_NAMES | set(avoid)
    while name in avoided or keyword.iskeyword(name) or name in BUILTINS:
        name += "Model"
    return name


def user_class_name(text: str, avoid: Iterable[str] = ()) -> str:
    """A class name the user chose in config (``CatalogClient``), kept verbatim when
    it is a usable identifier, else made into one like any docs name."""
    usable = text.isidentifier() and text.isascii() and not keyword.iskeyword(text)
    if usable and text not in set(avoid) and text[:1] != "_":
        return text
    return class_name(text or "Client", avoid)


def module_name(text: str) -> str:
    """A module file stem (``batch_response``); private modules are the runtime's."""
    return safe_snake(text, fallback="module", avoid=BUILTINS | {"models", "resources"})


def env_var(prefix: str, option: str) -> str:
    """``CATALOG`` + ``api_key`` → ``CATALOG_API_KEY``."""
    return "_".join(p for p in (upper_snake(prefix), upper_snake(option)) if p)


def component_name(definition_key: str) -> str:
    """An OpenAPI component key (``^[a-zA-Z0-9._-]+$``) for a definition's name.

    Names that are already legal stay exactly as they are, however long
    (``io.k8s.api.admissionregistration.v1alpha1.InitializerConfigurationList``), so
    ``$ref``s and anyone referring to a schema by name read like the docs; anything else
    is transliterated and illegal runs become ``_``. Never shortened: a component key is
    no file name. Distinct names can still meet (``a b``/``a_b``): pass the result
    through `unique_names`.
    """
    ascii_key = "_".join(_ascii(definition_key).split(" "))
    name = _COMPONENT_ILLEGAL.sub("_", ascii_key).strip("_")
    name = re.sub("_{2,}", "_", name) if name != ascii_key else name
    return name or "_".join(split_words(definition_key)) or "Schema"


def unique_names(
    names: Iterable[str],
    make: Callable[[str], str],
    *,
    reserved: Iterable[str] = (),
    fold: bool = False,
) -> dict[str, str]:
    """Map each distinct name to ``make(name)``, numbering later collisions.

    The first name to claim a result keeps it; later ones get ``_2``, ``_3``... in
    iteration order (callers pass document order, so output is stable). ``reserved``
    names are never handed out; ``fold`` compares case-insensitively (file names on
    case-insensitive file systems, HTTP header names).
    """

    taken = {r.casefold() for r in reserved} if fold else set(reserved)
    result: dict[str, str] = {}
    for original in names:
        if original in result:
            continue
        candidate = fresh_name(make(original), taken, fold=fold)
        taken.add(candidate.casefold() if fold else candidate)
        result[original] = candidate
    return result


def fresh_name(base: str, taken: Container[str], *, fold: bool = False) -> str:
    """``base``, or ``base`` numbered (``_2``, ``_3``...; ``_v2`` after a digit) until it
    is not in ``taken`` (holding casefolded names when ``fold``): the numbering of
    `unique_names` for callers that keep their own set of taken names, so one more
    name costs no copy of all the others."""

    def key(n: str) -> str:
        return n.casefold() if fold else n

    candidate, n = base, 1
    while key(candidate) in taken:
        n += 1
        sep = "" if base.endswith("_") else "_v" if base[-1:].isdigit() else "_"
        candidate = f"{base}{sep}{n}"
    return candidate


@dataclass(frozen=True)
class ApiNames:
    """The externally visible names derived from an API's short name."""

    package: str
    distribution: str
    env_prefix: str


def api_names(api: str) -> ApiNames:
    """``catalog`` → ``catalog_client`` / ``catalog-client`` / ``CATALOG``."""
    stem = snake_case(api) or "api"
    if stem[0].isdigit():
        stem = f"api_{stem}"
    return ApiNames(
        package=f"{stem}_client",
        distribution=f"{stem.replace('_', '-')}-client",
        env_prefix=stem.upper(),
    )
