"""Shared types: the NOT_GIVEN and OMIT sentinels, file uploads, headers, query, timeouts."""

from __future__ import annotations

from collections.abc import Mapping
from typing import IO, Literal, TypeAlias, final

import httpx

__all__ = [
    "NOT_GIVEN",
    "OMIT",
    "FileTypes",
    "Headers",
    "NotGiven",
    "Omit",
    "Query",
    "Timeout",
]


@final
class NotGiven:
    """An argument the caller did not pass: it is not sent at all.

    Distinct from ``None``, which some APIs give a meaning of its own.
    """

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN = NotGiven()
"""The default of every optional argument: nothing is sent."""


@final
class Omit:
    """A header value that removes the header: ``extra_headers={"User-Agent": OMIT}``
    sends no ``User-Agent`` on that call (defaults, auth and options included)."""

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "OMIT"


OMIT = Omit()
"""Removes a header the client would send (see `Omit`)."""

FileContent: TypeAlias = IO[bytes] | bytes
FileTypes: TypeAlias = (
    FileContent
    | tuple[str | None, FileContent]
    | tuple[str | None, FileContent, str | None]
)
"""A file to upload: content, ``(filename, content)`` or ``(filename, content, type)``."""

Headers: TypeAlias = Mapping[str, str | Omit]
"""Header names (any case) to values; an `OMIT` value removes that header."""
Query: TypeAlias = Mapping[str, object]
Timeout: TypeAlias = float | httpx.Timeout | None
