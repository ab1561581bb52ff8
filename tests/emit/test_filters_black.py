"""The Python filters write literals in black's shape, so emitted code needs no
re-quoting (and black has less to do): checked against black's own functions."""

from __future__ import annotations

import ast

from black.strings import normalize_string_quotes
from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.emit.templating import pystr

QUOTES = st.text(alphabet=st.sampled_from(list("'\"\\ax\n\u2028\u202e\t")), max_size=12)


@settings(max_examples=400, derandomize=True, database=None)
@given(st.one_of(st.text(max_size=30), QUOTES))
@example("it's")
@example('say "hi"')
@example("both ' and \"")
@example("'\"'")
@example("\\'")
@example('"')
def test_pystr_is_black_normalised_and_exact(text: str) -> None:
    literal = pystr(text)
    assert ast.literal_eval(literal) == text
    assert normalize_string_quotes(literal) == literal
