"""Schema samples: an array shows two items, built once and copied, so the sample is
plain data of its own (no item is another's object)."""

from __future__ import annotations

from generator.emit.samples import sample
from generator.model import (
    Api,
    ArraySchema,
    Constraints,
    ObjectSchema,
    PrimitiveSchema,
    Property,
    SourceLocation,
)

HERE = SourceLocation("defs.md", 1, 1)
EMPTY = Api("x", None, (), (), ())


def test_array_items_are_equal_values_of_their_own() -> None:
    tags = Property("tags", ArraySchema(PrimitiveSchema("string")), HERE, required=True)
    port = ObjectSchema((Property("port", PrimitiveSchema("integer"), HERE, required=True), tags))
    value = sample(ArraySchema(ArraySchema(port)), EMPTY)
    assert value == [[{"port": 0, "tags": ["string", "string"]}] * 2] * 2
    assert isinstance(value, list)
    first, second = value
    assert first is not second and first[0] is not first[1] and first[0] is not second[0]
    first[0]["tags"].append("mine")  # a caller may change its sample in place
    assert second[0]["tags"] == first[1]["tags"] == ["string", "string"]


def test_array_item_count_follows_its_bounds() -> None:
    item = PrimitiveSchema("integer")
    assert sample(ArraySchema(item), EMPTY, Constraints(min_items=3)) == [0, 0, 0]
    assert sample(ArraySchema(item), EMPTY, Constraints(max_items=1)) == [0]
    assert sample(ArraySchema(item), EMPTY, Constraints(max_items=0)) == []


def test_samples_built_once_per_model_are_each_callers_own() -> None:
    """Samples are remembered per model (docs nest the same definitions under many
    operations); a caller that changes its sample changes no other sample, of the
    same schema or of one nesting it."""
    inner = ObjectSchema((Property("port", PrimitiveSchema("integer"), HERE, required=True),))
    outer = ObjectSchema((Property("spec", inner, HERE, required=True),))
    first = sample(outer, EMPTY)
    assert first == {"spec": {"port": 0}}
    assert isinstance(first, dict)
    first["spec"]["port"] = 1
    nested = sample(inner, EMPTY)
    assert isinstance(nested, dict)
    nested["port"] = 2
    assert sample(outer, EMPTY) == {"spec": {"port": 0}}
    assert sample(inner, EMPTY) == {"port": 0}
    assert sample(outer, EMPTY) is not sample(outer, EMPTY)
