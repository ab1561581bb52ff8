"""The measured side of the benchmark: one fresh process per measurement.

Each mode runs in its own interpreter so that wall time includes start-up and imports
(what a user running ``md2sdk generate`` waits for) and peak RSS belongs to that one
measurement, and ends as the CLI does, without tearing its heap down. Each prints a
single JSON object on stdout; `bench.run` reads it.

Modes::

    python -m bench.child generate PYPROJECT   # md2sdk generate, as the CLI runs it
    python -m bench.child rebuild PYPROJECT KIND  # a watching process's rebuild after an edit
    python -m bench.child floor FOLDER         # read + mistune-parse every page
    python -m bench.child import SRC PACKAGE   # import a generated client
"""

from __future__ import annotations

import time

_STARTED = time.perf_counter()

import gc  # noqa: E402
import json  # noqa: E402  (the clock above must start before any import)
import os  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402


def _peak_rss_mb() -> dict[str, float]:
    """Peak resident set size of this process and of its largest child (pool workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"self": round(own, 1), "children": round(children, 1)}


def _cpu_seconds() -> float:
    """User + system CPU seconds of this process and its finished children (pool
    workers): unlike wall time, barely moved by other sessions loading the machine."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run_generate(pyproject: Path) -> dict[str, Any]:
    """`md2sdk generate` for the project of ``pyproject``, with per-stage timings."""
    from generator.config import load_config  # noqa: PLC0415 (imports are timed)
    from generator.diagnostics import Diagnostics, Severity  # noqa: PLC0415
    from generator.pipeline import generate  # noqa: PLC0415

    imported = time.perf_counter()
    diagnostics = Diagnostics()
    project = load_config(pyproject, diagnostics)
    result = generate(project, diagnostics, collect=False, keep_state=True)  # as the CLI runs it
    finished = time.perf_counter()
    plan = result.plan
    errors = [d.format() for d in diagnostics.sorted() if d.severity is Severity.ERROR]
    return {
        "wall_in_process": finished - _STARTED,
        "imports": imported - _STARTED,
        "stages": result.timings,
        "operations": sum(api.operations for api in result.apis),
        "models": sum(api.models for api in result.apis),
        "files": sum(len(api.files) for api in result.apis),
        "bytes": sum(len(t.encode("utf-8")) for api in result.apis for t in api.files.values()),
        "written": len(plan.changes) if plan is not None else 0,
        "warnings": diagnostics.count(Severity.WARNING),
        "errors": errors[:20],
        "peak_rss_mb": _peak_rss_mb(),
        "cpu": _cpu_seconds(),
    }


def run_rebuild(pyproject: Path, kind: str) -> dict[str, Any]:
    """What ``md2sdk generate --watch`` does on a save: a first (warm) run, then one
    page edited (`bench.edits`, of ``kind``) and the rebuild timed in the same process."""
    from bench.edits import edit  # noqa: PLC0415
    from generator.config import load_config  # noqa: PLC0415
    from generator.diagnostics import Diagnostics, Severity  # noqa: PLC0415
    from generator.pipeline import generate  # noqa: PLC0415

    diagnostics = Diagnostics()
    project = load_config(pyproject, diagnostics)
    generate(project, diagnostics, warm=True, collect=False)
    gc.enable()  # as the watch does between runs (generator.watch._collect)
    gc.collect()
    edit(kind, project.root / project.apis[0].specs)
    started = time.perf_counter()
    diagnostics = Diagnostics()
    project = load_config(pyproject, diagnostics)
    result = generate(project, diagnostics, collect=False)
    errors = [d.format() for d in diagnostics.sorted() if d.severity is Severity.ERROR]
    return {
        "seconds": time.perf_counter() - started,
        "stages": result.timings,
        "written": len(result.plan.changes) if result.plan is not None else 0,
        "errors": errors[:20],
        "peak_rss_mb": _peak_rss_mb(),
    }


def run_floor(folder: Path) -> dict[str, Any]:
    """The floor no markdown generator can beat: read every page, mistune-parse it."""
    import mistune  # noqa: PLC0415 (kept out of the other modes)

    markdown = mistune.create_markdown(renderer=None, plugins=["table"])
    imported = time.perf_counter()
    pages = sorted(folder.rglob("*.md"))
    size = 0
    for page in pages:
        text = page.read_bytes().decode("utf-8-sig")
        size += len(text)
        markdown(text)
    return {
        "seconds": time.perf_counter() - imported,
        "pages": len(pages),
        "characters": size,
        "peak_rss_mb": _peak_rss_mb(),
        "cpu": _cpu_seconds(),
    }


def run_import(src: Path, package: str) -> dict[str, Any]:
    """Seconds to import the generated client and build a `Client`, deps included."""
    sys.path.insert(0, str(src))
    start = time.perf_counter()
    import httpx  # noqa: F401, PLC0415 (timed)
    import pydantic  # noqa: F401, PLC0415

    deps = time.perf_counter()
    module = __import__(package)
    client = module.Client(base_url="http://localhost")
    done = time.perf_counter()
    close = getattr(client, "close", None)
    if callable(close):
        close()
    return {
        "dependencies": deps - start,
        "package": done - deps,
        "total": done - start,
        "process": done - _STARTED,
    }


def main(argv: list[str]) -> int:
    mode, *args = argv
    if mode == "generate":
        data = run_generate(Path(args[0]))
    elif mode == "rebuild":
        data = run_rebuild(Path(args[0]), args[1])
    elif mode == "floor":
        data = run_floor(Path(args[0]))
    elif mode == "import":
        data = run_import(Path(args[0]), args[1])
    else:
        print(f"unknown mode {mode!r}", file=sys.stderr)
        return 2
    json.dump(data, sys.stdout)
    return 0


if __name__ == "__main__":
    code = main(sys.argv[1:])
    # Ended as the CLI ends (`generator.cli._exit`): output flushed, the heap not torn
    # down object by object (0.4-0.5 s after a cold Kubernetes run), so the process's
    # wall is what a user of ``md2sdk generate`` waits for.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
