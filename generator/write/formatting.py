"""Black, in-process, with one pinned mode and a content-hash cache.

Generated Python is formatted here and nowhere else. The mode is spelled out in full
(`MODE`) instead of being read from a ``pyproject.toml`` near the output, so the bytes
cannot depend on the machine or folder md2sdk runs in. The mode equals black's
defaults (line length 88, per-file target detection), which is what emitters test
their output against.

Formatting is the slow stage for big APIs, so results are cached
(``.md2sdk-cache/black/``, `generator.cache` with the inputs declared as
`generator.cache.BLACK`: black's version and this module, where the mode is) by the
source and whether it is shaped; on a cache miss of many files the work is spread
over a process pool (a file black leaves alone is not sent back from the pool, and is
kept as a fixed point of its path, `generator.write.fixed_points`, not as an entry of
its own: no second copy of the output). The cache is best effort:
an unreadable or unwritable cache only costs time. black itself (a quarter of a
second to import) is imported on the first cache miss, so a run whose files are all
cached never loads it.

Files from md2sdk's own templates are *shaped*: the emitters lay them out exactly as
black would (proven against black by the test suite for every API we have docs of),
so running black over them would change nothing and cost most of a big API's
generation time. With ``shaped=True`` such a file skips black unless a line exceeds
the line length where black could split it (a bracket outside strings and docstrings,
e.g. from a name longer than any seen so far); it is still compiled, so invalid Python
is reported exactly as black would report it.
User template overrides are not shaped: their output always goes through black.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from generator.cache import BLACK, Cache
from generator.diagnostics import Diagnostics
from generator.kept import ByIdentity, Kept, long_lived
from generator.location import SourceLocation
from generator.write import syntax
from generator.write.fixed_points import FixedPoints

if TYPE_CHECKING:
    import black


@functools.cache
def black_mode() -> black.Mode:
    """The one pinned mode (also importable as ``MODE``), built on first use."""
    import black  # noqa: PLC0415 (deferred: see the module docstring)

    return black.Mode(
        target_versions=set(),
        line_length=LINE_LENGTH,
        string_normalization=True,
        is_pyi=False,
        is_ipynb=False,
        skip_source_first_line=False,
        magic_trailing_comma=True,
        preview=False,
        unstable=False,
    )


def __getattr__(name: str) -> object:
    if name == "MODE":
        return black_mode()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


LINE_LENGTH = 88
PARALLEL_THRESHOLD = 24
"""Cache misses below this are formatted in-process: a pool costs ~0.1 s to start."""

_POSITION = re.compile(r"(\d+):(\d+)")

Progress = Callable[[int], None]


def line_width(text: str) -> int:
    """Columns black counts for ``text`` (East Asian wide characters count two); the
    emitters that lay code out in black's shape measure with this too."""
    if text.isascii():
        return len(text)
    from black.strings import str_width  # noqa: PLC0415 (only for non-ASCII text)

    return int(str_width(text))


_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"' + r"|'(?:[^'\\\n]|\\.)*'")
_BRACKETS = re.compile(r"[()\[\]{}]")
_LONG = re.compile(rf"\n[^\n]{{{LINE_LENGTH + 1},}}")
"""A line longer than the line length, with the newline before it."""


def black_would_leave(source: str) -> bool:
    """No line black could act on for its length: every line longer than the line
    length is docstring text, or has no bracket outside its string literals but an
    opening one or an empty ``()`` it ends with (a long string, name or call head that
    black cannot split either).

    An ASCII source (all of md2sdk's but a few) is not walked line by line: only its
    long lines are visited, and whether one is inside a docstring is the parity of the
    triple quotes before it (none spans a line, so that is each line's count summed)."""
    if not source.isascii():
        return _would_leave_lines(source)
    end = source.find("\n")
    first = source if end < 0 else source[:end]
    if len(first) > LINE_LENGTH and '"""' not in first and not _unsplittable(first):
        return False
    seen = 0
    quotes = 0
    for found in _LONG.finditer(source):
        start = found.start() + 1
        quotes += source.count('"""', seen, start)
        seen = start
        line = source[start : found.end()]
        if not quotes % 2 and '"""' not in line and not _unsplittable(line):
            return False
    return True


