"""Swagger2Markup's example generator, replayed: is a docs value what it would print?

With ``generatedExamplesEnabled`` Swagger2Markup (1.3.x) fills every ``**Example** :``
annotation and the ``Example HTTP request/response`` sections it has no example for
with values built from the schema alone (``../shared/docs/s2m-generated-examples.md``;
its ``ExamplesUtil``, ``PropertyAdapter`` and ``ParameterAdapter``). `Placeholders`
answers, for a value found in the docs and the schema it belongs to, whether the value
is exactly such a placeholder. It checks instead of building: Swagger2Markup's
releases differ in small ways (an enum's first value or ``"string"``; ``"1970-01-01"``
or ``"string"`` for a date), so each leaf accepts any release's value, and a value is
walked in step with its schema, which also bounds the work by the value's own size.

Three contexts print different things for the same schema:

- an annotation in a table (`annotation`): a reference is the link text
  ``"[anchor](#anchor)"``, an array ``[item]``, a map ``{"string": value}``, an inline
  object ``"object"``;
- a body or response (`body`, `response`): references are expanded into objects of
  every property, recursively; a definition entered more than twice on one walk prints
  ``"..."`` (Swagger2Markup's counter is not decremented on that path, so a later
  sibling can print ``"..."`` too; replayed as is);
- a request parameter (`parameter`): ``"string"``, ``0``, ``0.0``, ``true``, the item's
  value for an array.

A value the docs wrote that equals the generated one is, with near certainty, a
placeholder; the schema is the only evidence either way.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from generator.model import (
    AllOfSchema,
    AnySchema,
    Api,
    ArraySchema,
    EnumSchema,
    FileSchema,
    MapSchema,
    ObjectSchema,
    Parameter,
    PrimitiveSchema,
    Property,
    Reference,
    RefSchema,
    Schema,
)
from generator.parse.refs import anchor_key
from generator.resolve.verdicts import Verdicts, VerdictStore

MAX_RECURSION = 2
"""Swagger2Markup's ``MAX_RECURSION_TO_DISPLAY``: deeper entries print ``"..."``."""

# Newer releases print these for string formats; older ones print "string" for all.
FORMAT_EXAMPLES = {
    "byte": "Ynl0ZQ==",
    "date": "1970-01-01",
    "date-time": "1970-01-01T00:00:00Z",
    "email": "email@example.com",
    "password": "secret",
    "uuid": "f81d4fae-7dec-11d0-a765-00a0c91e6bf6",
}
ELLIPSIS = "..."
_PRINTED: dict[str, object] = {"true": True, "0": 0, "0.0": 0.0}
"""Non-string placeholders as ``String.valueOf`` prints them into a path."""
_LINK = re.compile(r"\[([^\[\]]+)\]\(([^()\s]*)\)")


def same(a: object, b: object) -> bool:
    """JSON equality that tells ``true``, ``1`` and ``1.0`` apart."""
    if type(a) is not type(b):
        return False
    if isinstance(a, list):
        assert isinstance(b, list)
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict):
        assert isinstance(b, dict)
        return a.keys() == b.keys() and all(same(v, b[k]) for k, v in a.items())
    return a == b


def _enum_first(schema: EnumSchema) -> object:
    first = schema.values[0] if schema.values else None
    if first is not None and schema.type == "integer":
        try:
            return int(first)
        except ValueError:
            return first
    return first


