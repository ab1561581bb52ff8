"""Parsing many pages fast: a store of parsed pages and a process pool.

Parsing is the biggest stage before emitting on large docs (Kubernetes: 1,903 pages,
15.7 MB). Two things make it cheap:

- a store of parsed pages per API (`generator.load.store`: one entry of the page
  cache ``<project>/.md2sdk-cache/pages/``, keyed by the inputs declared as
  `generator.cache.PAGES`: the parser's sources, the label files, mistune's and
  md2sdk's versions): a page whose file stat or bytes are unchanged is not parsed (nor,
  by stat, even read) again; its value is the pickled ``(Page, diagnostics)`` pair, so
  a stored page reports the same warnings as a parsed one;
- pages that miss the store are parsed in a process pool across the cores when there
  are enough of them to pay for the pool's start-up (`PARALLEL_THRESHOLD`).

Results are in the order the pages were given, whichever way each page was obtained,
so output never depends on the cache or the core count. The cache is best effort: an
unreadable, corrupt or unwritable store only costs time (a corrupt one is also logged,
see `generator.cache`).
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from generator.cache import PAGES, Cache
from generator.diagnostics import Diagnostics
from generator.kept import Kept
from generator.load.blobs import Parsed, page_blob, page_of
from generator.load.store import Entry, PageStore, Stat, digest_of, stat_of
from generator.model import Page, SourceLocation
from generator.parse import parse_page

PARALLEL_THRESHOLD = 48
"""Pages to parse below this are parsed in-process: a pool costs ~0.1 s to start."""

Parser = Callable[[str, str, Diagnostics], Page]

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode_page(data: bytes) -> str:
    """A page's text: UTF-8 (a BOM allowed), or UTF-16/32 when a BOM says so (Windows
    editors save "Unicode" that way); raises UnicodeDecodeError for anything else."""
    for bom, codec in _BOMS:  # UTF-32 LE starts like UTF-16 LE's BOM: tried first
        if data.startswith(bom):
            return data.decode(codec)
    return data.decode("utf-8-sig")


def parse_bytes(
    shown: str, data: bytes, diagnostics: Diagnostics, parser: Parser = parse_page
) -> Page | None:
    """One page's bytes parsed under its shown path; ``None`` with a diagnostic when the
    bytes are not UTF-8 or the parser itself fails (one page lost, not the run)."""
    try:
        text = decode_page(data)
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


@dataclass
class Source:
    """One page after reading: its stored parse (``entry``, ``parsed``), or the bytes
    to parse."""

    shown: str
    entry: Entry | None = None
    parsed: Parsed | None = None
    data: bytes = b""
    stat: Stat | None = None


def read_files(
    pages: Sequence[tuple[str, str]], diagnostics: Diagnostics, store: PageStore
) -> list[Source]:
    """Each readable page ``(file, shown path)``, in order: taken from ``store`` when its
    stat or its bytes are unchanged, else read (see `generator.load.store`)."""
    found: list[Source] = []
    for path, shown in pages:
        try:
            stat = stat_of(os.stat(path))
            entry = store.by_stat(shown, stat)
            parsed = _decoded(store, shown, entry) if entry is not None else None
            if entry is not None and parsed is not None:
                found.append(Source(shown, entry, parsed))
                continue
            data = Path(path).read_bytes()  # the few pages not known by their stat
        except OSError as exc:
            where = SourceLocation(shown)
            diagnostics.error("read-error", f"cannot read: {exc.strerror}", where)
            continue
        entry = store.by_digest(shown, digest_of(data))
        parsed = _decoded(store, shown, entry) if entry is not None else None
        if entry is not None and parsed is not None:
            found.append(Source(shown, Entry(stat, entry.digest, entry.blob), parsed))
        else:
            found.append(Source(shown, data=data, stat=stat))
    return found


def parse_sources(
    sources: Sequence[tuple[str, bytes]],
    diagnostics: Diagnostics,
    *,
    cache_dir: Path | None = None,
    jobs: int | None = None,
    parser: Parser = parse_page,
) -> list[Page]:
    """The pages ``(shown path, bytes)`` parsed, in order, from the cache or afresh.

    Pages given as bytes (``md2sdk diff`` reads two versions of the same paths) are
    cached one entry per page and content (`generator.cache.PAGES` keyed by the shown
    path and the bytes), not in an API's store. ``parser`` replaces `parse_page`
    (tests); the cache serves only the real parser.
    """
    cache = Cache(cache_dir if parser is parse_page else None, PAGES)
    results: list[Parsed | None] = []
    misses: list[int] = []
    for shown, data in sources:
        blob = cache.load(cache.key(shown, data)) if cache.root is not None else None
        parsed = page_of(blob) if blob is not None else None
        if parsed is None:
            misses.append(len(results))
        results.append(parsed)
    todo = [sources[i] for i in misses]
    for index, (parsed, blob) in zip(misses, _parse_all(todo, jobs, parser), strict=True):
        results[index] = parsed
        if blob is not None and cache.root is not None:
            cache.store(cache.key(*sources[index]), blob)
    return _collected(results, diagnostics)


def parse_read(
    sources: Sequence[Source],
    diagnostics: Diagnostics,
    store: PageStore,
    *,
    jobs: int | None = None,
    parser: Parser = parse_page,
) -> list[Page]:
    """The pages of ``sources`` in order: stored ones unpickled, the rest parsed (in a
    pool when there are many); the store is then saved with exactly these pages."""
    results: list[Parsed | None] = []
    misses: list[int] = []
    for source in sources:
        if source.entry is None or source.parsed is None:
            misses.append(len(results))
        else:
            store.keep(source.shown, source.entry)
        results.append(source.parsed)
    todo = [(sources[i].shown, sources[i].data) for i in misses]
    for index, (parsed, blob) in zip(misses, _parse_all(todo, jobs, parser), strict=True):
        results[index] = parsed
        source = sources[index]
        if blob is not None and parsed is not None:
            entry = Entry(source.stat, digest_of(source.data), blob)
            store.keep(source.shown, entry)
            if store.cache.root is not None:
                _PARSED.put((store.cache.root, store.key, source.shown, entry.digest), parsed)
    store.save()
    return _collected(results, diagnostics)


def _collected(results: list[Parsed | None], diagnostics: Diagnostics) -> list[Page]:
    """The pages of ``results`` (all filled in), their diagnostics reported in order."""
    found: list[Page] = []
    for result in results:
        page, items = cast(Parsed, result)
        diagnostics.extend(items)
        if page is not None:
            found.append(page)
    return found


CHUNKS_PER_WORKER = 16
"""Chunks of pages per pool worker. A page's cost is not its size (on Kubernetes a
chunk of 943 small pages took 0.82 s, one of 47 pages of the same bytes 0.21 s), so
with 4 chunks per worker one worker ran its last chunk alone for ~0.4 s; with 16 the
parse stage took 1.74-1.90 s instead of 1.95-2.02 s (four cold runs each)."""

_WORKER: dict[str, Parser] = {"parser": parse_page}
"""The parser a pool worker uses, set by the pool's initializer."""


