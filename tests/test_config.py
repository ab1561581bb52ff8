"""[tool.md2sdk] loading: defaults, overrides and located `config` diagnostics."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config import ConfigError, display_path, find_pyproject, load_config
from generator.diagnostics import Diagnostics

GOOD = """\
[project]
name = "x"

[tool.md2sdk]
output = "out"

[tool.md2sdk.apis.catalog]
specs = "specs/catalog"
package = "catalog_client"
client-class = "CatalogClient"
env_prefix = "CAT"
base-url = "https://example.com/v1"
targets = ["openapi", "model"]
openapi-version = "3.0"

[tool.md2sdk.apis.pet-store]
specs = "specs/petstore"
"""


def project(tmp_path: Path, text: str) -> Path:
    (tmp_path / "specs/catalog").mkdir(parents=True)
    (tmp_path / "specs/petstore").mkdir(parents=True)
    path = tmp_path / "pyproject.toml"
    path.write_text(text)
    return path


def errors(path: Path) -> list[str]:
    diagnostics = Diagnostics()
    load_config(path, diagnostics)
    return [
        f"{d.location.line}:{d.location.column} {d.code} {d.message}" for d in diagnostics.sorted()
    ]


def test_good_config_with_overrides_and_defaults(tmp_path: Path) -> None:
    config = load_config(project(tmp_path, GOOD))
    assert config.root == tmp_path.resolve()
    assert config.output == tmp_path.resolve() / "out"
    catalog, pets = config.apis
    assert (catalog.name, catalog.package, catalog.distribution) == (
        "catalog", "catalog_client", "catalog-client"
    )  # fmt: skip
    assert (catalog.client_class, catalog.env_prefix, catalog.base_url) == (
        "CatalogClient", "CAT", "https://example.com/v1"
    )  # fmt: skip
    assert catalog.targets == ("openapi", "model")
    assert catalog.openapi_version == "3.0.3"
    assert (pets.name, pets.package, pets.env_prefix) == (
        "pet-store", "pet_store_client", "PET_STORE"
    )  # fmt: skip
    assert pets.targets == ("openapi", "python", "tests")
    assert pets.specs == tmp_path.resolve() / "specs/petstore"


@pytest.mark.parametrize(
    ("replace", "by", "expected"),
    [
        ('package = "catalog_client"', 'package = "catalog-client"',
         "9:1 config package = 'catalog-client' must be a Python identifier"),
        ('client-class = "CatalogClient"', 'client-class = "class"',
         "10:1 config client-class = 'class' is a Python keyword"),
        ('env_prefix = "CAT"', 'env_prefix = "cat"',
         "11:1 config env-prefix = 'cat' must be upper-case letters, digits and '_'"),
        ('targets = ["openapi", "model"]', 'targets = ["openapi", "java"]',
         "13:1 config targets = ['openapi', 'java'] must be a non-empty list of distinct names "
         "from ['openapi', 'python', 'tests', 'model']"),
        ('openapi-version = "3.0"', 'openapi-version = "2.0"',
         "14:1 config openapi-version = '2.0' must be one of ['3.0', '3.0.3', '3.1', '3.1.0']"),
        ('specs = "specs/petstore"', 'specs = "specs/nowhere"',
         "17:1 config specs folder 'specs/nowhere' does not exist"),
        ('specs = "specs/petstore"', 'specs = "../outside"',
         "17:1 config specs = '../outside' must be a relative path inside the project"),
        ('specs = "specs/petstore"', 'spec = "specs/petstore"',
         "16:1 config [tool.md2sdk.apis.pet-store] needs specs = \"<folder of markdown pages>\""),
        ('output = "out"', 'outptu = "out"',
         "5:1 config unknown key 'outptu' (expected one of ['apis', 'output', 'templates'])"),
        ('output = "out"', 'output = "/abs"',
         "5:1 config output = '/abs' must be a relative path inside the project"),
        ('output = "out"', 'templates = "missing"',
         "5:1 config templates folder 'missing' does not exist"),
    ],
)  # fmt: skip
def test_each_problem_is_located_at_its_key(
    tmp_path: Path, replace: str, by: str, expected: str
) -> None:
    assert replace in GOOD
    found = errors(project(tmp_path, GOOD.replace(replace, by)))
    assert expected in found, found


def test_unknown_api_key_is_named(tmp_path: Path) -> None:
    found = errors(project(tmp_path, GOOD.replace('package = "catalog_client"', 'pakage = "x"')))
    assert found[0].startswith("9:1 config unknown key 'pakage'")


def test_toml_syntax_error_is_located(tmp_path: Path) -> None:
    found = errors(project(tmp_path, GOOD.replace('output = "out"', 'output = "out')))
    assert len(found) == 1 and found[0].startswith("5:") and "invalid TOML" in found[0]


def test_missing_table_and_missing_apis(tmp_path: Path) -> None:
    assert errors(project(tmp_path, "[project]\nname='x'\n")) == [
        "1:1 config no [tool.md2sdk] table"
    ]
    path = tmp_path / "pyproject.toml"
    path.write_text("[tool.md2sdk]\n")
    assert errors(path) == [
        "1:1 config no APIs configured: add a [tool.md2sdk.apis.<name>] table"
    ]


def test_without_collector_errors_raise(tmp_path: Path) -> None:
    path = project(tmp_path, GOOD.replace('package = "catalog_client"', "package = 3"))
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert "error[config]: package = 3 must be a Python identifier" in str(caught.value)


def test_find_pyproject_walks_up_to_the_md2sdk_table(tmp_path: Path) -> None:
    path = project(tmp_path, GOOD)
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    (tmp_path / "a" / "pyproject.toml").write_text("[project]\nname = 'unrelated'\n")
    assert find_pyproject(nested) == path.resolve()
    assert find_pyproject(Path("/")) is None


def test_the_repository_config_is_valid() -> None:
    root = Path(__file__).resolve().parent.parent
    config = load_config(root / "pyproject.toml")
    assert [api.name for api in config.apis] == ["catalog", "petstore"]
    catalog = config.apis[0]
    assert (catalog.package, catalog.distribution, catalog.env_prefix) == (
        "catalog_client", "catalog-client", "CATALOG"
    )  # fmt: skip


@pytest.mark.parametrize(
    ("path", "base", "shown"),
    [
        ("/docs/api/pets.md", "/docs", "api/pets.md"),
        ("/docs", "/docs", "."),
        ("/docs/api", "/", "docs/api"),
        ("/docs/x/../api/pets.md", "/docs/", "api/pets.md"),
        ("/docsite/pets.md", "/docs", "/docsite/pets.md"),  # a sibling, not below
        ("/other/pets.md", "/docs", "/other/pets.md"),
    ],
)
def test_display_path_is_relative_only_below_the_base(path: str, base: str, shown: str) -> None:
    assert display_path(Path(path), Path(base)) == shown
