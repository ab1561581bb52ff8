"""``[tool.md2sdk.apis.NAME.pagination]``: rules read, problems located at their key,
and the python target's detection and checks (issue #16 item 10)."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest

from generator.config import load_config
from generator.config_paging import Pagination, PagingRule
from generator.diagnostics import Diagnostics
from generator.emit.python import emit_python
from generator.emit.templating import make_environment

sys.path.insert(0, str(Path(__file__).parent / "emit"))

import python_build

BASE = """\
[tool.md2sdk]

[tool.md2sdk.apis.catalog]
specs = "specs/catalog"

[tool.md2sdk.apis.catalog.pagination]
style = "offset"
offset = "start"

[tool.md2sdk.apis.catalog.pagination.operations."GET /other"]
style = "cursor"
next-cursor = "meta.next"

[tool.md2sdk.apis.catalog.pagination.operations.listThings]
style = "none"
"""


def _load(tmp_path: Path, text: str) -> tuple[Pagination, list[str]]:
    (tmp_path / "specs" / "catalog").mkdir(parents=True, exist_ok=True)
    path = tmp_path / "pyproject.toml"
    path.write_text(text)
    diagnostics = Diagnostics()
    config = load_config(path, diagnostics)
    found = [f"{d.location.line}:{d.location.column} {d.message}" for d in diagnostics.sorted()]
    return (config.apis[0].pagination if config.apis else Pagination()), found


def test_rules_per_api_and_per_operation(tmp_path: Path) -> None:
    pagination, problems = _load(tmp_path, BASE)
    assert problems == []
    offset = PagingRule("offset", offset="start")
    assert pagination.default == offset
    assert pagination.rule_for("get", "/batches", "getBatch") == (offset, False)
    cursor, explicit = pagination.rule_for("GET", "/other", "")
    assert explicit and cursor == replace(offset, style="cursor", next_cursor="meta.next")
    none, explicit = pagination.rule_for("GET", "/things", "listThings")
    assert explicit and none is not None and none.style == "none"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ('style = "offset"', 'style = "pages"', "7:1 style = 'pages' must be one of"),
        ('offset = "start"', "offset = 3", "8:1 offset must be a non-empty name"),
        ('offset = "start"', 'ofset = "x"', "8:1 unknown pagination key 'ofset'"),
        ('next-cursor = "meta.next"', "", "11:1 cursor paging needs next-cursor"),
        ('style = "none"', "first-page = -1", "15:1 first-page must be a whole number"),
    ],
)  # fmt: skip
def test_problems_are_located_at_their_key(
    tmp_path: Path, old: str, new: str, expected: str
) -> None:
    _, problems = _load(tmp_path, BASE.replace(old, new, 1))
    assert any(p.startswith(expected) for p in problems), problems


def test_the_repository_pages_the_catalog() -> None:
    catalog = python_build.project_config("catalog")
    assert catalog.pagination.default == PagingRule("offset", offset="start", limit="limit")


def _warnings(pagination: Pagination) -> list[str]:
    api = python_build.load_spec("catalog")
    config = replace(python_build.project_config("catalog"), pagination=pagination)
    diagnostics = Diagnostics()
    files = emit_python(api, config, diagnostics, make_environment())
    assert files
    return [d.format() for d in diagnostics.sorted() if d.code.startswith("pagination")]


def test_detection_proposes_a_config_once_per_api() -> None:
    [hint] = _warnings(Pagination())
    assert hint.startswith("specs/catalog/operations/get_batch.md:")
    assert "warning[pagination-hint]: 1 GET operation(s) look paged (GET /batches" in hint
    assert (
        '[tool.md2sdk.apis.catalog.pagination] with style = "offset", offset = "start", '
        'limit = "limit"' in hint
    )


def test_an_operation_that_cannot_page_as_configured_is_warned() -> None:
    rule = PagingRule("cursor", cursor="after", next_cursor="next")
    [warning] = _warnings(Pagination(operations=(("GET /batches", rule),)))
    assert "warning[pagination]: GET /batches: cursor pagination is configured but it" in warning
    assert "no query parameter 'after'" in warning
    items = PagingRule("offset", offset="start", items="data")
    [warning] = _warnings(Pagination(default=items))
    assert "its response has no list or map at items = 'data'" in warning
    assert _warnings(Pagination(default=PagingRule("none"))) == []


def test_the_repository_readme_documents_every_key() -> None:
    from generator.config_paging import KEYS  # noqa: PLC0415

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Pagination", 1)[1]
    assert [key for key in sorted(KEYS) if f"`{key}`" not in section] == []
