"""``versioning = "semver"``: the package version and CHANGELOG.md follow the docs.

A project with the pet-shop docs is generated, its docs edited and generated again;
each time the committed state must be exactly what ``md2sdk check`` expects.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.config import load_config
from generator.diagnostics import Diagnostics
from generator.diff.versioning import changelog_path, state_path
from generator.pipeline import generate
from tests.diff.corpus.pairs import BASE, PAIRS, Pair

PYPROJECT = """[tool.md2sdk]
output = "generated"

[tool.md2sdk.apis.shop]
specs = "docs"
targets = ["python"]
versioning = "semver"
"""


def pair(name: str) -> Pair:
    return next(p for p in PAIRS if p.name == name)


class Project:
    def __init__(self, root: Path) -> None:
        self.root = root
        (root / "docs").mkdir(parents=True)
        (root / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
        self.docs = BASE
        self.write()

    def write(self) -> None:
        (self.root / "docs" / "api.md").write_text(self.docs, encoding="utf-8")

    def edit(self, name: str) -> None:
        for edit in pair(name).edits:
            self.docs = edit.apply(self.docs)
        self.write()

    def generate(self, *, check: bool = False) -> tuple[bool, Diagnostics]:
        diagnostics = Diagnostics()
        project = load_config(self.root / "pyproject.toml", diagnostics)
        result = generate(project, diagnostics, check=check, use_cache=False)
        assert not diagnostics.has_errors, [d.format() for d in diagnostics]
        assert result.plan is not None
        return result.plan.is_current, diagnostics

    @property
    def out(self) -> Path:
        return self.root / "generated"

    def version(self) -> str:
        text = (self.out / "python/shop/pyproject.toml").read_text(encoding="utf-8")
        line = next(line for line in text.splitlines() if line.startswith("version = "))
        return line.split('"')[1]

    def changelog(self) -> str:
        return (self.out / changelog_path("shop")).read_text(encoding="utf-8")

    def record(self) -> dict[str, object]:
        data: dict[str, object] = json.loads((self.out / state_path("shop")).read_text("utf-8"))
        return data


@pytest.fixture
def shop(tmp_path: Path) -> Project:
    project = Project(tmp_path / "project")
    current, _ = project.generate()
    assert not current  # the first run writes everything
    return project


def test_first_generation_starts_at_the_docs_version(shop: Project) -> None:
    assert shop.version() == "1.0.0"
    assert shop.changelog().endswith("## 1.0.0\n\nFirst version generated from the docs.\n")
    record = shop.record()
    assert record["version"] == "1.0.0" and record["base"] == "1.0.0"
    assert "pets.list_pets" in record["surface"]["methods"]  # type: ignore[index]
    # Regenerating without a docs change changes nothing; check agrees.
    assert shop.generate()[0] is True
    assert shop.generate(check=True)[0] is True


def test_a_feature_is_a_minor_release_with_a_changelog_entry(shop: Project) -> None:
    before = shop.changelog()
    shop.edit("new-optional-parameter")
    assert shop.generate(check=True)[0] is False  # check sees the docs moved on
    shop.generate()
    assert shop.version() == "1.1.0"
    changelog = shop.changelog()
    assert changelog.startswith(before.split("## 1.0.0")[0] + "## 1.1.0\n\n### Features\n\n")
    assert "- `GET /pets`: query parameter `sort` added (optional)" in changelog
    assert "- `client.pets.list_pets`: keyword argument `sort` added (optional)" in changelog
    assert changelog.endswith("## 1.0.0\n\nFirst version generated from the docs.\n")
    assert shop.generate(check=True)[0] is True
    assert shop.generate()[0] is True


def test_a_breaking_change_is_a_major_release(shop: Project) -> None:
    shop.edit("operation-id-renames-method")
    shop.generate()
    assert shop.version() == "2.0.0"
    assert "### Breaking changes\n\n- `client.pets.fetchpet`: `client.pets.get_pet` renamed" in (
        shop.changelog()
    )
    shop.edit("description-fix")
    shop.generate()
    assert shop.version() == "2.0.1"
    assert shop.changelog().index("## 2.0.1") < shop.changelog().index("## 2.0.0")


def test_zero_versions_take_breaking_changes_as_minor(tmp_path: Path) -> None:
    project = Project(tmp_path / "zero")
    project.docs = project.docs.replace("*Version* : 1.0.0", "*Version* : 0.3.0")
    project.write()
    project.generate()
    project.edit("operation-removed")
    project.generate()
    assert project.version() == "0.4.0"


def test_the_docs_version_is_a_floor(shop: Project) -> None:
    shop.docs = shop.docs.replace("*Version* : 1.0.0", "*Version* : 3.0.0")
    shop.write()
    shop.generate()
    assert shop.version() == "3.0.0"
    assert shop.changelog().startswith("# Changelog\n\n")
    assert "## 3.0.0\n\n### Fixes and docs\n\n- `API`: version 1.0.0 → 3.0.0" in shop.changelog()


def test_output_is_deterministic(tmp_path: Path) -> None:
    outputs = []
    for name in ("one", "two"):
        project = Project(tmp_path / name)
        project.generate()
        project.edit("response-property-enum-value-added")
        project.generate()
        outputs.append({p.relative_to(project.out): p.read_bytes()
                        for p in sorted(project.out.rglob("*")) if p.is_file()})  # fmt: skip
    assert outputs[0] == outputs[1]


def test_an_unreadable_record_starts_over_with_a_warning(shop: Project) -> None:
    (shop.out / state_path("shop")).write_text("{not json", encoding="utf-8")
    _, diagnostics = shop.generate()
    (warning,) = [d for d in diagnostics if d.code == "config"]
    assert warning.location.path == state_path("shop")
    assert "versions start over" in warning.message
    assert shop.version() == "1.0.0"


def test_versioning_key_is_checked(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "pyproject.toml").write_text(
        PYPROJECT.replace('"semver"', '"calver"'), encoding="utf-8"
    )
    diagnostics = Diagnostics()
    load_config(tmp_path / "pyproject.toml", diagnostics)
    (error,) = list(diagnostics)
    assert (error.location.line, error.location.column, error.code) == (7, 1, "config")
    assert error.message == "versioning = 'calver' must be \"semver\""


def test_diff_of_a_versioned_api_starts_from_the_recorded_version(
    shop: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner  # noqa: PLC0415

    from generator.cli import cli  # noqa: PLC0415

    shop.edit("new-optional-parameter")
    shop.generate()  # recorded: 1.1.0
    (shop.root / "before").mkdir()
    (shop.root / "before" / "api.md").write_text(shop.docs, encoding="utf-8")
    shop.edit("operation-removed")
    monkeypatch.chdir(shop.root)
    result = CliRunner().invoke(cli, ["diff", "before", "--api", "shop"])
    assert result.exit_code == 0, result.output
    assert "version 1.1.0 → 2.0.0" in result.stdout.splitlines()[1]
