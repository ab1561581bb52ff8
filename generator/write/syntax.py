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

A big class (a resource's client class holds every method of its operations) is cut
again before each member, which is compiled moved out of the class (`_pieces`). A
module is also cut before each constant ``_NAME: Any = `` at column 0; a whole file's
compile vouches for such a cut when the module stores ``_NAME`` on that line (`_stored`).
"""

from __future__ import annotations

import dis
import re
import sys
from collections.abc import Collection, Iterable
from itertools import pairwise
from pathlib import Path
from types import CodeType
from typing import NamedTuple

from generator import hashing
from generator.cache import PARTS, Cache
from generator.cache_map import MapSlot
from generator.kept import long_lived

_START = re.compile(r"\n(?:def |async def |class |@|_[A-Z][A-Z0-9_]*: Any = )")
_MEMBER = re.compile(r"\n    (?:def |async def |@)")
"""A part's (a member's) first line, with the newline before it: a search for a fixed
start is many times faster than one for a line start."""
_SHALLOW = re.compile(r"\n {0,3}\S")
_STAR = re.compile(r"import\s*\*")
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
    definition starts: the compiled module (or, for a member, its class) holds a code
    object starting on that line (a decorated one's first decorator line), which a
    ``def`` inside a string never has. Files below `SPLIT_FROM` bytes are compiled
    whole and give no digests: splitting costs more than it saves there."""
    if len(source) < SPLIT_FROM and not long_lived():
        return _compiled(source), ()
    parts, first = _pieces(source)
    whole = (
        len(parts) < 2
        or any(part.alone is None for part in parts)
        or _across(source, first)
    )
    digests = () if whole else tuple(_digest(part.alone or "") for part in parts)
    if digests and (known or long_lived()):
        pairs = zip(parts, digests, strict=True)
        fresh = [part.alone or "" for part, d in pairs if d not in known and d not in _PARTS]
        if all(_compiled(text) is None for text in fresh):
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

MEMBERS_FROM = 16_000
"""Classes at least this long are checked member by member (Kubernetes' ``core_v1``
resource classes, 750 KB each, took 0.1 s each to compile after any edit of one of
their operations)."""


def _across(source: str, start: int) -> bool:
    """Whether ``source`` from ``start`` holds what the compiler checks across parts
    (`_ACROSS`); the words are looked for first, as the search by line is slow."""
    words = ("__future__", "global", "nonlocal")
    if all(source.find(word, start) < 0 for word in words):
        return False
    return _ACROSS.search(source, start) is not None


def _clean(code: CodeType, parts: list[Piece]) -> bool:
    """Whether each cut between ``parts`` starts a statement of ``code``: a definition
    (a top-level one, or a member of the class the part belongs to), or a constant the
    module stores on that line."""
    starts = _starts(code)
    members: dict[int, set[int]] = {}
    constants: set[tuple[int, str]] = set()
    for part in parts[1:]:
        if part.owner:
            if part.owner not in members:
                owner = starts.get(part.owner)
                members[part.owner] = set(_starts(owner)) if owner is not None else set()
            if part.line not in members[part.owner]:
                return False
        elif part.alone is not None and part.alone.startswith("_"):
            constants.add((part.line, part.alone.partition(":")[0]))
        elif part.line not in starts:
            return False
    return not constants or _stored(code, constants)


