"""The Python filters write literals in black's shape, so emitted code needs no
re-quoting or re-indenting (and black has less to do): checked against black itself."""

from __future__ import annotations

import ast

import black
from black.strings import normalize_string_quotes
from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.emit.templating import docstring, pystr
from generator.write.formatting import black_mode

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


DOC_TEXT = st.lists(
    st.sampled_from([*'ab "\\\n\t\r\u00a0\u3000\u2028\x0b', "x" * 30, '"""', "  "]),
    max_size=14,
).map("".join)


def _in_block(body: str, indent: int) -> str:
    """A module whose only docstring, at ``indent`` columns, has ``body``."""
    heads = {0: "", 4: "class A:\n", 8: "class A:\n    def f(self) -> None:\n"}
    return f'{heads[indent]}{" " * indent}"""{body}"""\n'


@settings(max_examples=600, derandomize=True, database=None)
@given(DOC_TEXT, st.sampled_from([0, 4, 8]), st.booleans())
@example("Summary\n\n    indented\n  less", 8, True)
@example("x" * 84 + "\nnext " + "y" * 80, 4, False)
@example("x" * 84 + "\nnext " + "y" * 76, 8, False)
@example("a\nnext " + "y" * 76, 4, False)  # closing quotes end at column 88
@example("a\nnext " + "y" * 77, 4, False)  # ... and at 89: they move down
@example('"quoted"', 0, False)
@example("one line", 8, True)
@example("", 4, False)
@example("   ", 4, True)
@example("\u00a0a\n\u00a0\u00a0b", 0, False)
def test_docstring_at_an_indent_is_black_normalised(text: str, indent: int, own: bool) -> None:
    body = docstring(text, indent, own_line=own)
    source = _in_block(body, indent)
    assert black.format_str(source, mode=black_mode()) == source
    # Only whitespace differs from the plain filter: the escaping guarantees hold.
    tree = ast.parse(source)
    node = tree.body[0]
    while isinstance(node, ast.ClassDef | ast.FunctionDef):
        node = node.body[0]
    assert isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    assert isinstance(node.value.value, str)
    plain = ast.literal_eval(f'"""{docstring(text)}"""')
    assert node.value.value.split() == plain.split()


SPECIAL = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029\u202a\u202e\u2066\u2069\u200e\u200f\x00\t\x1f\x7f"


@settings(max_examples=400, derandomize=True, database=None)
@given(st.text(alphabet=st.sampled_from([*SPECIAL, "a", "é", "\n", '"', "\\", " "]), max_size=20))
@example("tab\there, bell\x07, DEL\x7f, RLO\u202e, LS\u2028, NEL\x85, CR\r\nLF")
def test_docstring_keeps_the_text_and_escapes_the_invisible(text: str) -> None:
    """The docstring's value is the text as written (``\\r\\n`` read as ``\\n``, trailing
    blanks aside), while its source shows each line break other than ``\\n``, control
    character, DEL and bidi control as an escape, never the character itself."""
    body = docstring(text)
    assert not any(c in SPECIAL or (ord(c) < 32 and c != "\n") for c in body)
    value = ast.literal_eval(f'"""{body}"""')
    assert value.rstrip(" \n") == text.replace("\r\n", "\n").rstrip(" \n")
