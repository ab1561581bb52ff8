"""Tests of the store operations, generated from the docs' examples."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
import respx
from pydantic import TypeAdapter

from petstore_client import (
    APIStatusError,
    AsyncPetstoreClient,
    BadRequestError,
    NotFoundError,
    PetstoreClient,
)
from petstore_client.models import Order

_PLACE_ORDER_BODY: Any = {
    "complete": True,
    "id": 0,
    "petId": 0,
    "quantity": 10,
    "shipDate": "2020-01-01T00:00:00Z",
    "status": "Ordered",
}


def test_place_order(
    client: PetstoreClient, router: respx.MockRouter, expect: Any
) -> None:
    """POST /stores/order: the request follows the docs; the response parses."""
    route = router.route().respond(200, json=_PLACE_ORDER_BODY)
    result = client.store.place_order(
        body=TypeAdapter(Order).validate_python(_PLACE_ORDER_BODY)
    )
    expect.request(
        route,
        method="POST",
        path="/stores/order",
        query=[],
        headers=[("Authorization", "Bearer test-token"), ("api_key", "test-api_key")],
        json_body=_PLACE_ORDER_BODY,
    )
    expect.parsed(result, Order, _PLACE_ORDER_BODY)


def test_place_order_async(
    async_client: Any, router: respx.MockRouter, expect: Any
) -> None:
    """POST /stores/order through the asyncio client."""
    route = router.route().respond(200, json=_PLACE_ORDER_BODY)

    async def call() -> object:
        client: AsyncPetstoreClient
        async with async_client() as client:
            return await client.store.place_order(
                body=TypeAdapter(Order).validate_python(_PLACE_ORDER_BODY)
            )

    result = asyncio.run(call())
    expect.request(
        route,
        method="POST",
        path="/stores/order",
        query=[],
        headers=[("Authorization", "Bearer test-token"), ("api_key", "test-api_key")],
        json_body=_PLACE_ORDER_BODY,
    )
    expect.parsed(result, Order, _PLACE_ORDER_BODY)


def test_place_order_raw_response(
    client: PetstoreClient, router: respx.MockRouter, expect: Any
) -> None:
    """POST /stores/order: status and headers before parsing."""
    router.route().respond(200, json=_PLACE_ORDER_BODY, headers={"x-test": "raw"})
    raw = client.store.with_raw_response.place_order(
        body=TypeAdapter(Order).validate_python(_PLACE_ORDER_BODY)
    )
    assert raw.status_code == 200
    assert raw.headers["x-test"] == "raw"
    expect.parsed(raw.parse(), Order, _PLACE_ORDER_BODY)


@pytest.mark.parametrize(
    ("status", "error", "body"),
    [
        (400, BadRequestError, {"message": "Invalid Order"}),
    ],
)
def test_place_order_documented_errors(
    status: int,
    error: type[APIStatusError],
    body: object,
    client: PetstoreClient,
    router: respx.MockRouter,
) -> None:
    """POST /stores/order: each documented error status raises its own exception."""
    router.route().respond(status, json=body)
    with pytest.raises(APIStatusError) as info:
        client.store.place_order(
            body=TypeAdapter(Order).validate_python(_PLACE_ORDER_BODY)
        )
    assert type(info.value) is error
    assert info.value.status_code == status
    assert info.value.body == body


def test_get_order_by_id(
    client: PetstoreClient, router: respx.MockRouter, expect: Any
) -> None:
    """GET /stores/order/{orderId}: the request follows the docs; the response parses."""
    route = router.route().respond(200, json=_PLACE_ORDER_BODY)
    result = client.store.get_order_by_id("string")
    expect.request(
        route,
        method="GET",
        path="/stores/order/string",
        query=[],
        headers=[("Authorization", "Bearer test-token"), ("api_key", "test-api_key")],
    )
    expect.parsed(result, Order, _PLACE_ORDER_BODY)


def test_get_order_by_id_async(
    async_client: Any, router: respx.MockRouter, expect: Any
) -> None:
    """GET /stores/order/{orderId} through the asyncio client."""
    route = router.route().respond(200, json=_PLACE_ORDER_BODY)

    async def call() -> object:
        client: AsyncPetstoreClient
        async with async_client() as client:
            return await client.store.get_order_by_id("string")

    result = asyncio.run(call())
    expect.request(
        route,
        method="GET",
        path="/stores/order/string",
        query=[],
        headers=[("Authorization", "Bearer test-token"), ("api_key", "test-api_key")],
    )
    expect.parsed(result, Order, _PLACE_ORDER_BODY)


def test_get_order_by_id_raw_response(
    client: PetstoreClient, router: respx.MockRouter, expect: Any
) -> None:
    """GET /stores/order/{orderId}: status and headers before parsing."""
    router.route().respond(200, json=_PLACE_ORDER_BODY, headers={"x-test": "raw"})
    raw = client.store.with_raw_response.get_order_by_id("string")
    assert raw.status_code == 200
    assert raw.headers["x-test"] == "raw"
    expect.parsed(raw.parse(), Order, _PLACE_ORDER_BODY)


@pytest.mark.parametrize(
    ("status", "error", "body"),
    [
        (400, BadRequestError, {"message": "Invalid ID supplied"}),
        (404, NotFoundError, {"message": "Order not found"}),
    ],
)
def test_get_order_by_id_documented_errors(
    status: int,
    error: type[APIStatusError],
    body: object,
    client: PetstoreClient,
    router: respx.MockRouter,
) -> None:
    """GET /stores/order/{orderId}: each documented error status raises its own exception."""
    router.route().respond(status, json=body)
    with pytest.raises(APIStatusError) as info:
        client.store.get_order_by_id("string")
    assert type(info.value) is error
    assert info.value.status_code == status
    assert info.value.body == body


def test_get_order_by_id_empty_path_value(
    client: PetstoreClient, router: respx.MockRouter
) -> None:
    """GET /stores/order/{orderId}: an empty path value is refused before any request."""
    route = router.route().respond(200)
    with pytest.raises(ValueError):
        client.store.get_order_by_id("")
    assert not route.called


def test_get_order_by_id_path_escaping(
    client: PetstoreClient, router: respx.MockRouter
) -> None:
    """GET /stores/order/{orderId}: path values are percent-encoded, '/' included."""
    route = router.route().respond(200, json=_PLACE_ORDER_BODY)
    client.store.get_order_by_id("a b/c?d#e%f")
    request = route.calls.last.request
    assert (
        request.url.raw_path.decode()
        .split("?", 1)[0]
        .endswith("/stores/order/a%20b%2Fc%3Fd%23e%25f")
    )


def test_delete_order(
    client: PetstoreClient, router: respx.MockRouter, expect: Any
) -> None:
    """DELETE /stores/order/{orderId}: the request follows the docs; the response parses."""
    route = router.route().respond(200)
    client.store.delete_order("string")
    expect.request(
        route,
        method="DELETE",
        path="/stores/order/string",
        query=[],
        headers=[("Authorization", "Bearer test-token"), ("api_key", "test-api_key")],
    )


def test_delete_order_async(
    async_client: Any, router: respx.MockRouter, expect: Any
) -> None:
    """DELETE /stores/order/{orderId} through the asyncio client."""
    route = router.route().respond(200)

    async def call() -> None:
        client: AsyncPetstoreClient
        async with async_client() as client:
            await client.store.delete_order("string")

    asyncio.run(call())
    expect.request(
        route,
        method="DELETE",
        path="/stores/order/string",
        query=[],
        headers=[("Authorization", "Bearer test-token"), ("api_key", "test-api_key")],
    )


def test_delete_order_raw_response(
    client: PetstoreClient, router: respx.MockRouter, expect: Any
) -> None:
    """DELETE /stores/order/{orderId}: status and headers before parsing."""
    router.route().respond(200, headers={"x-test": "raw"})
    raw = client.store.with_raw_response.delete_order("string")
    assert raw.status_code == 200
    assert raw.headers["x-test"] == "raw"
    assert raw.parse() is None


@pytest.mark.parametrize(
    ("status", "error", "body"),
    [
        (400, BadRequestError, {"message": "Invalid ID supplied"}),
        (404, NotFoundError, {"message": "Order not found"}),
    ],
)
def test_delete_order_documented_errors(
    status: int,
    error: type[APIStatusError],
    body: object,
    client: PetstoreClient,
    router: respx.MockRouter,
) -> None:
    """DELETE /stores/order/{orderId}: each documented error status raises its own exception."""
    router.route().respond(status, json=body)
    with pytest.raises(APIStatusError) as info:
        client.store.delete_order("string")
    assert type(info.value) is error
    assert info.value.status_code == status
    assert info.value.body == body


def test_delete_order_empty_path_value(
    client: PetstoreClient, router: respx.MockRouter
) -> None:
    """DELETE /stores/order/{orderId}: an empty path value is refused before any request."""
    route = router.route().respond(200)
    with pytest.raises(ValueError):
        client.store.delete_order("")
    assert not route.called


def test_delete_order_path_escaping(
    client: PetstoreClient, router: respx.MockRouter
) -> None:
    """DELETE /stores/order/{orderId}: path values are percent-encoded, '/' included."""
    route = router.route().respond(200)
    client.store.delete_order("a b/c?d#e%f")
    request = route.calls.last.request
    assert (
        request.url.raw_path.decode()
        .split("?", 1)[0]
        .endswith("/stores/order/a%20b%2Fc%3Fd%23e%25f")
    )
