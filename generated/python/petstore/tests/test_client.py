"""Runtime tests of the generated client, through GET /pets/findByStatus.

Retries and ``Retry-After``, timeouts, environment variables, header overrides,
redirects, raw responses, against respx (no network).
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest
import respx

from petstore_client import (
    OMIT,
    APITimeoutError,
    InternalServerError,
    PetstoreClient,
)
from petstore_client.models import Pet

BASE_URL = "https://api.test/base"
OPTIONS: dict[str, Any] = {
    "api_key": "test-api_key",
    "access_token": "test-token",
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


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Retry waits, recorded instead of slept."""
    slept: list[float] = []
    monkeypatch.setattr("time.sleep", slept.append)
    return slept


def make(**options: Any) -> PetstoreClient:
    """A client of the mocked server (the options given override the test ones)."""
    return PetstoreClient(base_url=BASE_URL, **{**OPTIONS, **options})


def test_retry_after_is_honoured(
    router: respx.MockRouter, sleeps: list[float], expect: Any
) -> None:
    """503 and 429 are retried after the wait ``Retry-After`` asks for."""
    route = router.route().mock(
        side_effect=[
            httpx.Response(503, headers={"Retry-After": "1.5"}),
            httpx.Response(429, headers={"Retry-After": "0"}),
            httpx.Response(200, json=_FIND_PETS_BY_STATUS_RESPONSE),
        ]
    )
    with make(max_retries=2) as client:
        result = client.pet.find_pets_by_status()
    assert route.call_count == 3
    assert sleeps == [1.5, 0.0]
    expect.parsed(result, list[Pet], _FIND_PETS_BY_STATUS_RESPONSE)


def test_retries_stop_at_max_retries_also_per_call(
    router: respx.MockRouter, sleeps: list[float]
) -> None:
    """A server that keeps failing costs max_retries + 1 requests, then raises."""
    route = router.route().respond(503)
    with make(max_retries=5) as client:
        with pytest.raises(InternalServerError):
            client.pet.find_pets_by_status(max_retries=1)
        assert route.call_count == 2 and len(sleeps) == 1
    with make(max_retries=0) as client:
        with pytest.raises(InternalServerError):
            client.pet.find_pets_by_status()
    assert route.call_count == 3


def test_timeouts_are_retried_then_raised(
    router: respx.MockRouter, sleeps: list[float]
) -> None:
    """A timeout is retried like a connection error, then raises APITimeoutError."""
    route = router.route().mock(side_effect=httpx.ReadTimeout("too slow"))
    with make(max_retries=1, timeout=2.5) as client:
        with pytest.raises(APITimeoutError):
            client.pet.find_pets_by_status()
    assert route.call_count == 2
    assert route.calls.last.request.extensions["timeout"]["read"] == 2.5


def test_environment_configures_the_client(
    router: respx.MockRouter, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The base URL and every option come from $PETSTORE_... variables."""
    monkeypatch.setenv("PETSTORE_BASE_URL", "https://env.test/root")
    monkeypatch.setenv("PETSTORE_API_KEY", "env-api_key")
    monkeypatch.setenv("PETSTORE_ACCESS_TOKEN", "env-access_token")
    route = router.route().respond(200, json=_FIND_PETS_BY_STATUS_RESPONSE)
    with PetstoreClient() as client:
        client.pet.find_pets_by_status()
    request = route.calls.last.request
    assert str(request.url).startswith("https://env.test/root/")
    assert request.headers["Authorization"] == "Bearer env-access_token"


def test_header_overrides_ignore_case_and_omit_removes(
    router: respx.MockRouter,
) -> None:
    """One value per header whatever the case; a per-call value wins; OMIT drops one."""
    route = router.route().respond(200, json=_FIND_PETS_BY_STATUS_RESPONSE)
    with make(default_headers={"user-agent": "app/1", "X-Trace": "default"}) as client:
        client.pet.find_pets_by_status(
            extra_headers={"X-TRACE": "per-call", "Accept": OMIT}
        )
    request = route.calls.last.request
    assert request.headers.get_list("user-agent") == ["app/1"]
    assert request.headers.get_list("x-trace") == ["per-call"]
    assert "accept" not in request.headers


def test_redirect_to_another_host_drops_credentials(
    router: respx.MockRouter,
) -> None:
    """The redirect is followed; no credential the client adds goes with it."""
    router.route(host="api.test").respond(
        302, headers={"location": "https://elsewhere.test/moved"}
    )
    moved = router.route(host="elsewhere.test").respond(
        200, json=_FIND_PETS_BY_STATUS_RESPONSE
    )
    with make() as client:
        client.pet.find_pets_by_status()
    assert moved.call_count == 1
    request = moved.calls.last.request
    assert "authorization" not in request.headers
    assert request.url.host == "elsewhere.test"


def test_raw_response_and_with_options(router: respx.MockRouter) -> None:
    """Raw responses keep status and headers; with_options copies, never mutates."""
    router.route().respond(
        200, json=_FIND_PETS_BY_STATUS_RESPONSE, headers={"x-test": "raw"}
    )
    with make() as client:
        raw = client.pet.with_raw_response.find_pets_by_status()
        other = client.with_options(max_retries=0, default_headers={"X-More": "1"})
    assert raw.status_code == 200
    assert raw.headers["x-test"] == "raw"
    assert other.max_retries == 0 and client.max_retries == 2
    assert other.default_headers["X-More"] == "1"
    assert "X-More" not in client.default_headers
