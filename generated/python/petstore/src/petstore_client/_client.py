"""Clients for Swagger Petstore

`PetstoreClient` (blocking) and `AsyncPetstoreClient` (asyncio) have the same surface.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import httpx

from ._runtime import (
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    AsyncAPIClient,
    SyncAPIClient,
    env,
)
from ._types import NOT_GIVEN, Headers, NotGiven, Timeout

if TYPE_CHECKING:
    from .resources.pet import (
        AsyncPetResource,
        AsyncPetResourceWithRawResponse,
        PetResource,
        PetResourceWithRawResponse,
    )
    from .resources.store import (
        AsyncStoreResource,
        AsyncStoreResourceWithRawResponse,
        StoreResource,
        StoreResourceWithRawResponse,
    )
    from .resources.user import (
        AsyncUserResource,
        AsyncUserResourceWithRawResponse,
        UserResource,
        UserResourceWithRawResponse,
    )

__all__ = [
    "AsyncPetstoreClient",
    "PetstoreClient",
]

_DEFAULT_BASE_URL = "http://petstore.swagger.io/v2"
_AUTH = (
    ("api_key", "header", "api_key", "PETSTORE_API_KEY"),
    ("access_token", "bearer", "Authorization", "PETSTORE_ACCESS_TOKEN"),
)


class PetstoreClient(SyncAPIClient):
    """Swagger Petstore

    This is a sample server Petstore server.

    [Learn about Swagger](http://swagger.io) or join the IRC channel `#swagger` on irc.freenode.net.

    For this sample, you can use the api key `special-key` to test the authorization filters
    """

    _auth = _AUTH
    _package = "petstore_client"
    _log_env = "PETSTORE_LOG"
    _user_agent = "petstore-client/1.0.0"

    api_key: str | None
    """This is another description Default: $PETSTORE_API_KEY."""

    access_token: str | None
    """This is a standard oauth flow Default: $PETSTORE_ACCESS_TOKEN."""

    def __init__(
        self,
        *,
        api_key: str | None = None,
        access_token: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Headers | None = None,
        idempotency_header: str | None = None,
        strict_response_validation: bool = False,
        http_client: httpx.Client | None = None,
    ) -> None:
        """Create a client; options left out are read from the environment.

        Args:
            api_key: Default: $PETSTORE_API_KEY.
            access_token: Default: $PETSTORE_ACCESS_TOKEN.
            base_url: Default: $PETSTORE_BASE_URL, else http://petstore.swagger.io/v2.
            timeout: Seconds (or an httpx.Timeout) per request; None waits forever.
            max_retries: Retries of connection errors, timeouts, 408, 429 and 5xx
                responses (idempotent methods, or any with an idempotency header).
            default_headers: Headers sent with every request (names in any case;
                `OMIT` as a value removes a header the client would send).
            idempotency_header: Header carrying a key generated once per call, which
                makes non-idempotent requests (POST, PATCH) safe to retry.
            strict_response_validation: Raise `APIResponseValidationError` when a
                response body does not match the docs, instead of keeping what parses.
            http_client: Your own httpx client (proxies, transports); not closed by us.
        """
        self.api_key = api_key if api_key is not None else env("PETSTORE_API_KEY")
        self.access_token = (
            access_token if access_token is not None else env("PETSTORE_ACCESS_TOKEN")
        )
        url = base_url or env("PETSTORE_BASE_URL") or _DEFAULT_BASE_URL
        if not url:
            raise ValueError(
                "Missing base_url: pass base_url= or set $PETSTORE_BASE_URL"
            )
        super().__init__(
            base_url=url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            idempotency_header=idempotency_header,
            strict_response_validation=strict_response_validation,
            http_client=http_client,
        )

    def with_options(
        self,
        *,
        api_key: str | None | NotGiven = NOT_GIVEN,
        access_token: str | None | NotGiven = NOT_GIVEN,
        base_url: str | httpx.URL | NotGiven = NOT_GIVEN,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        default_headers: Headers | NotGiven = NOT_GIVEN,
        idempotency_header: str | None | NotGiven = NOT_GIVEN,
        strict_response_validation: bool | NotGiven = NOT_GIVEN,
        http_client: httpx.Client | NotGiven = NOT_GIVEN,
    ) -> PetstoreClient:
        """A copy with some options changed (each as in the constructor).

        The copy shares this client's connections unless given ``http_client``;
        ``default_headers`` are added to this client's (`OMIT` removes one).
        """
        return self._copy(
            {
                "api_key": api_key,
                "access_token": access_token,
                "base_url": base_url,
                "timeout": timeout,
                "max_retries": max_retries,
                "default_headers": default_headers,
                "idempotency_header": idempotency_header,
                "strict_response_validation": strict_response_validation,
                "http_client": http_client,
            }
        )

    @property
    def pet(self) -> PetResource:
        """Pet resource"""
        from .resources.pet import PetResource

        return self._resource("pet", lambda: PetResource(self))

    @property
    def store(self) -> StoreResource:
        """Store resource"""
        from .resources.store import StoreResource

        return self._resource("store", lambda: StoreResource(self))

    @property
    def user(self) -> UserResource:
        """User resource"""
        from .resources.user import UserResource

        return self._resource("user", lambda: UserResource(self))

    @property
    def with_raw_response(self) -> PetstoreClientWithRawResponse:
        """Every method again, returning the raw response (status, headers, body)."""
        return PetstoreClientWithRawResponse(self)


class PetstoreClientWithRawResponse:
    """``client.with_raw_response.<resource>.<method>(...)`` returns a `RawResponse`."""

    def __init__(self, client: PetstoreClient) -> None:
        self._client = client

    @property
    def pet(self) -> PetResourceWithRawResponse:
        return self._client.pet.with_raw_response

    @property
    def store(self) -> StoreResourceWithRawResponse:
        return self._client.store.with_raw_response

    @property
    def user(self) -> UserResourceWithRawResponse:
        return self._client.user.with_raw_response


class AsyncPetstoreClient(AsyncAPIClient):
    """Swagger Petstore (asyncio)

    This is a sample server Petstore server.

    [Learn about Swagger](http://swagger.io) or join the IRC channel `#swagger` on irc.freenode.net.

    For this sample, you can use the api key `special-key` to test the authorization filters
    """

    _auth = _AUTH
    _package = "petstore_client"
    _log_env = "PETSTORE_LOG"
    _user_agent = "petstore-client/1.0.0"

    api_key: str | None
    """This is another description Default: $PETSTORE_API_KEY."""

    access_token: str | None
    """This is a standard oauth flow Default: $PETSTORE_ACCESS_TOKEN."""

    def __init__(
        self,
        *,
        api_key: str | None = None,
        access_token: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        default_headers: Headers | None = None,
        idempotency_header: str | None = None,
        strict_response_validation: bool = False,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        """Create a client; options left out are read from the environment.

        Args:
            api_key: Default: $PETSTORE_API_KEY.
            access_token: Default: $PETSTORE_ACCESS_TOKEN.
            base_url: Default: $PETSTORE_BASE_URL, else http://petstore.swagger.io/v2.
            timeout: Seconds (or an httpx.Timeout) per request; None waits forever.
            max_retries: Retries of connection errors, timeouts, 408, 429 and 5xx
                responses (idempotent methods, or any with an idempotency header).
            default_headers: Headers sent with every request (names in any case;
                `OMIT` as a value removes a header the client would send).
            idempotency_header: Header carrying a key generated once per call, which
                makes non-idempotent requests (POST, PATCH) safe to retry.
            strict_response_validation: Raise `APIResponseValidationError` when a
                response body does not match the docs, instead of keeping what parses.
            http_client: Your own httpx client (proxies, transports); not closed by us.
        """
        self.api_key = api_key if api_key is not None else env("PETSTORE_API_KEY")
        self.access_token = (
            access_token if access_token is not None else env("PETSTORE_ACCESS_TOKEN")
        )
        url = base_url or env("PETSTORE_BASE_URL") or _DEFAULT_BASE_URL
        if not url:
            raise ValueError(
                "Missing base_url: pass base_url= or set $PETSTORE_BASE_URL"
            )
        super().__init__(
            base_url=url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            idempotency_header=idempotency_header,
            strict_response_validation=strict_response_validation,
            http_client=http_client,
        )

    def with_options(
        self,
        *,
        api_key: str | None | NotGiven = NOT_GIVEN,
        access_token: str | None | NotGiven = NOT_GIVEN,
        base_url: str | httpx.URL | NotGiven = NOT_GIVEN,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        default_headers: Headers | NotGiven = NOT_GIVEN,
        idempotency_header: str | None | NotGiven = NOT_GIVEN,
        strict_response_validation: bool | NotGiven = NOT_GIVEN,
        http_client: httpx.AsyncClient | NotGiven = NOT_GIVEN,
    ) -> AsyncPetstoreClient:
        """A copy with some options changed (each as in the constructor).

        The copy shares this client's connections unless given ``http_client``;
        ``default_headers`` are added to this client's (`OMIT` removes one).
        """
        return self._copy(
            {
                "api_key": api_key,
                "access_token": access_token,
                "base_url": base_url,
                "timeout": timeout,
                "max_retries": max_retries,
                "default_headers": default_headers,
                "idempotency_header": idempotency_header,
                "strict_response_validation": strict_response_validation,
                "http_client": http_client,
            }
        )

    @property
    def pet(self) -> AsyncPetResource:
        """Pet resource"""
        from .resources.pet import AsyncPetResource

        return self._resource("pet", lambda: AsyncPetResource(self))

    @property
    def store(self) -> AsyncStoreResource:
        """Store resource"""
        from .resources.store import AsyncStoreResource

        return self._resource("store", lambda: AsyncStoreResource(self))

    @property
    def user(self) -> AsyncUserResource:
        """User resource"""
        from .resources.user import AsyncUserResource

        return self._resource("user", lambda: AsyncUserResource(self))

    @property
    def with_raw_response(self) -> AsyncPetstoreClientWithRawResponse:
        """Every method again, returning the raw response (status, headers, body)."""
        return AsyncPetstoreClientWithRawResponse(self)


class AsyncPetstoreClientWithRawResponse:
    """``client.with_raw_response.<resource>.<method>(...)`` returns a `RawResponse`."""

    def __init__(self, client: AsyncPetstoreClient) -> None:
        self._client = client

    @property
    def pet(self) -> AsyncPetResourceWithRawResponse:
        return self._client.pet.with_raw_response

    @property
    def store(self) -> AsyncStoreResourceWithRawResponse:
        return self._client.store.with_raw_response

    @property
    def user(self) -> AsyncUserResourceWithRawResponse:
        return self._client.user.with_raw_response
