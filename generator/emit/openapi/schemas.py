"""Model schemas → OpenAPI Schema Objects (plain dicts), for 3.1.0 and 3.0.3.

The two versions differ in a few keywords only, all decided here: 3.1 is JSON Schema
2020-12 (numeric ``exclusiveMinimum``, ``examples`` lists, ``$ref`` with siblings), 3.0
keeps Swagger 2.0's boolean ``exclusiveMinimum``, a single ``example``, and ignores
keywords next to a ``$ref`` (so a described reference is wrapped in ``allOf``).

A `SchemaWriter` also collects component names: every ``$ref`` points at
``#/components/schemas/<component_name(key)>``, and a reference whose definition the
API lacks gets a stand-in component marked ``x-md2sdk-unresolved``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial

from generator.diagnostics import Diagnostics
from generator.emit.fits import authored, fits
from generator.emit.incremental.active import remembered_over
from generator.emit.openapi.values import fits_type, typed_value
from generator.emit.reach import first_links
from generator.model import (
    AnySchema,
    Api,
    ArraySchema,
    Constraints,
    Definition,
    DocValue,
    EnumSchema,
    FileSchema,
    MapSchema,
    ObjectSchema,
    PrimitiveSchema,
    Property,
    Reference,
    RefSchema,
    Schema,
    SourceLocation,
)
from generator.naming import component_name, unique_names

Json = dict[str, object]

JSON_TYPES = frozenset({"string", "integer", "number", "boolean", "object", "array"})
SCHEMA_PREFIX = "#/components/schemas/"


def unresolved_component(key: str, reference: Reference | None) -> Json:
    """The stand-in for a definition the docs link to but no page contains.

    It says which link, as the docs write it, and not which page holds the link: that
    page's path is as the generating machine shows it (absolute for docs outside the
    working directory), and the ``unresolved-ref`` diagnostic already points at it.
    """
    if reference is None:
        text = f"Definition '{key}' is not defined on any page of the docs."
    else:
        page = reference.file or "the linking page itself"
        text = (
            f"Definition '{key}' is missing: the docs link to '{reference.href}', "
            f"but {page} is not among the docs' pages."
        )
    # A free-form object, as the Python client types it (``dict[str, Any]``): left
    # untyped, mock servers such as Prism serve ``null`` for it and the client rejects it.
    return {"type": "object", "description": text, "x-md2sdk-unresolved": True}


@dataclass
class SchemaWriter:
    """Turns model schemas into Schema Objects for one document.

    ``names`` maps definition keys to component names (document order, collision-free);
    ``missing`` collects references to definitions the API does not hold, so the
    document can add a stand-in component for each.
    """

    api: Api
    version: str
    diagnostics: Diagnostics
    names: dict[str, str] = field(default_factory=dict)
    missing: dict[str, Reference] = field(default_factory=dict)
    _first_links: dict[str, Reference] | None = None
    """Each definition's first link in the API (`_first_use`), found on first use."""

    def __post_init__(self) -> None:
        # Named as the docs print them (``Pet``), keyed by the unique definition key;
        # taken from the last run while the labels are unchanged (a remembered
        # fragment: ~0.02 s of a Kubernetes edit).
        labels = tuple({d.key: d.name or d.key for d in self.api.definitions}.items())
        names = remembered_over("component_names", (), partial(_component_names, labels), labels)
        assert isinstance(names, dict)
        self.names = names

    @property
    def is_31(self) -> bool:
        return not self.version.startswith("3.0")

    # ------------------------------------------------------------------ references

    def ref(self, reference: Reference) -> Json:
        key = reference.target if reference.target is not None else reference.anchor
        if self.api.definition(key) is None and key not in self.missing:
            self.missing[key] = reference
            label = reference.name or key
            self.names.update(
                unique_names([key], lambda _: component_name(label), reserved=self.names.values())
            )
        return {"$ref": SCHEMA_PREFIX + self.names[key]}

    def ref_to_key(self, key: str) -> Json:
        return {"$ref": SCHEMA_PREFIX + self.names[key]}

    # --------------------------------------------------------------------- schemas

    def schema(self, schema: Schema, where: SourceLocation) -> Json:
        """The Schema Object for ``schema``; ``where`` locates any diagnostic."""
        if isinstance(schema, PrimitiveSchema):
            return self._primitive(schema, where)
        if isinstance(schema, FileSchema):
            return {"type": "string", "format": "binary"}
        if isinstance(schema, AnySchema):
            return {"type": schema.type} if schema.type in JSON_TYPES else {}
        if isinstance(schema, EnumSchema):
            return self._enum(schema, where)
        if isinstance(schema, ArraySchema):
            return {"type": "array", "items": self.schema(schema.items, where)}
        if isinstance(schema, MapSchema):
            return {"type": "object", "additionalProperties": self.schema(schema.values, where)}
        if isinstance(schema, RefSchema):
            return self.ref(schema.ref)
        if isinstance(schema, ObjectSchema):
            return self.object(schema, where)
        return {"allOf": [self.schema(part, where) for part in schema.parts]}

    def _primitive(self, schema: PrimitiveSchema, where: SourceLocation) -> Json:
        if schema.type not in JSON_TYPES:
            self.diagnostics.warning(
                "unsupported",
                f"type '{schema.type}' is not a JSON Schema type; emitted as a free-form value",
                where,
            )
            out: Json = {}
        else:
            out = {"type": schema.type}
        if schema.format:
            out["format"] = schema.format
        return out

    def _enum(self, schema: EnumSchema, where: SourceLocation) -> Json:
        if schema.ref is not None and schema.ref.target is not None:
            return self.ref(schema.ref)
        kind = schema.type if schema.type in JSON_TYPES else "string"
        if not schema.values:
            return {"type": kind}
        values = [typed_value(v, kind) for v in schema.values]
        return {"type": kind, "enum": values}

    def object(self, schema: ObjectSchema, where: SourceLocation) -> Json:
        out: Json = {"type": "object"}
        if schema.title:
            out["title"] = schema.title
        if schema.required:
            out["required"] = list(dict.fromkeys(schema.required))
        if schema.properties:
            out["properties"] = {p.name: self.property(p) for p in schema.properties}
        if schema.additional_properties is not None:
            out["additionalProperties"] = self.schema(schema.additional_properties, where)
        return out

    def property(self, prop: Property) -> Json:
        extra: Json = {}
        if prop.description:
            extra["description"] = prop.description
        if prop.read_only:
            extra["readOnly"] = True
        base = self.schema(prop.schema, prop.location)
        if prop.default is not None:
            extra.update(self.default(prop.default, base, prop.location))
        # Only examples a person wrote, and only those that fit: a mock server serves them.
        example = authored(prop.example)
        if example is not None and fits(example.value, prop.schema, self.api):
            extra.update(self.example(example))
        return self.decorate(base, prop.constraints, extra)

    # ------------------------------------------------------------------ decoration

    def default(self, value: DocValue, schema: Json, where: SourceLocation) -> Json:
        """``{"default": v}`` with ``v`` in the schema's type (docs often print ``true``
        or ``10`` as text); a default that cannot be read in that type is left out."""
        kind = schema.get("type")
        typed = value.value
        if isinstance(typed, str) and kind in ("integer", "number", "boolean"):
            typed = typed_value(typed, kind)
        if not fits_type(typed, kind):
            self.diagnostics.warning(
                "unsupported",
                f"default '{value.text}' is not a valid {kind}; it was left out",
                where,
            )
            return {}
        return {"default": typed}

    def example(self, value: DocValue) -> Json:
        return {"examples": [value.value]} if self.is_31 else {"example": value.value}

    def decorate(self, base: Json, constraints: Constraints, extra: Json) -> Json:
        """``base`` plus constraint keywords and annotations (description, default...).

        Array constraints go on the array, the others on a referenced or plain value.
        In 3.0 a ``$ref`` cannot carry siblings, so it is wrapped in ``allOf``.
        """
        keywords = {**self.constraints(constraints), **extra}
        if not keywords:
            return base
        if "$ref" in base and not self.is_31:
            return {"allOf": [base], **keywords}
        return {**base, **keywords}

    def constraints(self, c: Constraints) -> Json:
        out: Json = {}
        if c.min_length is not None:
            out["minLength"] = c.min_length
        if c.max_length is not None:
            out["maxLength"] = c.max_length
        if c.pattern is not None:
            out["pattern"] = c.pattern
        out.update(self._bound("minimum", "exclusiveMinimum", c.minimum, c.exclusive_minimum))
        out.update(self._bound("maximum", "exclusiveMaximum", c.maximum, c.exclusive_maximum))
        if c.min_items is not None:
            out["minItems"] = c.min_items
        if c.max_items is not None:
            out["maxItems"] = c.max_items
        return out

    def _bound(self, name: str, exclusive_name: str, value: float | None, exclusive: bool) -> Json:
        if value is None:
            return {}
        if not exclusive:
            return {name: value}
        return {exclusive_name: value} if self.is_31 else {name: value, exclusive_name: True}

    # ----------------------------------------------------------------- definitions

    def component(self, definition: Definition) -> Json:
        """The components/schemas entry for a definition (without polymorphism)."""
        if definition.unresolved:
            return unresolved_component(definition.key, self._first_use(definition.key))
        out = self.schema(definition.schema, definition.location)
        if definition.title:
            out = {"title": definition.title, **out}
        if definition.description:
            out = {**out, "description": definition.description}
        example = authored(definition.example)
        if example is not None:
            out = {**out, **self.example(example)}
        return out

    def _first_use(self, key: str) -> Reference | None:
        """The API's first link to ``key`` (it names the page that was needed): in the
        operations, then in the other definitions."""
        if self._first_links is None:
            first: dict[str, Reference] = {}
            for op in self.api.operations:
                for linked, ref in first_links(op):
                    first.setdefault(linked, ref)
            for definition in self.api.definitions:
                for linked, ref in first_links(definition):
                    if linked != definition.key:
                        first.setdefault(linked, ref)
            self._first_links = first
        return self._first_links.get(key)


def _component_names(labels: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """Definition key → unique component name, from (key, label) in document order."""
    text = dict(labels)
    return unique_names(text, lambda key: component_name(text[key]))
