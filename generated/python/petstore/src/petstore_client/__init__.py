"""Swagger Petstore: a typed Python client.

This is a sample server Petstore server.

[Learn about Swagger](http://swagger.io) or join the IRC channel `#swagger` on irc.freenode.net.

For this sample, you can use the api key `special-key` to test the authorization filters
"""

from __future__ import annotations

from ._client import AsyncPetstoreClient, PetstoreClient
from ._exceptions import (
    APIConnectionError,
    APIError,
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
from ._runtime import RawResponse
from ._types import NOT_GIVEN, NotGiven

__version__ = "1.0.0"

__all__ = [
    "NOT_GIVEN",
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncPetstoreClient",
    "AuthenticationError",
    "BadRequestError",
    "PetstoreClient",
    "ConflictError",
    "InternalServerError",
    "NotFoundError",
    "NotGiven",
    "PermissionDeniedError",
    "RateLimitError",
    "RawResponse",
    "UnprocessableEntityError",
    "__version__",
]
