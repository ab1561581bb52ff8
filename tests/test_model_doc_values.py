"""A `DocValue`'s ``value`` follows from its ``text``, as the model says, in every tree.

Cache keys rely on it: `generator.emit.incremental.keys.content_bytes` writes a
`DocValue` as its text (Kubernetes's parsed example JSON was a fifth of the bytes and
time of keying its operations and definitions). So every API md2sdk reads (the specs,
the corpus, the fidelity pages, the S and M bench APIs) must hold only values that are
the JSON reading of their text, or the text itself; and a value that breaks the
contract must not key as the text does.
"""

from __future__ import annotations

import json
import pickle
from collections.abc import Iterator
from dataclasses import fields, is_dataclass
from pathlib import Path

import pytest

from generator.diagnostics import Diagnostics
from generator.emit.incremental.keys import content_bytes, stable_bytes
from generator.load.sources import read_pages
from generator.model import DocValue, Example, SourceLocation
from generator.resolve import resolve_api
from tests.emit.test_openapi_corpus import SPECS, TREES

BENCH = Path(__file__).resolve().parents[1].parent / "shared" / "bench" / "md"
APIS = {f"specs/{p.name}": [p] for p in SPECS} | TREES
APIS |= {f"bench/{name}": [BENCH / name] for name in ("powerdns", "slack")}


def _doc_values(value: object) -> Iterator[DocValue]:
    if isinstance(value, DocValue):
        yield value
    elif isinstance(value, tuple):
        for item in value:
            yield from _doc_values(item)
    elif is_dataclass(value) and not isinstance(value, type):
        for f in fields(value):
            yield from _doc_values(getattr(value, f.name))


@pytest.mark.parametrize("name", sorted(APIS))
def test_every_value_is_the_reading_of_its_text(name: str) -> None:
    diagnostics = Diagnostics()
    api = resolve_api(name, read_pages(APIS[name], diagnostics), diagnostics)
    for value in _doc_values(api):
        if value.is_json:
            # Exactly (1 and 1.0 and True apart): the same bytes as a fresh reading.
            assert stable_bytes(value.value) == stable_bytes(json.loads(value.text)), value
        else:
            assert type(value.value) is str and value.value == value.text, value


def test_the_bench_apis_hold_doc_values() -> None:
    """The check above reads something: the S bench API has examples and defaults."""
    diagnostics = Diagnostics()
    api = resolve_api("powerdns", read_pages([BENCH / "powerdns"], diagnostics), diagnostics)
    values = list(_doc_values(api))
    assert any(v.is_json for v in values) and any(not v.is_json for v in values)


def test_a_doc_value_keys_by_its_text_flags_and_any_value_off_contract() -> None:
    base = DocValue('{"a": 1}', {"a": 1}, True)
    variants = [
        DocValue('{"a": 2}', {"a": 2}, True),
        DocValue('{"a": 1}', '{"a": 1}', False),
        DocValue('{"a": 1}', {"a": 1}, True, generated=True),
        DocValue('{"a": 1}', {"a": 1}, True, generated_keys=("a",)),
    ]
    keys = {content_bytes(v) for v in [base, *variants]}
    assert len(keys) == 5
    # The text stands for a JSON value: its parsed objects are not written again.
    big = json.dumps({f"k{i}": [i, {"x": "y"}] for i in range(200)})
    parsed = DocValue(big, json.loads(big), True)
    assert len(content_bytes(parsed)) < len(pickle.dumps(parsed, protocol=5)) - len(big) // 2
    # Off the contract (a non-JSON value that is not its text): written out, and
    # never keyed as the text alone is.
    text = DocValue("1", "1", False)
    assert content_bytes(DocValue("1", 1, False)) != content_bytes(text)
    assert content_bytes(DocValue("1", 2, False)) != content_bytes(DocValue("1", 1, False))
    # Inside a model value, as an operation's examples hold them.
    where = SourceLocation("p.md", 1, 1)
    assert content_bytes(Example(base, where)) != content_bytes(Example(variants[0], where))
