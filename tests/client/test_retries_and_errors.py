"""Retries (backoff, Retry-After, idempotency keys), timeouts and error mapping."""

from __future__ import annotations

from types import ModuleType

import httpx
import pytest
from client_helpers import Recorder, json_response, make_client

PET = {"id": 1, "name": "rex", "photoUrls": []}


def test_retry_after_is_honoured_then_success(features: ModuleType, sleeps: list[float]) -> None:
    rec = Recorder(
        json_response(503, {"error": "busy"}, **{"Retry-After": "3"}),
        json_response(429, {}, **{"retry-after-ms": "250"}),
        json_response(200, PET),
    )
    pet = make_client(features, rec).pet.get_pet_by_id(1)
    assert pet.name == "rex"
    assert sleeps == [3.0, 0.25]
    assert len(rec.requests) == 3


def test_backoff_is_exponential_with_jitter(features: ModuleType, sleeps: list[float]) -> None:
    rec = Recorder(json_response(500, {}), json_response(502, {}), json_response(200, PET))
    make_client(features, rec).pet.get_pet_by_id(1)
    first, second = sleeps
    assert 0.375 <= first <= 0.5 and 0.75 <= second <= 1.0


def test_absurd_retry_after_falls_back_to_backoff(
    features: ModuleType, sleeps: list[float]
) -> None:
    rec = Recorder(json_response(503, {}, **{"Retry-After": "86400"}), json_response(200, PET))
    make_client(features, rec).pet.get_pet_by_id(1)
    assert sleeps[0] <= 0.5


def test_retries_give_up_after_max_retries(features: ModuleType, sleeps: list[float]) -> None:
    rec = Recorder(json_response(503, {"message": "down"}))
    with pytest.raises(features.InternalServerError) as info:
        make_client(features, rec, max_retries=3).pet.get_pet_by_id(1)
    assert len(rec.requests) == 4 and len(sleeps) == 3
    assert info.value.status_code == 503 and info.value.body == {"message": "down"}


def test_client_errors_are_not_retried(features: ModuleType, sleeps: list[float]) -> None:
    rec = Recorder(json_response(404, {"message": "no pet"}))
    with pytest.raises(features.NotFoundError):
        make_client(features, rec).pet.get_pet_by_id(1)
    assert len(rec.requests) == 1 and sleeps == []


def test_post_is_not_retried_without_idempotency_key(
    features: ModuleType, sleeps: list[float]
) -> None:
    rec = Recorder(json_response(503, {}), json_response(200, PET))
    with pytest.raises(features.InternalServerError):
        make_client(features, rec, idempotency_header=None).pet.add_pet(body=PET)
    assert len(rec.requests) == 1


def test_post_with_idempotency_key_is_retried_with_the_same_key(
    features: ModuleType, sleeps: list[float]
) -> None:
    rec = Recorder(json_response(503, {}), json_response(200, PET))
    client = make_client(features, rec, idempotency_header="Idempotency-Key")
    client.pet.add_pet(body=PET)
    keys = [r.headers["idempotency-key"] for r in rec.requests]
    assert len(keys) == 2 and keys[0] == keys[1] and len(keys[0]) == 36
    client.pet.add_pet(body=PET)
    assert rec.last.headers["idempotency-key"] != keys[0]  # a new key per call


def test_connection_errors_are_retried_then_raised(
    features: ModuleType, sleeps: list[float]
) -> None:
    rec = Recorder(httpx.ConnectError("refused"))
    with pytest.raises(features.APIConnectionError) as info:
        make_client(features, rec).pet.get_pet_by_id(1)
    assert len(rec.requests) == 3 and len(sleeps) == 2
    assert info.value.status_code is None and info.value.request.url.path == "/v2/pets/1"


def test_timeouts_raise_api_timeout_error(features: ModuleType, sleeps: list[float]) -> None:
    rec = Recorder(httpx.ReadTimeout("slow"))
    with pytest.raises(features.APITimeoutError):
        make_client(features, rec, max_retries=1).pet.get_pet_by_id(1)
    assert len(rec.requests) == 2
    assert issubclass(features.APITimeoutError, features.APIConnectionError)


def test_connection_error_then_success(features: ModuleType, sleeps: list[float]) -> None:
    rec = Recorder(httpx.ConnectError("blip"), json_response(200, PET))
    assert make_client(features, rec).pet.get_pet_by_id(1).id == 1


@pytest.mark.parametrize(
    ("status", "name"),
    [
        (400, "BadRequestError"),
        (401, "AuthenticationError"),
        (403, "PermissionDeniedError"),
        (404, "NotFoundError"),
        (409, "ConflictError"),
        (422, "UnprocessableEntityError"),
        (429, "RateLimitError"),
        (500, "InternalServerError"),
        (418, "APIStatusError"),
    ],
)
def test_status_errors_map_to_classes(
    features: ModuleType, sleeps: list[float], status: int, name: str
) -> None:
    rec = Recorder(httpx.Response(status, text="plain <b>text</b>", headers={"X-Req": "r1"}))
    with pytest.raises(features.APIError) as info:
        make_client(features, rec, max_retries=0).pet.get_pet_by_id(1)
    error = info.value
    assert type(error).__name__ == name
    assert isinstance(error, features.APIStatusError)
    assert error.status_code == status and error.headers["x-req"] == "r1"
    assert error.text == "plain <b>text</b>" and error.body is None
    assert error.request.method == "GET" and str(status) in str(error)