class Placeholders:
    """Recognises the values Swagger2Markup generates for one API's schemas; the
    verdicts on bodies and responses are kept across runs in ``verdicts`` (if given)."""

    def __init__(self, api: Api, verdicts: VerdictStore | None = None) -> None:
        self.api = api
        self.verdicts = Verdicts(api, verdicts)

    # ------------------------------------------------------------ one value, shallow

    def shallow(self, value: object, schema: Schema) -> bool:
        """``PropertyAdapter.generateExample``: one value for a schema, references as
        their link text, containers by their type name."""
        if isinstance(schema, PrimitiveSchema):
            return self._primitive(value, schema.type, schema.format)
        if isinstance(schema, EnumSchema):
            if schema.ref is not None and self._link(value, schema.ref):
                return True
            if schema.values and same(value, _enum_first(schema)):
                return True
            return self._primitive(value, schema.type, None)
        if isinstance(schema, RefSchema):
            return self._link(value, schema.ref)
        if isinstance(schema, ArraySchema):
            return value == "array" or (
                isinstance(value, list) and len(value) == 1 and self.shallow(value[0], schema.items)
            )
        if isinstance(schema, AnySchema):
            # A property with no type prints "untyped"; its schema cell says "object".
            return value in ("untyped", schema.type or "untyped")
        if isinstance(schema, FileSchema):
            return value == "file"
        return value == "object"  # maps, inline objects, compositions

    def _primitive(self, value: object, kind: str, fmt: str | None) -> bool:
        if kind == "string":
            return type(value) is str and value in ("string", FORMAT_EXAMPLES.get(fmt or ""))
        if kind == "integer":
            return type(value) is int and value == 0
        if kind == "number":
            return type(value) is float and value == 0.0
        if kind == "boolean":
            return value is True
        return value == kind

    def _link(self, value: object, ref: Reference) -> bool:
        """``"[anchor](#anchor)"``: Swagger2Markup's cross reference to a definition."""
        if not isinstance(value, str):
            return False
        found = _LINK.fullmatch(value)
        if found is None:
            return False
        return anchor_key(found.group(2).rpartition("#")[2]) == anchor_key(ref.anchor)

    # ------------------------------------------------------------- table annotations

    def annotation(self, value: object, schema: Schema) -> bool:
        """``PropertyAdapter.getExample``: the ``**Example** :`` of a table row."""
        if isinstance(schema, MapSchema):
            return (
                isinstance(value, dict)
                and list(value) == ["string"]
                and self.shallow(value["string"], schema.values)
            )
        if isinstance(schema, ArraySchema):
            return (
                isinstance(value, list) and len(value) == 1 and self.shallow(value[0], schema.items)
            )
        return self.shallow(value, schema)

    def parameter(self, value: object, param: Parameter) -> bool:
        """A path, query, header or form value of a request example (and a parameter's
        own annotation): ``ParameterAdapter.generateExample``, an array by its item."""
        if param.example is not None and not param.example.generated:
            return False  # Swagger2Markup prints a written example as it is
        return self.parameter_schema(value, param.schema)

    def parameter_schema(self, value: object, schema: Schema) -> bool:
        """`parameter` by the schema alone (for the parameter's own annotation)."""
        if isinstance(schema, ArraySchema):
            return self.shallow(value, schema.items) or self.shallow(value, schema)
        return self.shallow(value, schema)

    def parameter_text(self, text: str, param: Parameter) -> bool:
        """A value as printed inside a path (``String.valueOf``, maybe URL-encoded)."""
        text = unquote(text)
        candidates: list[object] = [text]
        if text in _PRINTED:
            candidates.append(_PRINTED[text])
        return any(self.parameter(c, param) for c in candidates)

    # ------------------------------------------------------------- bodies, responses

    def body(self, value: object, schema: Schema, text: str | None = None) -> bool:
        """A request body example (``generateRequestExampleMap``, body part).

        ``text``, the value as written, lets a repeated body be answered once.
        """
        return self._remembered("body", value, schema, text)

    def response(self, value: object, schema: Schema, text: str | None = None) -> bool:
        """A response example (``generateResponseExampleMap``); ``text`` as for `body`."""
        return self._remembered("response", value, schema, text)

    def _remembered(self, rule: str, value: object, schema: Schema, text: str | None) -> bool:
        # Docs repeat one definition's example under every operation that returns it,
        # and an edit leaves most of them as they were (`generator.resolve.verdicts`).
        check = self._body if rule == "body" else self._response
        if text is None:
            return check(value, schema)
        return self.verdicts.decide(rule, schema, text, lambda: check(value, schema))

    def _body(self, value: object, schema: Schema) -> bool:
        stack: dict[str, int] = {}
        if isinstance(schema, RefSchema):
            return self._ref_model(value, schema.ref, stack)
        if isinstance(schema, ArraySchema):
            return self._one_item(value, schema.items, stack)
        return self._object(value, self._properties(schema), stack)

    def _response(self, value: object, schema: Schema) -> bool:
        stack: dict[str, int] = {}
        if isinstance(schema, RefSchema):
            return self._ref_model(value, schema.ref, stack)
        if isinstance(schema, ArraySchema):
            return self._one_item(value, schema.items, stack)
        if isinstance(schema, ObjectSchema | AllOfSchema):
            # Older releases print an inline object response by its type name.
            return value == "object" or self._object(value, self._properties(schema), stack)
        return self.shallow(value, schema)

    def _ref_model(
        self, value: object, ref: Reference, stack: dict[str, int], *, item: bool = False
    ) -> bool:
        """``generateExampleForRefModel``: the definition's own example, else an object
        of its properties, ``"..."`` past the recursion limit."""
        definition = self.verdicts.definition(ref.target) if ref.target is not None else None
        if definition is None or definition.unresolved:
            # No page: the spec's model had no schema either and its example is null;
            # an array item stays null, anything else falls back to the link.
            return value is None if item else self._link(value, ref)
        if definition.example is not None and not definition.example.generated:
            return False
        key = definition.key
        stack[key] = stack.get(key, 0) + 1
        if stack[key] > MAX_RECURSION:
            return value == ELLIPSIS  # the counter stays up: Swagger2Markup's own leak
        # A composed model (allOf) starts its properties on a fresh counter.
        composed = definition.polymorphism is not None or isinstance(definition.schema, AllOfSchema)
        found = self._object(value, self._properties(definition.schema), {} if composed else stack)
        stack[key] -= 1
        return found

    def _properties(self, schema: Schema) -> tuple[Property, ...]:
        """A model's properties, composition parts merged; none for other schemas."""
        if isinstance(schema, ObjectSchema):
            return schema.properties
        if isinstance(schema, AllOfSchema):
            merged: dict[str, Property] = {}
            for part in schema.parts:
                target = part
                if isinstance(part, RefSchema) and part.ref.target is not None:
                    found = self.verdicts.definition(part.ref.target)
                    target = found.schema if found is not None else part
                if not isinstance(target, RefSchema):
                    merged.update((p.name, p) for p in self._properties(target))
            return tuple(merged.values())
        return ()

    def _object(
        self, value: object, props: tuple[Property, ...], stack: dict[str, int]
    ) -> bool:
        """``exampleMapForProperties``: every property, in order, by its own rule."""
        if not isinstance(value, dict):
            return False
        if len(value) != len(props) and len(value) != len({p.name for p in props}):
            return False
        for prop in props:
            if prop.name not in value or not self._deep(value[prop.name], prop, stack):
                return False
        return True

    def _deep(self, value: object, prop: Property, stack: dict[str, int]) -> bool:
        example = prop.example
        if example is not None and not example.generated:
            return same(value, example.value)
        schema = prop.schema
        if isinstance(schema, PrimitiveSchema):  # most properties, straight to their rule
            return self._primitive(value, schema.type, schema.format)
        if isinstance(schema, RefSchema):
            return self._ref_model(value, schema.ref, stack)
        if isinstance(schema, EnumSchema) and schema.ref is not None:
            return self.shallow(value, schema) or self._ref_model(value, schema.ref, stack)
        if isinstance(schema, ArraySchema):
            return self._one_item(value, schema.items, stack)
        if isinstance(schema, MapSchema):
            return self.annotation(value, schema)
        return self.shallow(value, schema)

    def _one_item(self, value: object, items: Schema, stack: dict[str, int]) -> bool:
        """``getExample`` of an array's items, wrapped in a one-item list."""
        if not isinstance(value, list) or len(value) != 1:
            return False
        item = value[0]
        if isinstance(items, RefSchema):
            return self._ref_model(item, items.ref, stack, item=True)
        if isinstance(items, ArraySchema):
            return self._one_item(item, items.items, stack)
        return self.shallow(item, items)
