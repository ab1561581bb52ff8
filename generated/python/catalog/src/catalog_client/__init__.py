"""Catalog Service RESTful API Resource.: a typed Python client.

Catalog service API for client registration. Administrative use only.
Notes:

* When trying out the APIs, get your tokens from IMS stage and prefix it with 'Bearer'.
* All requests with a payload in the request body (i.e., POST, PUT, and PATCH calls) must include the header 'Content-Type: application/json'.  This UI automatically supplies that header when using the 'Try it out' button, but calling clients must take care to supply it for themselves.
* Your browser will block the requests if you use 'Try it out' button, since it's a cross-origin request. You will need to modify your browsers settings or install, an extension that adds 'Allow-Control-Allow-Origin: *' to your request header. Please note this may compromise the security of your browser, and it is recommended that you turn off this setting once you've used swagger.
* General API guidelines and conventions (such as expansions, filtering, limits, sorts  and field selection) are documented on the Catalog Service Wiki (https://wiki.corp.adobe.com/display/DMSArchitecture/Catalog+Service).
"""

from __future__ import annotations

import importlib
from types import ModuleType

from ._client import AsyncCatalogClient, CatalogClient
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
Client = CatalogClient
AsyncClient = AsyncCatalogClient

__all__ = [
    "NOT_GIVEN",
    "OMIT",
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncCatalogClient",
    "AsyncClient",
    "AsyncPager",
    "AuthenticationError",
    "BadRequestError",
    "CatalogClient",
    "Client",
    "ConflictError",
    "InternalServerError",
    "NotFoundError",
    "NotGiven",
    "Omit",
    "PermissionDeniedError",
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
