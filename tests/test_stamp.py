"""No-op regeneration from a stamp: skipped only when nothing that decides the output
changed, with the same summary and warnings as a full run."""

from __future__ import annotations

import os
import shutil
from importlib.metadata import version
from pathlib import Path

import pytest

from generator import cache
from generator.config import ApiConfig, ProjectConfig
from generator.diagnostics import Diagnostics
from generator.pipeline import CACHE_FOLDER, RunResult, generate
from generator.stamp import read_stamp, stamp_file

SPECS = Path(__file__).resolve().parents[1] / "specs"


@pytest.fixture
def project(tmp_path: Path) -> ProjectConfig:
    shutil.copytree(SPECS / "catalog", tmp_path / "specs" / "catalog")
    api = ApiConfig.for_folder(Path("specs/catalog"), "catalog")
    api = ApiConfig(**{**api.__dict__, "targets": ("openapi",)})
    return ProjectConfig(root=tmp_path, output=tmp_path / "generated", apis=(api,))


def run(project: ProjectConfig, **kwargs: bool) -> tuple[RunResult, Diagnostics]:
    diagnostics = Diagnostics()
    return generate(project, diagnostics, **kwargs), diagnostics  # type: ignore[arg-type]


def shown(diagnostics: Diagnostics) -> list[str]:
    return [d.format() for d in diagnostics.sorted()]


def test_a_second_run_with_nothing_changed_reads_no_page(project: ProjectConfig) -> None:
    first, first_diagnostics = run(project)
    assert first.written and "parse" in first.timings
    assert [(str(d.location), d.code) for d in first_diagnostics.sorted()] == [
        ("specs/catalog/definitions/batch.md:12:1", "unresolved-ref"),
        ("specs/catalog/definitions/batch.md:17:1", "unresolved-ref"),
    ]
    assert read_stamp(project.root / CACHE_FOLDER, "catalog") is not None

    second, diagnostics = run(project)
    assert "parse" not in second.timings and "emit" not in second.timings
    assert shown(diagnostics) == shown(first_diagnostics)
    assert [(a.name, a.operations, a.models) for a in second.apis] == [
        (a.name, a.operations, a.models) for a in first.apis
    ]
    assert second.plan is not None and second.plan.is_current
    assert second.plan.unchanged_by_api == {"catalog": 1}


def test_an_edited_page_or_output_file_means_a_full_run(project: ProjectConfig) -> None:
    run(project)
    page = next((project.root / "specs" / "catalog").rglob("*.md"))
    page.write_text(page.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    result, _ = run(project)
    assert "parse" in result.timings

    document = project.output / "openapi" / "catalog.yaml"
    original = document.read_text(encoding="utf-8")
    document.write_text("hand edit\n", encoding="utf-8")
    result, _ = run(project)
    assert "parse" in result.timings and result.written
    assert document.read_text(encoding="utf-8") == original


def test_same_size_edit_with_new_mtime_is_noticed(project: ProjectConfig) -> None:
    run(project)
    document = project.output / "openapi" / "catalog.yaml"
    data = document.read_bytes()
    document.write_bytes(data.replace(b"a", b"b", 1))
    info = document.stat()
    os.utime(document, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000))
    result, _ = run(project)
    assert "parse" in result.timings and document.read_bytes() == data


def test_check_and_uncached_runs_never_use_the_stamp(project: ProjectConfig) -> None:
    run(project)
    checked, _ = run(project, check=True)
    assert "parse" in checked.timings and checked.plan is not None and checked.plan.is_current
    uncached, _ = run(project, use_cache=False)
    assert "parse" in uncached.timings


def test_a_corrupt_stamp_means_a_full_run(project: ProjectConfig) -> None:
    run(project)
    stamp_file(project.root / CACHE_FOLDER, "catalog").write_text("{", encoding="utf-8")
    result, _ = run(project)
    assert "parse" in result.timings and result.written
    assert read_stamp(project.root / CACHE_FOLDER, "catalog") is not None


@pytest.mark.parametrize(("distribution", "module"), sorted(cache.OUTPUT_LIBRARIES))
def test_installed_version_reads_what_importlib_metadata_reads(
    distribution: str, module: str
) -> None:
    assert cache.installed_version(distribution, module) == version(distribution)


def test_installed_version_of_a_missing_module_is_unknown() -> None:
    assert cache.installed_version("no-such-dist", "no_such_module_md2sdk") == "?"
