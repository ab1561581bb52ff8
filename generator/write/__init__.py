"""The writer: the only code that touches the output root.

Emitters return files as data; the writer formats them (`format_files`: black,
in-process, pinned mode, cached), compares them with the disk and the ownership
manifest (`plan_write`), and then either applies the plan atomically (`apply_plan`,
taking what was staged ahead of it, `stage_ahead`) or shows it as a unified diff
(`Plan.diff`, for ``md2sdk check``).
"""

from generator.write.commit import (
    Staged,
    apply_plan,
    output_lock,
    recover,
    stage_ahead,
    write_file,
)
from generator.write.formatting import black_mode, format_files
from generator.write.plan import JOURNAL, MANIFEST, Change, Plan, plan_write, read_manifest

__all__ = [
    "JOURNAL",
    "MANIFEST",
    "MODE",
    "Change",
    "Plan",
    "Staged",
    "apply_plan",
    "format_files",
    "output_lock",
    "plan_write",
    "read_manifest",
    "recover",
    "stage_ahead",
    "write_file",
]


def __getattr__(name: str) -> object:
    """``MODE`` (black's pinned mode) is built on first use: importing black is slow."""
    if name == "MODE":
        return black_mode()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
