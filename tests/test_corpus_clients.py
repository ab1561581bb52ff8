"""Every API md2sdk accepts gives a package whose own generated tests pass (#16 item 14).

Each API folder of ``../shared/corpus/wild`` (pages grouped by their ``api__`` prefix)
and the bench S (powerdns) and M (slack) trees are generated with the python and tests
targets in one ``md2sdk generate`` run; then each package's generated tests run (live
tests skip without a server). All pass, and each API has some.
"""

from __future__ import annotations

import shutil
import subprocess
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.contract.generated_apis import ROOT, md2sdk, run_tests

pytestmark = pytest.mark.xdist_group("corpus")

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
    generated: tuple[Path, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    """Each package's generated tests in a pytest of their own (two at a time)."""
    out, apis = generated
    roots = [out / "python" / api for api in apis]
    assert [r.name for r in roots if not (r / "tests").is_dir()] == []
    with ThreadPoolExecutor(2) as pool:
        runs = dict(zip(apis, pool.map(lambda r: run_tests(r, timeout=1200), roots), strict=True))
    with capsys.disabled():
        print(f"\n[corpus] {len(apis)} APIs, generated tests passed: "
              + ", ".join(f"{api} {run.count('passed')}" for api, run in runs.items()))  # fmt: skip
    failed = {api: run.output[-3000:] for api, run in runs.items()
              if run.returncode != 0 or run.count("passed") == 0}  # fmt: skip
    assert failed == {}
