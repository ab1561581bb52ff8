"""``make bench``: md2sdk's speed and memory on S, M and L APIs, next to openapi-python-client.

For each API (``/work/shared/bench``-style folder ``md/<name>/``) this copies the pages
into a scratch project (``bench/work/<name>/``, git-ignored), then measures, each in
a fresh process (`bench.child`):

- cold generation of every available target, per stage, with an empty format cache,
  ``--reps`` times in turns with the read-and-mistune-parse floor (`bench.cold`);
- no-op regeneration (nothing changed), and regeneration after editing one page, for
  three kinds of edit (`bench.edits`), in-process and through the CLI; each generation
  saves its state for the next process as the CLI does (`generator.resume`: in a
  detached process after the command returns, which the benchmark waits for before
  the next measurement, so none shares the machine with it);
- importing the generated client;
- openapi-python-client (median of ``--reps`` runs) on the API's original spec converted
  to OpenAPI 3 (`bench.convert`): *the* ratio; and, as a second labelled row, on
  md2sdk's own OpenAPI output (which is larger: it carries generated examples).

Prints a table, writes JSON (``bench/results.json``). Exits non-zero only when a step
fails (md2sdk or openapi-python-client reports an error, a no-op run rewrites files,
an edit changes nothing, a conversion fails), never because of a timing or a missed
target.

Usage::

    .venv/bin/python -m bench.run [--apis powerdns,slack,kubernetes] [--reps 3]
        [--bench-root ../shared/bench] [--json bench/results.json] [--no-opc]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import yaml

from bench import convert, opc
from bench.cold import Pair, summarise
from bench.edits import KINDS, EditError, edit
from bench.report import render_table, verdicts
from generator import resume
from generator.pipeline import CACHE_FOLDER

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DEFAULT_BENCH_ROOT = (REPO / ".." / "shared" / "bench").resolve()
SIZES = {"powerdns": "S", "slack": "M", "kubernetes": "L"}
TARGET_MODULES = {
    "openapi": "generator.emit.openapi",
    "python": "generator.emit.python",
    "tests": "generator.emit.tests",
}


class BenchError(Exception):
    """A step failed: the benchmark cannot be trusted and exits non-zero."""


def available_targets() -> list[str]:
    """All targets whose emitter exists in this tree (tests may not be written yet)."""
    return [t for t, module in TARGET_MODULES.items() if importlib.util.find_spec(module)]


def child_env() -> dict[str, str]:
    """The environment of every timed process: this one's, allowed to write bytecode.

    An installed md2sdk has its modules compiled (pip compiles them at install), so a
    user's fresh interpreter only loads them. Where ``PYTHONDONTWRITEBYTECODE`` is set
    (this project's CI and sandbox set it), each timed process would compile them all
    again: 0.2 s of every Kubernetes run after an edit, in the emitters imported on
    first use. Without it, the first (cold) run leaves the bytecode the later ones load.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def child(*args: str) -> tuple[dict[str, Any], float]:
    """Run ``bench.child`` in a fresh interpreter; its JSON and the process wall time."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "bench.child", *args],
        capture_output=True, text=True, cwd=REPO, check=False, env=child_env(),
    )  # fmt: skip
    wall = time.perf_counter() - start
    if done.returncode != 0:
        tail = done.stderr.strip().splitlines()[-8:]
        raise BenchError(f"bench.child {args[0]} failed: " + " | ".join(tail))
    data: dict[str, Any] = json.loads(done.stdout)
    if args[0] in ("generate", "rebuild"):
        settle(Path(args[1]))
    return data, wall


def settle(pyproject: Path) -> None:
    """Wait until md2sdk's detached save of the state for the next process
    (`generator.resume`) is done: it runs after the measured command returns, as it
    does for a user, and no measurement shares the machine with it."""
    resume.wait_for_save(pyproject.parent / CACHE_FOLDER)


def make_project(work: Path, pages: Path, name: str, targets: list[str]) -> Path:
    """A scratch project with a copy of the pages; returns its ``pyproject.toml``."""
    if work.exists():
        shutil.rmtree(work)
    shutil.copytree(pages, work / "specs" / name)
    pyproject = work / "pyproject.toml"
    pyproject.write_text(
        '[tool.md2sdk]\noutput = "out"\n\n'
        f"[tool.md2sdk.apis.{name}]\n"
        f'specs = "specs/{name}"\n'
        f"targets = {json.dumps(targets)}\n",
        encoding="utf-8",
    )
    return pyproject


def measure_md2sdk(
    name: str, pages: Path, work: Path, targets: list[str], reps: int = 1
) -> dict[str, Any]:
    """Cold generation and the parse floor in turns (``reps`` pairs, `bench.cold`),
    then no-op and one-page-edit generation and import time on the last cold run."""
    pairs: list[Pair] = []
    for _ in range(reps):
        pyproject = make_project(work, pages, name, targets)
        cold, cold_wall = child("generate", str(pyproject))
        if cold["errors"]:
            raise BenchError(f"{name}: md2sdk reported errors: {cold['errors']}")
        floor, floor_wall = child("floor", str(pages))
        pairs.append(({**cold, "wall": cold_wall}, {**floor, "wall": floor_wall}))
    paired = summarise(pairs)
    cold, floor = paired["cold"], paired["floor"]
    noop, noop_wall = child("generate", str(pyproject))
    noop_cli = cli_wall(pyproject)
    edits = {kind: measure_edit(kind, work / "specs" / name, pyproject) for kind in KINDS}
    result: dict[str, Any] = {
        "size": SIZES.get(name, "?"),
        "pages": floor["pages"],
        "markdown_mb": round(floor["characters"] / 1e6, 2),
        "operations": cold["operations"],
        "models": cold["models"],
        "files": cold["files"],
        "output_mb": round(cold["bytes"] / 1e6, 2),
        **paired,
        "noop": {**noop, "wall": noop_wall, "cli_wall": noop_cli},
        "edits": edits,
        "openapi_operations": count_openapi_operations(work / "out" / "openapi" / f"{name}.yaml"),
    }
    result["operations_per_second"] = cold["operations"] / cold["wall"] if cold["wall"] else 0.0
    if noop["written"]:
        raise BenchError(f"{name}: no-op regeneration rewrote {noop['written']} files")
    if "python" in targets:
        result["import"] = measure_import(work / "out" / "python" / name / "src")
    return result


def measure_edit(kind: str, specs: Path, pyproject: Path) -> dict[str, Any]:
    """One edit of ``kind`` regenerated in a measured child, a second edit of the same
    kind regenerated by the real command (its wall time), and a third rebuilt the way
    ``--watch`` does, in a process that ran before the save (`bench.child` rebuild)."""
    try:
        page = edit(kind, specs)
        data, wall = child("generate", str(pyproject))
        edit(kind, specs)
    except EditError as exc:
        return {"skipped": str(exc)}
    if data["errors"]:
        raise BenchError(f"after the {kind} edit md2sdk reported errors: {data['errors']}")
    if not data["written"]:
        raise BenchError(f"the {kind} edit of {page.name} changed no output")
    cli = cli_wall(pyproject)
    rebuild, _ = child("rebuild", str(pyproject), kind)
    if rebuild["errors"] or not rebuild["written"]:
        raise BenchError(f"the watch rebuild after a {kind} edit failed: {rebuild['errors']}")
    return {**data, "wall": wall, "cli_wall": cli, "watch": rebuild, "page": page.name}


def cli_wall(pyproject: Path) -> float:
    """Wall seconds of the real command, ``md2sdk generate --config PYPROJECT -q``."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "generator.cli", "generate", "--config", str(pyproject), "-q"],
        capture_output=True, text=True, cwd=REPO, check=False, env=child_env(),
    )  # fmt: skip
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise BenchError(f"md2sdk generate failed: {done.stderr.strip()[-400:]}")
    settle(pyproject)
    return wall


