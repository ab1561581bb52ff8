"""Tests of the user operations, generated from the docs' examples."""

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
from petstore_client.models import User

_CREATE_USER_BODY: Any = {
    "email": "string",
    "firstName": "string",
    "id": 0,
    "lastName": "string",
    "password": "string",
    "phone": "string",
    "userStatus": 0,
    "username": "string",
}
_CREATE_USERS_WITH_ARRAY_INPUT_BODY: Any = [
    {
        "email": "string",
        "firstName": "string",
        "id": 0,
        "lastName": "string",
        "password": "string",
        "phone": "string",
        "userStatus": 0,
        "username": "string",
    },
    {
        "email": "string",
        "firstName": "string",
        "id": 0,
        "lastName": "string",
        "password": "string",
        "phone": "string",
        "userStatus": 0,
        "username": "string",
    },
]


def test_create_user(
    client: PetstoreClient, router: respx.MockRouter, expect: Any
) -> None:
    """POST /users: the request follows the docs; the response parses."""
    route = router.route().respond(200)
    client.user.create_user(body=TypeAdapter(User).validate_python(_CREATE_USER_BODY))
    expect.request(
        route,
        method="POST",
        path="/users",
        query=[],
        headers=[("Authorization", "Bearer test-token"), ("api_key", "test-api_key")],
        json_body=_CREATE_USER_BODY,
    )


def test_create_user_async(
    async_client: Any, router: respx.MockRouter, expect: Any
) -> None:
    """POST /users through the asyncio client."""
    route = router.route().respond(200)

    async def call() -> None:
        client: AsyncPetstoreClient
        async with async_client() as client:
            await client.user.create_user(
                body=TypeAdapter(User).validate_python(_CREATE_USER_BODY)
            )

    asyncio.run(call())
    expect.request(
        route,
        method="POST",
        path="/users",
        query=[],
        headers=[("Authorization", "Bearer test-token"), ("api_key", "test-api_key")],
        json_body=_CREATE_USER_BODY,
    )


def test_create_user_raw_response(
    client: PetstoreClient, router: respx.MockRouter, expect: Any
) -> None:
    """POST /users: status and headers before parsing."""
    router.route().respond(200, headers={"x-test": "raw"})
    raw = client.user.with_raw_response.create_user(
        body=TypeAdapter(User).validate_python(_CREATE_USER_BODY)
    )
    assert raw.status_code == 200
    assert raw.headers["x-test"] == "raw"
    assert raw.parse() is None


def test_create_users_with_array_input(
    client: PetstoreClient, router: respx.MockRouter, expect: Any
) -> None:
    """POST /users/createWithArray: the request follows the docs; the response parses."""
    route = router.route().respond(200)
    client.user.create_users_with_array_input(
        body=TypeAdapter(list[User]).validate_python(
            _CREATE_USERS_WITH_ARRAY_INPUT_BODY
        )
    )
    expect.request(
        route,
        method="POST",
        path="/users/createWithArray",
        query=[],
        headers=[("Authorization", "Bearer test-token"), ("api_key", "test-api_key")],
        json_body=_CREATE_USERS_WITH_ARRAY_INPUT_BODY,
    )


def test_create_users_with_array_input_async(
    async_client: Any, router: respx.MockRouter, expect: Any
) -> None:
    """POST /users/createWithArray through the asyncio client."""
    route = router.route().respond(200)

    async def call() -> None:
        client: AsyncPetstoreClient
        async with async_client() as client:
            await client.user.create_users_with_array_input(
                body=TypeAdapter(list[User]).validate_python(
                    _CREATE_USERS_WITH_ARRAY_INPUT_BODY
                )
            )

    asyncio.run(call())
    expect.request(
        route,
        method="POST",
        path="/users/createWithArray",
        query=[],
        headers=[("Authorization", "Bearer test-token"), ("api_key", "test-api_key")],
        json_body=_CREATE_USERS_WITH_ARRAY_INPUT_BODY,
    )


