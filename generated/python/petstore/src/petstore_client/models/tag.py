"""Models: Tag, TagParam"""

from __future__ import annotations

from typing_extensions import TypedDict

from .._runtime import BaseModel

__all__ = [
    "Tag",
    "TagParam",
]


class Tag(BaseModel):
    """The Tag model."""

    id: int | None = None

    name: str | None = None


class TagParam(TypedDict, total=False):
    """`Tag` as a plain dict: the same fields, by wire name."""

    id: int
    name: str
