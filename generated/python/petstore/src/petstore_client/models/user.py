"""Models: User, UserParam"""

from __future__ import annotations

from pydantic import Field
from typing_extensions import TypedDict

from .._runtime import BaseModel

__all__ = [
    "User",
    "UserParam",
]


class User(BaseModel):
    """The User model."""

    email: str | None = None

    first_name: str | None = Field(
        default=None, validation_alias="firstName", serialization_alias="firstName"
    )

    id: int | None = None

    last_name: str | None = Field(
        default=None, validation_alias="lastName", serialization_alias="lastName"
    )

    password: str | None = None

    phone: str | None = None

    user_status: int | None = Field(
        default=None, validation_alias="userStatus", serialization_alias="userStatus"
    )
    """User Status"""

    username: str | None = None


class UserParam(TypedDict, total=False):
    """`User` as a plain dict: the same fields, by wire name."""

    email: str
    firstName: str
    id: int
    lastName: str
    password: str
    phone: str
    userStatus: int
    username: str
