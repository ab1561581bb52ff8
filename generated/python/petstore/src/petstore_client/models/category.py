"""Models: Category, CategoryParam"""

from __future__ import annotations

from typing_extensions import TypedDict

from .._runtime import BaseModel

__all__ = [
    "Category",
    "CategoryParam",
]


class Category(BaseModel):
    """The Category model."""

    id: int | None = None

    name: str | None = "DefaultCategory"
    """The name of the category"""


class CategoryParam(TypedDict, total=False):
    """`Category` as a plain dict: the same fields, by wire name."""

    id: int
    name: str
