"""Tests of the pet operations, generated from the docs' examples."""

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
from petstore_client.models import Pet

_ADD_PET_BODY: Any = {
    "category": {"id": 0, "name": "FoobarCategory"},
    "id": 0,
    "name": "doggie",
    "photoUrls": ["string", "string"],
    "status": "Dead",
    "tags": [{"id": 0, "name": "string"}, {"id": 0, "name": "string"}],
}
_FIND_PETS_BY_STATUS_RESPONSE: Any = [
    {
        "category": {"id": 0, "name": "FoobarCategory"},
        "id": 0,
        "name": "doggie",
        "photoUrls": ["string", "string"],
        "status": "Dead",
        "tags": [{"id": 0, "name": "string"}, {"id": 0, "name": "string"}],
    },
    {
        "category": {"id": 0, "name": "FoobarCategory"},
        "id": 0,
        "name": "doggie",
        "photoUrls": ["string", "string"],
        "status": "Dead",
        "tags": [{"id": 0, "name": "string"}, {"id": 0, "name": "string"}],
    },
]


def test_add_pet(client: PetstoreClient, router: respx.MockRouter, expect: Any) -> None:
    """POST /pets: the request follows the docs; the response parses."""
    route = router.route().respond(200)
    client.pet.add_pet(body=TypeAdapter(Pet).validate_python(_ADD_PET_BODY))
    expect.request(
        route,
        method="POST",
        path="/pets",
        query=[],
        headers=[("Authorization", "Bearer test-token")],
        json_body=_ADD_PET_BODY,
    )


def test_add_pet_async(
    async_client: Any, router: respx.MockRouter, expect: Any
) -> None:
    """POST /pets through the asyncio client."""
    route = router.route().respond(200)

    async def call() -> None:
        client: AsyncPetstoreClient
        async with async_client() as client:
            await client.pet.add_pet(
                body=TypeAdapter(Pet).validate_python(_ADD_PET_BODY)
            )

    asyncio.run(call())
    expect.request(
        route,
        method="POST",
        path="/pets",
        query=[],
        headers=[("Authorization", "Bearer test-token")],
        json_body=_ADD_PET_BODY,
    )


def test_add_pet_raw_response(
    client: PetstoreClient, router: respx.MockRouter, expect: Any
) -> None:
    """POST /pets: status and headers before parsing."""
    router.route().respond(200, headers={"x-test": "raw"})
    raw = client.pet.with_raw_response.add_pet(
        body=TypeAdapter(Pet).validate_python(_ADD_PET_BODY)
    )
    assert raw.status_code == 200
    assert raw.headers["x-test"] == "raw"
    assert raw.parse() is None


@pytest.mark.parametrize(
    ("status", "error", "body"),
    [
        (405, APIStatusError, {"message": "Invalid input"}),
    ],
)
def test_add_pet_documented_errors(
    status: int,
    error: type[APIStatusError],
    body: object,
    client: PetstoreClient,
    router: respx.MockRouter,
) -> None:
    """POST /pets: each documented error status raises its own exception."""
    router.route().respond(status, json=body)
    with pytest.raises(APIStatusError) as info:
        client.pet.add_pet(body=TypeAdapter(Pet).validate_python(_ADD_PET_BODY))
    assert type(info.value) is error
    assert info.value.status_code == status
    assert info.value.body == body


def test_update_pet(
    client: PetstoreClient, router: respx.MockRouter, expect: Any
) -> None:
    """PUT /pets: the request follows the docs; the response parses."""
    route = router.route().respond(200)
    client.pet.update_pet(body=TypeAdapter(Pet).validate_python(_ADD_PET_BODY))
    expect.request(
        route,
        method="PUT",
        path="/pets",
        query=[],
        headers=[("Authorization", "Bearer test-token")],
        json_body=_ADD_PET_BODY,
    )


def test_update_pet_async(
    async_client: Any, router: respx.MockRouter, expect: Any
) -> None:
    """PUT /pets through the asyncio client."""
    route = router.route().respond(200)

    async def call() -> None:
        client: AsyncPetstoreClient
        async with async_client() as client:
            await client.pet.update_pet(
                body=TypeAdapter(Pet).validate_python(_ADD_PET_BODY)
            )

    asyncio.run(call())
    expect.request(
        route,
        method="PUT",
        path="/pets",
        query=[],
        headers=[("Authorization", "Bearer test-token")],
        json_body=_ADD_PET_BODY,
    )


