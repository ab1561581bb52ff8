"""Stand-in for errors.md#errors: page specs/catalog/definitions/errors.md is not part of this API's docs."""

from __future__ import annotations

from typing import Any, TypeAlias

__all__ = [
    "Errors",
]


# the docs link to 'errors' but do not define it
Errors: TypeAlias = dict[str, Any]
"""Stand-in for errors.md#errors: page specs/catalog/definitions/errors.md is not part of this API's docs."""
