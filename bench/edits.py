"""The page edits the benchmark regenerates after: what a doc writer saves, three kinds.

Each edit changes exactly one page of a scratch copy of the docs and returns that page;
calling it again makes a second, different edit of the same kind (the benchmark times
one in-process and one through the CLI):

- ``description``: text appended to the first operation page's description (or, without
  one, to the description cell of its first table row that has one);
- ``parameter``: a new optional query parameter row added to the first operation page's
  Parameters table;
- ``response-field``: the last optional property row removed from the definition page
  that the first operation with a definition as its ``200`` response returns.

An edit that finds nothing to change raises `EditError`: a benchmark that edited
nothing would time a no-op.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

EDIT_MARK = " (edited by md2sdk bench)"
KINDS = ("description", "parameter", "response-field")
_LINK = re.compile(r"\]\(([^)#]+\.md)#[^)]*\)")


class EditError(Exception):
    """The docs offer nothing of this kind to edit."""


def operation_pages(specs: Path) -> list[Path]:
    folder = specs / "operations"
    return sorted((folder if folder.is_dir() else specs).glob("*.md"))


def edit(kind: str, specs: Path) -> Path:
    """Apply one edit of ``kind`` (one of `KINDS`) under ``specs``; the page changed."""
    return _EDITS[kind](specs)


def edit_description(specs: Path) -> Path:
    page = operation_pages(specs)[0]
    lines = _lines(page)
    if not _edit_description(lines) and not _edit_table_cell(lines):
        raise EditError(f"found no description to edit in {page}")
    _save(page, lines)
    return page


def add_parameter(specs: Path) -> Path:
    page = operation_pages(specs)[0]
    lines = _lines(page)
    header = _table_after(lines, "#### parameters")
    if header is None:
        raise EditError(f"{page} has no Parameters table")
    taken = "\n".join(lines)
    number = 1
    while f"md2sdkBench{number}" in taken:
        number += 1
    columns = [c.strip() for c in lines[header].strip().strip("|").split("|")]
    cells = {
        "Type": "**Query**",
        "Name": f"**md2sdkBench{number}**  <br>*optional*",
        "Description": "Added by the md2sdk bench.",
        "Schema": "string",
    }
    end = _table_end(lines, header)
    lines.insert(end, "|" + "|".join(cells.get(c, "") for c in columns) + "|")
    _save(page, lines)
    return page


def remove_response_field(specs: Path) -> Path:
    for operation in operation_pages(specs):
        target = _success_definition(operation)
        if target is None or not target.is_file():
            continue
        lines = _lines(target)
        header = next((i for i, line in enumerate(lines) if line.startswith("|Name|")), None)
        if header is None:
            continue
        rows = range(header + 2, _table_end(lines, header))
        optional = [i for i in rows if "*optional*" in lines[i]]
        if optional:
            del lines[optional[-1]]
            _save(target, lines)
            return target
    raise EditError(f"no operation under {specs} returns a definition with an optional field")


def _success_definition(page: Path) -> Path | None:
    """The definition page the ``200`` row of ``page``'s Responses table links to."""
    lines = _lines(page)
    header = _table_after(lines, "#### responses")
    if header is None:
        return None
    for line in lines[header + 2 : _table_end(lines, header)]:
        if line.startswith("|**200**|") and (match := _LINK.search(line)):
            return (page.parent / match.group(1)).resolve()
    return None


def _edit_description(lines: list[str]) -> bool:
    for index, line in enumerate(lines[:-1]):
        if line.strip().lower() == "#### description" and lines[index + 2 :]:
            target = next(i for i in range(index + 1, len(lines)) if lines[i].strip())
            if not lines[target].startswith("#"):
                lines[target] += EDIT_MARK
                return True
    return False


def _edit_table_cell(lines: list[str]) -> bool:
    for index, line in enumerate(lines[:-2]):
        cells = line.strip().strip("|").split("|")
        if "Description" in cells and "\\|" not in lines[index + 2]:
            row = lines[index + 2].strip().strip("|").split("|")
            if len(row) == len(cells):
                row[cells.index("Description")] += EDIT_MARK
                lines[index + 2] = "|" + "|".join(row) + "|"
                return True
    return False


def _table_after(lines: list[str], heading: str) -> int | None:
    """The header row of the first table after ``heading`` (before the next heading)."""
    for index, line in enumerate(lines):
        if line.strip().lower() == heading:
            for inner in range(index + 1, len(lines)):
                if lines[inner].startswith("#"):
                    return None
                if lines[inner].startswith("|"):
                    return inner
    return None


def _table_end(lines: list[str], header: int) -> int:
    end = header + 2
    while end < len(lines) and lines[end].startswith("|"):
        end += 1
    return end


def _lines(page: Path) -> list[str]:
    return page.read_text(encoding="utf-8").split("\n")


def _save(page: Path, lines: list[str]) -> None:
    page.write_text("\n".join(lines), encoding="utf-8")


_EDITS: dict[str, Callable[[Path], Path]] = {
    "description": edit_description,
    "parameter": add_parameter,
    "response-field": remove_response_field,
}
