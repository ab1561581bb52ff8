"""`keys.model_digest` of the model's definitions: made of each definition's content
digest (taken by the targets anyway), never of a pickle of the whole tuple; equal for
equal definitions built afresh, different when any one differs."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest

from generator.emit.incremental import keys
from generator.kept import forget

sys.path.insert(0, str(Path(__file__).parent))

from python_build import load_spec


def test_definitions_are_digested_part_by_part(monkeypatch: pytest.MonkeyPatch) -> None:
    forget()
    first, again = load_spec("petstore").definitions, load_spec("petstore").definitions
    assert first is not again

    def no_whole_pickle(value: object) -> bytes | None:
        raise AssertionError("the definitions were pickled whole")

    monkeypatch.setattr(keys, "stable_bytes", no_whole_pickle)
    digest = keys.model_digest(first)
    assert keys.model_digest(again) == digest
    edited = (replace(first[0], description=first[0].description + "!"), *first[1:])
    assert keys.model_digest(edited) != digest
    assert keys.model_digest(first[1:]) != digest


def test_other_values_keep_their_stable_bytes() -> None:
    forget()
    assert keys.model_digest(("a", 1)) != keys.model_digest(("a", True))
    assert keys.model_digest(()) == keys.model_digest(())
