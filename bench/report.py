"""The benchmark's table and its verdicts against the targets of issues 8 and 14.

Verdicts are information, never a failure: these machines are noisy, and the ratios
(md2sdk / openapi-python-client, md2sdk / read-and-parse floor) are what count.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bench.edits import KINDS

STAGES = ("stamp", "read", "parse", "resolve", "emit", "format", "plan", "write")

Row = tuple[str, Callable[[dict[str, Any]], str]]


def _get(entry: dict[str, Any], *keys: str) -> Any:
    value: Any = entry
    for key in keys:
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return value


def _s(value: Any, digits: int = 2) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _ratio(value: Any) -> str:
    return "-" if value is None else f"{value:.2f}x"


def _stage(name: str) -> Row:
    return (f"  {name}", lambda e: _s(_get(e, "cold", "stages", name)))


def _runs(seconds: list[float] | None) -> str:
    """Every run's seconds, in the order measured."""
    return " ".join(f"{value:.2f}" for value in seconds) if seconds else "-"


def _cpu_ratio(entry: dict[str, Any]) -> float | None:
    cold, floor = _get(entry, "cold", "cpu"), _get(entry, "floor", "cpu")
    return cold / floor if cold and floor else None


def _edit_rows(kind: str) -> list[Row]:
    """One page edited of ``kind``: the measured child's wall, in-process, CLI wall."""

    def cell(e: dict[str, Any], *keys: str) -> str:
        edit = _get(e, "edits", kind)
        if edit is None or "skipped" in edit:
            return "-"
        if keys == ("in",):
            return _s(edit["wall_in_process"] - edit["imports"])
        return _s(edit.get(keys[0]))

    return [
        (f"edit {kind}, s", lambda e: cell(e, "wall")),
        ("  in-process / CLI wall", lambda e: f"{cell(e, 'in')} / {cell(e, 'cli_wall')}"),
        ("  CPU s (all processes)", lambda e: cell(e, "cpu")),
        ("  --watch rebuild, s", lambda e: _s(_get(e, "edits", kind, "watch", "seconds"))),
    ]


ROWS: list[Row] = [
    ("pages / markdown MB", lambda e: f"{e['pages']} / {e['markdown_mb']}"),
    ("operations model/openapi", lambda e: f"{e['operations']}/{e['openapi_operations']}"),
    ("files / output MB", lambda e: f"{e['files']} / {e['output_mb']}"),
    ("cold generate, wall s", lambda e: _s(e["cold"]["wall"])),
    ("  each run (median above)", lambda e: _runs(e.get("cold_walls"))),
    ("  CPU s (all processes)", lambda e: _s(_get(e, "cold", "cpu"))),
    ("  start-up + imports", lambda e: _s(e["cold"]["imports"])),
    *[_stage(name) for name in STAGES],
    ("operations / s", lambda e: f"{e['operations_per_second']:.0f}"),
    ("ms per markdown MB", lambda e: f"{1000 * e['cold']['wall'] / e['markdown_mb']:.0f}"),
    ("peak RSS MB main/worker", lambda e: "{self:.0f}/{children:.0f}".format(
        **e["cold"]["peak_rss_mb"])),
    ("no-op regenerate, s", lambda e: _s(e["noop"]["wall"])),
    ("  in-process", lambda e: _s(e["noop"]["wall_in_process"] - e["noop"]["imports"])),
    ("  md2sdk CLI, wall s", lambda e: _s(_get(e, "noop", "cli_wall"))),
    *[row for kind in KINDS for row in _edit_rows(kind)],
    ("read+mistune floor, s", lambda e: _s(e["floor"]["seconds"])),
    ("  each run, after a cold one", lambda e: _runs(e.get("floor_seconds"))),
    ("import client total, s", lambda e: _s(_get(e, "import", "total"), 3)),
    ("  of which package", lambda e: _s(_get(e, "import", "package"), 3)),
    ("openapi-python-client s", lambda e: _s(_get(e, "opc", "original", "median"))),
    ("  on the original spec", lambda e: "(swagger2openapi)" if _get(e, "opc") else "-"),
    ("  endpoints it skipped", lambda e: str(_get(e, "opc", "original", "skipped_endpoints"))),
    ("md2sdk / opc", lambda e: _ratio(e.get("ratio_vs_opc"))),
    ("md2sdk / floor (median of pairs)", lambda e: _ratio(e.get("ratio_vs_floor"))),
    ("  in CPU seconds", lambda e: _ratio(_cpu_ratio(e))),
    ("opc on md2sdk's OpenAPI s", lambda e: _s(_get(e, "opc", "md2sdk_doc", "median"))),
    ("  md2sdk / that (old row)", lambda e: _ratio(e.get("ratio_vs_opc_own_doc"))),
]  # fmt: skip


