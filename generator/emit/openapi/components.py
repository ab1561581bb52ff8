"""Definitions → ``components/schemas``, with Swagger2Markup's polymorphism restored.

Swagger2Markup prints a subtype (``*Polymorphism* : Inheritance``) with its parent's
properties flattened in and the parent's name gone. The parent is recovered as the
definition whose properties are the largest proper subset of the child's (ties: the
first in document order); the child becomes ``allOf: [$ref parent, own properties]``
and the parent carries the ``discriminator``. When no definition fits, the child keeps
its flat schema and the discriminator itself, with an ``unsupported`` warning.
"""

from __future__ import annotations

from functools import partial

from generator.diagnostics import Diagnostics
from generator.emit.fits import authored
from generator.emit.openapi.parts import DocumentParts
from generator.emit.openapi.schemas import Json, SchemaWriter, unresolved_component
from generator.model import (
    AllOfSchema,
    Api,
    Definition,
    ObjectSchema,
    PolymorphismNature,
    RefSchema,
)


def write_components(
    api: Api, writer: SchemaWriter, diagnostics: Diagnostics, parts: DocumentParts | None = None
) -> dict[str, Json]:
    """The component schemas of every definition, in document order (with ``parts``,
    a plain one may be a kept part: `generator.emit.openapi.parts`)."""
    out: dict[str, Json] = {}
    discriminators: dict[str, str] = {}
    for definition in api.definitions:
        name = writer.names[definition.key]
        poly = definition.polymorphism
        if poly is None or poly.nature is not PolymorphismNature.INHERITANCE:
            if parts is None:
                out[name] = writer.component(definition)
            else:
                out[name] = parts.component(definition, partial(writer.component, definition))
            continue
        parent = _parent(api, definition)
        if parent is None:
            out[name] = writer.component(definition)
            if poly.discriminator:
                out[name]["discriminator"] = {"propertyName": poly.discriminator}
                diagnostics.warning(
                    "unsupported",
                    f"definition '{definition.name}' inherits from a type the docs do not "
                    "name; its discriminator was kept on the definition itself",
                    definition.location,
                )
            continue
        out[name] = _subtype(definition, parent, writer)
        if poly.discriminator:
            discriminators.setdefault(parent.key, poly.discriminator)
    for key, prop in discriminators.items():
        out[writer.names[key]]["discriminator"] = {"propertyName": prop}
    return out


def add_missing(out: dict[str, Json], writer: SchemaWriter) -> None:
    """Stand-ins for links to definitions the API lacks, found while writing."""
    for key, where in writer.missing.items():
        out.setdefault(writer.names[key], unresolved_component(key, where))


def _parent(api: Api, child: Definition) -> Definition | None:
    """The definition a flattened subtype inherits from, if the docs let us tell."""
    if isinstance(child.schema, AllOfSchema):
        for part in child.schema.parts:
            if isinstance(part, RefSchema) and part.ref.target is not None:
                return api.definition(part.ref.target)
        return None
    if not isinstance(child.schema, ObjectSchema):
        return None
    own = {p.name for p in child.schema.properties}
    best: Definition | None = None
    best_size = 0
    for candidate in api.definitions:
        if candidate.key == child.key or not isinstance(candidate.schema, ObjectSchema):
            continue
        names = {p.name for p in candidate.schema.properties}
        if names and names < own and len(names) > best_size:
            best, best_size = candidate, len(names)
    return best


def _subtype(child: Definition, parent: Definition, writer: SchemaWriter) -> Json:
    if isinstance(child.schema, AllOfSchema):
        return writer.component(child)
    assert isinstance(child.schema, ObjectSchema) and isinstance(parent.schema, ObjectSchema)
    inherited = {p.name for p in parent.schema.properties}
    own = ObjectSchema(
        properties=tuple(p for p in child.schema.properties if p.name not in inherited),
        additional_properties=child.schema.additional_properties,
    )
    out: Json = {"allOf": [writer.ref_to_key(parent.key), writer.object(own, child.location)]}
    if child.description:
        out["description"] = child.description
    example = authored(child.example)
    if example is not None:
        out.update(writer.example(example))
    return out
