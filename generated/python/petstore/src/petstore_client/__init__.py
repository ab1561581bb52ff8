"""Swagger Petstore: a typed Python client.

This is a sample server Petstore server.

[Learn about Swagger](http://swagger.io) or join the IRC channel `#swagger` on irc.freenode.net.

For this sample, you can use the api key `special-key` to test the authorization filters
"""

from __future__ import annotations

import importlib
from types import ModuleType

from ._client import AsyncPetstoreClient, PetstoreClient
from ._exceptions import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
)
from ._pagination import AsyncPager, SyncPager
from ._runtime import RawResponse
from ._types import NOT_GIVEN, OMIT, NotGiven, Omit

__version__ = "1.0.0"

# The generic names work too, so examples written for any client read the same.
Client = PetstoreClient
AsyncClient = AsyncPetstoreClient

__all__ = [
    "NOT_GIVEN",
    "OMIT",
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncClient",
    "AsyncPager",
    "AsyncPetstoreClient",
    "AuthenticationError",
    "BadRequestError",
    "Client",
    "ConflictError",
    "InternalServerError",
    "NotFoundError",
    "NotGiven",
    "Omit",
    "PermissionDeniedError",
    "PetstoreClient",
    "RateLimitError",
    "RawResponse",
    "SyncPager",
    "UnprocessableEntityError",
    "__version__",
]


def __getattr__(name: str) -> ModuleType:
    # ``package.models`` / ``package.resources`` without importing them up front.
    if name in {"models", "resources"}:
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
