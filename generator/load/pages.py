"""Parsing many pages fast: a content-hash cache of parsed pages and a process pool.

Parsing is the biggest stage before emitting on large docs (Kubernetes: 1,903 pages,
15.7 MB). Two things make it cheap:

- a cache of parsed pages (``<project>/.md2sdk-cache/pages/``) keyed by a hash of the
  parser's own source files, the page's shown path and its bytes, so a regeneration
  after editing one page parses one page; its value is the pickled ``(Page,
  diagnostics)`` pair, so a cached page reports the same warnings as a parsed one;
- pages that miss the cache are parsed in a process pool across the cores when there
  are enough of them to pay for the pool's start-up (`PARALLEL_THRESHOLD`).

Results are in the order the pages were given, whichever way each page was obtained,
so output never depends on the cache or the core count. The cache is best effort: an
unreadable, corrupt or unwritable cache entry only costs time.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import cast

import mistune

from generator.diagnostics import Diagnostic, Diagnostics
from generator.model import Page, SourceLocation
from generator.parse import parse_page

PARALLEL_THRESHOLD = 48
"""Pages to parse below this are parsed in-process: a pool costs ~0.1 s to start."""

Parsed = tuple[Page | None, list[Diagnostic]]
Parser = Callable[[str, str, Diagnostics], Page]

_PACKAGE = Path(__file__).resolve().parent.parent


def parser_key() -> bytes:
    """A hash of everything that decides what a page parses to: the parser's sources
    and label data, the model, the diagnostics, this module and mistune's version."""
    files = sorted((_PACKAGE / "parse").glob("*.py"))
    files += sorted((_PACKAGE / "parse" / "labels").glob("*.properties"))
    files += [_PACKAGE / "model.py", _PACKAGE / "diagnostics.py", Path(__file__).resolve()]
    digest = hashlib.sha256(f"md2sdk-pages\0{mistune.__version__}\0".encode())
    for file in files:
        digest.update(file.name.encode() + b"\0" + file.read_bytes() + b"\0")
    return digest.digest()


def parse_bytes(
    shown: str, data: bytes, diagnostics: Diagnostics, parser: Parser = parse_page
) -> Page | None:
    """One page's bytes parsed under its shown path; ``None`` with a diagnostic when the
    bytes are not UTF-8 or the parser itself fails (one page lost, not the run)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        where = SourceLocation(shown, line, column)
        diagnostics.error("read-error", f"not UTF-8 text ({exc.reason})", where)
        return None
    try:
        return parser(shown, text, diagnostics)
    except Exception as exc:  # a parser bug must cost one page, not the whole run
        diagnostics.error(
            "internal-error",
            f"the parser failed on this page ({type(exc).__name__}: {exc}); page skipped",
            SourceLocation(shown),
        )
        return None


def read_sources(
    pages: Sequence[tuple[Path, str]], diagnostics: Diagnostics
) -> list[tuple[str, bytes]]:
    """Each page ``(file, shown path)`` as ``(shown path, bytes)``, in order; an
    unreadable file is left out with a ``read-error``."""
    sources: list[tuple[str, bytes]] = []
    for path, shown in pages:
        try:
            sources.append((shown, path.read_bytes()))
        except OSError as exc:
            where = SourceLocation(shown)
            diagnostics.error("read-error", f"cannot read: {exc.strerror}", where)
    return sources


def parse_sources(
    sources: Sequence[tuple[str, bytes]],
    diagnostics: Diagnostics,
    *,
    cache_dir: Path | None = None,
    jobs: int | None = None,
    parser: Parser = parse_page,
) -> list[Page]:
    """The pages ``(shown path, bytes)`` parsed, in order, from the cache or afresh.

    ``parser`` replaces `parse_page` (tests); the cache serves only the real parser.
    """
    if parser is not parse_page:
        cache_dir = None
    key = parser_key() if cache_dir is not None else b""
    results: list[Parsed | None] = []
    misses: list[int] = []
    for shown, data in sources:
        cached = _read_cache(cache_dir, key, shown, data)
        if cached is None:
            misses.append(len(results))
        results.append(cached)
    todo = [sources[i] for i in misses]
    for index, parsed in zip(misses, _parse_all(todo, jobs, parser), strict=True):
        results[index] = parsed
        _write_cache(cache_dir, key, *sources[index], parsed)
    found: list[Page] = []
    for result in results:
        page, items = cast(Parsed, result)
        diagnostics.extend(items)
        if page is not None:
            found.append(page)
    return found


_WORKER: dict[str, Parser] = {"parser": parse_page}
"""The parser a pool worker uses, set by the pool's initializer."""


def _use_parser(parser: Parser) -> None:
    _WORKER["parser"] = parser


def _parse_one(source: tuple[str, bytes], parser: Parser | None = None) -> Parsed:
    diagnostics = Diagnostics()
    page = parse_bytes(*source, diagnostics, parser or _WORKER["parser"])
    return page, list(diagnostics)


def _parse_chunk(chunk: list[tuple[str, bytes]]) -> list[Parsed]:
    return [_parse_one(source) for source in chunk]


def _parse_all(
    sources: list[tuple[str, bytes]], jobs: int | None, parser: Parser
) -> Iterator[Parsed]:
    """Parse in order, in a process pool when there are enough pages to pay for it."""
    workers = min(jobs if jobs is not None else (os.cpu_count() or 1), 8)
    if len(sources) < PARALLEL_THRESHOLD or workers < 2:
        yield from (_parse_one(source, parser) for source in sources)
        return
    # Contiguous chunks of about equal size in bytes, a few per worker, so one worker
    # with all the big pages does not finish last by far.
    total = sum(len(data) for _, data in sources)
    target = max(total // (workers * 4), 1)
    chunks: list[list[tuple[str, bytes]]] = [[]]
    size = 0
    for source in sources:
        if size >= target:
            chunks.append([])
            size = 0
        chunks[-1].append(source)
        size += len(source[1])
    with ProcessPoolExecutor(workers, initializer=_use_parser, initargs=(parser,)) as pool:
        for parsed in pool.map(_parse_chunk, chunks):
            yield from parsed


def _cache_file(cache_dir: Path, key: bytes, shown: str, data: bytes) -> Path:
    digest = hashlib.sha256(key + shown.encode("utf-8", "surrogatepass") + b"\0" + data)
    name = digest.hexdigest()
    return cache_dir / "pages" / name[:2] / name


def _read_cache(cache_dir: Path | None, key: bytes, shown: str, data: bytes) -> Parsed | None:
    if cache_dir is None:
        return None
    try:
        blob = _cache_file(cache_dir, key, shown, data).read_bytes()
        value = pickle.loads(blob)
    except Exception:  # missing, unreadable or corrupt: parse the page again
        return None
    if (
        isinstance(value, tuple)
        and len(value) == 2
        and (value[0] is None or isinstance(value[0], Page))
        and isinstance(value[1], list)
        and all(isinstance(item, Diagnostic) for item in value[1])
    ):
        return cast(Parsed, value)
    return None


def _write_cache(
    cache_dir: Path | None, key: bytes, shown: str, data: bytes, parsed: Parsed
) -> None:
    if cache_dir is None:
        return
    target = _cache_file(cache_dir, key, shown, data)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as handle:
            handle.write(pickle.dumps(parsed, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, target)
    except (OSError, pickle.PicklingError):
        return
