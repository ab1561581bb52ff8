"""Atomic file writes: the one place md2sdk writes a file through a temp file.

A reader (another md2sdk run, an editor, an import) must never see a half-written
file, whether the writer fails, is interrupted or is killed. Every file md2sdk writes
(generated output, its journal and manifest, cache entries, stamps) is therefore
written in full to a temp file *beside* its destination (same folder, so the rename
cannot cross file systems) and then renamed over it with ``os.replace``, which is
atomic per file. A failure while writing deletes the temp file; a killed process can
leave one behind, named ``.<name>.<random>.md2sdk-tmp`` (`TEMP_SUFFIX`), which
`generator.write.commit.recover` deletes under the output root.

`stage` writes the temp file only, for the writer's commit, which renames many staged
files together; `write_atomic` is stage + rename.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

TEMP_SUFFIX = ".md2sdk-tmp"
"""Suffix of every temp file md2sdk writes; no generated file may end with it."""


def stage(target: Path, data: bytes, *, mode: int | None = None, durable: bool = False) -> Path:
    """Write ``data`` to a new temp file beside ``target`` and return its path.

    ``mode`` sets the temp file's permissions (``tempfile`` makes it 0o600);
    ``durable`` flushes it to disk before returning. On any failure, Ctrl-C included,
    the temp file is deleted and the exception propagates.
    """
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=TEMP_SUFFIX)
    temp = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(temp, mode)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    return temp


def write_atomic(
    target: Path, data: bytes, *, mode: int | None = None, durable: bool = False
) -> None:
    """Replace ``target`` with ``data`` at once: readers see the old file or the new
    one, never a part of either (see `stage` for ``mode`` and ``durable``)."""
    temp = stage(target, data, mode=mode, durable=durable)
    try:
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
