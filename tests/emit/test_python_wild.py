"""Every API of the wild corpus (16 real doc sets) gives a package that passes ruff and
``mypy --strict`` — the names and shapes found in the field, not just ours — and every
generated package (those and the configured catalog and petstore) is 100% type
complete by ``pyright --verifytypes`` (pyright pinned in package.json)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import black
import pytest

from generator.config import ApiConfig
from generator.diagnostics import Diagnostics
from generator.emit.python import emit_python
from generator.emit.templating import make_environment
from generator.parse import parse_page
from generator.resolve import resolve_api

sys.path.insert(0, str(Path(__file__).parent))

import python_build

from tests.client import typecheck

pytestmark = pytest.mark.xdist_group("python-wild")  # one worker builds the packages

WILD = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "wild"
BIN = Path(sys.executable).parent


def wild_apis() -> dict[str, list[Path]]:
    groups: dict[str, list[Path]] = defaultdict(list)
    for page in sorted(WILD.glob("*.md")):
        groups[page.name.split("__")[0]].append(page)
    return dict(groups)


@pytest.fixture(scope="module")
def wild_packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, str]]:
    """API name → (project folder, import package) of each wild API's client."""
    out = tmp_path_factory.mktemp("wild")
    packages = {}
    for api, pages in wild_apis().items():
        diagnostics = Diagnostics()
        parsed = [
            parse_page(p.name.split("__", 1)[1], p.read_text(encoding="utf-8"), diagnostics)
            for p in pages
        ]
        model = resolve_api(api, parsed, diagnostics)
        config = ApiConfig.for_folder(Path(api), api)
        files = emit_python(model, config, diagnostics, make_environment())
        assert not diagnostics.has_errors, [d.format() for d in diagnostics]
        for path, text in files.items():
            target = out / path
            target.parent.mkdir(parents=True, exist_ok=True)
            is_py = path.endswith(".py")
            target.write_text(black.format_str(text, mode=black.Mode()) if is_py else text)
        packages[api] = (out / "python" / api, config.package)
    return packages


@pytest.mark.toolchain
@pytest.mark.skipif(not WILD.is_dir(), reason="shared corpus not available")
def test_wild_corpus_packages_pass_ruff_and_mypy(
    wild_packages: dict[str, tuple[Path, str]],
) -> None:
    assert len(wild_packages) == 16
    root = next(iter(wild_packages.values()))[0].parent.parent
    sources = [folder / "src" / package for folder, package in wild_packages.values()]
    ruff = subprocess.run(
        [BIN / "ruff", "check", "--no-cache", "."],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert ruff.returncode == 0, ruff.stdout
    mypy = subprocess.run(
        [
            BIN / "mypy",
            "--strict",
            "--no-incremental",
            "--cache-dir",
            "/dev/null",
            *(str(s) for s in sources),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert mypy.returncode == 0, mypy.stdout


UMBRELLA = "generated_sdks"


def verifytypes(packages: dict[str, tuple[Path, str]], root: Path) -> dict[str, float]:
    """Each package's ``pyright --verifytypes`` completeness, from one pyright run.

    The packages are copied side by side into one umbrella package (their imports are
    relative, so they work there unchanged): pyright then reads httpx and pydantic once
    instead of once per package. A package's score is pyright's own, restricted to its
    symbols: exported symbols of known type over all its exported symbols.
    """
    umbrella = root / "src" / UMBRELLA
    umbrella.mkdir(parents=True)
    (umbrella / "__init__.py").write_text('"""The generated packages, for pyright."""\n')
    (umbrella / "py.typed").write_text("")
    for folder, package in packages.values():
        shutil.copytree(folder / "src" / package, umbrella / package)
    done = typecheck.pyright(
        "--verifytypes", UMBRELLA, "--ignoreexternal", "--outputjson",
        cwd=root, timeout=1200, env={"PYTHONPATH": str(root / "src")},
    )  # fmt: skip
    symbols = json.loads(done.stdout)["typeCompleteness"]["symbols"]
    scores = {}
    for api, (_, package) in packages.items():
        mine = [s for s in symbols
                if s["isExported"] and s["name"].startswith(f"{UMBRELLA}.{package}.")]  # fmt: skip
        known = sum(1 for s in mine if s["isTypeKnown"] and not s["isTypeAmbiguous"])
        scores[api] = known / len(mine) if mine else 0.0
    return scores


@pytest.mark.toolchain
@pytest.mark.skipif(not WILD.is_dir(), reason="shared corpus not available")
def test_every_generated_package_is_type_complete(
    wild_packages: dict[str, tuple[Path, str]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``pyright --verifytypes``: 100% for catalog, petstore and every wild API."""
    packages = dict(wild_packages)
    for name in ("catalog", "petstore"):
        config = python_build.project_config(name)
        folder = python_build.write(python_build.load_spec(name), tmp_path / "own", config)
        packages[name] = (folder, config.package)
    scores = verifytypes(packages, tmp_path / "pyright")
    with capsys.disabled():
        print("\n[pyright --verifytypes] type completeness of every generated package:")
        print("  " + ", ".join(f"{api} {score:.1%}" for api, score in sorted(scores.items())))
    assert {api: score for api, score in scores.items() if score < 1.0} == {}
