"""Fixtures for the generated tests of Swagger Petstore.

No test touches the network: ``router`` (respx) answers every request and records it,
and ``expect`` compares what the client sent with what the docs say must go out.
"""

from __future__ import annotations

import json
import os
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pydantic
import pytest
import respx

from petstore_client import AsyncPetstoreClient, PetstoreClient

BASE_URL = "https://api.test/base"
BASE_PATH = httpx.URL(BASE_URL).raw_path.decode().rstrip("/")
OPTIONS: dict[str, Any] = {
    "api_key": "test-api_key",
    "access_token": "test-token",
}
NO_BODY = object()


class Expect:
    """Checks shared by every test: the request sent and the response parsed."""

    @staticmethod
    def request(
        route: respx.Route,
        *,
        method: str,
        path: str,
        query: list[tuple[str, str]],
        headers: list[tuple[str, str]],
        json_body: object = NO_BODY,
        form: list[tuple[str, str]] | None = None,
        multipart: bool = False,
    ) -> httpx.Request:
        """Exactly one request went out, and it is the one described."""
        assert route.call_count == 1, f"expected one request, got {route.call_count}"
        request: httpx.Request = route.calls.last.request
        assert request.method == method
        assert request.url.raw_path.decode().split("?", 1)[0] == BASE_PATH + path
        assert sorted(request.url.params.multi_items()) == query
        for name, value in headers:
            assert request.headers.get(name) == value, f"header {name!r}"
        content_type = request.headers.get("content-type", "")
        if json_body is not NO_BODY:
            assert content_type.startswith("application/json")
            assert json.loads(request.content) == json_body
        elif multipart:
            assert content_type.startswith("multipart/form-data")
            for name, value in form or []:
                assert (
                    f'name="{name}"'.encode() in request.content
                ), f"form field {name!r}"
                assert value.encode() in request.content, f"form field {name!r}"
        elif form is not None:
            assert content_type.startswith("application/x-www-form-urlencoded")
            pairs = parse_qsl(request.content.decode(), keep_blank_values=True)
            assert sorted(pairs) == form
        else:
            assert request.content == b""
        return request

    @staticmethod
    def parsed(result: object, hint: Any, body: object) -> None:
        """``result`` is of type ``hint`` (strictly), maps every field, and holds ``body``."""
        Expect.typed(result, hint)
        adapter: pydantic.TypeAdapter[Any] = pydantic.TypeAdapter(hint)
        dumped = adapter.dump_python(
            result, mode="json", by_alias=True, exclude_unset=True
        )
        wanted = adapter.dump_python(
            adapter.validate_python(body),
            mode="json",
            by_alias=True,
            exclude_unset=True,
        )
        assert dumped == wanted

    @staticmethod
    def typed(result: object, hint: Any) -> None:
        """``result`` is strictly of type ``hint`` and maps every field it received."""
        pydantic.TypeAdapter(hint).validate_python(result, strict=True)
        Expect.no_extras(result)

    @staticmethod
    def no_extras(value: object) -> None:
        """Every field of every model in ``value`` is a declared one (none left unmapped)."""
        if isinstance(value, pydantic.BaseModel):
            extra = value.model_extra or {}
            assert not extra, f"{type(value).__name__} did not map {sorted(extra)}"
            for name in type(value).model_fields:
                Expect.no_extras(getattr(value, name))
        elif isinstance(value, list):
            for item in value:
                Expect.no_extras(item)
        elif isinstance(value, dict):
            for item in value.values():
                Expect.no_extras(item)

    @staticmethod
    def documented_error(error: Exception, statuses: tuple[int, ...]) -> None:
        """A live server's error answer is one the docs list, not a rejected request."""
        status = getattr(error, "status_code", None)
        headers = getattr(error, "headers", httpx.Headers())
        assert "sl-violations" not in headers, headers.get("sl-violations")
        assert status in statuses, f"undocumented status {status}: {error}"


@pytest.fixture
def expect() -> type[Expect]:
    return Expect


@pytest.fixture
def router() -> Iterator[respx.MockRouter]:
    with respx.mock(assert_all_mocked=True, assert_all_called=False) as mock:
        yield mock


@pytest.fixture
def client(router: respx.MockRouter) -> Iterator[PetstoreClient]:
    with PetstoreClient(base_url=BASE_URL, max_retries=0, **OPTIONS) as made:
        yield made


@pytest.fixture
def async_client(
    router: respx.MockRouter,
) -> Callable[[], AbstractAsyncContextManager[AsyncPetstoreClient]]:
    """Opens an async client inside the test's own event loop."""

    @asynccontextmanager
    async def open_client() -> AsyncIterator[AsyncPetstoreClient]:
        async with AsyncPetstoreClient(
            base_url=BASE_URL, max_retries=0, **OPTIONS
        ) as made:
            yield made

    return open_client


@pytest.fixture
def live_client() -> Iterator[PetstoreClient]:
    """A client of the server at $PETSTORE_TEST_LIVE_URL (a mock server such as
    Prism, or a test deployment); the live tests are skipped when it is not set."""
    url = os.environ.get("PETSTORE_TEST_LIVE_URL")
    if not url:
        pytest.skip("set $PETSTORE_TEST_LIVE_URL to run the live tests")
    with PetstoreClient(base_url=url, max_retries=0, **OPTIONS) as made:
        yield made
