"""The intermediate model: what an API's markdown docs say, and nothing more.

Every parser produces these values and every emitter consumes them. They are frozen
dataclasses holding tuples (never lists or dicts of mutable state) so a model can be
shared, cached and compared freely. The model is target-neutral: it holds the docs'
own names and wording, never Python identifiers, YAML shapes or rendered text. Where a
value came from a page, the node carries the `SourceLocation` it was read from so every
later diagnostic can point at the exact line.

Swagger 2.0 semantics are kept as the docs carry them (a body is a parameter with
``location == "body"``; collection formats stay on array schemas); mapping them onto a
target (OpenAPI 3 request bodies, Python keyword arguments) is the emitters' job.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

# Re-exported (the `as` form is how a typed module says so): every node carries one.
from generator.location import SourceLocation as SourceLocation  # noqa: PLC0414 (PEP 484 re-export)

NOWHERE = SourceLocation("<unknown>", 0, 0)


@dataclass(frozen=True)
class DocValue:
    """A literal written in the docs (a default, an example, an enum value).

    ``text`` is exactly what the page says (markdown escapes removed). ``value`` is the
    JSON reading of it when ``is_json`` is true, otherwise the same string as ``text``.
    JSON objects and arrays are kept as plain ``dict``/``list`` values: they are data,
    never mutated after parsing.

    ``generated`` marks an example no person wrote: the placeholder Swagger2Markup's
    example generator printed for the schema (``"string"``, ``0``, ``"[pet](#pet)"``),
    recognised after resolving (`generator.resolve.examples`). It is kept, as a value
    valid by construction, but never shown as an example of the API. An object that
    mixes both (a request-query example of every parameter, where a person wrote some)
    lists the keys whose values are placeholders in ``generated_keys`` instead.
    """

    text: str
    value: object
    is_json: bool
    generated: bool = False
    generated_keys: tuple[str, ...] = ()


@dataclass(frozen=True)
class Constraints:
    """Validation keywords Swagger2Markup prints as ``**Label** : `value``` annotations."""

    min_length: int | None = None
    max_length: int | None = None
    pattern: str | None = None
    minimum: int | float | None = None
    exclusive_minimum: bool = False
    maximum: int | float | None = None
    exclusive_maximum: bool = False
    min_items: int | None = None
    max_items: int | None = None


# --------------------------------------------------------------------------- schemas


@dataclass(frozen=True)
class Reference:
    """A link to a schema, security scheme or other anchor, as written in the docs.

    ``href`` is the link target verbatim (``../definitions/batch.md#batch``); ``file``
    and ``anchor`` are its two halves with markdown escapes removed. ``target`` is
    filled in by the resolver with the key of the definition (or scheme) it denotes,
    and stays ``None`` when nothing in the API matches.
    """

    name: str
    href: str
    file: str | None
    anchor: str
    location: SourceLocation
    target: str | None = None


@dataclass(frozen=True)
class PrimitiveSchema:
    """``string``, ``integer (int64)``, ``number (float)``, ``boolean``..."""

    type: str
    format: str | None = None


@dataclass(frozen=True)
class FileSchema:
    """The Swagger 2.0 ``file`` type (form uploads and binary responses)."""


@dataclass(frozen=True)
class AnySchema:
    """A free-form value: ``object`` with no properties, or a type the docs leave open."""

    type: str | None = "object"


@dataclass(frozen=True)
class EnumSchema:
    """``enum (A, B)``: string values unless ``type`` says otherwise."""

    values: tuple[str, ...]
    type: str = "string"
    ref: Reference | None = None


@dataclass(frozen=True)
class ArraySchema:
    """``< X > array`` with an optional collection format (``multi``, ``csv``...)."""

    items: Schema
    collection_format: str | None = None


@dataclass(frozen=True)
class MapSchema:
    """``< string, X > map``: keys are always strings in Swagger 2.0."""

    values: Schema


@dataclass(frozen=True)
class RefSchema:
    """A link to a named definition (``[Pet](#pet)``)."""

    ref: Reference


@dataclass(frozen=True)
class Property:
    """One row of a properties table."""

    name: str
    schema: Schema
    location: SourceLocation
    description: str = ""
    required: bool = False
    read_only: bool = False
    default: DocValue | None = None
    example: DocValue | None = None
    constraints: Constraints = field(default_factory=Constraints)


@dataclass(frozen=True)
class ObjectSchema:
    """An object with a properties table (a definition, or an inline schema).

    ``title`` is the heading the docs gave an inline schema (``availableDates``) and is
    empty for definitions, whose name lives on the `Definition`.
    """

    properties: tuple[Property, ...] = ()
    title: str = ""
    additional_properties: Schema | None = None

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.properties if p.required)


@dataclass(frozen=True)
class AllOfSchema:
    """Composition of schemas (``*Polymorphism* : Composition``), in document order."""

    parts: tuple[Schema, ...]


Schema = (
    PrimitiveSchema
    | FileSchema
    | AnySchema
    | EnumSchema
    | ArraySchema
    | MapSchema
    | RefSchema
    | ObjectSchema
    | AllOfSchema
)


class PolymorphismNature(StrEnum):
    INHERITANCE = "inheritance"
    COMPOSITION = "composition"


@dataclass(frozen=True)
class Polymorphism:
    nature: PolymorphismNature
    discriminator: str | None = None


@dataclass(frozen=True)
class Definition:
    """A named schema from a definitions page (``### Pet`` + properties table).

    ``key`` is unique within the API (the anchor, deduplicated by the resolver) and is
    what `Reference.target` points at; ``name`` is the name as the docs print it (as
    the anchor, file and links agree on it when the heading is a title); ``title`` is
    the heading when it is a title rather than the name.
    """

    key: str
    name: str
    schema: Schema
    location: SourceLocation
    description: str = ""
    polymorphism: Polymorphism | None = None
    example: DocValue | None = None
    unresolved: bool = False
    title: str = ""


# ------------------------------------------------------------------------ operations


class ParameterIn(StrEnum):
    PATH = "path"
    QUERY = "query"
    HEADER = "header"
    BODY = "body"
    FORM_DATA = "formData"


@dataclass(frozen=True)
class Parameter:
    """One row of a ``Parameters`` table (a body row is merged with ``Body parameter``)."""

    name: str
    place: ParameterIn
    schema: Schema
    location: SourceLocation
    description: str = ""
    required: bool = False
    default: DocValue | None = None
    example: DocValue | None = None
    constraints: Constraints = field(default_factory=Constraints)


@dataclass(frozen=True)
class Header:
    """A response header from a ``**Headers** :`` list."""

    name: str
    schema: Schema
    description: str = ""
    default: DocValue | None = None


@dataclass(frozen=True)
class Response:
    """One row of a ``Responses`` table; ``status`` is ``"200"``-like or ``"default"``."""

    status: str
    description: str
    schema: Schema | None
    location: SourceLocation
    headers: tuple[Header, ...] = ()


@dataclass(frozen=True)
class SecurityRequirement:
    """A row of an operation's ``Security`` table."""

    type: str
    scheme: Reference
    scopes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Example:
    """An example block; ``media_type`` is set where the docs key examples by it."""

    value: DocValue
    location: SourceLocation
    media_type: str | None = None


@dataclass(frozen=True)
class RequestExample:
    """The parts of an ``Example HTTP request`` section, each optional."""

    path: Example | None = None
    header: Example | None = None
    query: Example | None = None
    body: Example | None = None
    form_data: Example | None = None


@dataclass(frozen=True)
class ResponseExample:
    status: str
    example: Example


@dataclass(frozen=True)
class Operation:
    """One endpoint: ``METHOD /path`` and everything its page says about it."""

    method: str
    path: str
    location: SourceLocation
    operation_id: str = ""
    summary: str = ""
    description: str = ""
    deprecated: bool = False
    parameters: tuple[Parameter, ...] = ()
    responses: tuple[Response, ...] = ()
    consumes: tuple[str, ...] = ()
    produces: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    security: tuple[SecurityRequirement, ...] | None = None
    request_example: RequestExample | None = None
    response_examples: tuple[ResponseExample, ...] = ()


# -------------------------------------------------------------- security and overview


@dataclass(frozen=True)
class Scope:
    name: str
    description: str = ""


@dataclass(frozen=True)
class SecurityScheme:
    """A scheme from a security page: apiKey (``param_name``/``param_in``), basic, oauth2."""

    key: str
    name: str
    type: str
    location: SourceLocation
    description: str = ""
    param_name: str | None = None
    param_in: str | None = None
    flow: str | None = None
    authorization_url: str | None = None
    token_url: str | None = None
    scopes: tuple[Scope, ...] = ()
    inferred: bool = False


@dataclass(frozen=True)
class ExternalDocs:
    url: str
    description: str = ""


@dataclass(frozen=True)
class Tag:
    name: str
    description: str = ""


@dataclass(frozen=True)
class Overview:
    """The overview page: title, version, contact, license, URI scheme, tags.

    ``inferred``: made from a page's own title and the text under it (a README-style
    page of operations with no overview section); an overview the docs give wins.
    """

    title: str
    location: SourceLocation
    description: str = ""
    version: str | None = None
    contact_name: str | None = None
    contact_email: str | None = None
    contact_url: str | None = None
    license_name: str | None = None
    license_url: str | None = None
    terms_of_service: str | None = None
    host: str | None = None
    base_path: str | None = None
    schemes: tuple[str, ...] = ()
    tags: tuple[Tag, ...] = ()
    consumes: tuple[str, ...] = ()
    produces: tuple[str, ...] = ()
    external_docs: ExternalDocs | None = None
    inferred: bool = False


# ------------------------------------------------------------------------ containers


@dataclass(frozen=True)
class Page:
    """Everything one markdown file holds, before pages are merged.

    ``inline_schemas`` maps the anchors of anchored inline schema blocks
    (``<a name="batch-availabledates"></a> **availableDates**`` + table) to their
    schema; ``anchors`` lists every anchor defined on the page (for link resolution);
    ``tags`` are tag groups of a paths page with the description printed under them;
    ``title`` is the page's own ``#`` title over its content (``# Device inventory``),
    when it is no overview's, operation's or definition's heading.
    """

    path: str
    overview: Overview | None = None
    operations: tuple[Operation, ...] = ()
    definitions: tuple[Definition, ...] = ()
    security_schemes: tuple[SecurityScheme, ...] = ()
    inline_schemas: tuple[tuple[str, ObjectSchema], ...] = ()
    anchors: tuple[str, ...] = ()
    tags: tuple[Tag, ...] = ()
    title: str = ""


@dataclass(frozen=True)
class Api:
    """One API: all its pages merged, references resolved.

    ``name`` is the API's folder name (``catalog``); ``definitions`` are in document
    order with unique keys; a definition with ``unresolved=True`` stands in for a page
    the docs link to but do not contain.
    """

    name: str
    overview: Overview | None
    operations: tuple[Operation, ...]
    definitions: tuple[Definition, ...]
    security_schemes: tuple[SecurityScheme, ...]
    pages: tuple[str, ...] = ()

    @cached_property
    def definitions_by_key(self) -> dict[str, Definition]:
        return {d.key: d for d in self.definitions}

    @cached_property
    def schemes_by_key(self) -> dict[str, SecurityScheme]:
        return {s.key: s for s in self.security_schemes}

    def definition(self, key: str) -> Definition | None:
        return self.definitions_by_key.get(key)

    def scheme(self, key: str) -> SecurityScheme | None:
        return self.schemes_by_key.get(key)
