"""The one cache helper: every cache md2sdk keeps under ``<project>/.md2sdk-cache/``.

Caches make regeneration fast (a page parsed, a file formatted, a whole run skipped)
and must never change what a run produces. Two rules make that hold:

**Keys come from declared inputs, in one place.** Each cache kind is an `Inputs`
declared at the bottom of this module (`PAGES`, `VERDICTS`, `BLACK`, `PARTS`, `STAMPS`,
`EMIT`, `TEMPLATE_CODE`, `RESUME`): its name, the
md2sdk files whose bytes shape its values (the parser's sources *and* the label
files it reads, the formatter's mode...), whether the built-in templates do, and the
libraries whose versions do. md2sdk's version, Python's version and the entry format
(`FORMAT`) are in every key. `Cache.key` hashes that declaration together with the
parts the caller passes for one entry (a page's shown path and bytes; a source file
and a flag), so changing any declared input or any part gives another key. A new
input is added to the declaration, never to a key at a call site.

**Entries are checked, never trusted.** `Cache.store` writes a header (format, cache
name, key, payload length and digest) and the payload, atomically
(`generator.write.atomic`). `Cache.load` returns the payload only when the header is
md2sdk's, names this cache, this format and the asked key, and the payload has the
recorded length and digest. Anything else is a miss (an older format's
entry in a slot silently, like an entry of older inputs); a corrupt or foreign entry is
also logged as a warning (logger ``md2sdk.cache``, printed on stderr) for the caches
declared with ``warn=True``, since it means something other than md2sdk wrote there.
Caches are best effort: an unreadable or unwritable cache only costs time.

Entries are content-addressed (the file is named after its key) unless the caller
gives a *slot*: ``store(key, payload, slot="catalog")`` keeps one entry per slot (the
stamp of one API), and ``load(key, slot="catalog")`` answers only while the key it
was stored under is still the current one.

Adding a cache (e.g. per-file emit caches): declare its inputs here, say
``Inputs("emit-python", files=("emit/*", "naming.py", "model.py"), templates=True)``,
then key each file by the model slice it is made of and the template set in use::

    cache = Cache(cache_root, EMIT_PYTHON)            # cache_root None: disabled
    key = cache.key(slice_bytes, files_digest(overrides) if overrides else b"")
    text = cache.load(key)                            # bytes or None
    cache.store(key, rendered)

Only the standard library is imported, so the no-op fast path stays cheap.
"""

from __future__ import annotations

import contextlib
import fnmatch
import hashlib
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path

from generator import __version__, hashing
from generator.kept import FileFacts, file_signature, long_lived
from generator.resources import builtin_templates, package_root

FORMAT = 2
"""Version of the entry layout and of key derivation; bump it when either changes."""

_MAGIC = b"md2sdk-cache"


@dataclass(frozen=True)
class Inputs:
    """What every entry of one cache depends on, besides the parts of its key.

    ``files`` are patterns over paths relative to the ``generator`` package
    (``fnmatch``: ``*`` also crosses folders); ``templates`` adds every built-in
    template; ``libraries`` are ``(distribution, import name)`` pairs whose versions
    count. With ``by_stat`` files count by size and mtime instead of bytes (cheap, for
    the stamp that must answer in milliseconds). ``warn``: corrupt or foreign entries
    are logged (see the module doc).
    """

    name: str
    files: tuple[str, ...] = ()
    templates: bool = False
    libraries: tuple[tuple[str, str], ...] = ()
    by_stat: bool = False
    warn: bool = True

    def digest(self, package: Path | None = None, templates: Path | None = None) -> bytes:
        """A hash of the declared inputs as they are now (``package``/``templates``
        default to md2sdk's own folders; tests pass copies).

        Within `inputs_taken_once` (a run), that of md2sdk's own folders is taken once:
        a run makes several caches of one kind (four of `EMIT` on Kubernetes, each
        reading every source file and template: 0.045 s of a one-page edit)."""
        known = _TAKEN[-1] if _TAKEN and package is None and templates is None else None
        if known is None:
            return self._digest(package or package_root(), templates)
        key = (self, package_root(), builtin_templates())
        digest = known.get(key)
        if digest is None:
            digest = known[key] = self._digest(key[1], None)
        return digest

    def _digest(self, package: Path, templates: Path | None) -> bytes:
        digest = hashlib.sha256(_MAGIC + b"\0%d\0" % FORMAT)
        for value in (self.name, __version__, sys.version, str(self.by_stat)):
            digest.update(value.encode() + b"\0")
        for distribution, module in self.libraries:
            digest.update(f"{distribution}={installed_version(distribution, module)}\0".encode())
        digest.update(files_digest(package, self.files, by_stat=self.by_stat))
        if self.templates:
            folder = templates or builtin_templates()
            digest.update(files_digest(folder, ("*",), by_stat=self.by_stat))
        return digest.digest()


