"""Description cells: prose and ``**Label** : `value``` annotations read apart."""

from __future__ import annotations

import pytest

from generator.diagnostics import Diagnostics
from generator.model import Constraints, DocValue, SourceLocation
from generator.parse.annotations import Annotated, parse_description_cell, parse_doc_value

LOC = SourceLocation("defs.md", 7, 1)


def read(text: str) -> tuple[Annotated, Diagnostics]:
    diagnostics = Diagnostics()
    return parse_description_cell(text, LOC, diagnostics), diagnostics


def test_petstore_category_name_cell() -> None:
    cell = (
        "The name of the category  <br>**Default** : `\"DefaultCategory\"`  <br>"
        "**Length** : `0 - 255`  <br>**Pattern** : `\"[A-Za-zäöüÄÖÜß]{0,255}\"`  <br>"
        "**Example** : `\"FoobarCategory\"`"
    )
    annotated, diagnostics = read(cell)
    assert annotated == Annotated(
        description="The name of the category",
        default=DocValue('"DefaultCategory"', "DefaultCategory", True),
        example=DocValue('"FoobarCategory"', "FoobarCategory", True),
        constraints=Constraints(min_length=0, max_length=255, pattern="[A-Za-zäöüÄÖÜß]{0,255}"),
    )
    assert len(diagnostics) == 0


def test_numbers_bounds_and_counts() -> None:
    cell = "**Default** : `0`  <br>**Minimum value** : `0`  <br>**Maximum value** : `10000`"
    annotated, _ = read(cell)
    assert annotated.description == ""
    assert annotated.default == DocValue("0", 0, True)
    assert annotated.constraints == Constraints(minimum=0, maximum=10000)

    counts, _ = read("Status values  <br>**Min count** : 1<br>**Max count** : 10")
    assert counts.description == "Status values"
    assert counts.constraints == Constraints(min_items=1, max_items=10)


def test_exclusive_bounds_and_fractional_values() -> None:
    cell = "**Minimum value (exclusive)** : `0.5`  <br>**Maximum value (exclusive)** : `99`"
    annotated, _ = read(cell)
    assert annotated.constraints == Constraints(
        minimum=0.5, exclusive_minimum=True, maximum=99, exclusive_maximum=True
    )


def test_single_length_bounds() -> None:
    annotated, _ = read("**Minimum length** : `3`  <br>**Maximal length** : `64`")
    assert annotated.constraints == Constraints(min_length=3, max_length=64)


def test_json_example_with_br_newlines_keeps_indentation() -> None:
    annotated, _ = read('A map.  <br>**Example** : `{<br>  "string" : [ "string" ]<br>}`')
    assert annotated.description == "A map."
    assert annotated.example == DocValue(
        '{\n  "string" : [ "string" ]\n}', {"string": ["string"]}, True
    )


def test_escaped_pipe_in_pattern_is_a_pipe() -> None:
    annotated, _ = read(r'**Pattern** : `"^(?:[A-Z]{2}==\|[A-Z]{3}=)?$"`')
    assert annotated.constraints.pattern == "^(?:[A-Z]{2}==|[A-Z]{3}=)?$"


def test_json_backslash_escapes_are_decoded() -> None:
    annotated, _ = read(r'**Pattern** : `"^\\d+\\.\\d+$"`')
    assert annotated.constraints.pattern == r"^\d+\.\d+$"


def test_localized_labels() -> None:
    cell = (
        "Der Name  <br>**Standard** : `\"x\"`  <br>**Beispiel** : `\"y\"`  <br>"
        "**Länge** : `1 - 5`"
    )
    annotated, _ = read(cell)
    assert annotated.description == "Der Name"
    assert annotated.default == DocValue('"x"', "x", True)
    assert annotated.example == DocValue('"y"', "y", True)
    assert annotated.constraints == Constraints(min_length=1, max_length=5)


def test_hand_written_minimum_maximum_labels() -> None:
    annotated, _ = read("Page size.<br>**Minimum** : 1<br>**Maximum** : 100")
    assert annotated.description == "Page size."
    assert annotated.constraints == Constraints(minimum=1, maximum=100)


def test_other_bold_labels_stay_in_the_description() -> None:
    annotated, _ = read("**Note 1**: read this<br>more text  <br>**Example** : `\"a\"`")
    assert annotated.description == "**Note 1**: read this\nmore text"
    assert annotated.example == DocValue('"a"', "a", True)


def test_free_text_example_is_kept_as_text_without_diagnostic() -> None:
    annotated, diagnostics = read("**Example** : `Bearer abc.def`")
    assert annotated.example == DocValue("Bearer abc.def", "Bearer abc.def", False)
    assert len(diagnostics) == 0


def test_non_numeric_constraint_is_a_located_warning() -> None:
    annotated, diagnostics = read("**Maximum value** : `lots`")
    assert annotated.constraints == Constraints()
    [diag] = list(diagnostics)
    assert (diag.code, diag.location) == ("bad-annotation", LOC)
    assert "Maximum value" in diag.message


def test_escaped_pipes_in_a_description_are_pipes_also_in_code_spans() -> None:
    annotated, found = read(r'Either `a\|b` or a \| b.<br>**Example** : `"x\|y"`')
    assert annotated.description == "Either `a|b` or a | b."
    assert annotated.example == DocValue('"x|y"', "x|y", True)
    assert len(found) == 0


def test_plain_description_with_br() -> None:
    annotated, _ = read("line one<br>line two  <br>")
    assert annotated == Annotated("line one\nline two")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("`10`", DocValue("10", 10, True)),
        ('`"a\\|b"`', DocValue('"a|b"', "a|b", True)),
        ("`true`", DocValue("true", True, True)),
        ("`[ 1, 2 ]`", DocValue("[ 1, 2 ]", [1, 2], True)),
        ("`abc`", DocValue("abc", "abc", False)),
        (r"some\_name", DocValue("some_name", "some_name", False)),
        ("42", DocValue("42", 42, True)),
        ("``a`b``", DocValue("a`b", "a`b", False)),
    ],
)
def test_parse_doc_value(text: str, expected: DocValue) -> None:
    assert parse_doc_value(text) == expected
