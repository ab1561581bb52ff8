"""Models: Tag"""

from __future__ import annotations

from .._runtime import BaseModel

__all__ = [
    "Tag",
]


class Tag(BaseModel):
    """The Tag model."""

    id: int | None = None

    name: str | None = None
