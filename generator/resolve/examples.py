"""Examples the docs did not write: every placeholder in a resolved API marked generated.

Swagger2Markup fills examples a spec lacks with placeholders (`placeholders`). After
references are resolved (a placeholder for a reference depends on the definition it
names), this pass sets `DocValue.generated` on each example that equals what the
generator prints for its schema: property and parameter ``**Example** :`` annotations,
and every part of the ``Example HTTP request`` (path, header, query, body, form) and
``Example HTTP response`` sections. Values are kept as they are; emitters decide what
a placeholder is good for (a test may send one; the OpenAPI document never shows one).

Definitions are marked first: a body example embeds each property's own example when
a person wrote one, so the body rules need to know which property examples are written.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from generator.model import (
    AllOfSchema,
    Api,
    ArraySchema,
    Definition,
    DocValue,
    EnumSchema,
    Example,
    FileSchema,
    MapSchema,
    ObjectSchema,
    Operation,
    Parameter,
    ParameterIn,
    PrimitiveSchema,
    Property,
    RequestExample,
    ResponseExample,
    Schema,
)
from generator.resolve.evolve import evolve
from generator.resolve.memo import Marked, ResolveMemo, marked_definition_of, marked_of
from generator.resolve.placeholders import Placeholders
from generator.resolve.verdicts import VerdictStore

_TEMPLATE = re.compile(r"\{([^{}]+)\}")


def mark_examples(
    api: Api,
    verdicts: VerdictStore | None = None,
    memo: tuple[ResolveMemo | None, ResolveMemo] | None = None,
) -> Api:
    """``api`` with every generated example marked; unchanged nodes are reused.

    ``verdicts`` keeps the verdicts on body and response examples for the next run
    (`generator.resolve.verdicts`); it is saved here. ``memo``: the last run's
    and this run's (`generator.resolve.memo`): a definition the last run marked is
    taken as it was, and an operation it marked when the definitions that marking read
    are the same objects now; this run's are kept.
    """
    last, fresh = memo if memo is not None else (None, None)
    rules = Placeholders(api)
    if fresh is None:
        definitions = tuple(_definition(d, rules) for d in api.definitions)
    else:
        definitions = tuple(_remembered_definition(d, rules, last, fresh) for d in api.definitions)
    marked = evolve(api, definitions=definitions)
    rules = Placeholders(marked, verdicts)
    if fresh is None:
        operations = tuple(_operation(op, rules) for op in api.operations)
    else:
        fresh.marked_definitions = definitions
        lookup = None if last is None or last.marks_hold(definitions) else marked.definition
        operations = tuple(_remembered(op, rules, last, lookup, fresh) for op in api.operations)
    marked = evolve(marked, operations=operations)
    if verdicts is not None:
        verdicts.save()
    return marked


def _remembered_definition(
    definition: Definition, rules: Placeholders, last: ResolveMemo | None, fresh: ResolveMemo
) -> Definition:
    """``definition`` marked, or as the last run marked the same object; kept in
    ``fresh`` unless marking it read another definition."""
    marked = marked_definition_of(last, definition) if last is not None else None
    if marked is None:
        read: set[str] = set()
        marked = rules.verdicts.traced([], read, lambda: _definition(definition, rules))
        if read:
            return marked
    fresh.marked_definition[id(definition)] = (definition, marked)
    return marked


def _remembered(
    op: Operation,
    rules: Placeholders,
    last: ResolveMemo | None,
    lookup: Callable[[str], Definition | None] | None,
    fresh: ResolveMemo,
) -> Operation:
    """``op`` marked, or as the last run marked it when that still holds (``lookup``:
    the marked definitions by key when they are not all the last run's); kept in
    ``fresh`` with the verdicts its marking asked for and the definitions it read."""
    kept = marked_of(last, op, lookup) if last is not None else None
    if kept is None:
        asked: list[bytes] = []
        read: set[str] = set()
        marked = rules.verdicts.traced(asked, read, lambda: _operation(op, rules))
        definition = rules.verdicts.api.definition
        reads = tuple((key, definition(key)) for key in sorted(read))
        kept = Marked(op, marked, tuple(asked), reads)
    else:
        rules.verdicts.carry(kept.verdicts)
    fresh.marked[id(op)] = kept
    return kept.marked


def _generated(value: DocValue) -> DocValue:
    return value if value.generated else evolve(value, generated=True)


def _definition(definition: Definition, rules: Placeholders) -> Definition:
    schema = _schema(definition.schema, rules)
    return definition if schema is definition.schema else evolve(definition, schema=schema)


def _schema(schema: Schema, rules: Placeholders) -> Schema:
    """``schema`` with the examples of its (inline) properties marked."""
    if isinstance(schema, ObjectSchema):
        props = tuple(_property(p, rules) for p in schema.properties)
        extra = schema.additional_properties
        new_extra = _schema(extra, rules) if extra is not None else None
        changed = new_extra is not extra or any(
            a is not b for a, b in zip(props, schema.properties, strict=True)
        )
        if not changed:
            return schema
        return evolve(schema, properties=props, additional_properties=new_extra)
    if isinstance(schema, ArraySchema):
        items = _schema(schema.items, rules)
        return schema if items is schema.items else evolve(schema, items=items)
    if isinstance(schema, MapSchema):
        values = _schema(schema.values, rules)
        return schema if values is schema.values else evolve(schema, values=values)
    if isinstance(schema, AllOfSchema):
        parts = tuple(_schema(p, rules) for p in schema.parts)
        same = all(a is b for a, b in zip(parts, schema.parts, strict=True))
        return schema if same else evolve(schema, parts=parts)
    return schema


def _property(prop: Property, rules: Placeholders) -> Property:
    schema = _schema(prop.schema, rules)
    example = prop.example
    if example is not None and example.is_json and rules.annotation(example.value, schema):
        example = _generated(example)
    if schema is prop.schema and example is prop.example:
        return prop
    return evolve(prop, schema=schema, example=example)


# ----------------------------------------------------------------------- operations


def _operation(op: Operation, rules: Placeholders) -> Operation:
    # Marked parameters first: a request example's rules read which are written.
    params = tuple(_parameter(p, rules) for p in op.parameters)
    responses = tuple(
        r if r.schema is None or (schema := _schema(r.schema, rules)) is r.schema
        else evolve(r, schema=schema)
        for r in op.responses
    )
    if _changed(params, op.parameters) or _changed(responses, op.responses):
        op = evolve(op, parameters=params, responses=responses)
    request = op.request_example
    if request is not None:
        marked = _request(op, request, rules)
        if marked != request:
            op = evolve(op, request_example=marked)
    if op.response_examples:
        examples = tuple(_response_example(op, r, rules) for r in op.response_examples)
        if _changed(examples, op.response_examples):
            op = evolve(op, response_examples=examples)
    return op


def _changed(new: tuple[object, ...], old: tuple[object, ...]) -> bool:
    return any(a is not b for a, b in zip(new, old, strict=True))


def _parameter(param: Parameter, rules: Placeholders) -> Parameter:
    schema = _schema(param.schema, rules)
    example = param.example
    if example is not None and example.is_json:
        if param.place is ParameterIn.BODY:
            found = rules.body(example.value, schema, example.text)
        else:
            found = rules.parameter_schema(example.value, schema)
        example = _generated(example) if found else example
    if schema is param.schema and example is param.example:
        return param
    return evolve(param, schema=schema, example=example)


def _mark(example: Example | None, found: bool) -> Example | None:
    if example is None or not found:
        return example
    return evolve(example, value=_generated(example.value))


def _request(op: Operation, request: RequestExample, rules: Placeholders) -> RequestExample:
    def placed(place: ParameterIn) -> list[Parameter]:
        return [p for p in op.parameters if p.place is place]

    def one_of(example: Example | None, params: list[Parameter]) -> bool:
        # Swagger2Markup keeps the last header (form field) of the spec's order, which
        # the table's order need not be: any of them will do.
        return example is not None and example.value.is_json and any(
            rules.parameter(example.value.value, p) for p in params
        )

    headers = placed(ParameterIn.HEADER)
    header = request.header
    named = header is not None and not header.value.is_json and any(
        header.value.text == f'{p.name}:"{_type_name(p.schema)}"' for p in headers
    )
    bodies = placed(ParameterIn.BODY)
    body = request.body
    form = request.form_data
    return RequestExample(
        path=_mark(request.path, request.path is not None and _path(op, request.path, rules)),
        header=_mark(header, named or one_of(header, headers)),
        query=_query(request.query, placed(ParameterIn.QUERY), rules),
        body=_mark(
            body,
            body is not None
            and body.value.is_json
            and bool(bodies)
            and rules.body(body.value.value, bodies[0].schema, body.value.text),
        ),
        form_data=_mark(form, one_of(form, placed(ParameterIn.FORM_DATA))),
    )


def _query(
    example: Example | None, params: list[Parameter], rules: Placeholders
) -> Example | None:
    """An object of every query parameter's example (older releases): marked when all
    are placeholders, else its placeholders' keys listed (`DocValue.generated_keys`)."""
    if example is None or not example.value.is_json or not isinstance(example.value.value, dict):
        return example
    by_name = {p.name: p for p in params}
    entries = example.value.value.items()
    if any(k not in by_name for k, _ in entries):
        return example  # not Swagger2Markup's map of this operation's parameters
    keys = tuple(k for k, v in entries if rules.parameter(v, by_name[k]))
    if keys and len(keys) == len(entries):
        return _mark(example, True)
    return evolve(example, value=evolve(example.value, generated_keys=keys)) if keys else example


def _path(op: Operation, example: Example, rules: Placeholders) -> bool:
    """The path with each ``{name}`` replaced by its placeholder; newer releases add
    ``?name=value`` for required query parameters."""
    written = example.value  # a bare path, or a JSON string in some releases
    text = written.value if isinstance(written.value, str) else written.text
    path, _, query = text.strip().partition("?")
    filled = _fill(op.path, path)
    if filled is None:
        return False
    by_name = {p.name: p for p in op.parameters if p.place is ParameterIn.PATH}
    for name, segment in filled:
        param = by_name.get(name)
        if segment != "{" + name + "}" and (
            param is None or not rules.parameter_text(segment, param)
        ):
            return False
    queries = {p.name: p for p in op.parameters if p.place is ParameterIn.QUERY}
    for pair in query.split("&") if query else []:
        name, _, given = pair.partition("=")
        if name not in queries or not rules.parameter_text(given, queries[name]):
            return False
    return True


def _fill(template: str, path: str) -> list[tuple[str, str]] | None:
    """``/a/{x}/b`` + ``/a/1/b`` → ``[("x", "1")]``; None when they do not line up."""
    names = _TEMPLATE.findall(template)
    wanted = template.split("/")
    given = path.split("/")
    if len(wanted) == len(given) and all(
        w == g or (w[:1] == "{" and w[-1:] == "}" and w[1:-1] in names)
        for w, g in zip(wanted, given, strict=True)
    ):
        return [(w[1:-1], g) for w, g in zip(wanted, given, strict=True) if w != g]
    pieces = _TEMPLATE.split(template)  # a template inside a segment (``{name}.json``)
    regex = "".join(
        re.escape(piece) if i % 2 == 0 else "([^/]*)" for i, piece in enumerate(pieces)
    )
    found = re.fullmatch(regex, path)
    return None if found is None else list(zip(pieces[1::2], found.groups(), strict=True))


def _type_name(schema: Schema) -> str:
    """The Swagger type Swagger2Markup prints in a newer release's header example."""
    if isinstance(schema, PrimitiveSchema | EnumSchema):
        return schema.type
    if isinstance(schema, ArraySchema):
        return "array"
    if isinstance(schema, FileSchema):
        return "file"
    return "object"


def _response_example(
    op: Operation, example: ResponseExample, rules: Placeholders
) -> ResponseExample:
    status = example.status.strip().lower()
    response = next((r for r in op.responses if r.status.strip().lower() == status), None)
    value = example.example.value
    if response is None or response.schema is None or not value.is_json:
        return example
    if not rules.response(value.value, response.schema, value.text):
        return example
    return evolve(example, example=evolve(example.example, value=_generated(value)))
