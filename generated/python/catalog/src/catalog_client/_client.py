"""Clients for Catalog Service RESTful API Resource.

`CatalogClient` (blocking) and `AsyncCatalogClient` (asyncio) have the same surface.
"""

from __future__ import annotations

import httpx

from ._runtime import (
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    AsyncAPIClient,
    SyncAPIClient,
    env,
)
from ._types import NOT_GIVEN, Headers, NotGiven, Timeout
from .resources._root import (
    AsyncRootResource,
    AsyncRootResourceWithRawResponse,
    RootResource,
    RootResourceWithRawResponse,
)

__all__ = [
    "AsyncCatalogClient",
    "CatalogClient",
]

_DEFAULT_BASE_URL = "https://platform-int.adobe.io/data/foundation/catalog"
_AUTH = (
    ("api_key", "header", "x-api-key", "CATALOG_API_KEY"),
    ("ims_org_id", "header", "x-gw-ims-org-id", "CATALOG_IMS_ORG_ID"),
    ("access_token", "bearer", "Authorization", "CATALOG_ACCESS_TOKEN"),
)


class CatalogClient(SyncAPIClient, RootResource):
    """Catalog Service RESTful API Resource.

    Catalog service API for client registration. Administrative use only.
    Notes:

    * When trying out the APIs, get your tokens from IMS stage and prefix it with 'Bearer'.
    * All requests with a payload in the request body (i.e., POST, PUT, and PATCH calls) must include the header 'Content-Type: application/json'.  This UI automatically supplies that header when using the 'Try it out' button, but calling clients must take care to supply it for themselves.
    * Your browser will block the requests if you use 'Try it out' button, since it's a cross-origin request. You will need to modify your browsers settings or install, an extension that adds 'Allow-Control-Allow-Origin: *' to your request header. Please note this may compromise the security of your browser, and it is recommended that you turn off this setting once you've used swagger.
    * General API guidelines and conventions (such as expansions, filtering, limits, sorts  and field selection) are documented on the Catalog Service Wiki (https://wiki.corp.adobe.com/display/DMSArchitecture/Catalog+Service).
    """

    _auth = _AUTH
    _package = "catalog_client"
    _log_env = "CATALOG_LOG"
    _user_agent = "catalog-client/1.0.0"

    api_key: str | None
    """The API key belonging to the calling client. Default: $CATALOG_API_KEY."""

    ims_org_id: str | None
    """The owning IMS organization identifier. Default: $CATALOG_IMS_ORG_ID."""

    access_token: str | None
    """Sent as Authorization. Default: $CATALOG_ACCESS_TOKEN."""

    def __init__(
        self,
        *,
        api_key: str | None = None,
        ims_org_id: str | None = None,
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
            api_key: Default: $CATALOG_API_KEY. Required.
            ims_org_id: Default: $CATALOG_IMS_ORG_ID. Required.
            access_token: Default: $CATALOG_ACCESS_TOKEN.
            base_url: Default: $CATALOG_BASE_URL, else https://platform-int.adobe.io/data/foundation/catalog.
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
        self.api_key = api_key if api_key is not None else env("CATALOG_API_KEY")
        if self.api_key is None:
            raise ValueError("Missing api_key: pass api_key= or set $CATALOG_API_KEY")
        self.ims_org_id = (
            ims_org_id if ims_org_id is not None else env("CATALOG_IMS_ORG_ID")
        )
        if self.ims_org_id is None:
            raise ValueError(
                "Missing ims_org_id: pass ims_org_id= or set $CATALOG_IMS_ORG_ID"
            )
        self.access_token = (
            access_token if access_token is not None else env("CATALOG_ACCESS_TOKEN")
        )
        url = base_url or env("CATALOG_BASE_URL") or _DEFAULT_BASE_URL
        if not url:
            raise ValueError(
                "Missing base_url: pass base_url= or set $CATALOG_BASE_URL"
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
        self._client = self

    def with_options(
        self,
        *,
        api_key: str | None | NotGiven = NOT_GIVEN,
        ims_org_id: str | None | NotGiven = NOT_GIVEN,
        access_token: str | None | NotGiven = NOT_GIVEN,
        base_url: str | httpx.URL | NotGiven = NOT_GIVEN,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        default_headers: Headers | NotGiven = NOT_GIVEN,
        idempotency_header: str | None | NotGiven = NOT_GIVEN,
        strict_response_validation: bool | NotGiven = NOT_GIVEN,
        http_client: httpx.Client | NotGiven = NOT_GIVEN,
    ) -> CatalogClient:
        """A copy with some options changed (each as in the constructor).

        The copy shares this client's connections unless given ``http_client``;
        ``default_headers`` are added to this client's (`OMIT` removes one).
        """
        return self._copy(
            {
                "api_key": api_key,
                "ims_org_id": ims_org_id,
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
    def with_raw_response(self) -> CatalogClientWithRawResponse:
        """Every method again, returning the raw response (status, headers, body)."""
        return CatalogClientWithRawResponse(self)


class CatalogClientWithRawResponse(RootResourceWithRawResponse):
    """``client.with_raw_response.<resource>.<method>(...)`` returns a `RawResponse`."""

    def __init__(self, client: CatalogClient) -> None:
        super().__init__(client)
        self._client = client


class AsyncCatalogClient(AsyncAPIClient, AsyncRootResource):
    """Catalog Service RESTful API Resource. (asyncio)

    Catalog service API for client registration. Administrative use only.
    Notes:

    * When trying out the APIs, get your tokens from IMS stage and prefix it with 'Bearer'.
    * All requests with a payload in the request body (i.e., POST, PUT, and PATCH calls) must include the header 'Content-Type: application/json'.  This UI automatically supplies that header when using the 'Try it out' button, but calling clients must take care to supply it for themselves.
    * Your browser will block the requests if you use 'Try it out' button, since it's a cross-origin request. You will need to modify your browsers settings or install, an extension that adds 'Allow-Control-Allow-Origin: *' to your request header. Please note this may compromise the security of your browser, and it is recommended that you turn off this setting once you've used swagger.
    * General API guidelines and conventions (such as expansions, filtering, limits, sorts  and field selection) are documented on the Catalog Service Wiki (https://wiki.corp.adobe.com/display/DMSArchitecture/Catalog+Service).
    """

    _auth = _AUTH
    _package = "catalog_client"
    _log_env = "CATALOG_LOG"
    _user_agent = "catalog-client/1.0.0"

    api_key: str | None
    """The API key belonging to the calling client. Default: $CATALOG_API_KEY."""

    ims_org_id: str | None
    """The owning IMS organization identifier. Default: $CATALOG_IMS_ORG_ID."""

    access_token: str | None
    """Sent as Authorization. Default: $CATALOG_ACCESS_TOKEN."""

    def __init__(
        self,
        *,
        api_key: str | None = None,
        ims_org_id: str | None = None,
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
            api_key: Default: $CATALOG_API_KEY. Required.
            ims_org_id: Default: $CATALOG_IMS_ORG_ID. Required.
            access_token: Default: $CATALOG_ACCESS_TOKEN.
            base_url: Default: $CATALOG_BASE_URL, else https://platform-int.adobe.io/data/foundation/catalog.
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
        self.api_key = api_key if api_key is not None else env("CATALOG_API_KEY")
        if self.api_key is None:
            raise ValueError("Missing api_key: pass api_key= or set $CATALOG_API_KEY")
        self.ims_org_id = (
            ims_org_id if ims_org_id is not None else env("CATALOG_IMS_ORG_ID")
        )
        if self.ims_org_id is None:
            raise ValueError(
                "Missing ims_org_id: pass ims_org_id= or set $CATALOG_IMS_ORG_ID"
            )
        self.access_token = (
            access_token if access_token is not None else env("CATALOG_ACCESS_TOKEN")
        )
        url = base_url or env("CATALOG_BASE_URL") or _DEFAULT_BASE_URL
        if not url:
            raise ValueError(
                "Missing base_url: pass base_url= or set $CATALOG_BASE_URL"
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
        self._client = self

    def with_options(
        self,
        *,
        api_key: str | None | NotGiven = NOT_GIVEN,
        ims_org_id: str | None | NotGiven = NOT_GIVEN,
        access_token: str | None | NotGiven = NOT_GIVEN,
        base_url: str | httpx.URL | NotGiven = NOT_GIVEN,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        default_headers: Headers | NotGiven = NOT_GIVEN,
        idempotency_header: str | None | NotGiven = NOT_GIVEN,
        strict_response_validation: bool | NotGiven = NOT_GIVEN,
        http_client: httpx.AsyncClient | NotGiven = NOT_GIVEN,
    ) -> AsyncCatalogClient:
        """A copy with some options changed (each as in the constructor).

        The copy shares this client's connections unless given ``http_client``;
        ``default_headers`` are added to this client's (`OMIT` removes one).
        """
        return self._copy(
            {
                "api_key": api_key,
                "ims_org_id": ims_org_id,
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
    def with_raw_response(self) -> AsyncCatalogClientWithRawResponse:
        """Every method again, returning the raw response (status, headers, body)."""
        return AsyncCatalogClientWithRawResponse(self)


class AsyncCatalogClientWithRawResponse(AsyncRootResourceWithRawResponse):
    """``client.with_raw_response.<resource>.<method>(...)`` returns a `RawResponse`."""

    def __init__(self, client: AsyncCatalogClient) -> None:
        super().__init__(client)
        self._client = client
