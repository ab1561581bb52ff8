"""Models: Order, OrderParam"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field
from typing_extensions import TypedDict

from .._runtime import BaseModel

__all__ = [
    "Order",
    "OrderParam",
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


class OrderParam(TypedDict, total=False):
    """`Order` as a plain dict: the same fields, by wire name."""

    complete: bool
    id: int
    petId: int
    quantity: int
    shipDate: datetime
    status: Literal["Ordered", "Cancelled"] | str
