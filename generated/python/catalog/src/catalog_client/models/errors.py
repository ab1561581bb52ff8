"""Stand-in for 'errors': the docs link to it but do not define it."""

from __future__ import annotations

from typing import Any, TypeAlias

__all__ = [
    "Errors",
]


# the docs link to 'errors' but do not define it
Errors: TypeAlias = dict[str, Any]
"""Stand-in for 'errors': the docs link to it but do not define it."""
