"""Compiled templates kept between runs: Jinja's bytecode cache on md2sdk's cache helper.

Every target gets a fresh Jinja environment per run (`session.Session`), which compiles
each template it renders from source: on Kubernetes ~0.25 s of a one-page edit's run,
more than rendering the edited page. Jinja can keep the compiled code (a
`jinja2.BytecodeCache`); this one keeps it as `generator.cache.TEMPLATE_CODE` entries,
keyed by Jinja's own bucket key (template name and file) and the template source's
checksum, so entries are versioned, written atomically and checked like every other
cache entry. Jinja checks an entry's checksum again and compiles afresh when it
differs; a corrupt entry is ignored with a warning (the cache helper's).
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket

from generator.cache import TEMPLATE_CODE, Cache


class TemplateCode(BytecodeCache):
    """Compiled templates under ``cache_root`` (``keep=False``: read, never written)."""

    def __init__(self, cache_root: Path, *, keep: bool = True) -> None:
        self.cache = Cache(cache_root, TEMPLATE_CODE)
        self.keep = keep

    def _key(self, bucket: Bucket) -> str:
        return self.cache.key(bucket.key, bucket.checksum)

    def load_bytecode(self, bucket: Bucket) -> None:
        data = self.cache.load(self._key(bucket))
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: Bucket) -> None:
        if self.keep:
            self.cache.store(self._key(bucket), bucket.bytecode_to_string())
