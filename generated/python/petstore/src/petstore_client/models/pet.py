"""Models: Pet, PetParam"""

# ruff: noqa: E402 (referenced models are imported last; see the bottom of the module)

from __future__ import annotations

from typing import Literal

from pydantic import Field
from typing_extensions import Required, TypedDict

from .._runtime import BaseModel

__all__ = [
    "Pet",
    "PetParam",
]


class Pet(BaseModel):
    """The Pet model."""

    category: Category | None = None

    id: int | None = None

    name: str

    photo_urls: list[str] = Field(
        validation_alias="photoUrls", serialization_alias="photoUrls"
    )

    status: Literal["Dead", "Alive"] | str | None = None
    """pet status in the store,"""

    tags: list[Tag] | None = None


class PetParam(TypedDict, total=False):
    """`Pet` as a plain dict: the same fields, by wire name."""

    category: CategoryParam
    id: int
    name: Required[str]
    photoUrls: Required[list[str]]
    status: Literal["Dead", "Alive"] | str
    tags: list[TagParam]


# Imported last so models that reference each other load in any order.
from .category import Category, CategoryParam
from .tag import Tag, TagParam
