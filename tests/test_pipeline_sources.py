"""Finding and reading pages: project-relative paths, symlinks, unreadable files."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config import display_path
from generator.diagnostics import Diagnostics
from generator.load import sources
from generator.load.sources import collect_pages, collect_shown, load_pages, read_page
from generator.model import Page

PAGE = "<a name=\"ping\"></a>\n### Ping\n```\nGET /ping\n```\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    specs = tmp_path / "project" / "specs" / "demo"
    (specs / "operations").mkdir(parents=True)
    (specs / "operations" / "ping.md").write_text(PAGE)
    (specs / "notes.txt").write_text("not a page")
    return tmp_path / "project"


def shown(paths: list[Path], base: Path) -> list[str]:
    return [p.relative_to(base).as_posix() for p in paths]


def test_symlinks_inside_are_followed_outside_are_not(project: Path) -> None:
    outside = project.parent / "secret"
    outside.mkdir()
    (outside / "leak.md").write_text(PAGE)
    specs = project / "specs" / "demo"
    (specs / "leak").symlink_to(outside, target_is_directory=True)
    (specs / "leak.md").symlink_to(outside / "leak.md")
    shared = project / "shared"
    shared.mkdir()
    (shared / "common.md").write_text(PAGE)
    (specs / "common").symlink_to(shared, target_is_directory=True)
    diagnostics = Diagnostics()
    found = collect_pages([specs], project, project, diagnostics)
    assert shown(found, project) == ["specs/demo/common/common.md", "specs/demo/operations/ping.md"]
    assert [(str(d.location), d.code) for d in diagnostics.sorted()] == [
        ("specs/demo/leak:1:1", "outside-project"),
        ("specs/demo/leak.md:1:1", "outside-project"),
    ]


def test_shown_paths_are_display_paths_also_through_a_linked_base(project: Path) -> None:
    """`collect_shown` builds a page's shown path from its folder's; where the base is
    reached through a link (the specs given by their real path, the base by a link),
    `display_path` resolves both sides, and so must the walk: the shared folder linked
    into the specs is then shown where it really is."""
    specs = project / "specs" / "demo"
    shared = project / "shared"
    shared.mkdir()
    (shared / "common.md").write_text(PAGE)
    (specs / "common").symlink_to(shared, target_is_directory=True)
    linked = project.parent / "linked"
    linked.symlink_to(project, target_is_directory=True)
    for base, expected in [
        (project, ["specs/demo/common/common.md", "specs/demo/operations/ping.md"]),
        (linked, ["shared/common.md", "specs/demo/operations/ping.md"]),
    ]:
        found = collect_shown([specs], project, base, Diagnostics())
        assert [shown for _, shown in found] == expected
        assert [display_path(Path(page), base) for page, _ in found] == expected


def test_symlink_loops_end(project: Path) -> None:
    specs = project / "specs" / "demo"
    (specs / "operations" / "loop").symlink_to(specs, target_is_directory=True)
    found = collect_pages([specs], project, project, Diagnostics())
    assert shown(found, project) == ["specs/demo/operations/ping.md"]


def test_pages_are_parsed_under_project_relative_paths(project: Path) -> None:
    diagnostics = Diagnostics()
    api = load_pages("demo", [project / "specs" / "demo"], project, project, diagnostics)
    assert api.pages == ("specs/demo/operations/ping.md",)
    assert [(o.method, o.path, str(o.location)) for o in api.operations] == [
        ("GET", "/ping", "specs/demo/operations/ping.md:2:1")
    ]


def test_undecodable_and_missing_files_are_read_errors(project: Path) -> None:
    bad = project / "specs" / "demo" / "latin1.md"
    bad.write_bytes("## x\n### Caf\xe9\n".encode("latin-1"))
    diagnostics = Diagnostics()
    assert read_page(bad, project, diagnostics) is None
    collect_pages([project / "nowhere"], project, project, diagnostics)
    assert [(str(d.location), d.code, d.message) for d in diagnostics.sorted()] == [
        ("nowhere:1:1", "read-error", "no such file or folder"),
        ("specs/demo/latin1.md:2:8", "read-error", "not UTF-8 text (invalid continuation byte)"),
    ]  # fmt: skip


def test_a_parser_crash_costs_one_page(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def crash(path: str, text: str, diagnostics: Diagnostics) -> Page:
        raise IndexError("boom")

    monkeypatch.setattr(sources, "parse_page", crash)
    diagnostics = Diagnostics()
    api = load_pages("demo", [project / "specs" / "demo"], project, project, diagnostics)
    assert api.operations == ()
    [problem] = diagnostics.sorted()
    assert (problem.code, str(problem.location)) == (
        "internal-error", "specs/demo/operations/ping.md:1:1"
    )  # fmt: skip
