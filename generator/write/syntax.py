"""Whether generated Python compiles, checked part by part in a process that runs again.

The writer compiles every shaped file it has no cached answer for
(`generator.write.formatting`): black would reject invalid Python, and skipping black
must not let an emitter's bug through. After a one-page edit on Kubernetes the files
that change are the biggest ones (the resource's test module, 1.6 MB, and
``test_live.py`` with every operation, 1.1 MB: 0.6 s to compile), yet only a few of
their functions changed. A process that runs again (``generate --watch``,
`generator.kept.long_lived`) therefore remembers the top-level parts of every file it
compiled or took from the cache, and compiles only the parts it has not seen.

Why a file whose parts all compile compiles too: a part starts at a line that begins a
top-level ``def``, ``async def``, ``class`` or decorator at column 0; each part alone is
a complete module ending with a newline at column 0, so no bracket, string or
indentation is open from one part to the next, and the whole is the same statements
in a row. The compiler's checks are per statement or per scope except two that look
across a module: ``from __future__`` imports must come first, and ``global`` /
``nonlocal`` declarations must precede the uses of their names; a file with either
after its first part is compiled whole. A cut inside a string (a docstring with
``def`` at column 0) leaves a part with an unterminated string, which does not compile
alone: the file is then compiled whole, and its error, if any, is reported where it is.
"""

from __future__ import annotations

import hashlib
import re
from itertools import pairwise

from generator.kept import long_lived

_START = re.compile(r"^(?:def |async def |class |@)", re.MULTILINE)
_ACROSS = re.compile(r"^\s*(?:from\s+__future__|global|nonlocal)\b", re.MULTILINE)
_LIMIT = 2_000_000
"""Part digests kept at most (a long watch session forgets them all at once)."""

_PARTS: set[bytes] = set()
"""Digests of the parts known to compile, in this process."""
_FILES: set[str] = set()
"""Cache keys of the files whose parts are in `_PARTS`."""


def error(source: str) -> str | None:
    """Black's message for ``source`` when it does not compile (``Cannot parse:
    line:column: ...``), else ``None``. Compiles only the parts not seen before in a
    process that runs again; the writer records its parts (`remember`) once the file is kept."""
    if not long_lived():
        return _compiled(source)
    parts = split(source)
    if len(parts) < 2 or _ACROSS.search(source, len(parts[0])):
        return _compiled(source)
    if any(_compiled(part) is not None for part in parts if _digest(part) not in _PARTS):
        return _compiled(source)  # located in the file, not in the part
    return None


def remember(source: str, key: str) -> None:
    """Record the parts of ``source`` (cached under ``key``: it compiled when it was
    formatted) in a process that runs again, once per file."""
    if long_lived() and key not in _FILES:
        _FILES.add(key)
        _known(split(source))


def split(source: str) -> list[str]:
    """``source`` cut before each line that starts a top-level definition (a decorated
    one before its first decorator)."""
    cuts = [0]
    for found in _START.finditer(source):
        start = found.start()
        if start and not source.startswith("@", _line_before(source, start)):
            cuts.append(start)
    cuts.append(len(source))
    return [source[a:b] for a, b in pairwise(cuts) if b > a]


def _line_before(source: str, start: int) -> int:
    return source.rfind("\n", 0, start - 1) + 1


def _known(parts: list[str]) -> None:
    if len(_PARTS) > _LIMIT:
        _PARTS.clear()
        _FILES.clear()
    _PARTS.update(_digest(part) for part in parts)


def _digest(part: str) -> bytes:
    return hashlib.blake2b(part.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _compiled(source: str) -> str | None:
    try:
        compile(source, "<generated>", "exec", dont_inherit=True)
    except SyntaxError as exc:
        return f"Cannot parse: {exc.lineno or 1}:{max((exc.offset or 1) - 1, 0)}: {exc.msg}"
    except ValueError as exc:  # null bytes
        return str(exc)
    return None
