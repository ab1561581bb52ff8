"""Stand-in for relatedObjects.md#relatedobjects: page specs/catalog/definitions/relatedObjects.md is not part of this API's docs."""

from __future__ import annotations

from typing import Any, TypeAlias

__all__ = [
    "RelatedObjects",
]


# the docs link to 'relatedObjects' but do not define it
RelatedObjects: TypeAlias = dict[str, Any]
"""Stand-in for relatedObjects.md#relatedobjects: page specs/catalog/definitions/relatedObjects.md is not part of this API's docs."""