def _would_leave_lines(source: str) -> bool:
    """`black_would_leave` measuring each line's width (wide characters count two)."""
    in_docstring = False
    for line in source.split("\n"):
        quotes = line.count('"""')
        long = line_width(line) > LINE_LENGTH
        if long and not in_docstring and not quotes and not _unsplittable(line):
            return False
        if quotes % 2:
            in_docstring = not in_docstring
    return True


def _unsplittable(line: str) -> bool:
    """Whether a long code line has no bracket black could split at, outside string
    literals: black has split at an opening bracket at the very end already, and cannot
    split an empty call."""
    code = _STRING.sub("", line).rstrip()
    code = code.removesuffix("()") if code.endswith("()") else code.rstrip("([{")
    return _BRACKETS.search(code) is None


def format_source(source: str, shaped: bool = False) -> tuple[str | None, str | None]:
    """``(formatted, None)`` or ``(None, black's error message)``; never raises.

    A ``shaped`` source within the line length is only compiled (see the module doc).
    """
    formatted, error, _ = _format(source, shaped)
    return formatted, error


Formatted = tuple[str | None, str | None, syntax.Digests]
"""`format_source`'s answer and, for a shaped file only compiled, the digests of its
parts known to compile (`syntax.check`)."""


def _format(source: str, shaped: bool, known: frozenset[bytes] = frozenset()) -> Formatted:
    if shaped and black_would_leave(source):
        problem, digests = syntax.check(source, known)
        return (source, None, digests) if problem is None else (None, problem, ())
    try:
        import black  # noqa: PLC0415 (deferred: see the module docstring)

        return black.format_str(source, mode=black_mode()), None, ()
    except Exception as exc:  # black reports bad input with several exception types
        message = str(exc).strip().splitlines()
        return None, message[0] if message else type(exc).__name__, ()


def format_files(
    files: Mapping[str, str],
    diagnostics: Diagnostics,
    *,
    cache_dir: Path | None = None,
    shown_root: str = "",
    progress: Progress | None = None,
    jobs: int | None = None,
    shaped: bool = False,
) -> dict[str, str]:
    """``files`` with every ``.py`` file run through black (other files as they are);
    with ``shaped``, the files come from md2sdk's own templates (see the module doc).

    A file black cannot parse is a ``format-failed`` error located in the generated
    file (``generated/python/x.py:3:7``) and is returned unformatted.
    """
    result = dict(files)
    todo: dict[str, str] = {}
    keys: dict[str, str] = {}
    cache = Cache(cache_dir, BLACK)
    # What the last process compiled of each file, so only its changed parts compile.
    parts = syntax.PartsStore(cache_dir) if shaped and cache_dir is not None else None
    fixed = FixedPoints(cache)
    for path, source in files.items():
        if not path.endswith(".py"):
            continue
        key = keys[path] = _source_key(cache, source, shaped)
        cached = source if fixed.holds(path, key) else _read_cache(cache, key, source)
        if cached == source:
            fixed.record(path, key)
        if cached is not None:
            result[path] = cached
            if cached is source and parts is not None and long_lived():
                syntax.remember(key, parts.known(path))
            if progress is not None:
                progress(1)
        else:
            todo[path] = source
    paths = sorted(todo)
    sources = [todo[p] for p in paths]
    known = [parts.known(p) for p in paths] if parts is not None else [frozenset()] * len(paths)
    for path, source, (formatted, error, digests) in zip(
        paths, sources, _format_all(sources, jobs, shaped, known), strict=True
    ):
        if formatted is not None:
            result[path] = formatted
            _write_cache(cache, keys[path], source, formatted)
            if formatted == source:
                fixed.record(path, keys[path])
            if shaped and formatted == source:  # compiled in a pool worker, maybe
                syntax.remember(keys[path], digests)
                if parts is not None:
                    parts.record(path, digests)
        else:
            diagnostics.error(
                "format-failed",
                f"black cannot format this generated file ({error}); an emitter or "
                "template produced invalid Python",
                _error_location(f"{shown_root}/{path}" if shown_root else path, error or ""),
            )
        if progress is not None:
            progress(1)
    if parts is not None:
        parts.save()
    fixed.save()
    return result


