"""Whether generated Python compiles, checked part by part in a process that runs again.

The writer compiles every shaped file it has no cached answer for
(`generator.write.formatting`): black would reject invalid Python, and skipping black
must not let an emitter's bug through. After a one-page edit on Kubernetes the files
that change are the biggest ones (the resource's test module, 1.6 MB, and
``test_live.py`` with every operation, 1.1 MB: 0.6 s to compile), yet only a few of
their functions changed. A process that runs again (``generate --watch``,
`generator.kept.long_lived`) therefore remembers the top-level parts of every file it
compiled or took from the cache, and compiles only the parts it has not seen. The next
process learns the same from `PartsStore`: per output file, the digests of the parts
it had when it last compiled (a file of at least `SPLIT_FROM` bytes), so after an edit
only the changed parts of a big file are compiled there too.

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

import re
import sys
from collections.abc import Collection, Iterable
from itertools import pairwise
from pathlib import Path
from types import CodeType

from generator import hashing
from generator.cache import PARTS, Cache
from generator.cache_map import MapSlot
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
    return check(source)[0]


def check(source: str, known: Collection[bytes] = frozenset()) -> tuple[str | None, Digests]:
    """``(error, digests)``: `error`'s answer, compiling only the parts of ``source``
    that are neither in ``known`` (digests of parts that compiled in an earlier
    process: `PartsStore`) nor seen in a process that runs again; and, when ``source``
    compiles, the digests of its parts if each is known to compile alone, else ``()``.

    A file compiled whole tells its parts compile alone when every cut falls where a
    top-level definition starts: the compiled module holds a code object starting on
    that line (a decorated one's first decorator line), which a ``def`` at column 0
    inside a string never has. Files below `SPLIT_FROM` bytes are compiled whole and
    give no digests: splitting costs more than it saves there."""
    if len(source) < SPLIT_FROM and not long_lived():
        return _compiled(source), ()
    parts = split(source)
    whole = len(parts) < 2 or _ACROSS.search(source, len(parts[0])) is not None
    digests = () if whole else tuple(_digest(part) for part in parts)
    if digests and (known or long_lived()):
        pairs = zip(parts, digests, strict=True)
        fresh = [part for part, d in pairs if d not in known and d not in _PARTS]
        if all(_compiled(part) is None for part in fresh):
            return None, digests
    try:
        code = compile(source, "<generated>", "exec", dont_inherit=True)
    except (SyntaxError, ValueError):
        return _compiled(source), ()  # located in the file, not in a part
    return None, digests if digests and _clean(code, parts) else ()


Digests = tuple[bytes, ...]

SPLIT_FROM = 64_000
"""Files at least this long are checked part by part (Kubernetes' resource and test
modules, 1 to 1.6 MB, took 0.3 to 0.9 s each to compile whole)."""


def _clean(code: CodeType, parts: list[str]) -> bool:
    """Whether each cut between ``parts`` starts a top-level definition of ``code``."""
    starts = {c.co_firstlineno for c in code.co_consts if isinstance(c, CodeType)}
    line = 1
    for part in parts[:-1]:
        line += part.count("\n")
        if line not in starts:
            return False
    return True


def remember(key: str, digests: Iterable[bytes]) -> None:
    """Record, in a process that runs again, the digests of parts known to compile
    alone of the file cached under ``key`` (once per file): those `check` vouched for,
    or for a file taken from the cache, those `PartsStore` holds for its path."""
    if long_lived() and key not in _FILES:
        _FILES.add(key)
        _known(digests)


def split(source: str) -> list[str]:
    """``source`` cut before each line that starts a top-level definition (a decorated
    one before its first decorator, however many lines its decorators take)."""
    cuts = [0]
    decorated = False
    for found in _START.finditer(source):
        start = found.start()
        if source.startswith("@", start):
            if not decorated and start:
                cuts.append(start)
            decorated = True
        elif decorated:
            decorated = False  # the definition its decorators belong to
        elif start:
            cuts.append(start)
    cuts.append(len(source))
    return [source[a:b] for a, b in pairwise(cuts) if b > a]


def _known(digests: Iterable[bytes]) -> None:
    if len(_PARTS) > _LIMIT:
        _PARTS.clear()
        _FILES.clear()
    _PARTS.update(digests)


def _digest(part: str) -> bytes:
    return hashing.digest(part.encode("utf-8", "surrogatepass"), 16)


def _compiled(source: str) -> str | None:
    try:
        compile(source, "<generated>", "exec", dont_inherit=True)
    except SyntaxError as exc:
        return f"Cannot parse: {exc.lineno or 1}:{max((exc.offset or 1) - 1, 0)}: {exc.msg}"
    except ValueError as exc:  # null bytes
        return str(exc)
    return None


class PartsStore:
    """Per output file, the digests of its parts as last compiled (`check`), kept in
    the project's cache for the next process: after an edit only the parts of a big
    file that changed are compiled (Kubernetes: 0.03 s instead of 0.75 s for the
    edited resource's test module). A digest only ever says that a part compiles
    alone, so a stale or foreign entry can cost a compile, never a wrong answer."""

    def __init__(self, cache_dir: Path | None) -> None:
        cache = Cache(cache_dir, PARTS)
        key = cache.key("parts", sys.version)
        self._slot: MapSlot[str, bytes] = MapSlot(cache, key, "parts", size=len, valid=_valid)
        self._known: dict[str, bytes] | None = None
        self._now: dict[str, bytes] = {}

    def known(self, path: str) -> frozenset[bytes]:
        """The digests of the parts ``path`` had when it last compiled."""
        if self._known is None:
            self._known = self._slot.load()
        data = self._now.get(path, self._known.get(path, b""))
        return frozenset(data[i : i + _SIZE] for i in range(0, len(data), _SIZE))

    def record(self, path: str, digests: Digests) -> None:
        """``path`` now holds these parts (from `check`)."""
        if digests:
            self._now[path] = b"".join(digests)

    def save(self) -> None:
        """Keep what changed for the next process."""
        if not self._now:
            return
        known = self._known if self._known is not None else self._slot.load()
        if any(known.get(path) != data for path, data in self._now.items()):
            self._slot.save({**known, **self._now})


_SIZE = 16
"""Bytes of a part's digest (`_digest`)."""


def _valid(key: object, value: object) -> bool:
    return isinstance(key, str) and isinstance(value, bytes) and len(value) % _SIZE == 0
