"""Runtime tests of the generated client, through GET /batches.

Retries and ``Retry-After``, timeouts, environment variables, header overrides,
redirects, raw responses and pagination, against respx (no network).
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest
import respx

from catalog_client import (
    OMIT,
    APITimeoutError,
    CatalogClient,
    InternalServerError,
)
from catalog_client.models import Batch

BASE_URL = "https://api.test/base"
OPTIONS: dict[str, Any] = {
    "api_key": "test-api_key",
    "ims_org_id": "test-ims_org_id",
    "access_token": "test-token",
}
_GET_BATCH_RESPONSE: Any = {
    "key": {
        "availableDates": {"endDate": 0, "startDate": 0},
        "completed": 0,
        "errors": [{}, {}],
        "failedRecordCount": 0,
        "imsOrg": "string",
        "metrics": {"string": 0},
        "recordCount": 0,
        "relatedObjects": [{}, {}],
        "size": 0,
        "started": 0,
        "status": "processing",
        "tags": {"string": ["string"]},
    }
}
_PAGE_1: Any = {
    "k1": {
        "availableDates": {"endDate": 0, "startDate": 0},
        "completed": 0,
        "errors": [{}, {}],
        "failedRecordCount": 0,
        "imsOrg": "string",
        "metrics": {"string": 0},
        "recordCount": 0,
        "relatedObjects": [{}, {}],
        "size": 0,
        "started": 0,
        "status": "processing",
        "tags": {"string": ["string"]},
    },
    "k2": {
        "availableDates": {"endDate": 0, "startDate": 0},
        "completed": 0,
        "errors": [{}, {}],
        "failedRecordCount": 0,
        "imsOrg": "string",
        "metrics": {"string": 0},
        "recordCount": 0,
        "relatedObjects": [{}, {}],
        "size": 0,
        "started": 0,
        "status": "processing",
        "tags": {"string": ["string"]},
    },
}
_PAGE_2: Any = {
    "k3": {
        "availableDates": {"endDate": 0, "startDate": 0},
        "completed": 0,
        "errors": [{}, {}],
        "failedRecordCount": 0,
        "imsOrg": "string",
        "metrics": {"string": 0},
        "recordCount": 0,
        "relatedObjects": [{}, {}],
        "size": 0,
        "started": 0,
        "status": "processing",
        "tags": {"string": ["string"]},
    }
}


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Retry waits, recorded instead of slept."""
    slept: list[float] = []
    monkeypatch.setattr("time.sleep", slept.append)
    return slept


def make(**options: Any) -> CatalogClient:
    """A client of the mocked server (the options given override the test ones)."""
    return CatalogClient(base_url=BASE_URL, **{**OPTIONS, **options})


def test_retry_after_is_honoured(
    router: respx.MockRouter, sleeps: list[float], expect: Any
) -> None:
    """503 and 429 are retried after the wait ``Retry-After`` asks for."""
    route = router.route().mock(
        side_effect=[
            httpx.Response(503, headers={"Retry-After": "1.5"}),
            httpx.Response(429, headers={"Retry-After": "0"}),
            httpx.Response(200, json=_GET_BATCH_RESPONSE),
        ]
    )
    with make(max_retries=2) as client:
        result = client.get_batch()
    assert route.call_count == 3
    assert sleeps == [1.5, 0.0]
    expect.parsed(result, dict[str, Batch], _GET_BATCH_RESPONSE)


def test_retries_stop_at_max_retries_also_per_call(
    router: respx.MockRouter, sleeps: list[float]
) -> None:
    """A server that keeps failing costs max_retries + 1 requests, then raises."""
    route = router.route().respond(503)
    with make(max_retries=5) as client:
        with pytest.raises(InternalServerError):
            client.get_batch(max_retries=1)
        assert route.call_count == 2 and len(sleeps) == 1
    with make(max_retries=0) as client:
        with pytest.raises(InternalServerError):
            client.get_batch()
    assert route.call_count == 3


def test_timeouts_are_retried_then_raised(
    router: respx.MockRouter, sleeps: list[float]
) -> None:
    """A timeout is retried like a connection error, then raises APITimeoutError."""
    route = router.route().mock(side_effect=httpx.ReadTimeout("too slow"))
    with make(max_retries=1, timeout=2.5) as client:
        with pytest.raises(APITimeoutError):
            client.get_batch()
    assert route.call_count == 2
    assert route.calls.last.request.extensions["timeout"]["read"] == 2.5


def test_environment_configures_the_client(
    router: respx.MockRouter, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The base URL and every option come from $CATALOG_... variables."""
    monkeypatch.setenv("CATALOG_BASE_URL", "https://env.test/root")
    monkeypatch.setenv("CATALOG_API_KEY", "env-api_key")
    monkeypatch.setenv("CATALOG_IMS_ORG_ID", "env-ims_org_id")
    monkeypatch.setenv("CATALOG_ACCESS_TOKEN", "env-access_token")
    route = router.route().respond(200, json=_GET_BATCH_RESPONSE)
    with CatalogClient() as client:
        client.get_batch()
    request = route.calls.last.request
    assert str(request.url).startswith("https://env.test/root/")
    assert request.headers["x-api-key"] == "env-api_key"
    assert request.headers["x-gw-ims-org-id"] == "env-ims_org_id"
    assert request.headers["Authorization"] == "Bearer env-access_token"


def test_header_overrides_ignore_case_and_omit_removes(
    router: respx.MockRouter,
) -> None:
    """One value per header whatever the case; a per-call value wins; OMIT drops one."""
    route = router.route().respond(200, json=_GET_BATCH_RESPONSE)
    with make(default_headers={"user-agent": "app/1", "X-Trace": "default"}) as client:
        client.get_batch(extra_headers={"X-TRACE": "per-call", "Accept": OMIT})
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
    moved = router.route(host="elsewhere.test").respond(200, json=_GET_BATCH_RESPONSE)
    with make() as client:
        client.get_batch()
    assert moved.call_count == 1
    request = moved.calls.last.request
    assert "authorization" not in request.headers
    assert "x-api-key" not in request.headers
    assert "x-gw-ims-org-id" not in request.headers
    assert request.url.host == "elsewhere.test"


def test_raw_response_and_with_options(router: respx.MockRouter) -> None:
    """Raw responses keep status and headers; with_options copies, never mutates."""
    router.route().respond(200, json=_GET_BATCH_RESPONSE, headers={"x-test": "raw"})
    with make() as client:
        raw = client.with_raw_response.get_batch()
        other = client.with_options(max_retries=0, default_headers={"X-More": "1"})
    assert raw.status_code == 200
    assert raw.headers["x-test"] == "raw"
    assert other.max_retries == 0 and client.max_retries == 2
    assert other.default_headers["X-More"] == "1"
    assert "X-More" not in client.default_headers


def test_pagination_walks_pages_and_stops_at_a_short_one(
    router: respx.MockRouter,
) -> None:
    """The iterator yields the items of both pages and requests no third."""
    route = router.route().mock(
        side_effect=[
            httpx.Response(200, json=_PAGE_1),
            httpx.Response(200, json=_PAGE_2),
        ]
    )
    with make() as client:
        items = list(client.get_batch_iter(limit=2))
    assert len(items) == 3
    assert route.call_count == 2
    assert route.calls[1].request.url.params["start"] == "2"
