"""Which example a generated test sends: a person's before Swagger2Markup's placeholders.

Placeholders (`DocValue.generated`) are valid values to send, so tests may use them;
an example a person wrote for the same parameter or property wins, and a placeholder
that does not fit its schema is replaced without an ``example-mismatch`` warning (the
docs' author did not write it).
"""

from __future__ import annotations

from dataclasses import replace

from generator.diagnostics import Diagnostics
from generator.emit.samples import sample
from generator.emit.tests.values import pick_values
from generator.model import (
    Api,
    Constraints,
    DocValue,
    Example,
    ObjectSchema,
    Operation,
    Parameter,
    ParameterIn,
    PrimitiveSchema,
    Property,
    RequestExample,
    SourceLocation,
)

HERE = SourceLocation("ops.md", 3, 1)
EMPTY = Api("x", None, (), (), ())
INT = PrimitiveSchema("integer")


def value(data: object, *, generated: bool) -> DocValue:
    return DocValue(repr(data), data, True, generated)


def send(param: Parameter, query: DocValue) -> tuple[object, list[str]]:
    """The value a test passes for a query ``param`` and the warnings it costs."""
    op = Operation("GET", "/dogs", HERE, parameters=(param,),
                   request_example=RequestExample(query=Example(query, HERE)))  # fmt: skip
    diagnostics = Diagnostics()
    [chosen] = pick_values(op, [param], EMPTY, diagnostics)
    return chosen.value, [d.code for d in diagnostics]


LIMIT = Parameter("limit", ParameterIn.QUERY, INT, HERE)


def test_a_written_parameter_example_beats_a_placeholder() -> None:
    written = replace(LIMIT, example=value(25, generated=False))
    assert send(written, value({"limit": 0}, generated=True)) == (25, [])
    # A request example a person wrote is used as written.
    assert send(written, value({"limit": 5}, generated=False)) == (5, [])
    # A query example of written values and placeholders: this one is a placeholder.
    mixed = DocValue("", {"limit": 0, "q": "x"}, True, generated_keys=("limit",))
    assert send(written, mixed) == (25, [])
    # Nothing written: the placeholder is a valid value to send.
    assert send(LIMIT, value({"limit": 0}, generated=True)) == (0, [])


def test_a_placeholder_that_does_not_fit_is_replaced_silently() -> None:
    positive = replace(LIMIT, constraints=Constraints(minimum=1))
    assert send(positive, value({"limit": 0}, generated=True)) == (1, [])
    assert send(positive, value({"limit": 0}, generated=False)) == (1, ["example-mismatch"])


def test_samples_take_written_hints_before_placeholders() -> None:
    name = PrimitiveSchema("string")
    placeholder = value("string", generated=True)
    default = DocValue("Rex", "Rex", False)
    assert sample(name, EMPTY, None, (placeholder, default)) == "Rex"
    assert sample(name, EMPTY, None, (placeholder, None)) == "string"
    dog = ObjectSchema((Property("name", name, HERE, default=default, example=placeholder),))
    assert sample(dog, EMPTY) == {"name": "Rex"}