def test_create_users_with_array_input_raw_response(
    client: PetstoreClient, router: respx.MockRouter, expect: Any
) -> None:
    """POST /users/createWithArray: status and headers before parsing."""
    router.route().respond(200, headers={"x-test": "raw"})
    raw = client.user.with_raw_response.create_users_with_array_input(
        body=TypeAdapter(list[User]).validate_python(
            _CREATE_USERS_WITH_ARRAY_INPUT_BODY
        )
    )
    assert raw.status_code == 200
    assert raw.headers["x-test"] == "raw"
    assert raw.parse() is None


def test_create_users_with_list_input(
    client: PetstoreClient, router: respx.MockRouter, expect: Any
) -> None:
    """POST /users/createWithList: the request follows the docs; the response parses."""
    route = router.route().respond(200)
    client.user.create_users_with_list_input(
        body=TypeAdapter(list[User]).validate_python(
            _CREATE_USERS_WITH_ARRAY_INPUT_BODY
        )
    )
    expect.request(
        route,
        method="POST",
        path="/users/createWithList",
        query=[],
        headers=[("Authorization", "Bearer test-token"), ("api_key", "test-api_key")],
        json_body=_CREATE_USERS_WITH_ARRAY_INPUT_BODY,
    )


def test_create_users_with_list_input_async(
    async_client: Any, router: respx.MockRouter, expect: Any
) -> None:
    """POST /users/createWithList through the asyncio client."""
    route = router.route().respond(200)

    async def call() -> None:
        client: AsyncPetstoreClient
        async with async_client() as client:
            await client.user.create_users_with_list_input(
                body=TypeAdapter(list[User]).validate_python(
                    _CREATE_USERS_WITH_ARRAY_INPUT_BODY
                )
            )

    asyncio.run(call())
    expect.request(
        route,
        method="POST",
        path="/users/createWithList",
        query=[],
        headers=[("Authorization", "Bearer test-token"), ("api_key", "test-api_key")],
        json_body=_CREATE_USERS_WITH_ARRAY_INPUT_BODY,
    )


def test_create_users_with_list_input_raw_response(
    client: PetstoreClient, router: respx.MockRouter, expect: Any
) -> None:
    """POST /users/createWithList: status and headers before parsing."""
    router.route().respond(200, headers={"x-test": "raw"})
    raw = client.user.with_raw_response.create_users_with_list_input(
        body=TypeAdapter(list[User]).validate_python(
            _CREATE_USERS_WITH_ARRAY_INPUT_BODY
        )
    )
    assert raw.status_code == 200
    assert raw.headers["x-test"] == "raw"
    assert raw.parse() is None


def test_login_user(
    client: PetstoreClient, router: respx.MockRouter, expect: Any
) -> None:
    """GET /users/login: the request follows the docs; the response parses."""
    route = router.route().respond(200, json="string")
    result = client.user.login_user(password="string", username="string")
    expect.request(
        route,
        method="GET",
        path="/users/login",
        query=[("password", "string"), ("username", "string")],
        headers=[("Authorization", "Bearer test-token"), ("api_key", "test-api_key")],
    )
    expect.parsed(result, str, "string")


def test_login_user_async(
    async_client: Any, router: respx.MockRouter, expect: Any
) -> None:
    """GET /users/login through the asyncio client."""
    route = router.route().respond(200, json="string")

    async def call() -> object:
        client: AsyncPetstoreClient
        async with async_client() as client:
            return await client.user.login_user(password="string", username="string")

    result = asyncio.run(call())
    expect.request(
        route,
        method="GET",
        path="/users/login",
        query=[("password", "string"), ("username", "string")],
        headers=[("Authorization", "Bearer test-token"), ("api_key", "test-api_key")],
    )
    expect.parsed(result, str, "string")


