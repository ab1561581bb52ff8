"""The original Swagger 2.0 spec of a bench API, converted to OpenAPI 3 as a user would.

openapi-python-client reads only OpenAPI 3, so a user who has the API's real spec
converts it first. This uses ``swagger2openapi`` (npm, pinned in ``package.json`` /
``package-lock.json`` beside Prism, installed with ``npm ci`` like the contract test's
mock server) with ``--patch`` (fix small errors the real specs have, as its users do).
YAML specs are turned into JSON first: the converter does not apply YAML merge keys
(``<<: *anchor``), which real specs such as PowerDNS's use.
"""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
TOOL = REPO / "node_modules" / ".bin" / "swagger2openapi"


def ensure_installed() -> Path:
    """The pinned converter, installed with ``npm ci`` when ``node_modules`` lacks it."""
    if not TOOL.exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=REPO, check=True)
    if not TOOL.exists():
        raise RuntimeError(f"npm ci did not install {TOOL}")
    return TOOL


def original_spec(bench_root: Path, name: str) -> Path | None:
    for suffix in (".json", ".yaml", ".yml"):
        spec = bench_root / "specs" / f"{name}{suffix}"
        if spec.is_file():
            return spec
    return None


def to_openapi3(spec: Path, work: Path) -> tuple[Path, float]:
    """``spec`` converted into ``work/<stem>.openapi3.json``; the path and seconds taken."""
    tool = ensure_installed()
    work.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    source = spec
    if spec.suffix in {".yaml", ".yml"}:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        data = yaml.load(spec.read_text(encoding="utf-8"), Loader=loader)  # merge keys applied
        source = work / f"{spec.stem}.swagger.json"
        source.write_text(json.dumps(data), encoding="utf-8")
    target = work / f"{spec.stem}.openapi3.json"
    done = subprocess.run(
        [str(tool), "--patch", str(source), "--outfile", str(target)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode != 0 or not target.is_file():
        tail = (done.stderr or done.stdout).strip().splitlines()[:3]
        raise RuntimeError(f"swagger2openapi failed on {spec.name}: " + " | ".join(tail))
    return target, time.perf_counter() - start
