"""Parse one big generated page in this fresh process and print what it cost, as JSON.

Run as ``python -m tests.robust.limits_probe KIND SIZE`` (KIND ``page``: SIZE megabytes
of real operation sections; KIND ``table``: one operation whose Parameters table has
SIZE rows). Prints ``{"seconds", "peak_growth", "chars", "operations", "rows",
"diagnostics"}``: parse wall time, and how far the process's peak resident memory
rose while parsing (bytes: the high-water mark ``VmHWM``, reset just before parsing,
minus the resident size at that moment; Linux only).

A fresh process gives a clean memory high-water mark; `tracemalloc` would measure the
same thing but slows this parser 10-20x, which would put the 20 MB case at minutes.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

from generator.diagnostics import Diagnostics
from generator.parse import parse_page

SEED_PAGE = Path(__file__).resolve().parents[2].parent / "shared/corpus/adobe-catalog/get_batch.md"


def big_page(megabytes: float) -> str:
    """Copies of the real catalog operation page, each with its own path."""
    seed = SEED_PAGE.read_text(encoding="utf-8")
    copies = int(megabytes * 1_000_000 / len(seed)) + 1
    return "\n".join(seed.replace("/batches", f"/batches{i}") for i in range(copies))


def big_table(rows: int) -> str:
    """One operation whose Parameters table has ``rows`` query parameters."""
    head = (
        "# Big\n\n### GET /things\n\n#### Parameters\n\n"
        "|Type|Name|Description|Schema|\n|---|---|---|---|\n"
    )
    body = "".join(
        f"|**Query**|**p{i}**  \n*optional*|Parameter {i}|string|\n" for i in range(rows)
    )
    return head + body


def _reset_peak() -> None:
    """Restart the peak-RSS count here: Linux carries ``ru_maxrss`` over fork and exec,
    so a probe started from a large pytest process would report the parent's peak."""
    Path("/proc/self/clear_refs").write_text("5")


def _peak_bytes() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024  # kB
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _rss_bytes() -> int:
    resident = int(Path("/proc/self/statm").read_text().split()[1])
    return resident * resource.getpagesize()


def probe(kind: str, size: float) -> dict[str, float]:
    text = big_page(size) if kind == "page" else big_table(int(size))
    _reset_peak()
    before = _rss_bytes()
    diagnostics = Diagnostics()
    start = time.perf_counter()
    page = parse_page("specs/big/page.md", text, diagnostics)
    seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "peak_growth": _peak_bytes() - before,
        "chars": len(text),
        "operations": len(page.operations),
        "rows": sum(len(op.parameters) for op in page.operations),
        "diagnostics": len(diagnostics),
    }


if __name__ == "__main__":
    print(json.dumps(probe(sys.argv[1], float(sys.argv[2]))))
