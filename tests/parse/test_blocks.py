"""The markdown front end: locations, tolerant tables, wrappers."""

import pytest

from generator.diagnostics import Diagnostics
from generator.parse.blocks import (
    Code,
    Heading,
    ListBlock,
    Paragraph,
    Table,
    last_line,
    parse_blocks,
)
from generator.parse.recovery import switched_off


def test_every_block_knows_its_line() -> None:
    text = "# T\n\n<a name=\"x\"></a>\n### Op\n```\nGET /x\n```\n\n* a\n* b\n\n#### After\n"
    blocks = parse_blocks("p.md", text)
    lines = [(type(b).__name__, b.location.line) for b in blocks]
    assert lines == [
        ("Heading", 1), ("Paragraph", 3), ("Heading", 4), ("Code", 5),
        ("ListBlock", 9), ("Heading", 12),
    ]


def test_table_rows_carry_their_own_lines_and_raw_cells() -> None:
    text = "intro\n\n|A|B|\n|---|---|\n|**x**  <br>*required*|`1`|\n|y|a \\| b|\n"
    (para, table) = parse_blocks("p.md", text)
    assert isinstance(para, Paragraph)
    assert isinstance(table, Table)
    assert table.header == ("A", "B")
    assert [r.cells for r in table.rows] == [("**x**  <br>*required*", "`1`"), ("y", "a \\| b")]
    assert [r.location.line for r in table.rows] == [5, 6]


def test_rows_with_wrong_cell_counts_are_kept() -> None:
    text = "|A|B|C|\n|---|---|---|\n|1|2|\n|1|2|3|4|\n"
    (table,) = parse_blocks("p.md", text)
    assert isinstance(table, Table)
    assert [r.cells for r in table.rows] == [("1", "2"), ("1", "2", "3", "4")]


def test_a_row_broken_by_a_raw_newline_is_rejoined() -> None:
    text = "|A|B|\n|---|---|\n|one|first line\nsecond line|\n|two|x|\n"
    (table,) = parse_blocks("p.md", text)
    assert isinstance(table, Table)
    assert [r.cells for r in table.rows] == [("one", "first line second line"), ("two", "x")]


def test_front_matter_and_kramdown_attributes_are_blanked_keeping_lines() -> None:
    text = "---\nlayout: post\ntitle: X\n---\n\n### Op\n\n{: .table}\n|A|\n|---|\n|1|\n"
    blocks = parse_blocks("p.md", text)
    assert isinstance(blocks[0], Heading) and blocks[0].location.line == 6
    assert isinstance(blocks[1], Table) and blocks[1].location.line == 9


def test_front_matter_without_opening_fence() -> None:
    blocks = parse_blocks("p.md", "title: kmd\n---\n\n## Paths\n")
    assert blocks == [Heading(2, "Paths", blocks[0].location)]
    assert blocks[0].location.line == 4


def test_crlf_and_no_final_newline() -> None:
    blocks = parse_blocks("p.md", "### A\r\n```\r\nGET /a\r\n```\r\n* x")
    assert [type(b) for b in blocks] == [Heading, Code, ListBlock]
    assert isinstance(blocks[1], Code) and blocks[1].text == "GET /a\n"


def test_every_line_belongs_to_one_block_even_after_a_list() -> None:
    text = "* a\n\n    code in an item\n# After\ntext\n> quote\n> more\n"
    blocks = parse_blocks("p.md", text)
    spans = [(type(b).__name__, b.location.line, last_line(b)) for b in blocks]
    assert spans == [
        ("ListBlock", 1, 3), ("Heading", 4, 4), ("Paragraph", 5, 5), ("Paragraph", 6, 7),
    ]
    assert isinstance(blocks[0], ListBlock) and "code in an item" in blocks[0].items[0]


def test_a_row_that_goes_on_after_blank_lines_is_rejoined_by_column_count() -> None:
    text = "|A|B|C|\n|---|---|---|\n|x|first part\n\nsecond part\n|z|\n|y|2|3|\n"
    (table,) = parse_blocks("p.md", text)
    assert isinstance(table, Table)
    assert [r.cells for r in table.rows] == [
        ("x", "first part<br><br>second part", "z"), ("y", "2", "3"),
    ]
    assert last_line(table) == 7


@pytest.mark.parametrize(
    "rest",
    [
        "|y|2|3|\n",  # a whole row: the open one cannot take it
        "more text\n|z|w|v|u|\n",  # one cell too many
        "### A heading\n",  # a new section
    ],
)
def test_a_row_nothing_can_complete_is_reported(rest: str) -> None:
    text = "|A|B|C|\n|---|---|---|\n|x|open cell\n\n" + rest
    diagnostics = Diagnostics()
    blocks = parse_blocks("p.md", text, diagnostics)
    assert isinstance(blocks[0], Table) and blocks[0].rows[0].cells == ("x", "open cell")
    assert [(d.code, d.location.line) for d in diagnostics] == [("broken-row", 3)]


def test_without_split_rows_the_row_stops_at_the_blank_line() -> None:
    text = "|A|B|C|\n|---|---|---|\n|x|first part\n\nsecond part\n|z|\n"
    diagnostics = Diagnostics()
    with switched_off(["split-rows"]):
        blocks = parse_blocks("p.md", text, diagnostics)
    assert [type(b) for b in blocks] == [Table, Paragraph]
    assert [(d.code, d.location.line) for d in diagnostics] == [("broken-row", 3)]


def test_an_html_table_is_read_as_a_table_with_inline_markdown_cells() -> None:
    text = (
        "<table>\n<thead>\n<tr class=\"header\">\n<th>Name</th>\n<th>Schema</th>\n</tr>\n"
        "</thead>\n<tbody>\n<tr class=\"odd\">\n<td><strong>id</strong><br />\n"
        "<em>required</em></td>\n<td><a href=\"#pet\">Pet</a> | x</td>\n</tr>\n</tbody>\n"
        "</table>\n"
    )
    (table,) = parse_blocks("p.md", text)
    assert isinstance(table, Table)
    assert table.header == ("Name", "Schema")
    assert [r.cells for r in table.rows] == [("**id**<br> *required*", "[Pet](#pet) \\| x")]
    assert table.rows[0].location.line == 9 and last_line(table) == 15


def test_an_escaped_pipe_at_the_end_of_a_full_row_does_not_swallow_the_next_row() -> None:
    text = "|A|B|\n|---|---|\n|x|ends with \\|\n|y|2|\n"
    (table,) = parse_blocks("p.md", text)
    assert isinstance(table, Table)
    assert [r.cells for r in table.rows] == [("x", "ends with \\|"), ("y", "2")]