_TAKEN: list[dict[tuple[Inputs, Path, Path], bytes]] = []
"""`Inputs.digest` taken in the current `inputs_taken_once` scope, innermost last."""


@contextlib.contextmanager
def inputs_taken_once() -> Iterator[None]:
    """Within this (a run), `Inputs.digest` reads the files of each kind once; outside
    it, every time (a watching process may outlive an edit of md2sdk's files)."""
    _TAKEN.append({})
    try:
        yield
    finally:
        _TAKEN.pop()


class Cache:
    """Entries of one `Inputs` kind under ``root/<name>/``; ``root`` ``None``: disabled
    (every load misses, stores do nothing, no key is computed)."""

    def __init__(self, root: Path | None, inputs: Inputs) -> None:
        self.root = root
        self.inputs = inputs
        self._base: bytes | None = None

    def key(self, *parts: str | bytes) -> str:
        """The key of the entry made from ``parts`` under the current inputs."""
        if self._base is None:
            self._base = self.inputs.digest() if self.root is not None else b""
        digest = hashlib.sha256(self._base)
        for part in parts:
            data = part if isinstance(part, bytes) else part.encode("utf-8", "surrogatepass")
            digest.update(b"%d:" % len(data) + data)
        return digest.hexdigest()

    def path(self, key: str, slot: str | None = None) -> Path:
        """The file of the entry ``key`` (or of ``slot``); meaningful only when enabled."""
        folder = (self.root or Path()) / self.inputs.name
        if slot is not None:
            name = hashlib.sha256(slot.encode("utf-8", "surrogatepass")).hexdigest()
            return folder / f"slot-{name}"
        return folder / key[:2] / key

    def load(self, key: str | None, *, slot: str | None = None) -> bytes | None:
        """The payload stored under ``key``, or ``None`` (see the module doc); with
        a ``slot``, key ``None`` asks for the slot's entry whatever its key."""
        payload = self.load_view(key, slot=slot)
        return None if payload is None else payload.tobytes()

    def load_view(self, key: str | None, *, slot: str | None = None) -> memoryview | None:
        """`load`'s payload as a view into the file's bytes, not a copy of them (a map
        slot's payload is tens of MB, only ever unpickled)."""
        if self.root is None:
            return None
        if key is None and slot is None:
            raise ValueError("an entry without a key needs a slot")
        path = self.path(key or "", slot)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            self._ignored(path, f"unreadable: {exc.strerror}")
            return None
        end = data.find(b"\n", 0, 1024)
        fields = data[:end].split(b" ") if end >= 0 else []
        payload = memoryview(data)[end + 1 :]
        if len(fields) != 6 or fields[0] != _MAGIC:
            self._ignored(path, "not an md2sdk cache entry")
            return None
        if fields[2] != self.inputs.name.encode():
            self._ignored(path, "written for another cache")
            return None
        if fields[1] != b"%d" % FORMAT or (key is not None and fields[3] != key.encode()):
            # A slot holds the entry of older inputs (or an older md2sdk) until it is
            # stored again; at a content address, such an entry is foreign.
            if slot is None:
                self._ignored(path, "written by another md2sdk or for another key")
            return None
        if fields[4] != b"%d" % len(payload) or fields[5] != _checksum(payload).encode():
            self._ignored(path, "truncated or altered")
            return None
        return payload

    def holds(self, key: str, *, slot: str | None = None) -> bool:
        """Whether an entry of this cache is stored under ``key`` (or in ``slot`` for
        ``key``), by its header alone: cheap, and not a promise that `load` will answer
        (the payload is checked there)."""
        if self.root is None:
            return False
        try:
            with open(self.path(key, slot), "rb") as handle:
                head = handle.readline(512).rstrip(b"\n").split(b" ")
        except OSError:
            return False
        expected = [_MAGIC, b"%d" % FORMAT, self.inputs.name.encode(), key.encode()]
        return len(head) == 6 and head[:4] == expected

    def store(self, key: str, payload: bytes, *, slot: str | None = None) -> None:
        """Keep ``payload`` under ``key`` (best effort: failures only cost time)."""
        if self.root is None:
            return
        path = self.path(key, slot)
        head = f"{_MAGIC.decode()} {FORMAT} {self.inputs.name} {key} {len(payload)} "
        head += _checksum(payload) + "\n"
        # Imported here: generator.write's package imports the formatter, a user of this.
        from generator.write.atomic import write_atomic  # noqa: PLC0415

        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, head.encode() + payload)
        except OSError:
            return

    def drop(self, key: str | None, *, slot: str | None = None) -> None:
        """Forget the entry (a slot's, whatever its key)."""
        if self.root is None:
            return
        try:
            self.path(key or "", slot).unlink()
        except OSError:
            return

    def ignored(self, key: str | None, reason: str, *, slot: str | None = None) -> None:
        """Report that the entry ``key`` (or ``slot``'s), whose header and checksum
        passed, was ignored for ``reason`` (its payload does not load): a miss, logged
        like a corrupt entry."""
        if self.root is not None:
            self._ignored(self.path(key or "", slot), reason)

    def _ignored(self, path: Path, reason: str) -> None:
        """A miss, logged for the caches declared with ``warn``."""
        if self.inputs.warn:
            import logging  # noqa: PLC0415 (~6 ms; a no-op run never warns)

            logging.getLogger("md2sdk.cache").warning(
                "%s: warning: ignored a %s cache entry (%s); it will be rebuilt",
                path,
                self.inputs.name,
                reason,
            )