def _format_all(
    sources: list[str], jobs: int | None, shaped: bool, known: list[frozenset[bytes]]
) -> Iterator[Formatted]:
    """Format in order, in a process pool when there are enough files to pay for it.

    The pool gets the largest files first, one per task, so a few big modules (one
    resource's hundred operations) do not end up queued behind each other on one core
    while the other sits idle at the end.
    """
    workers = min(jobs if jobs is not None else (os.cpu_count() or 1), 8)
    if len(sources) >= PARALLEL_THRESHOLD and workers > 1:
        # Imported here: multiprocessing costs a no-op run ~25 ms of its start-up.
        from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415

        with ProcessPoolExecutor(max_workers=workers) as pool:
            largest_first = sorted(range(len(sources)), key=lambda i: -len(sources[i]))
            futures = {
                i: pool.submit(_format_apart, sources[i], shaped, known[i]) for i in largest_first
            }
            for index in range(len(sources)):
                formatted, error, digests = futures[index].result()
                yield (sources[index] if formatted == _SAME else formatted), error, digests
    else:
        yield from (_format(s, shaped, k) for s, k in zip(sources, known, strict=True))


_SAME = "\0same"
"""What a pool worker answers for a file black leaves as it is, instead of sending
its text back (most of a big API's 23 MB)."""


def _format_apart(source: str, shaped: bool, known: frozenset[bytes]) -> Formatted:
    formatted, error, digests = _format(source, shaped, known)
    return (_SAME if formatted == source else formatted), error, digests


def _error_location(path: str, error: str) -> SourceLocation:
    """Black says ``cannot parse: 3:6`` with a 0-based column."""
    found = _POSITION.search(error)
    return SourceLocation(path, int(found[1]), int(found[2]) + 1) if found else SourceLocation(path)


def cache_key(cache: Cache, source: str, shaped: bool = False) -> str:
    """The key of ``source``'s formatted form in ``cache`` (a `BLACK` cache)."""
    return cache.key(source, "shaped" if shaped else "black")


_KEYS = ByIdentity[str]()
"""`cache_key`s a watching process took, by the source's identity, within the cache
folder and mode."""


def _source_key(cache: Cache, source: str, shaped: bool) -> str:
    """`cache_key` of ``source``; in a watching process, the key the last run took of
    the same object (a file taken whole from the last run is the same string: on
    Kubernetes all but a few of 1,018 files, 19 MB to hash again)."""
    if cache.root is None or not long_lived():
        return cache_key(cache, source, shaped)
    return _KEYS.get(source, lambda: cache_key(cache, source, shaped), (cache.root, shaped))


_FORMATTED: Kept[str] = Kept()
"""Formatted forms this process read or made, by cache folder and key (`generator.kept`)."""


def _read_cache(cache: Cache, key: str, source: str) -> str | None:
    """The form of ``source`` cached under ``key``; an empty entry (written by an
    earlier md2sdk) stands for the source itself."""
    if cache.root is None:
        return None
    return _FORMATTED.get((cache.root, key), lambda: _decoded(source, cache.load(key)))


def _decoded(source: str, data: bytes | None) -> str | None:
    if data == b"":
        return source
    try:
        return None if data is None else data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _write_cache(cache: Cache, key: str, source: str, formatted: str) -> None:
    """Keep ``formatted`` under ``key`` when black changed ``source``; a source that is
    its own formatted form (what black leaves alone: every shaped file) gets no entry,
    its path's fixed point answers for it (`FixedPoints`; on a cold Kubernetes run,
    974 entry files created one by one took the python worker ~1 s of its 3 s of
    formatting). A source that formats to nothing at all is not kept."""
    if cache.root is None or (not formatted and source):
        return
    if formatted != source:
        cache.store(key, formatted.encode("utf-8"))
    _FORMATTED.put((cache.root, key), formatted)