def test_update_pet_raw_response(
    client: PetstoreClient, router: respx.MockRouter, expect: Any
) -> None:
    """PUT /pets: status and headers before parsing."""
    router.route().respond(200, headers={"x-test": "raw"})
    raw = client.pet.with_raw_response.update_pet(
        body=TypeAdapter(Pet).validate_python(_ADD_PET_BODY)
    )
    assert raw.status_code == 200
    assert raw.headers["x-test"] == "raw"
    assert raw.parse() is None


@pytest.mark.parametrize(
    ("status", "error", "body"),
    [
        (400, BadRequestError, {"message": "Invalid ID supplied"}),
        (404, NotFoundError, {"message": "Pet not found"}),
        (405, APIStatusError, {"message": "Validation exception"}),
    ],
)
def test_update_pet_documented_errors(
    status: int,
    error: type[APIStatusError],
    body: object,
    client: PetstoreClient,
    router: respx.MockRouter,
) -> None:
    """PUT /pets: each documented error status raises its own exception."""
    router.route().respond(status, json=body)
    with pytest.raises(APIStatusError) as info:
        client.pet.update_pet(body=TypeAdapter(Pet).validate_python(_ADD_PET_BODY))
    assert type(info.value) is error
    assert info.value.status_code == status
    assert info.value.body == body


def test_find_pets_by_status(
    client: PetstoreClient, router: respx.MockRouter, expect: Any
) -> None:
    """GET /pets/findByStatus: the request follows the docs; the response parses."""
    route = router.route().respond(200, json=_FIND_PETS_BY_STATUS_RESPONSE)
    result = client.pet.find_pets_by_status(status=["string", "string"])
    expect.request(
        route,
        method="GET",
        path="/pets/findByStatus",
        query=[("status", "string"), ("status", "string")],
        headers=[("Authorization", "Bearer test-token")],
    )
    expect.parsed(result, list[Pet], _FIND_PETS_BY_STATUS_RESPONSE)


def test_find_pets_by_status_async(
    async_client: Any, router: respx.MockRouter, expect: Any
) -> None:
    """GET /pets/findByStatus through the asyncio client."""
    route = router.route().respond(200, json=_FIND_PETS_BY_STATUS_RESPONSE)

    async def call() -> object:
        client: AsyncPetstoreClient
        async with async_client() as client:
            return await client.pet.find_pets_by_status(status=["string", "string"])

    result = asyncio.run(call())
    expect.request(
        route,
        method="GET",
        path="/pets/findByStatus",
        query=[("status", "string"), ("status", "string")],
        headers=[("Authorization", "Bearer test-token")],
    )
    expect.parsed(result, list[Pet], _FIND_PETS_BY_STATUS_RESPONSE)


def test_find_pets_by_status_raw_response(
    client: PetstoreClient, router: respx.MockRouter, expect: Any
) -> None:
    """GET /pets/findByStatus: status and headers before parsing."""
    router.route().respond(
        200, json=_FIND_PETS_BY_STATUS_RESPONSE, headers={"x-test": "raw"}
    )
    raw = client.pet.with_raw_response.find_pets_by_status(status=["string", "string"])
    assert raw.status_code == 200
    assert raw.headers["x-test"] == "raw"
    expect.parsed(raw.parse(), list[Pet], _FIND_PETS_BY_STATUS_RESPONSE)


@pytest.mark.parametrize(
    ("status", "error", "body"),
    [
        (400, BadRequestError, {"message": "Invalid status value"}),
    ],
)
def test_find_pets_by_status_documented_errors(
    status: int,
    error: type[APIStatusError],
    body: object,
    client: PetstoreClient,
    router: respx.MockRouter,
) -> None:
    """GET /pets/findByStatus: each documented error status raises its own exception."""
    router.route().respond(status, json=body)
    with pytest.raises(APIStatusError) as info:
        client.pet.find_pets_by_status(status=["string", "string"])
    assert type(info.value) is error
    assert info.value.status_code == status
    assert info.value.body == body


def test_find_pets_by_tags(
    client: PetstoreClient, router: respx.MockRouter, expect: Any
) -> None:
    """GET /pets/findByTags: the request follows the docs; the response parses."""
    route = router.route().respond(200, json=_FIND_PETS_BY_STATUS_RESPONSE)
    result = client.pet.find_pets_by_tags(tags=["string", "string"])
    expect.request(
        route,
        method="GET",
        path="/pets/findByTags",
        query=[("tags", "string"), ("tags", "string")],
        headers=[("Authorization", "Bearer test-token")],
    )
    expect.parsed(result, list[Pet], _FIND_PETS_BY_STATUS_RESPONSE)


