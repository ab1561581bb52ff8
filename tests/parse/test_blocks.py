"""The markdown front end: locations, tolerant tables, wrappers."""

from generator.parse.blocks import Code, Heading, ListBlock, Paragraph, Table, parse_blocks


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
