"""Generated packages install with pip into a fresh venv, import, and pass mypy and ruff.

The venv sees the project's own site-packages through a ``.pth`` file (httpx and
pydantic are already there), so ``pip install --no-deps --no-build-isolation`` runs
offline and in seconds.
"""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import python_build
import python_fixtures

BIN = Path(sys.executable).parent

# One worker for the whole module: its tests share an expensive module fixture.
pytestmark = [pytest.mark.toolchain, pytest.mark.xdist_group("python-install")]


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("generated")
    packages = {
        name: python_build.write(
            python_build.load_spec(name), out, python_build.project_config(name)
        )
        for name in ("catalog", "petstore")
    }
    packages["hostile"] = python_build.write(python_fixtures.hostile_api(), out)
    packages["features"] = python_build.write(python_fixtures.petstore_api("features"), out)
    return packages


@pytest.fixture(scope="module")
def fresh_python(tmp_path_factory: pytest.TempPathFactory) -> Path:
    env = tmp_path_factory.mktemp("venv")
    venv.EnvBuilder(with_pip=False, symlinks=True).create(env)
    python = env / "bin" / "python"
    site = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()  # fmt: skip
    (Path(site) / "_project_site.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return python


def run(*args: object, cwd: Path | None = None) -> str:
    result = subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, cwd=cwd, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_packages_install_import_and_work(packages: dict[str, Path], fresh_python: Path) -> None:
    for root in (packages["catalog"], packages["petstore"]):
        run(fresh_python, "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation",
            "--no-index", root)  # fmt: skip
    code = (
        "import catalog_client, petstore_client, pathlib\n"
        "assert 'site-packages' in catalog_client.__file__\n"
        "assert (pathlib.Path(catalog_client.__file__).parent / 'py.typed').exists()\n"
        "c = catalog_client.CatalogClient(api_key='k', ims_org_id='o')\n"
        "assert c.base_url.host == 'platform-int.adobe.io'\n"
        "from petstore_client.models import Pet\n"
        "assert Pet.model_validate({'name': 'x', 'photoUrls': []}).name == 'x'\n"
        "print(catalog_client.__version__, petstore_client.__version__)\n"
    )
    assert run(fresh_python, "-c", code, cwd=Path("/")).split() == ["1.0.0", "1.0.0"]


@pytest.mark.parametrize("name", ["catalog", "petstore", "hostile", "features"])
def test_packages_pass_mypy_strict_and_ruff(packages: dict[str, Path], name: str) -> None:
    root = packages[name]
    run(BIN / "ruff", "check", "--no-cache", ".", cwd=root)
    run(
        BIN / "mypy",
        "--strict",
        "--no-incremental",
        "--cache-dir",
        "/dev/null",
        ".",
        cwd=root / "src",
    )