def test_login_user_raw_response(
    client: PetstoreClient, router: respx.MockRouter, expect: Any
) -> None:
    """GET /users/login: status and headers before parsing."""
    router.route().respond(200, json="string", headers={"x-test": "raw"})
    raw = client.user.with_raw_response.login_user(password="string", username="string")
    assert raw.status_code == 200
    assert raw.headers["x-test"] == "raw"
    expect.parsed(raw.parse(), str, "string")


@pytest.mark.parametrize(
    ("status", "error", "body"),
    [
        (400, BadRequestError, {"message": "Invalid username/password supplied"}),
    ],
)
def test_login_user_documented_errors(
    status: int,
    error: type[APIStatusError],
    body: object,
    client: PetstoreClient,
    router: respx.MockRouter,
) -> None:
    """GET /users/login: each documented error status raises its own exception."""
    router.route().respond(status, json=body)
    with pytest.raises(APIStatusError) as info:
        client.user.login_user(password="string", username="string")
    assert type(info.value) is error
    assert info.value.status_code == status
    assert info.value.body == body


def test_logout_user(
    client: PetstoreClient, router: respx.MockRouter, expect: Any
) -> None:
    """GET /users/logout: the request follows the docs; the response parses."""
    route = router.route().respond(200)
    client.user.logout_user()
    expect.request(
        route,
        method="GET",
        path="/users/logout",
        query=[],
        headers=[("Authorization", "Bearer test-token"), ("api_key", "test-api_key")],
    )


def test_logout_user_async(
    async_client: Any, router: respx.MockRouter, expect: Any
) -> None:
    """GET /users/logout through the asyncio client."""
    route = router.route().respond(200)

    async def call() -> None:
        client: AsyncPetstoreClient
        async with async_client() as client:
            await client.user.logout_user()

    asyncio.run(call())
    expect.request(
        route,
        method="GET",
        path="/users/logout",
        query=[],
        headers=[("Authorization", "Bearer test-token"), ("api_key", "test-api_key")],
    )


def test_logout_user_raw_response(
    client: PetstoreClient, router: respx.MockRouter, expect: Any
) -> None:
    """GET /users/logout: status and headers before parsing."""
    router.route().respond(200, headers={"x-test": "raw"})
    raw = client.user.with_raw_response.logout_user()
    assert raw.status_code == 200
    assert raw.headers["x-test"] == "raw"
    assert raw.parse() is None


def test_get_user_by_name(
    client: PetstoreClient, router: respx.MockRouter, expect: Any
) -> None:
    """GET /users/{username}: the request follows the docs; the response parses."""
    route = router.route().respond(200, json=_CREATE_USER_BODY)
    result = client.user.get_user_by_name("string")
    expect.request(
        route,
        method="GET",
        path="/users/string",
        query=[],
        headers=[("Authorization", "Bearer test-token"), ("api_key", "test-api_key")],
    )
    expect.parsed(result, User, _CREATE_USER_BODY)


def test_get_user_by_name_async(
    async_client: Any, router: respx.MockRouter, expect: Any
) -> None:
    """GET /users/{username} through the asyncio client."""
    route = router.route().respond(200, json=_CREATE_USER_BODY)

    async def call() -> object:
        client: AsyncPetstoreClient
        async with async_client() as client:
            return await client.user.get_user_by_name("string")

    result = asyncio.run(call())
    expect.request(
        route,
        method="GET",
        path="/users/string",
        query=[],
        headers=[("Authorization", "Bearer test-token"), ("api_key", "test-api_key")],
    )
    expect.parsed(result, User, _CREATE_USER_BODY)


def test_get_user_by_name_raw_response(
    client: PetstoreClient, router: respx.MockRouter, expect: Any
) -> None:
    """GET /users/{username}: status and headers before parsing."""
    router.route().respond(200, json=_CREATE_USER_BODY, headers={"x-test": "raw"})
    raw = client.user.with_raw_response.get_user_by_name("string")
    assert raw.status_code == 200
    assert raw.headers["x-test"] == "raw"
    expect.parsed(raw.parse(), User, _CREATE_USER_BODY)


