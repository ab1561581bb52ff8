"""Two md2sdk source trees timed on the same edits, interleaved.

A shared machine's speed drifts by half within an hour, so a figure measured today
cannot be set beside one from last week. This runs both trees in turns, on scratch
copies of one bench API, in the same conditions:

    python -m bench.compare OLD_TREE NEW_TREE [--api kubernetes] [--rounds 3]

OLD_TREE and NEW_TREE are checkouts of md2sdk (e.g. ``git worktree add /tmp/old
f2fa5fe``); both run with this interpreter, so its venv must satisfy both. For each
edit kind (`bench.edits`) and round it prints the in-process seconds of a new
process's regeneration after the edit (``edit``), and of a rebuild the way
``generate --watch`` does it, in a process that ran before the save (``watch``).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.edits import KINDS
from bench.run import DEFAULT_BENCH_ROOT, available_targets, child_env, make_project, settle

_CHILD = """
import gc, inspect, sys, time
root, pyproject, kind, mode = sys.argv[1:5]
sys.path.insert(0, root)
from pathlib import Path
from bench.edits import EditError, edit
from generator.config import load_config
from generator.diagnostics import Diagnostics
from generator.pipeline import generate

def run(**options):
    diagnostics = Diagnostics()
    return generate(load_config(Path(pyproject), diagnostics), diagnostics, **options)

project = load_config(Path(pyproject))
parameters = inspect.signature(generate).parameters
# As the CLI and the watch run it: the collector left off after a run where it can be,
# and (the CLI) the state saved for the next process where it is.
quick = {"collect": False} if "collect" in parameters else {}
if "keep_state" in parameters and mode != "watch":
    quick["keep_state"] = True
if mode == "watch":
    run(**({"warm": True} if "warm" in parameters else {}), **quick)
    gc.enable()  # what the watch does between runs (generator.watch._collect)
    gc.collect()
if mode != "cold":
    try:
        edit(kind, project.root / project.apis[0].specs)
    except EditError:  # nothing of this kind in these docs
        print("-")
        sys.exit(0)
started = time.perf_counter()
run(**quick)
print(f"{time.perf_counter() - started:.2f}")
"""


def timed(tree: Path, pyproject: Path, kind: str, mode: str) -> str:
    """Seconds of one regeneration after one edit, as the child prints them (once
    the state it saves for the next process is written, `bench.run.settle`)."""
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(tree), str(pyproject), kind, mode],
        capture_output=True, text=True, check=False, env=child_env(),
    )  # fmt: skip
    settle(pyproject)
    return done.stdout.strip() if done.returncode == 0 else "failed"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.compare")
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("--api", default="kubernetes")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--work", type=Path, default=None,
        help="where the scratch projects go (default: a new temporary folder, removed after)",
    )  # fmt: skip
    parser.add_argument("--bench-root", type=Path, default=DEFAULT_BENCH_ROOT)
    args = parser.parse_args(argv)
    if args.work is not None:
        return _compare(args, args.work)
    # Its own folder: two comparisons running at once must not share scratch projects.
    with tempfile.TemporaryDirectory(prefix="md2sdk-compare-") as work:
        return _compare(args, Path(work))


def _compare(args: argparse.Namespace, work: Path) -> int:
    trees = {"old": args.old.resolve(), "new": args.new.resolve()}
    projects = {}
    for label, tree in trees.items():
        pyproject = make_project(
            work / label, args.bench_root / "md" / args.api, args.api, available_targets()
        )
        timed(tree, pyproject, KINDS[0], "cold")  # both start with full caches
        projects[label] = pyproject
    print(f"{args.api}: seconds per regeneration after one edit (old: {args.old}, new: {args.new})")
    for mode in ("edit", "watch"):
        for kind in KINDS:
            times: dict[str, list[str]] = {"old": [], "new": []}
            for _ in range(args.rounds):
                for label in ("old", "new"):
                    times[label].append(timed(trees[label], projects[label], kind, mode))
            old, new = " ".join(times["old"]), " ".join(times["new"])
            print(f"{mode:5} {kind:15} old {old:20} new {new}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