def measure_import(src: Path) -> dict[str, Any]:
    """Import time of the generated client package (median of three fresh processes)."""
    packages = [p.name for p in src.iterdir() if (p / "__init__.py").is_file()]
    if len(packages) != 1:
        raise BenchError(f"expected one package under {src}, found {packages}")
    runs = [child("import", str(src), packages[0])[0] for _ in range(3)]
    return {
        key: statistics.median(run[key] for run in runs)
        for key in ("dependencies", "package", "total", "process")
    }


def count_openapi_operations(document: Path) -> int | None:
    """Operations in an OpenAPI or Swagger document, YAML or JSON (methods under ``paths``)."""
    if not document.is_file():
        return None
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(document.read_text(encoding="utf-8"), Loader=loader)
    paths = data.get("paths") if isinstance(data, dict) else None
    if not isinstance(paths, dict):
        return 0
    return sum(1 for item in paths.values() for key in item if key in _METHODS)


_METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}


def count_spec_operations(bench_root: Path, name: str) -> int | None:
    """Operations in the original spec the markdown was rendered from, if it is there."""
    spec = convert.original_spec(bench_root, name)
    return count_openapi_operations(spec) if spec is not None else None


def measure_opc(name: str, bench_root: Path, work: Path, reps: int) -> dict[str, Any]:
    """openapi-python-client's median seconds on the API's original spec converted to
    OpenAPI 3 (what a user choosing between the tools has), and on md2sdk's document."""
    tool = opc.ensure_installed()
    spec = convert.original_spec(bench_root, name)
    if spec is None:
        raise BenchError(f"{name}: no original spec under {bench_root / 'specs'}")
    converted, convert_seconds = convert.to_openapi3(spec, work / "openapi3")
    own = work / "out" / "openapi" / f"{name}.yaml"
    if not own.is_file():
        raise BenchError(f"{name}: md2sdk wrote no OpenAPI document to compare with")
    result: dict[str, Any] = {"version": opc.VERSION, "convert_seconds": convert_seconds}
    for label, document in (("original", converted), ("md2sdk_doc", own)):
        runs = [opc.generate(tool, document, work / "opc-out") for _ in range(reps)]
        seconds = [s for s, _ in runs]
        result[label] = {
            "runs": seconds,
            "median": statistics.median(seconds),
            "skipped_endpoints": opc.skipped_endpoints(runs[0][1]),
        }
    return result


