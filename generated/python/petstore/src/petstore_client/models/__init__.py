"""Models of the Swagger Petstore API.

Each model loads on first access (PEP 562), so importing the package stays fast however
many models the API has.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .category import Category as Category
    from .order import Order as Order
    from .pet import Pet as Pet
    from .tag import Tag as Tag
    from .user import User as User

_MODULES: dict[str, str] = {
    "Category": "category",
    "Order": "order",
    "Pet": "pet",
    "Tag": "tag",
    "User": "user",
}

__all__ = [
    "Category",
    "Order",
    "Pet",
    "Tag",
    "User",
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
