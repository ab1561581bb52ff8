"""Models of the Swagger Petstore API.

Each model loads on first access (PEP 562), so importing the package stays fast however
many models the API has.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .category import Category as Category
    from .category import CategoryParam as CategoryParam
    from .order import Order as Order
    from .order import OrderParam as OrderParam
    from .pet import Pet as Pet
    from .pet import PetParam as PetParam
    from .tag import Tag as Tag
    from .tag import TagParam as TagParam
    from .user import User as User
    from .user import UserParam as UserParam

_MODULES: dict[str, str] = {
    "Category": "category",
    "CategoryParam": "category",
    "Order": "order",
    "OrderParam": "order",
    "Pet": "pet",
    "PetParam": "pet",
    "Tag": "tag",
    "TagParam": "tag",
    "User": "user",
    "UserParam": "user",
}

__all__ = [
    "Category",
    "CategoryParam",
    "Order",
    "OrderParam",
    "Pet",
    "PetParam",
    "Tag",
    "TagParam",
    "User",
    "UserParam",
]


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
