"""Shared types: the NOT_GIVEN sentinel, file uploads, headers, query and timeouts."""

from __future__ import annotations

from collections.abc import Mapping
from typing import IO, Literal, TypeAlias, final

import httpx

__all__ = ["NOT_GIVEN", "FileTypes", "Headers", "NotGiven", "Query", "Timeout"]


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

FileContent: TypeAlias = IO[bytes] | bytes
FileTypes: TypeAlias = (
    FileContent
    | tuple[str | None, FileContent]
    | tuple[str | None, FileContent, str | None]
)
"""A file to upload: content, ``(filename, content)`` or ``(filename, content, type)``."""

Headers: TypeAlias = Mapping[str, str]
Query: TypeAlias = Mapping[str, object]
Timeout: TypeAlias = float | httpx.Timeout | None