def test_find_pets_by_tags_async(
    async_client: Any, router: respx.MockRouter, expect: Any
) -> None:
    """GET /pets/findByTags through the asyncio client."""
    route = router.route().respond(200, json=_FIND_PETS_BY_STATUS_RESPONSE)

    async def call() -> object:
        client: AsyncPetstoreClient
        async with async_client() as client:
            return await client.pet.find_pets_by_tags(tags=["string", "string"])

    result = asyncio.run(call())
    expect.request(
        route,
        method="GET",
        path="/pets/findByTags",
        query=[("tags", "string"), ("tags", "string")],
        headers=[("Authorization", "Bearer test-token")],
    )
    expect.parsed(result, list[Pet], _FIND_PETS_BY_STATUS_RESPONSE)


def test_find_pets_by_tags_raw_response(
    client: PetstoreClient, router: respx.MockRouter, expect: Any
) -> None:
    """GET /pets/findByTags: status and headers before parsing."""
    router.route().respond(
        200, json=_FIND_PETS_BY_STATUS_RESPONSE, headers={"x-test": "raw"}
    )
    raw = client.pet.with_raw_response.find_pets_by_tags(tags=["string", "string"])
    assert raw.status_code == 200
    assert raw.headers["x-test"] == "raw"
    expect.parsed(raw.parse(), list[Pet], _FIND_PETS_BY_STATUS_RESPONSE)


@pytest.mark.parametrize(
    ("status", "error", "body"),
    [
        (400, BadRequestError, {"message": "Invalid tag value"}),
    ],
)
def test_find_pets_by_tags_documented_errors(
    status: int,
    error: type[APIStatusError],
    body: object,
    client: PetstoreClient,
    router: respx.MockRouter,
) -> None:
    """GET /pets/findByTags: each documented error status raises its own exception."""
    router.route().respond(status, json=body)
    with pytest.raises(APIStatusError) as info:
        client.pet.find_pets_by_tags(tags=["string", "string"])
    assert type(info.value) is error
    assert info.value.status_code == status
    assert info.value.body == body


def test_update_pet_with_form(
    client: PetstoreClient, router: respx.MockRouter, expect: Any
) -> None:
    """POST /pets/{petId}: the request follows the docs; the response parses."""
    route = router.route().respond(200)
    client.pet.update_pet_with_form("string", name="string", status="string")
    expect.request(
        route,
        method="POST",
        path="/pets/string",
        query=[],
        headers=[("Authorization", "Bearer test-token")],
        form=[("name", "string"), ("status", "string")],
    )


def test_update_pet_with_form_async(
    async_client: Any, router: respx.MockRouter, expect: Any
) -> None:
    """POST /pets/{petId} through the asyncio client."""
    route = router.route().respond(200)

    async def call() -> None:
        client: AsyncPetstoreClient
        async with async_client() as client:
            await client.pet.update_pet_with_form(
                "string", name="string", status="string"
            )

    asyncio.run(call())
    expect.request(
        route,
        method="POST",
        path="/pets/string",
        query=[],
        headers=[("Authorization", "Bearer test-token")],
        form=[("name", "string"), ("status", "string")],
    )


def test_update_pet_with_form_raw_response(
    client: PetstoreClient, router: respx.MockRouter, expect: Any
) -> None:
    """POST /pets/{petId}: status and headers before parsing."""
    router.route().respond(200, headers={"x-test": "raw"})
    raw = client.pet.with_raw_response.update_pet_with_form(
        "string", name="string", status="string"
    )
    assert raw.status_code == 200
    assert raw.headers["x-test"] == "raw"
    assert raw.parse() is None


@pytest.mark.parametrize(
    ("status", "error", "body"),
    [
        (405, APIStatusError, {"message": "Invalid input"}),
    ],
)
def test_update_pet_with_form_documented_errors(
    status: int,
    error: type[APIStatusError],
    body: object,
    client: PetstoreClient,
    router: respx.MockRouter,
) -> None:
    """POST /pets/{petId}: each documented error status raises its own exception."""
    router.route().respond(status, json=body)
    with pytest.raises(APIStatusError) as info:
        client.pet.update_pet_with_form("string", name="string", status="string")
    assert type(info.value) is error
    assert info.value.status_code == status
    assert info.value.body == body


def test_update_pet_with_form_empty_path_value(
    client: PetstoreClient, router: respx.MockRouter
) -> None:
    """POST /pets/{petId}: an empty path value is refused before any request."""
    route = router.route().respond(200)
    with pytest.raises(ValueError):
        client.pet.update_pet_with_form("", name="string", status="string")
    assert not route.called


def test_update_pet_with_form_path_escaping(
    client: PetstoreClient, router: respx.MockRouter
) -> None:
    """POST /pets/{petId}: path values are percent-encoded, '/' included."""
    route = router.route().respond(200)
    client.pet.update_pet_with_form("a b/c?d#e%f", name="string", status="string")
    request = route.calls.last.request
    assert (
        request.url.raw_path.decode()
        .split("?", 1)[0]
        .endswith("/pets/a%20b%2Fc%3Fd%23e%25f")
    )


