"""Each failure mode of the docs has a diagnostic code and a page that shows its message.

`broken_docs/` holds one small broken page (or folder, when the mistake needs several
pages) per failure mode, named after the code it must produce. Each is run through
the pipeline as one API (read, parse, resolve, emit OpenAPI and the Python client);
the test asserts the named code is reported, that nothing raised or reported an md2sdk
bug, and snapshots the full diagnostics output (syrupy) so every message is reviewed.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from syrupy.assertion import SnapshotAssertion

from generator.config import ApiConfig
from generator.diagnostics import CODES, Diagnostics
from generator.load.sources import load_pages
from generator.model import Parameter, ParameterIn
from generator.parse import parse_page
from generator.pipeline import emit_api

HERE = Path(__file__).resolve().parent
BROKEN = HERE / "broken_docs"
CASES = sorted(p for p in BROKEN.iterdir() if p.suffix == ".md" or p.is_dir())
# Codes the parser and resolver (or the emitters, from the docs alone) can produce:
# each must have a broken page. The rest are about config, command line and output.
DOCS_CODES = {
    "ambiguous-ref", "bad-annotation", "bad-operation", "bad-row", "bad-schema",
    "bad-scheme", "duplicate-definition", "duplicate-operation", "empty-api", "missing-responses",
    "read-error", "undeclared-path-parameter", "undefined-scheme", "unknown-column",
    "unknown-parameter-in", "unknown-section", "unresolved-ref",
}
BUG_CODES = {"emit-failed", "internal-error"}


def code_of(case: Path) -> str:
    """``bad-row.md`` and ``bad-row__short.md`` both show ``bad-row``."""
    return case.name.removesuffix(".md").split("__")[0]


def run(case: Path) -> Diagnostics:
    diagnostics = Diagnostics()
    api = load_pages(case.stem, [case], HERE, HERE, diagnostics)
    config = dataclasses.replace(
        ApiConfig.for_folder(case, "broken"), targets=("openapi", "python")
    )
    emit_api(api, config, None, diagnostics)
    return diagnostics


def test_every_docs_failure_mode_has_a_broken_page() -> None:
    assert set(CODES) >= DOCS_CODES
    assert {code_of(case) for case in CASES} == DOCS_CODES


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_failure_mode_message(case: Path, snapshot: SnapshotAssertion) -> None:
    diagnostics = run(case)
    codes = {d.code for d in diagnostics}
    assert code_of(case) in codes
    assert not codes & BUG_CODES
    for d in diagnostics:
        if d.code in DOCS_CODES:  # missing-overview of a page-less API has no page
            assert (HERE / d.location.path).is_relative_to(BROKEN), d.format()
            assert d.location.line >= 1, d.format()
    assert "\n".join(d.format() for d in diagnostics.sorted()) == snapshot


def _parameters(table: str) -> tuple[tuple[Parameter, ...], set[str]]:
    text = f"### Find\n```\nGET /pets\n```\n\n#### Parameters\n\n{table}"
    diagnostics = Diagnostics()
    page = parse_page("p.md", text, diagnostics)
    shown = {f"{d.location}: {d.severity}[{d.code}]" for d in diagnostics}
    return page.operations[0].parameters, shown


def test_a_cookie_parameter_is_not_read_silently_as_a_header() -> None:
    params, codes = _parameters(
        "|Type|Name|Description|Schema|\n|---|---|---|---|\n"
        "|**Cookie**|**session**  <br>*optional*|a cookie|string|\n"
    )
    assert codes == {"p.md:10:1: warning[unknown-parameter-in]"}
    assert [p.place for p in params] == []  # the row is skipped, not read as a header


def test_an_unknown_column_among_known_ones_is_reported() -> None:
    params, codes = _parameters(
        "|Type|Name|Description|Schema|Colour|\n|---|---|---|---|---|\n"
        "|**Query**|**limit**  <br>*optional*|how many|integer|blue|\n"
    )
    assert codes == {"p.md:8:1: warning[unknown-column]"}
    assert [(p.name, p.place, p.default) for p in params] == [("limit", ParameterIn.QUERY, None)]