def render_table(results: dict[str, Any]) -> str:
    """A plain-text table, one column per API, then the verdicts."""
    apis = results["apis"]
    names = list(apis)
    header = ["", *(f"{apis[n]['size']} {n}" for n in names)]
    body = [[label, *(fn(apis[n]) for n in names)] for label, fn in ROWS]
    widths = [max(len(row[i]) for row in [header, *body]) for i in range(len(header))]
    load = " -> ".join(str(x) for x in results["machine"].get("load", []))
    lines = [
        f"md2sdk bench ({results['machine']['cores']} cores, load average {load}, Python "
        f"{results['machine']['python']}, targets: {', '.join(results['targets'])})",
        "  ".join(h.ljust(w) if i == 0 else h.rjust(w) for i, (h, w) in
                  enumerate(zip(header, widths, strict=True))),
    ]  # fmt: skip
    for row in body:
        cells = zip(row, widths, strict=True)
        lines.append("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in
                               enumerate(cells)))  # fmt: skip
    lines.append("")
    for verdict in results.get("verdicts", []):
        mark = "met   " if verdict["met"] else "MISSED"
        lines.append(f"{mark} {verdict['target']}: {verdict['measured']}")
    return "\n".join(lines)


def verdicts(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Issues 8 and 14's targets, judged on the largest API measured (and S→L for linearity)."""
    apis = results["apis"]
    if not apis:
        return []
    largest = max(apis.values(), key=lambda e: e["markdown_mb"])
    smallest = min(apis.values(), key=lambda e: e["markdown_mb"])
    out: list[dict[str, Any]] = []

    def judge(target: str, measured: float | None, limit: float, unit: str = "") -> None:
        if measured is not None:
            shown = f"{measured:.2f}{unit} (limit {limit}{unit})"
            out.append({"target": target, "measured": shown, "met": measured <= limit})

    tag = f"{largest['size']}"
    judge(f"{tag} cold / openapi-python-client on the original spec",
          largest.get("ratio_vs_opc"), 0.4, "x")  # fmt: skip
    judge(f"{tag} cold / read-and-parse floor", largest.get("ratio_vs_floor"), 2.5, "x")
    for kind in KINDS:
        edit = _get(largest, "edits", kind)
        if edit is not None and "skipped" not in edit:
            judge(f"{tag} one page edited ({kind}), in-process",
                  edit["wall_in_process"] - edit["imports"], 1.0, " s")  # fmt: skip
            judge(f"{tag} one page edited ({kind}), CLI", edit["cli_wall"], 1.5, " s")
            if "watch" in edit:
                judge(f"{tag} one page edited ({kind}), --watch rebuild",
                      edit["watch"]["seconds"], 1.0, " s")  # fmt: skip
    judge(f"{tag} no-op, CLI", largest["noop"]["cli_wall"], 0.3, " s")
    rss = largest["cold"]["peak_rss_mb"]
    judge(f"{tag} peak RSS", max(rss["self"], rss["children"]), 400, " MB")
    judge(f"{tag} import of the generated client package", _get(largest, "import", "package"),
          0.3, " s")  # fmt: skip
    if largest is not smallest:
        per_mb = [e["cold"]["wall_in_process"] / e["markdown_mb"] for e in (smallest, largest)]
        judge(f"time linear {smallest['size']}→{tag} (s per MB, ratio)", per_mb[1] / per_mb[0],
              1.5, "x")  # fmt: skip
    for entry in apis.values():
        expected = entry.get("spec_operations")
        if expected is not None:
            out.append({
                "target": f"{entry['size']} every operation generated",
                "measured": f"{entry['openapi_operations']} of {expected}",
                "met": entry["openapi_operations"] == expected,
            })  # fmt: skip
    return out