def test_get_pet_by_id(
    client: PetstoreClient, router: respx.MockRouter, expect: Any
) -> None:
    """GET /pets/{petId}: the request follows the docs; the response parses."""
    route = router.route().respond(200, json=_ADD_PET_BODY)
    result = client.pet.get_pet_by_id(0)
    expect.request(
        route,
        method="GET",
        path="/pets/0",
        query=[],
        headers=[("Authorization", "Bearer test-token"), ("api_key", "test-api_key")],
    )
    expect.parsed(result, Pet, _ADD_PET_BODY)


def test_get_pet_by_id_async(
    async_client: Any, router: respx.MockRouter, expect: Any
) -> None:
    """GET /pets/{petId} through the asyncio client."""
    route = router.route().respond(200, json=_ADD_PET_BODY)

    async def call() -> object:
        client: AsyncPetstoreClient
        async with async_client() as client:
            return await client.pet.get_pet_by_id(0)

    result = asyncio.run(call())
    expect.request(
        route,
        method="GET",
        path="/pets/0",
        query=[],
        headers=[("Authorization", "Bearer test-token"), ("api_key", "test-api_key")],
    )
    expect.parsed(result, Pet, _ADD_PET_BODY)


def test_get_pet_by_id_raw_response(
    client: PetstoreClient, router: respx.MockRouter, expect: Any
) -> None:
    """GET /pets/{petId}: status and headers before parsing."""
    router.route().respond(200, json=_ADD_PET_BODY, headers={"x-test": "raw"})
    raw = client.pet.with_raw_response.get_pet_by_id(0)
    assert raw.status_code == 200
    assert raw.headers["x-test"] == "raw"
    expect.parsed(raw.parse(), Pet, _ADD_PET_BODY)


@pytest.mark.parametrize(
    ("status", "error", "body"),
    [
        (400, BadRequestError, {"message": "Invalid ID supplied"}),
        (404, NotFoundError, {"message": "Pet not found"}),
    ],
)
def test_get_pet_by_id_documented_errors(
    status: int,
    error: type[APIStatusError],
    body: object,
    client: PetstoreClient,
    router: respx.MockRouter,
) -> None:
    """GET /pets/{petId}: each documented error status raises its own exception."""
    router.route().respond(status, json=body)
    with pytest.raises(APIStatusError) as info:
        client.pet.get_pet_by_id(0)
    assert type(info.value) is error
    assert info.value.status_code == status
    assert info.value.body == body


def test_delete_pet(
    client: PetstoreClient, router: respx.MockRouter, expect: Any
) -> None:
    """DELETE /pets/{petId}: the request follows the docs; the response parses."""
    route = router.route().respond(200)
    client.pet.delete_pet(0)
    expect.request(
        route,
        method="DELETE",
        path="/pets/0",
        query=[],
        headers=[("Authorization", "Bearer test-token"), ("api_key", "test-api_key")],
    )


def test_delete_pet_async(
    async_client: Any, router: respx.MockRouter, expect: Any
) -> None:
    """DELETE /pets/{petId} through the asyncio client."""
    route = router.route().respond(200)

    async def call() -> None:
        client: AsyncPetstoreClient
        async with async_client() as client:
            await client.pet.delete_pet(0)

    asyncio.run(call())
    expect.request(
        route,
        method="DELETE",
        path="/pets/0",
        query=[],
        headers=[("Authorization", "Bearer test-token"), ("api_key", "test-api_key")],
    )


def test_delete_pet_raw_response(
    client: PetstoreClient, router: respx.MockRouter, expect: Any
) -> None:
    """DELETE /pets/{petId}: status and headers before parsing."""
    router.route().respond(200, headers={"x-test": "raw"})
    raw = client.pet.with_raw_response.delete_pet(0)
    assert raw.status_code == 200
    assert raw.headers["x-test"] == "raw"
    assert raw.parse() is None


@pytest.mark.parametrize(
    ("status", "error", "body"),
    [
        (400, BadRequestError, {"message": "Invalid pet value"}),
    ],
)
def test_delete_pet_documented_errors(
    status: int,
    error: type[APIStatusError],
    body: object,
    client: PetstoreClient,
    router: respx.MockRouter,
) -> None:
    """DELETE /pets/{petId}: each documented error status raises its own exception."""
    router.route().respond(status, json=body)
    with pytest.raises(APIStatusError) as info:
        client.pet.delete_pet(0)
    assert type(info.value) is error
    assert info.value.status_code == status
    assert info.value.body == body
