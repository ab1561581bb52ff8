"""Finding and reading an API's markdown pages, then parsing and resolving them.

The pipeline reads pages itself (instead of handing folders to the parser) for three
reasons: page paths in the model and in diagnostics are shown relative to the project
(``specs/catalog/operations/get_batch.md``), never absolute, so output does not depend
on where the project is checked out; symlinks that lead outside the project are
skipped with an ``outside-project`` warning instead of being followed; and an
unreadable or non-UTF-8 file is a ``read-error`` diagnostic, not a traceback.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

from generator import parse as parse_package
from generator.config import ApiConfig, display_path
from generator.diagnostics import Diagnostics
from generator.load.pages import parse_bytes, parse_read, read_files
from generator.load.store import PageStore
from generator.model import Api, Page, SourceLocation
from generator.parse import parse_page
from generator.resolve import resolve_api

Stage = Callable[[str], AbstractContextManager[None]]


def collect_pages(
    paths: list[Path], boundary: Path, base: Path, diagnostics: Diagnostics
) -> list[Path]:
    """Every ``*.md`` file given or below a given folder, sorted, duplicates removed.

    Symlinks are followed only when their target stays inside ``boundary``; ``base``
    is the folder paths are shown relative to in diagnostics.
    """
    return [Path(page) for page, _ in collect_shown(paths, boundary, base, diagnostics)]


def collect_shown(
    paths: list[Path], boundary: Path, base: Path, diagnostics: Diagnostics
) -> list[tuple[str, str]]:
    """`collect_pages` as ``(path, shown path)`` strings, in shown-path order.

    Kubernetes has 1,903 pages in a few folders: a page's shown path is its folder's
    plus its name, and paths stay strings (pathlib cost 0.1 s of a one-page edit)."""
    found: dict[str, tuple[str, str]] = {}
    for path in paths:
        if path.is_dir():
            for page, real, shown in _walk(str(path), boundary.resolve(), base, diagnostics, set()):
                found.setdefault(real, (page, shown))
        elif path.is_file():
            found.setdefault(str(path.resolve()), (str(path), display_path(path, base)))
        else:
            diagnostics.error(
                "read-error", "no such file or folder", SourceLocation(display_path(path, base))
            )
    return sorted(found.values(), key=lambda found: found[1])


def _walk(
    folder: str,
    boundary: Path,
    base: Path,
    diagnostics: Diagnostics,
    seen: set[str],
    *,
    shown: str | None = None,
) -> Iterator[tuple[str, str, str]]:
    """``(page, its real path, its shown path)`` below ``folder`` (a page that is no
    symlink is where its folder really is: one ``realpath`` per folder, not per page).

    ``shown`` is the folder's shown path when it is below ``base`` as written: then
    `display_path` shows each entry as the folder's shown path plus its name, without
    being asked (1,903 times on Kubernetes). ``None``: it is asked."""
    real = os.path.realpath(folder)
    if real in seen:
        return
    seen.add(real)
    if shown is None and _below(folder, base):
        shown = display_path(Path(folder), base)
    prefix = None if shown is None else "" if shown == "." else f"{shown}/"
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        diagnostics.error("read-error", f"cannot list folder: {exc.strerror}", _here(folder, base))
        return
    for entry in entries:
        path = entry.path
        where = prefix + entry.name if prefix is not None else None
        if entry.is_symlink() and not Path(path).resolve().is_relative_to(boundary):
            diagnostics.warning(
                "outside-project",
                f"symlink to {os.readlink(path)!r} leads outside the project; not followed",
                SourceLocation(where) if where is not None else _here(path, base),
            )
        elif entry.is_dir():  # follows a symlink, like Path.is_dir; no stat otherwise
            yield from _walk(path, boundary, base, diagnostics, seen, shown=where)
        elif entry.name.endswith(".md") and entry.is_file():
            page = os.path.realpath(path) if entry.is_symlink() else os.path.join(real, entry.name)
            yield path, page, where if where is not None else display_path(Path(path), base)


def _below(path: str, base: Path) -> bool:
    """Whether `display_path` shows ``path`` as written below ``base`` (not through
    resolved links: then an entry's shown path is its folder's plus its name)."""
    mine, theirs = os.path.abspath(path), os.path.abspath(base)
    return mine == theirs or mine.startswith(theirs.rstrip(os.sep) + os.sep)


def read_page(path: Path, base: Path, diagnostics: Diagnostics) -> Page | None:
    """One page parsed under its shown path, or ``None`` with a ``read-error``."""
    shown = display_path(path, base)
    try:
        data = path.read_bytes()
    except OSError as exc:
        diagnostics.error("read-error", f"cannot read: {exc.strerror}", SourceLocation(shown))
        return None
    return parse_bytes(shown, data, diagnostics, parse_page)


def read_pages(paths: list[Path], diagnostics: Diagnostics, base: Path | None = None) -> list[Page]:
    """The pages at ``paths`` (files or folders), parsed one by one and not resolved,
    shown relative to ``base`` (default: the working directory)."""
    base = base or Path.cwd()
    found = collect_pages(paths, Path(os.sep), base, diagnostics)
    return [page for p in found if (page := read_page(p, base, diagnostics)) is not None]


def load_pages(
    name: str,
    paths: list[Path],
    boundary: Path,
    base: Path,
    diagnostics: Diagnostics,
    *,
    stage: Stage = lambda _name: nullcontext(),
    cache_dir: Path | None = None,
) -> Api:
    """The resolved model of the pages at ``paths`` (files or folders) as one API.

    Pages are parsed in parallel and, with a ``cache_dir``, taken from the API's store
    of parsed pages when their file or bytes are unchanged (`generator.load.store`);
    verdicts on examples are kept in that cache too (`generator.resolve.verdicts`).
    """
    with stage("read"):
        found = collect_shown(paths, boundary, base, diagnostics)
        # The stores keep what md2sdk's own parser made (tests replace it).
        own = cache_dir if parse_page is parse_package.parse_page else None
        store = PageStore(own, name)
        sources = read_files(found, diagnostics, store)
    with stage("parse"):
        pages = parse_read(sources, diagnostics, store, parser=parse_page)
    where = SourceLocation(display_path(paths[0], base))
    with stage("resolve"):
        try:
            api = resolve_api(name, pages, diagnostics, cache_dir=own)
        except Exception as exc:  # a resolver bug must be a diagnostic, not a traceback
            message = f"resolving the pages failed ({type(exc).__name__}: {exc})"
            diagnostics.error("internal-error", message, where)
            return Api(name, None, (), (), (), tuple(page.path for page in pages))
    if not api.operations and not diagnostics.has_errors:
        diagnostics.warning(
            "empty-api",
            f"no operations were read from its {len(pages)} "
            f"page{'' if len(pages) == 1 else 's'}; the client would have no methods",
            where,
        )
    return api


def load_api(
    config: ApiConfig,
    root: Path,
    diagnostics: Diagnostics,
    stage: Stage,
    *,
    cache_dir: Path | None = None,
) -> Api:
    """The model of one configured API, its pages shown relative to the project ``root``."""
    return load_pages(
        config.name, [config.specs], root, root, diagnostics, stage=stage, cache_dir=cache_dir
    )


def _here(path: str, base: Path) -> SourceLocation:
    return SourceLocation(display_path(Path(path), base))
