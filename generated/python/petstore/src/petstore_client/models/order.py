"""Models: Order"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field

from .._runtime import BaseModel

__all__ = [
    "Order",
]


class Order(BaseModel):
    """The Order model."""

    complete: bool | None = None

    id: int | None = None

    pet_id: int | None = Field(
        default=None, validation_alias="petId", serialization_alias="petId"
    )

    quantity: int | None = 0

    ship_date: datetime | None = Field(
        default=None, validation_alias="shipDate", serialization_alias="shipDate"
    )

    status: Literal["Ordered", "Cancelled"] | str | None = None
    """Order Status"""
