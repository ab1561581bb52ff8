"""Every API md2sdk accepts gives a package whose own generated tests pass (#16 item 14).

Each API folder of ``../shared/corpus/wild`` (pages grouped by their ``api__`` prefix)
and the bench S (powerdns) and M (slack) trees are generated with the python and tests
targets in one ``md2sdk generate`` run; then every package's generated tests run, in one
pytest process (live tests skip without a server). All pass, and each API has some.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path
from xml.etree import ElementTree

import pytest

from tests.contract.generated_apis import ROOT, md2sdk

SHARED = ROOT.parent / "shared"
WILD = SHARED / "corpus" / "wild"
BENCH = SHARED / "bench" / "md"


def _folders(tmp: Path) -> list[Path]:
    """One folder per wild API (its pages, prefix dropped), then powerdns and slack."""
    groups: dict[str, list[Path]] = defaultdict(list)
    for page in sorted(WILD.glob("*.md")):
        groups[page.name.split("__", 1)[0]].append(page)
    folders = []
    for api, pages in groups.items():
        folder = tmp / "wild" / api
        folder.mkdir(parents=True)
        for page in pages:
            shutil.copyfile(page, folder / page.name.split("__", 1)[1])
        folders.append(folder)
    return [*folders, BENCH / "powerdns", BENCH / "slack"]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    tmp = tmp_path_factory.mktemp("corpus")
    folders = _folders(tmp)
    out = tmp / "out"
    command = [*md2sdk(), "generate", *map(str, folders), "--out", str(out), "-q",
               "--target", "python", "--target", "tests"]  # fmt: skip
    done = subprocess.run(command, cwd=tmp, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr[-5000:]
    return out, [f.name for f in folders]


@pytest.mark.toolchain
@pytest.mark.skipif(not (WILD.is_dir() and BENCH.is_dir()), reason="shared corpus missing")
def test_every_corpus_package_passes_its_own_tests(
    generated: tuple[Path, list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """All packages' generated tests in one pytest run (``--import-mode=importlib``:
    their modules share names), so httpx, pydantic and respx load once."""
    out, apis = generated
    roots = [out / "python" / api for api in apis]
    assert [r.name for r in roots if not (r / "tests").is_dir()] == []
    report = tmp_path / "junit.xml"
    environ = {**os.environ, "PYTHONPATH": os.pathsep.join(str(r / "src") for r in roots)}
    environ.pop("PYTEST_ADDOPTS", None)
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist",
         "--import-mode=importlib", "-W", "ignore::DeprecationWarning",
         f"--junitxml={report}", *(str(r / "tests") for r in roots)],
        cwd=out, env=environ, capture_output=True, text=True, timeout=1800, check=False,
    )  # fmt: skip
    passed: Counter[str] = Counter()
    for case in ElementTree.parse(report).iter("testcase"):
        if not any(child.tag in {"failure", "error", "skipped"} for child in case):
            name = case.get("classname", "")
            passed[next((api for api in apis if f"{api}.tests." in f".{name}"), name)] += 1
    with capsys.disabled():
        print(f"\n[corpus] {len(apis)} APIs, generated tests passed: "
              + ", ".join(f"{api} {passed[api]}" for api in apis))  # fmt: skip
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-2000:]
    assert [api for api in apis if passed[api] == 0] == []
