"""Headers merge case-insensitively, OMIT removes one; with_options and per-call
max_retries behave like the constructor (issue #16 items 1 and 11)."""

from __future__ import annotations

import inspect
from types import ModuleType
from typing import Any

import httpx
import pytest
from client_helpers import Recorder, json_response, make_client

KEYS: dict[str, Any] = {"api_key": "key-1", "ims_org_id": "org"}


def test_per_call_header_replaces_auth_header_of_another_case(catalog: ModuleType) -> None:
    rec = Recorder(json_response(200, {}))
    client = make_client(catalog, rec, access_token="env-token", **KEYS)
    client.get_batch(extra_headers={"authorization": "Bearer per-call"})
    assert rec.last.headers.get_list("authorization") == ["Bearer per-call"]


def test_default_headers_replace_built_in_ones_whatever_the_case(catalog: ModuleType) -> None:
    rec = Recorder(json_response(200, {}))
    client = make_client(catalog, rec, default_headers={"user-agent": "my-app/1.0"}, **KEYS)
    client.get_batch(extra_headers={"X-API-KEY": "per-call"})
    assert rec.last.headers.get_list("user-agent") == ["my-app/1.0"]
    assert rec.last.headers.get_list("x-api-key") == ["per-call"]


def test_omit_removes_a_default_header_for_one_call(catalog: ModuleType) -> None:
    rec = Recorder(json_response(200, {}))
    client = make_client(catalog, rec, default_headers={"X-Trace": "1"}, **KEYS)
    client.get_batch(extra_headers={"x-trace": catalog.OMIT, "User-Agent": catalog.OMIT})
    assert "x-trace" not in rec.last.headers
    assert "user-agent" not in rec.last.headers
    client.get_batch()
    assert rec.last.headers["x-trace"] == "1"
    assert rec.last.headers["user-agent"].startswith("catalog-client/")


def test_omit_removes_the_generated_idempotency_key(features: ModuleType) -> None:
    rec = Recorder(json_response(200, {"id": 1}))
    client = make_client(features, rec, idempotency_header="Idempotency-Key")
    client.store.place_order(body={"id": 1}, extra_headers={"idempotency-key": features.OMIT})
    assert "idempotency-key" not in rec.last.headers


def test_with_options_merges_default_headers(catalog: ModuleType) -> None:
    rec = Recorder(json_response(200, {}))
    client = make_client(catalog, rec, default_headers={"X-Trace": "1", "X-Team": "a"}, **KEYS)
    other = client.with_options(default_headers={"x-team": "b", "X-Trace": catalog.OMIT})
    other.get_batch()
    assert rec.last.headers.get_list("x-team") == ["b"]
    assert "x-trace" not in rec.last.headers
    client.get_batch()
    assert rec.last.headers["x-trace"] == "1" and rec.last.headers["x-team"] == "a"


def test_with_options_accepts_every_constructor_option(catalog: ModuleType) -> None:
    for cls in (catalog.Client, catalog.AsyncClient):
        init = set(inspect.signature(cls.__init__).parameters) - {"self"}
        assert init == set(inspect.signature(cls.with_options).parameters) - {"self"}
    first, second = Recorder(json_response(200, {})), Recorder(json_response(200, {}))
    client = make_client(catalog, first, **KEYS)
    other = client.with_options(
        http_client=httpx.Client(transport=httpx.MockTransport(second)),
        idempotency_header="X-Key",
        strict_response_validation=True,
    )
    other.get_batch()
    assert len(second.requests) == 1 and not first.requests
    assert other.idempotency_header == "X-Key" and other.strict_response_validation
    assert client.idempotency_header is None and not client.strict_response_validation
    client.get_batch()
    assert len(first.requests) == 1


def test_per_call_max_retries(features: ModuleType, sleeps: list[float]) -> None:
    rec = Recorder(json_response(503, {}))
    client = make_client(features, rec, max_retries=5)
    with pytest.raises(features.InternalServerError):
        client.pet.get_pet_by_id(1, max_retries=1)
    assert len(rec.requests) == 2 and len(sleeps) == 1
    rec.requests.clear()
    with pytest.raises(features.InternalServerError):
        client.pet.get_pet_by_id(1, max_retries=0)
    assert len(rec.requests) == 1