def _use_parser(parser: Parser) -> None:
    _WORKER["parser"] = parser


def _parse_one(source: tuple[str, bytes], parser: Parser | None = None) -> Parsed:
    diagnostics = Diagnostics()
    page = parse_bytes(*source, diagnostics, parser or _WORKER["parser"])
    return page, list(diagnostics)


def _parse_chunk(chunk: list[tuple[str, bytes]]) -> list[bytes | Parsed]:
    """A worker's pages, pickled for the store (the parent keeps the bytes as they are
    and unpickles them once, instead of unpickling and pickling again)."""
    out: list[bytes | Parsed] = []
    for source in chunk:
        parsed = _parse_one(source)
        out.append(page_blob(parsed) or parsed)
    return out


def _chunks(sources: list[tuple[str, bytes]], workers: int) -> list[list[tuple[str, bytes]]]:
    """``sources`` cut into contiguous chunks of about equal size in bytes, many per
    worker, so one worker does not finish last by far (`CHUNKS_PER_WORKER`)."""
    total = sum(len(data) for _, data in sources)
    target = max(total // (workers * CHUNKS_PER_WORKER), 1)
    chunks: list[list[tuple[str, bytes]]] = [[]]
    size = 0
    for source in sources:
        if size >= target:
            chunks.append([])
            size = 0
        chunks[-1].append(source)
        size += len(source[1])
    return chunks


def _parse_all(
    sources: list[tuple[str, bytes]], jobs: int | None, parser: Parser
) -> Iterator[tuple[Parsed, bytes | None]]:
    """``(parsed, its pickle)`` in order, in a process pool when there are enough pages
    to pay for it."""
    workers = min(jobs if jobs is not None else (os.cpu_count() or 1), 8)
    if len(sources) < PARALLEL_THRESHOLD or workers < 2:
        for source in sources:
            parsed = _parse_one(source, parser)
            yield parsed, page_blob(parsed)
        return
    chunks = _chunks(sources, workers)
    # Imported here: a run that parses a few pages never starts a pool (~30 ms).
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415

    with ProcessPoolExecutor(workers, initializer=_use_parser, initargs=(parser,)) as pool:
        for chunk, done in zip(chunks, pool.map(_parse_chunk, chunks), strict=True):
            for source, item in zip(chunk, done, strict=True):
                blob = item if isinstance(item, bytes) else None
                got = page_of(item) if isinstance(item, bytes) else item
                if got is None:  # cannot happen short of a pickling bug: parse here
                    yield _parse_one(source, parser), None
                else:
                    yield got, blob


_PARSED: Kept[Parsed] = Kept("generator.load.pages:parsed")
"""Stored pages already unpickled in this process (`generator.kept`), or by the process
it resumes from (`generator.resume`), by cache folder, store key, shown path and digest
of the bytes."""


def _decoded(store: PageStore, shown: str, entry: Entry) -> Parsed | None:
    """The parsed page stored in ``entry``, unpickled once per process."""
    return _PARSED.get(
        (store.cache.root, store.key, shown, entry.digest), lambda: page_of(entry.blob)
    )
