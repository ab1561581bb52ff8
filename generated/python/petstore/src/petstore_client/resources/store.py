"""Store resource"""

from __future__ import annotations

from typing import Final

from .._runtime import (
    AsyncAPIResource,
    AsyncRawMethod,
    Endpoint,
    RawMethod,
    SyncAPIResource,
)
from .._types import NOT_GIVEN, Headers, NotGiven, Query, Timeout
from ..models.order import Order, OrderParam

__all__ = [
    "StoreResource",
    "AsyncStoreResource",
    "StoreResourceWithRawResponse",
    "AsyncStoreResourceWithRawResponse",
]

_PLACE_ORDER = Endpoint[Order]("POST", "/stores/order", Order)
_GET_ORDER_BY_ID = Endpoint[Order]("GET", "/stores/order/{orderId}", Order)
_DELETE_ORDER = Endpoint[None]("DELETE", "/stores/order/{orderId}", None)


class StoreResource(SyncAPIResource):
    """Store resource"""

    @property
    def with_raw_response(self) -> StoreResourceWithRawResponse:
        """The same methods, returning the raw response (status, headers, body)."""
        return StoreResourceWithRawResponse(self)

    def place_order(
        self,
        *,
        body: Order | OrderParam | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
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
            _PLACE_ORDER,
            body=body,
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
            max_retries=max_retries,
        )

    def get_order_by_id(
        self,
        order_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
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
            _GET_ORDER_BY_ID,
            path={"orderId": order_id},
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
            max_retries=max_retries,
        )

    def delete_order(
        self,
        order_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> None:
        """Delete purchase order by ID

        For valid response try integer IDs with value < 1000. Anything above 1000 or nonintegers will generate API errors

        Args:
            order_id: ID of the order that needs to be deleted

        Raises:
            BadRequestError: 400 Invalid ID supplied
            NotFoundError: 404 Order not found
        """
        return self._client.request(
            _DELETE_ORDER,
            path={"orderId": order_id},
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
            max_retries=max_retries,
        )


class AsyncStoreResource(AsyncAPIResource):
    """Store resource"""

    @property
    def with_raw_response(self) -> AsyncStoreResourceWithRawResponse:
        """The same methods, returning the raw response (status, headers, body)."""
        return AsyncStoreResourceWithRawResponse(self)

    async def place_order(
        self,
        *,
        body: Order | OrderParam | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
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
            _PLACE_ORDER,
            body=body,
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def get_order_by_id(
        self,
        order_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
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
            _GET_ORDER_BY_ID,
            path={"orderId": order_id},
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def delete_order(
        self,
        order_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> None:
        """Delete purchase order by ID

        For valid response try integer IDs with value < 1000. Anything above 1000 or nonintegers will generate API errors

        Args:
            order_id: ID of the order that needs to be deleted

        Raises:
            BadRequestError: 400 Invalid ID supplied
            NotFoundError: 404 Order not found
        """
        return await self._client.request(
            _DELETE_ORDER,
            path={"orderId": order_id},
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
            max_retries=max_retries,
        )


class StoreResourceWithRawResponse:
    """`StoreResource` methods returning `RawResponse` objects."""

    def __init__(self, resource: StoreResource) -> None:
        self._resource = resource

    place_order: Final = RawMethod(StoreResource.place_order)
    """`StoreResource.place_order`, returning the raw response."""

    get_order_by_id: Final = RawMethod(StoreResource.get_order_by_id)
    """`StoreResource.get_order_by_id`, returning the raw response."""

    delete_order: Final = RawMethod(StoreResource.delete_order)
    """`StoreResource.delete_order`, returning the raw response."""


class AsyncStoreResourceWithRawResponse:
    """`AsyncStoreResource` methods returning `RawResponse` objects."""

    def __init__(self, resource: AsyncStoreResource) -> None:
        self._resource = resource

    place_order: Final = AsyncRawMethod(AsyncStoreResource.place_order)
    """`AsyncStoreResource.place_order`, returning the raw response."""

    get_order_by_id: Final = AsyncRawMethod(AsyncStoreResource.get_order_by_id)
    """`AsyncStoreResource.get_order_by_id`, returning the raw response."""

    delete_order: Final = AsyncRawMethod(AsyncStoreResource.delete_order)
    """`AsyncStoreResource.delete_order`, returning the raw response."""