def _checksum(payload: bytes | memoryview) -> str:
    return hashing.digest(payload, 16).hex()


def files_digest(
    folder: Path, patterns: tuple[str, ...] = ("*",), *, by_stat: bool = False
) -> bytes:
    """A hash of the files below ``folder`` whose relative paths match ``patterns``:
    their paths and bytes (or sizes and mtimes, ``by_stat``)."""
    digest = hashlib.sha256()
    every = "*" in patterns
    for relative, path in walk(folder):
        if not every and not any(fnmatch.fnmatchcase(relative, p) for p in patterns):
            continue
        digest.update(relative.encode("utf-8", "surrogatepass") + b"\0")
        try:
            if by_stat:
                info = os.stat(path)
                digest.update(b"%d\0%d\0" % (info.st_size, info.st_mtime_ns))
            else:
                digest.update(_file_digest(path))
        except OSError:
            digest.update(b"unreadable\0")
    return digest.digest()


_FILES = FileFacts[bytes]()
"""Digests of input files a watching process read, valid while the file is as it was."""


def _file_digest(path: str) -> bytes:
    """A digest of the bytes of the file at ``path``. A watching process takes every
    run's inputs digest of md2sdk's source files and templates (a change to one must
    show), so it reads a file again only when its signature changed (Kubernetes: the
    ten caches of a rebuild read 200 files)."""
    watching = long_lived()
    known = _FILES.known(path) if watching else None
    if known is not None:
        return known
    signature = file_signature(path) if watching else ()
    with open(path, "rb") as handle:
        data = handle.read()
    found = hashing.digest(data)
    if watching:
        _FILES.learn(path, found, signature)
    return found


