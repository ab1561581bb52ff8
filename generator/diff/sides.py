"""The two sides of a diff: an API folder, or a folder at a git revision (``REV:path``).

A revision is read straight from the object store (``git ls-tree`` and one
``git cat-file --batch``), into memory: nothing is checked out and the working tree is
never touched. Each side is a list of ``(path inside the API folder, bytes)``.

Both sides are parsed under those API-relative paths, so a page with the same bytes at
the same place on both sides is parsed once (and found in the page cache on the next
run); locations are shown with each side's root in front (``specs/catalog/x.md``,
``main:specs/catalog/x.md``, which ``git show`` accepts) only when reported.
"""

from __future__ import annotations

import dataclasses
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from generator.config import display_path
from generator.diagnostics import Diagnostic, Diagnostics, Severity
from generator.load.pages import parse_sources
from generator.load.sources import collect_pages
from generator.location import SourceLocation
from generator.model import Api, Page
from generator.resolve import resolve_api


@dataclass(frozen=True)
class Side:
    """One side's pages: ``root`` is how its locations are shown, ``name`` its API name."""

    root: str
    name: str
    files: tuple[tuple[str, bytes], ...]

    def show(self, location: SourceLocation) -> SourceLocation:
        """A location inside the side (API-relative path) as the user knows it."""
        if location.path.startswith("<"):
            return location
        return dataclasses.replace(location, path=f"{self.root}/{location.path}")

    def show_all(self, diagnostics: Diagnostics) -> list[Diagnostic]:
        return [dataclasses.replace(d, location=self.show(d.location)) for d in diagnostics]


def _where(text: str) -> SourceLocation:
    return SourceLocation(text, 1, 1)


def read_side(spec: str, diagnostics: Diagnostics) -> Side | None:
    """A folder (or one page) on disk, else ``REV:path`` in the git repository here."""
    path = Path(spec)
    if path.exists():
        return read_folder(path, diagnostics)
    rev, colon, inside = spec.partition(":")
    if colon and rev:
        return read_revision(rev, inside, diagnostics)
    diagnostics.error("read-error", "no such folder, and not a REV:path git revision", _where(spec))
    return None


def read_folder(path: Path, diagnostics: Diagnostics) -> Side:
    """Every ``*.md`` below ``path`` (symlinks kept inside it), in path order."""
    root = path.parent if path.is_file() else path
    shown = display_path(root)
    found = Diagnostics()
    pages = collect_pages([path], root, root, found)
    files: list[tuple[str, bytes]] = []
    for page in pages:
        # Pages are found by walking ``root``, so they sit below it as joined paths.
        rel = page.relative_to(root).as_posix() if page.is_relative_to(root) else page.name
        try:
            files.append((rel, page.read_bytes()))
        except OSError as exc:
            found.error("read-error", f"cannot read: {exc.strerror}", SourceLocation(rel))
    side = Side(shown, root.resolve().name, tuple(files))
    diagnostics.extend(side.show_all(found))
    return side


def _git(
    args: list[str], cwd: Path, stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        ["git", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        check=False,
        env={**os.environ, "GIT_TERMINAL_PROMPT": "0"},
    )


def read_revision(rev: str, inside: str, diagnostics: Diagnostics) -> Side | None:
    """The ``*.md`` blobs under ``inside`` at ``rev``; ``inside`` is relative to the
    repository root, or to the working directory when it starts with ``./`` (as in git)."""
    where = _where(f"{rev}:{inside}")
    try:
        top = _git(["rev-parse", "--show-toplevel", "--show-prefix"], Path.cwd())
    except OSError as exc:
        diagnostics.error("read-error", f"cannot run git: {exc.strerror}", where)
        return None
    if top.returncode != 0:
        diagnostics.error("read-error", "not inside a git repository", where)
        return None
    toplevel, prefix = [*top.stdout.decode().splitlines(), "", ""][:2]
    relative = inside if not inside.startswith(("./", "../")) else f"{prefix}{inside}"
    folder = os.path.normpath(relative or ".").replace(os.sep, "/")
    if folder.startswith(".."):
        diagnostics.error("read-error", "the path leaves the repository", where)
        return None
    commit = _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], Path(toplevel))
    if commit.returncode != 0:
        diagnostics.error("read-error", f"unknown git revision {rev!r}", where)
        return None
    listing = _git(["ls-tree", "-r", "-z", "--full-tree", rev, "--", folder], Path(toplevel))
    blobs: list[tuple[str, str]] = []
    for entry in listing.stdout.split(b"\0"):
        head, _, name = entry.decode("utf-8", "surrogateescape").partition("\t")
        parts = head.split()
        if len(parts) == 3 and parts[1] == "blob" and parts[0] != "120000" and name.endswith(".md"):
            rel = PurePosixPath(name).relative_to(folder) if folder != "." else PurePosixPath(name)
            blobs.append((rel.as_posix(), parts[2]))
    shown = f"{rev}:{folder}"
    if not blobs:
        diagnostics.error("read-error", f"no markdown pages under {folder!r} at {rev}", where)
        return None
    contents = _cat_blobs([sha for _, sha in blobs], Path(toplevel))
    files = tuple(sorted((rel, contents[sha]) for rel, sha in blobs))
    return Side(shown, PurePosixPath(folder).name or Path(toplevel).name, files)


def _cat_blobs(shas: list[str], cwd: Path) -> dict[str, bytes]:
    """The bytes of every blob, read by one ``git cat-file --batch``."""
    unique = list(dict.fromkeys(shas))
    out = _git(["cat-file", "--batch"], cwd, "".join(f"{s}\n" for s in unique).encode()).stdout
    found: dict[str, bytes] = {}
    at = 0
    for sha in unique:
        end = out.index(b"\n", at)
        size = int(out[at:end].split()[2])
        found[sha] = out[end + 1 : end + 1 + size]
        at = end + 1 + size + 1
    return found


def load_sides(
    old: Side, new: Side, name: str, cache_dir: Path | None
) -> tuple[Api, Api, list[Diagnostic]]:
    """Both sides parsed and resolved; a page with equal path and bytes is parsed once.

    The diagnostics are NEW's, then OLD's errors (its warnings are history), shown with
    each side's root.
    """
    new_found = Diagnostics()
    new_pages = parse_sources(list(new.files), new_found, cache_dir=cache_dir)
    by_path = {page.path: page for page in new_pages}
    new_files = set(new.files)
    same = {rel for rel, data in old.files if (rel, data) in new_files and rel in by_path}
    old_found = Diagnostics()
    todo = [(rel, data) for rel, data in old.files if rel not in same]
    fresh = {page.path: page for page in parse_sources(todo, old_found, cache_dir=cache_dir)}
    old_pages: list[Page] = []
    for rel, _ in old.files:
        page = by_path.get(rel) if rel in same else fresh.get(rel)
        if page is not None:
            old_pages.append(page)
    old_found.extend(d for d in new_found if d.location.path in same)
    new_api = resolve_api(name, new_pages, new_found)
    old_api = resolve_api(name, old_pages, old_found)
    shown = new.show_all(new_found)
    shown += [d for d in old.show_all(old_found) if d.severity is Severity.ERROR]
    return old_api, new_api, shown
