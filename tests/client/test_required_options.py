"""A required value the client holds as an option never vanishes (issue #16 item 3):
petstore's ``DELETE /pets/{petId}`` requires the ``api_key`` header."""

from __future__ import annotations

import asyncio
import inspect
from types import ModuleType

import pytest
from client_helpers import Recorder, json_response, make_client


def test_missing_required_option_raises_before_sending(
    petstore: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PETSTORE_API_KEY", raising=False)
    rec = Recorder(json_response(200, {}))
    client = make_client(petstore, rec, access_token="t")
    with pytest.raises(ValueError, match=r"requires api_key.*PETSTORE_API_KEY"):
        client.pet.delete_pet(1)
    assert rec.requests == []


def test_required_option_per_call_or_from_the_client(
    petstore: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PETSTORE_API_KEY", raising=False)
    rec = Recorder(json_response(200, {}))
    client = make_client(petstore, rec)
    client.pet.delete_pet(1, api_key="per-call")
    assert rec.last.headers["api_key"] == "per-call"
    make_client(petstore, rec, api_key="from-client").pet.delete_pet(2)
    assert rec.last.headers["api_key"] == "from-client"
    make_client(petstore, rec, api_key="from-client").pet.delete_pet(3, api_key="override")
    assert rec.last.headers["api_key"] == "override"
    monkeypatch.setenv("PETSTORE_API_KEY", "from-env")
    make_client(petstore, rec).pet.delete_pet(4)
    assert rec.last.headers["api_key"] == "from-env"


def test_required_option_async_and_documented(petstore: ModuleType) -> None:
    async def main() -> None:
        rec = Recorder(json_response(200, {}))
        async with make_client(petstore, rec, is_async=True) as client:
            await client.pet.delete_pet(1, api_key="k")
        assert rec.last.headers["api_key"] == "k"

    asyncio.run(main())
    for cls in (petstore.resources.pet.PetResource, petstore.resources.pet.AsyncPetResource):
        assert "api_key" in inspect.signature(cls.delete_pet).parameters
        doc = inspect.getdoc(cls.delete_pet) or ""
        assert "api_key: Required: defaults to the client's api_key ($PETSTORE_API_KEY)" in doc
    # An operation that does not require it takes no such argument.
    get_pet = petstore.resources.pet.PetResource.get_pet_by_id
    assert "api_key" not in inspect.signature(get_pet).parameters