def run(
    apis: list[str],
    bench_root: Path,
    reps: int,
    *,
    with_opc: bool,
    work_root: Path,
    targets: list[str] | None = None,
) -> dict[str, Any]:
    targets = targets or available_targets()
    results: dict[str, Any] = {
        "machine": {"cores": _cores(), "python": sys.version.split()[0], "load": [_load()]},
        "targets": targets,
        "apis": {},
    }
    for name in apis:
        pages = bench_root / "md" / name
        if not pages.is_dir():
            raise BenchError(f"no markdown folder {pages}")
        work = work_root / name
        print(f"[bench] {name}: md2sdk ...", file=sys.stderr, flush=True)
        entry = measure_md2sdk(name, pages, work, targets, reps)
        entry["spec_operations"] = count_spec_operations(bench_root, name)
        if with_opc:
            print(f"[bench] {name}: openapi-python-client x{reps} ...", file=sys.stderr)
            entry["opc"] = measure_opc(name, bench_root, work, reps)
            entry["ratio_vs_opc"] = entry["cold"]["wall"] / entry["opc"]["original"]["median"]
            own = entry["opc"]["md2sdk_doc"]["median"]
            entry["ratio_vs_opc_own_doc"] = entry["cold"]["wall"] / own
        results["apis"][name] = entry
    results["machine"]["load"].append(_load())
    results["verdicts"] = verdicts(results)
    return results


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _load() -> float:
    """The 1-minute load average (other sessions share the machine)."""
    return round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else -1.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--apis", default=",".join(SIZES))
    parser.add_argument("--bench-root", type=Path, default=DEFAULT_BENCH_ROOT)
    parser.add_argument(
        "--reps", type=int, default=3, help="cold+floor pairs and openapi-python-client runs"
    )
    parser.add_argument("--json", type=Path, default=HERE / "results.json")
    parser.add_argument("--no-opc", action="store_true", help="skip openapi-python-client")
    parser.add_argument("--work", type=Path, default=HERE / "work", help="scratch folder")
    parser.add_argument("--targets", help="comma-separated; default: every available one")
    args = parser.parse_args(argv)
    try:
        apis = args.apis.split(",")
        targets = args.targets.split(",") if args.targets else None
        reps = max(args.reps, 1)
        results = run(
            apis, args.bench_root, reps, with_opc=not args.no_opc, work_root=args.work,
            targets=targets,
        )  # fmt: skip
    except (BenchError, RuntimeError, OSError, subprocess.SubprocessError) as exc:
        print(f"bench failed: {exc}", file=sys.stderr)
        return 1
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(render_table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