@pytest.mark.parametrize(
    ("status", "error", "body"),
    [
        (400, BadRequestError, {"message": "Invalid username supplied"}),
        (404, NotFoundError, {"message": "User not found"}),
    ],
)
def test_get_user_by_name_documented_errors(
    status: int,
    error: type[APIStatusError],
    body: object,
    client: PetstoreClient,
    router: respx.MockRouter,
) -> None:
    """GET /users/{username}: each documented error status raises its own exception."""
    router.route().respond(status, json=body)
    with pytest.raises(APIStatusError) as info:
        client.user.get_user_by_name("string")
    assert type(info.value) is error
    assert info.value.status_code == status
    assert info.value.body == body


def test_get_user_by_name_empty_path_value(
    client: PetstoreClient, router: respx.MockRouter
) -> None:
    """GET /users/{username}: an empty path value is refused before any request."""
    route = router.route().respond(200)
    with pytest.raises(ValueError):
        client.user.get_user_by_name("")
    assert not route.called


def test_get_user_by_name_path_escaping(
    client: PetstoreClient, router: respx.MockRouter
) -> None:
    """GET /users/{username}: path values are percent-encoded, '/' included."""
    route = router.route().respond(200, json=_CREATE_USER_BODY)
    client.user.get_user_by_name("a b/c?d#e%f")
    request = route.calls.last.request
    assert (
        request.url.raw_path.decode()
        .split("?", 1)[0]
        .endswith("/users/a%20b%2Fc%3Fd%23e%25f")
    )


def test_update_user(
    client: PetstoreClient, router: respx.MockRouter, expect: Any
) -> None:
    """PUT /users/{username}: the request follows the docs; the response parses."""
    route = router.route().respond(200)
    client.user.update_user(
        "string", body=TypeAdapter(User).validate_python(_CREATE_USER_BODY)
    )
    expect.request(
        route,
        method="PUT",
        path="/users/string",
        query=[],
        headers=[("Authorization", "Bearer test-token"), ("api_key", "test-api_key")],
        json_body=_CREATE_USER_BODY,
    )


def test_update_user_async(
    async_client: Any, router: respx.MockRouter, expect: Any
) -> None:
    """PUT /users/{username} through the asyncio client."""
    route = router.route().respond(200)

    async def call() -> None:
        client: AsyncPetstoreClient
        async with async_client() as client:
            await client.user.update_user(
                "string", body=TypeAdapter(User).validate_python(_CREATE_USER_BODY)
            )

    asyncio.run(call())
    expect.request(
        route,
        method="PUT",
        path="/users/string",
        query=[],
        headers=[("Authorization", "Bearer test-token"), ("api_key", "test-api_key")],
        json_body=_CREATE_USER_BODY,
    )


def test_update_user_raw_response(
    client: PetstoreClient, router: respx.MockRouter, expect: Any
) -> None:
    """PUT /users/{username}: status and headers before parsing."""
    router.route().respond(200, headers={"x-test": "raw"})
    raw = client.user.with_raw_response.update_user(
        "string", body=TypeAdapter(User).validate_python(_CREATE_USER_BODY)
    )
    assert raw.status_code == 200
    assert raw.headers["x-test"] == "raw"
    assert raw.parse() is None


@pytest.mark.parametrize(
    ("status", "error", "body"),
    [
        (400, BadRequestError, {"message": "Invalid user supplied"}),
        (404, NotFoundError, {"message": "User not found"}),
    ],
)
def test_update_user_documented_errors(
    status: int,
    error: type[APIStatusError],
    body: object,
    client: PetstoreClient,
    router: respx.MockRouter,
) -> None:
    """PUT /users/{username}: each documented error status raises its own exception."""
    router.route().respond(status, json=body)
    with pytest.raises(APIStatusError) as info:
        client.user.update_user(
            "string", body=TypeAdapter(User).validate_python(_CREATE_USER_BODY)
        )
    assert type(info.value) is error
    assert info.value.status_code == status
    assert info.value.body == body


