"""The one digest function for cache keys, checksums and content identities.

Every digest md2sdk takes of its own data (a cache entry's checksum, a page's bytes, a
model part's pickle, the parts of a unit key) is SHA-256, truncated to the size the
caller needs. Not for its strength alone: on the CPUs md2sdk runs on it is the fastest
hash in ``hashlib`` (SHA extensions; measured here on 30 MB: SHA-256 1,290 MB/s,
BLAKE2b 320 MB/s), and a run after a one-page edit hashes some 100 MB (the page
store, the fragment maps, the pickles of the model). No digest ends up in generated
files, so the choice only decides cache keys: changing it is a cache format change
(`generator.cache.FORMAT`).
"""

from __future__ import annotations

import hashlib

DIGEST_SIZE = 20
"""Bytes of a digest unless a caller asks for fewer (an identity, not a secret)."""


def digest(data: bytes | memoryview, size: int = DIGEST_SIZE) -> bytes:
    """The first ``size`` bytes of the SHA-256 of ``data``."""
    return hashlib.sha256(data).digest()[:size]


def hash_parts(*parts: bytes, size: int = DIGEST_SIZE) -> bytes:
    """A digest of ``parts`` in order, each length-prefixed (no two part lists that
    differ give the same bytes): how every key made of several pieces combines them."""
    state = hashlib.sha256()
    for part in parts:
        state.update(b"%d:" % len(part))
        state.update(part)
    return state.digest()[:size]
