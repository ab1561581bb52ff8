"""One target of one API, emitted through the fragment cache (see the package doc)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment

from generator.cache import EMIT, Cache, files_digest
from generator.emit.incremental.active import ACTIVE, UNITS
from generator.emit.incremental.bytecode import TemplateCode
from generator.emit.incremental.fragments import FragmentMemo
from generator.emit.incremental.keys import model_digest
from generator.emit.incremental.units import UnitMemo
from generator.emit.templating import make_environment

FRAGMENT_FILTERS = ("yaml_block", "docstring", "yaml", "yaml_key")
"""Filters whose results are cached one by one: the OpenAPI document's blocks, the
docstrings (the costliest filter of the Python templates), and the document's YAML
scalars and keys (PyYAML dumps each distinct one: ~0.2 s on Kubernetes)."""


@dataclass
class SessionStats:
    """What one target reused and what it rendered afresh."""

    fragments_rendered: int = 0
    fragments_reused: int = 0
    units_built: int = 0
    units_reused: int = 0
    """Whole files (or a file's part) built, and taken from the last run (`units`)."""

    def add(self, other: SessionStats) -> None:
        self.fragments_rendered += other.fragments_rendered
        self.fragments_reused += other.fragments_reused
        self.units_built += other.units_built
        self.units_reused += other.units_reused


def has_fragments(
    cache_root: Path | None, api: str, targets: list[str], overrides: Path | None = None
) -> bool:
    """Whether the last run's fragments of every target are kept for the current
    inputs: the run is incremental, not cold (the pipeline emits such a run's targets
    in one process, where the pool's start-up and copies cost more than they save)."""
    if cache_root is None:
        return False
    cache = Cache(cache_root, EMIT)
    digest = files_digest(overrides) if overrides is not None else b""
    slots = [f"{api}\0{target}" for target in targets]
    return all(cache.holds(cache.key(digest, "fragments", slot), slot=slot) for slot in slots)


class Session:
    """The fragments of target ``target`` of API ``api`` under ``cache_root`` (``None``:
    nothing is kept beyond this run)."""

    def __init__(
        self,
        cache_root: Path | None,
        api: str,
        target: str,
        overrides: Path | None = None,
        *,
        keep: bool = True,
    ) -> None:
        self.cache = Cache(cache_root, EMIT)
        self.keep = keep
        """Save this run's fragments at `close` (``md2sdk check`` only reads them)."""
        self.overrides = overrides
        self._overrides_digest = files_digest(overrides) if overrides is not None else b""
        self.stats = SessionStats()
        self.fragments = FragmentMemo(self, f"{api}\0{target}")
        self.units = UnitMemo(self, f"{api}\0{target}\0units")

    def digest(self, model: object) -> bytes:
        """A digest of a model part (``api.definitions``), computed once per process."""
        return model_digest(model)

    def key(self, *parts: str | bytes) -> str:
        return self.cache.key(self._overrides_digest, *parts)

    def environment(self) -> Environment:
        """A fresh environment for the target, its `FRAGMENT_FILTERS` answered from the memo."""
        env = make_environment(self.overrides)
        if self.cache.root is not None:
            env.bytecode_cache = TemplateCode(self.cache.root, keep=self.keep)
        for name in FRAGMENT_FILTERS:
            env.filters[name] = self.fragments.wrap(name, env.filters[name])
        return env

    @contextlib.contextmanager
    def active(self) -> Iterator[None]:
        """Make this target's memo the one `active.remembered_as` uses."""
        token = ACTIVE.set(self.fragments)
        units = UNITS.set(self.units)
        try:
            yield
        finally:
            UNITS.reset(units)
            ACTIVE.reset(token)

    def close(self) -> SessionStats:
        """Save the fragments (when kept); what was reused and laid out."""
        if self.keep:
            self.fragments.save()
            self.units.save()
        self.stats.units_built, self.stats.units_reused = self.units.built, self.units.reused
        return self.stats