def _stored(code: CodeType, wanted: set[tuple[int, str]]) -> bool:
    """Whether ``code`` itself stores each ``(line, name)`` of ``wanted``
    (``STORE_NAME``). A line that starts with ``_NAME: Any = `` and on which the module
    stores ``_NAME`` starts that statement: inside brackets or a string it would be no
    statement, and as a parameter with a default it stores nothing in the module."""
    raw = code.co_code
    index = {name: i for i, name in enumerate(code.co_names)}
    found: dict[int, str] = {}
    for name in {name for _, name in wanted}:
        i = index.get(name, 256)
        if i > 255:
            return False  # an extended argument: not looked for
        pattern = bytes((_STORE_NAME, i))
        at = raw.find(pattern)
        while at >= 0:
            if not at % 2 and (at < 2 or raw[at - 2] != dis.EXTENDED_ARG):
                found[at] = name
            at = raw.find(pattern, at + 1)
    offsets = sorted(found)
    stored: set[tuple[int, str]] = set()
    position = 0
    for _, end, line in code.co_lines():
        while position < len(offsets) and offsets[position] < end:
            if line is not None:
                stored.add((line, found[offsets[position]]))
            position += 1
        if position == len(offsets):
            break
    return wanted <= stored


_STORE_NAME = dis.opmap["STORE_NAME"]


def _starts(code: CodeType) -> dict[int, CodeType]:
    """The code objects defined directly in ``code``, by their first line."""
    return {c.co_firstlineno: c for c in code.co_consts if isinstance(c, CodeType)}


def remember(key: str, digests: Iterable[bytes]) -> None:
    """Record, in a process that runs again, the digests of parts known to compile
    alone of the file cached under ``key`` (once per file): those `check` vouched for,
    or for a file taken from the cache, those `PartsStore` holds for its path."""
    if long_lived() and key not in _FILES:
        _FILES.add(key)
        _known(digests)


def split(source: str) -> list[str]:
    """``source`` cut before each line that starts a top-level definition (a decorated
    one before its first decorator, however many lines its decorators take) or a
    constant ``_NAME: Any = `` (the tests emitter's example values, 0.5 MB before the
    first test of Kubernetes' ``test_live.py``)."""
    return _cut(source, _START, 1)


def _cut(source: str, start: re.Pattern[str], skip: int) -> list[str]:
    """``source`` cut ``skip`` characters into each match of ``start``, a decorated
    definition before its first decorator."""
    cuts = [0]
    decorated = source.startswith("@")
    for found in start.finditer(source):
        at = found.start() + skip
        if source.startswith("@", found.end() - 1):
            if not decorated and at:
                cuts.append(at)
            decorated = True
        elif decorated:
            decorated = False  # the definition its decorators belong to
        elif at:
            cuts.append(at)
    cuts.append(len(source))
    return [source[a:b] for a, b in pairwise(cuts) if b > a]


class Piece(NamedTuple):
    """A part as it is compiled alone (``None``: it cannot be), the line of the file it
    starts on, and for a class member the line its class starts on (else 0)."""

    alone: str | None
    line: int
    owner: int


def _pieces(source: str) -> tuple[list[Piece], int]:
    """`split`'s parts, a class of at least `MEMBERS_FROM` bytes cut again before each
    of its members; and the length of the first part.

    A class's head (its line, docstring and what comes before its first member) is
    compiled with ``pass`` after it, each member (with any class-level statement after
    it) moved out of the class (four spaces less indentation; a line with less makes it
    one that cannot be compiled alone): why a class whose head and members compile so
    compiles too is the argument for a module's parts (see the module doc), statement
    by statement in the class body, where only ``import *`` is refused that a module
    takes (a class with one is not cut)."""
    parts = split(source)
    pieces: list[Piece] = []
    line = 1
    for part in parts:
        members = _members(part)
        if len(members) < 2:
            pieces.append(Piece(part, line, 0))
        else:
            pieces.append(Piece(members[0] + "    pass\n", line, 0))
            at = line + members[0].count("\n")
            for member in members[1:]:
                alone = None if _SHALLOW.search(member) else member[4:].replace("\n    ", "\n")
                pieces.append(Piece(alone, at, line))
                at += member.count("\n")
        line += part.count("\n")
    return pieces, len(parts[0]) if parts else 0


def _members(part: str) -> list[str]:
    """A big class part cut before each member definition; other parts whole."""
    if len(part) < MEMBERS_FROM or not part.startswith("class ") or _STAR.search(part):
        return [part]
    return _cut(part, _MEMBER, 1)


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
