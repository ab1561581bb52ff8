"""Models: Category"""

from __future__ import annotations

from .._runtime import BaseModel

__all__ = [
    "Category",
]


class Category(BaseModel):
    """The Category model."""

    id: int | None = None

    name: str | None = "DefaultCategory"
    """The name of the category"""
