"""Models of the Catalog Service RESTful API Resource. API.

Each model loads on first access (PEP 562), so importing the package stays fast however
many models the API has.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .batch import Batch as Batch
    from .batch import BatchAvailableDates as BatchAvailableDates
    from .batch import BatchAvailableDatesParam as BatchAvailableDatesParam
    from .batch import BatchParam as BatchParam
    from .errors import Errors as Errors
    from .related_objects import RelatedObjects as RelatedObjects

_MODULES: dict[str, str] = {
    "Batch": "batch",
    "BatchAvailableDates": "batch",
    "BatchAvailableDatesParam": "batch",
    "BatchParam": "batch",
    "Errors": "errors",
    "RelatedObjects": "related_objects",
}

__all__ = [
    "Batch",
    "BatchAvailableDates",
    "BatchAvailableDatesParam",
    "BatchParam",
    "Errors",
    "RelatedObjects",
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
