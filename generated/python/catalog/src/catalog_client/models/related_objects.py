"""Stand-in for 'relatedObjects': the docs link to it but do not define it."""

from __future__ import annotations

from typing import Any, TypeAlias

__all__ = [
    "RelatedObjects",
]


# the docs link to 'relatedObjects' but do not define it
RelatedObjects: TypeAlias = dict[str, Any]
"""Stand-in for 'relatedObjects': the docs link to it but do not define it."""