def test_update_user_empty_path_value(
    client: PetstoreClient, router: respx.MockRouter
) -> None:
    """PUT /users/{username}: an empty path value is refused before any request."""
    route = router.route().respond(200)
    with pytest.raises(ValueError):
        client.user.update_user(
            "", body=TypeAdapter(User).validate_python(_CREATE_USER_BODY)
        )
    assert not route.called


def test_update_user_path_escaping(
    client: PetstoreClient, router: respx.MockRouter
) -> None:
    """PUT /users/{username}: path values are percent-encoded, '/' included."""
    route = router.route().respond(200)
    client.user.update_user(
        "a b/c?d#e%f", body=TypeAdapter(User).validate_python(_CREATE_USER_BODY)
    )
    request = route.calls.last.request
    assert (
        request.url.raw_path.decode()
        .split("?", 1)[0]
        .endswith("/users/a%20b%2Fc%3Fd%23e%25f")
    )


def test_delete_user(
    client: PetstoreClient, router: respx.MockRouter, expect: Any
) -> None:
    """DELETE /users/{username}: the request follows the docs; the response parses."""
    route = router.route().respond(200)
    client.user.delete_user("string")
    expect.request(
        route,
        method="DELETE",
        path="/users/string",
        query=[],
        headers=[("Authorization", "Bearer test-token"), ("api_key", "test-api_key")],
    )


def test_delete_user_async(
    async_client: Any, router: respx.MockRouter, expect: Any
) -> None:
    """DELETE /users/{username} through the asyncio client."""
    route = router.route().respond(200)

    async def call() -> None:
        client: AsyncPetstoreClient
        async with async_client() as client:
            await client.user.delete_user("string")

    asyncio.run(call())
    expect.request(
        route,
        method="DELETE",
        path="/users/string",
        query=[],
        headers=[("Authorization", "Bearer test-token"), ("api_key", "test-api_key")],
    )


def test_delete_user_raw_response(
    client: PetstoreClient, router: respx.MockRouter, expect: Any
) -> None:
    """DELETE /users/{username}: status and headers before parsing."""
    router.route().respond(200, headers={"x-test": "raw"})
    raw = client.user.with_raw_response.delete_user("string")
    assert raw.status_code == 200
    assert raw.headers["x-test"] == "raw"
    assert raw.parse() is None


@pytest.mark.parametrize(
    ("status", "error", "body"),
    [
        (400, BadRequestError, {"message": "Invalid username supplied"}),
        (404, NotFoundError, {"message": "User not found"}),
    ],
)
def test_delete_user_documented_errors(
    status: int,
    error: type[APIStatusError],
    body: object,
    client: PetstoreClient,
    router: respx.MockRouter,
) -> None:
    """DELETE /users/{username}: each documented error status raises its own exception."""
    router.route().respond(status, json=body)
    with pytest.raises(APIStatusError) as info:
        client.user.delete_user("string")
    assert type(info.value) is error
    assert info.value.status_code == status
    assert info.value.body == body


def test_delete_user_empty_path_value(
    client: PetstoreClient, router: respx.MockRouter
) -> None:
    """DELETE /users/{username}: an empty path value is refused before any request."""
    route = router.route().respond(200)
    with pytest.raises(ValueError):
        client.user.delete_user("")
    assert not route.called


def test_delete_user_path_escaping(
    client: PetstoreClient, router: respx.MockRouter
) -> None:
    """DELETE /users/{username}: path values are percent-encoded, '/' included."""
    route = router.route().respond(200)
    client.user.delete_user("a b/c?d#e%f")
    request = route.calls.last.request
    assert (
        request.url.raw_path.decode()
        .split("?", 1)[0]
        .endswith("/users/a%20b%2Fc%3Fd%23e%25f")
    )
