"""Responses that do not match the docs are an SDK concern (issue #16 items 2 and 4):
lenient by default (keep what parses, keep unknown fields), `APIResponseValidationError`
when strict, and never ``None`` from a method typed to return a model."""

from __future__ import annotations

import asyncio
import inspect
from types import ModuleType

import httpx
import pytest
from client_helpers import Recorder, json_response, make_client

DRIFTED = [
    {"id": 1, "name": "rex", "photoUrls": []},
    {"id": 2, "name": 7, "photoUrls": [], "legs": 4, "category": {"id": "x", "name": "cats"}},
]


def test_one_drifted_record_does_not_cost_the_result(petstore: ModuleType) -> None:
    client = make_client(petstore, Recorder(json_response(200, DRIFTED)))
    pets = client.pet.find_pets_by_status(status=["Alive"])
    assert [type(p).__name__ for p in pets] == ["Pet", "Pet"]
    good, odd = pets
    assert good.name == "rex" and good.photo_urls == []
    assert odd.id == 2 and odd.name == 7  # kept as received
    assert odd.photo_urls == []
    assert odd.model_extra == {"legs": 4}  # unknown fields kept
    assert type(odd.category).__name__ == "Category" and odd.category.name == "cats"
    assert odd.category.id == "x"


def test_strict_validation_raises_an_api_error_with_the_response(petstore: ModuleType) -> None:
    rec = Recorder(json_response(200, DRIFTED))
    client = make_client(petstore, rec, strict_response_validation=True)
    with pytest.raises(petstore.APIResponseValidationError) as info:
        client.pet.find_pets_by_status()
    error = info.value
    assert isinstance(error, petstore.APIError)
    assert error.status_code == 200 and error.body == DRIFTED
    assert error.response.request is rec.last
    assert "GET http://petstore.swagger.io/v2/pets/findByStatus" in str(error)
    assert "1.name" in str(error)


def test_strict_validation_through_raw_and_async(petstore: ModuleType) -> None:
    rec = Recorder(json_response(200, DRIFTED))
    client = make_client(petstore, rec, strict_response_validation=True)
    raw = client.pet.with_raw_response.find_pets_by_status()
    with pytest.raises(petstore.APIResponseValidationError):
        raw.parse()

    async def main() -> None:
        arec = Recorder(json_response(200, DRIFTED))
        async with make_client(
            petstore, arec, is_async=True, strict_response_validation=True
        ) as aclient:
            await aclient.pet.find_pets_by_status()

    with pytest.raises(petstore.APIResponseValidationError):
        asyncio.run(main())


@pytest.mark.parametrize(
    "response",
    [
        httpx.Response(200),
        httpx.Response(200, content=b"<html>maintenance</html>"),
    ],
    ids=["empty", "not-json"],
)
def test_missing_or_non_json_body_raises_where_a_schema_is_declared(
    petstore: ModuleType, response: httpx.Response
) -> None:
    client = make_client(petstore, Recorder(response))
    with pytest.raises(petstore.APIResponseValidationError, match=r"GET .*/pets/1"):
        client.pet.get_pet_by_id(1)


def test_text_responses_stay_text(petstore: ModuleType) -> None:
    client = make_client(petstore, Recorder(httpx.Response(200, text="session-1")))
    assert client.user.login_user(username="u", password="p") == "session-1"


def test_no_success_schema_returns_none(petstore: ModuleType) -> None:
    """``POST /pets`` documents only a 405: the method is typed ``-> None``."""
    rec = Recorder(json_response(200, {"unexpected": True}))
    client = make_client(petstore, rec, access_token="t")
    assert client.pet.add_pet(body={"name": "rex", "photoUrls": []}) is None
    for cls in (petstore.resources.pet.PetResource, petstore.resources.pet.AsyncPetResource):
        assert inspect.signature(cls.add_pet).return_annotation == "None"
        assert inspect.signature(cls.delete_pet).return_annotation == "None"
