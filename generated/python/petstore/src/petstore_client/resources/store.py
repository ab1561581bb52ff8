"""Store resource"""

from __future__ import annotations

from typing import Any

from .._runtime import (
    AsyncAPIResource,
    Endpoint,
    SyncAPIResource,
    async_to_raw_response,
    to_raw_response,
)
from .._types import NOT_GIVEN, Headers, NotGiven, Query, Timeout
from ..models.order import Order

__all__ = [
    "StoreResource",
    "AsyncStoreResource",
    "StoreResourceWithRawResponse",
    "AsyncStoreResourceWithRawResponse",
]

_PLACEORDER = Endpoint[Order]("POST", "/stores/order", Order)
_GETORDERBYID = Endpoint[Order]("GET", "/stores/order/{orderId}", Order)
_DELETEORDER = Endpoint[Any]("DELETE", "/stores/order/{orderId}", Any)


class StoreResource(SyncAPIResource):
    """Store resource"""

    @property
    def with_raw_response(self) -> StoreResourceWithRawResponse:
        """The same methods, returning the raw response (status, headers, body)."""
        return StoreResourceWithRawResponse(self)

    def placeorder(
        self,
        *,
        body: Order | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> Order:
        """Place an order for a pet

        Args:
            body: order placed for purchasing the pet

        Returns:
            successful operation

        Raises:
            BadRequestError: 400 Invalid Order
        """
        return self._client.request(
            _PLACEORDER,
            body=body,
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )

    def getorderbyid(
        self,
        order_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> Order:
        """Find purchase order by ID

        For valid response try integer IDs with value <= 5 or > 10. Other values will generated exceptions

        Args:
            order_id: ID of pet that needs to be fetched

        Returns:
            successful operation

        Raises:
            BadRequestError: 400 Invalid ID supplied
            NotFoundError: 404 Order not found
        """
        return self._client.request(
            _GETORDERBYID,
            path={"orderId": order_id},
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )

    def deleteorder(
        self,
        order_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> Any:
        """Delete purchase order by ID

        For valid response try integer IDs with value < 1000. Anything above 1000 or nonintegers will generate API errors

        Args:
            order_id: ID of the order that needs to be deleted

        Raises:
            BadRequestError: 400 Invalid ID supplied
            NotFoundError: 404 Order not found
        """
        return self._client.request(
            _DELETEORDER,
            path={"orderId": order_id},
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )


class AsyncStoreResource(AsyncAPIResource):
    """Store resource"""

    @property
    def with_raw_response(self) -> AsyncStoreResourceWithRawResponse:
        """The same methods, returning the raw response (status, headers, body)."""
        return AsyncStoreResourceWithRawResponse(self)

    async def placeorder(
        self,
        *,
        body: Order | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> Order:
        """Place an order for a pet

        Args:
            body: order placed for purchasing the pet

        Returns:
            successful operation

        Raises:
            BadRequestError: 400 Invalid Order
        """
        return await self._client.request(
            _PLACEORDER,
            body=body,
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )

    async def getorderbyid(
        self,
        order_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> Order:
        """Find purchase order by ID

        For valid response try integer IDs with value <= 5 or > 10. Other values will generated exceptions

        Args:
            order_id: ID of pet that needs to be fetched

        Returns:
            successful operation

        Raises:
            BadRequestError: 400 Invalid ID supplied
            NotFoundError: 404 Order not found
        """
        return await self._client.request(
            _GETORDERBYID,
            path={"orderId": order_id},
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )

    async def deleteorder(
        self,
        order_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> Any:
        """Delete purchase order by ID

        For valid response try integer IDs with value < 1000. Anything above 1000 or nonintegers will generate API errors

        Args:
            order_id: ID of the order that needs to be deleted

        Raises:
            BadRequestError: 400 Invalid ID supplied
            NotFoundError: 404 Order not found
        """
        return await self._client.request(
            _DELETEORDER,
            path={"orderId": order_id},
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )


class StoreResourceWithRawResponse:
    """`StoreResource` methods returning `RawResponse` objects."""

    def __init__(self, resource: StoreResource) -> None:
        self.placeorder = to_raw_response(resource.placeorder)
        self.getorderbyid = to_raw_response(resource.getorderbyid)
        self.deleteorder = to_raw_response(resource.deleteorder)


class AsyncStoreResourceWithRawResponse:
    """`AsyncStoreResource` methods returning `RawResponse` objects."""

    def __init__(self, resource: AsyncStoreResource) -> None:
        self.placeorder = async_to_raw_response(resource.placeorder)
        self.getorderbyid = async_to_raw_response(resource.getorderbyid)
        self.deleteorder = async_to_raw_response(resource.deleteorder)