def walk(folder: Path) -> Iterator[tuple[str, str]]:
    """``(relative path, path)`` of every file below ``folder``, sorted, following
    symlinks to folders once; bytecode caches are left out. An unreadable folder or
    entry is listed too (as a file), so it changes a digest rather than vanishing."""
    seen: set[tuple[int, int]] = set()
    stack = [(str(folder), "")]
    found: list[tuple[str, str]] = []
    while stack:
        current, prefix = stack.pop()
        try:
            info = os.stat(current)
            if (info.st_dev, info.st_ino) in seen:
                continue
            seen.add((info.st_dev, info.st_ino))
            entries = list(os.scandir(current))
        except OSError:
            found.append((prefix or ".", current))
            continue
        for entry in entries:
            name = f"{prefix}{entry.name}"
            try:
                if entry.is_dir():
                    if entry.name != "__pycache__":
                        stack.append((entry.path, f"{name}/"))
                elif not entry.name.endswith(".pyc"):
                    found.append((name, entry.path))
            except OSError:
                found.append((name, entry.path))
    return iter(sorted(found))


def installed_version(distribution: str, module: str) -> str:
    """The version in the name of ``distribution``'s ``.dist-info`` folder beside
    ``module``, found without importing either (``importlib.metadata`` alone costs
    ~25 ms, a tenth of a no-op run); ``"?"`` when it cannot be told."""
    spec = find_spec(module)
    if spec is None or spec.origin is None:
        return "?"
    site = Path(spec.origin).parent.parent
    prefix = distribution.lower().replace("-", "_") + "-"
    try:
        names = [n for n in os.listdir(site) if n.lower().startswith(prefix)]
    except OSError:
        return "?"
    found = sorted(n[len(prefix) : -len(".dist-info")] for n in names if n.endswith(".dist-info"))
    return ",".join(found) or "?"


# The declared inputs of every cache: the one place cache keys come from.

OUTPUT_LIBRARIES = (
    ("black", "black"),
    ("mistune", "mistune"),
    ("jinja2", "jinja2"),
    ("pyyaml", "yaml"),
)
"""Distributions whose versions shape the output bytes, with their import names."""

PAGES = Inputs(
    "pages",
    files=(
        "parse/*.py",
        "parse/labels/*",
        "model.py",
        "location.py",
        "diagnostics.py",
        "load/pages.py",
        "load/blobs.py",
        "load/store.py",
        "cache_map.py",
        "hashing.py",
    ),
    libraries=(("mistune", "mistune"),),
)
"""Parsed pages (`generator.load.pages`); a key's parts: the page's shown path, bytes."""

VERDICTS = Inputs(
    "verdicts",
    files=(
        "resolve/*.py", "parse/*.py", "parse/labels/*", "model.py", "cache_map.py", "hashing.py"
    ),
)
"""Placeholder verdicts on examples (`generator.resolve.verdicts`), one map slot per API:
the checks and their callers (``resolve/``), the parser that makes an example's value
from its text, the model; a key's parts: the API's name."""

BLACK = Inputs("black", files=("write/formatting.py",), libraries=(("black", "black"),))
"""Formatted files (`generator.write.formatting`); parts: the source, shaped or not."""

PARTS = Inputs("parts", files=("write/syntax.py", "hashing.py"))
"""Per generated file, the digests of its parts known to compile
(`generator.write.syntax.PartsStore`); parts: the Python version."""

STAMPS = Inputs(
    "stamps", files=("*",), templates=True, libraries=OUTPUT_LIBRARIES, by_stat=True, warn=False
)
"""No-op stamps (`generator.stamp`), one slot per API; parts: the API's config, the
output and template settings, its specs tree (by stat)."""

EMIT = Inputs("emit", files=("*",), templates=True, libraries=OUTPUT_LIBRARIES)
"""Rendered templates and filter fragments (`generator.emit.incremental`): every md2sdk
source counts (emitters, filters, pyshape, naming, the writer's line length...); parts:
the template or filter name, the template overrides' digest, the stable bytes of the
arguments."""

TEMPLATE_CODE = Inputs(
    "templates", files=("emit/templating.py",), libraries=(("jinja2", "jinja2"),)
)
"""Compiled templates (`generator.emit.incremental.bytecode`); parts: Jinja's bucket key
(the template's name and file) and the source's checksum. The environment's settings
live in ``emit/templating.py``; the Python version (marshalled code) is in every key."""

RESUME = Inputs("resume", files=("*",), libraries=(("mistune", "mistune"),))
"""What a run kept in memory, for the next process (`generator.resume`), one slot per
project: parsed pages, resolutions and digests of model parts, which every md2sdk
source can shape (the model's classes are pickled); no key parts."""
