"""Typed results, open enums, kept fields, raw responses, async parity, laziness, logs."""

from __future__ import annotations

import asyncio
import importlib
import inspect
import logging
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
from client_helpers import Recorder, json_response, make_client

BATCHES = {
    "b1": {"imsOrg": "org", "status": "success", "metrics": {"rows": 3}, "newField": [1]},
    "b2": {"imsOrg": "org", "status": "brand-new-status", "errors": [{"code": "E1"}]},
}


def test_catalog_get_batch_returns_typed_map(catalog: ModuleType) -> None:
    rec = Recorder(json_response(200, BATCHES))
    result = make_client(catalog, rec, api_key="k", ims_org_id="o").get_batch(limit=2)
    batch = result["b1"]
    assert type(batch).__name__ == "Batch"
    assert batch.ims_org == "org" and batch.metrics == {"rows": 3}
    assert batch.model_extra == {"newField": [1]}  # unknown fields are kept
    assert result["b2"].status == "brand-new-status"  # open enum
    assert result["b2"].errors == [{"code": "E1"}]  # unresolved reference: plain dicts


def test_real_petstore_roundtrip(petstore: ModuleType) -> None:
    pets = [{"id": 1, "name": "rex", "photoUrls": [], "category": {"id": 2, "name": "dogs"}}]
    rec = Recorder(json_response(200, pets))
    client = make_client(petstore, rec, access_token="t")
    found = client.pet.find_pets_by_status(status=["available", "sold"])
    assert found[0].category.name == "dogs"
    assert rec.last.url.params.get_list("status") == ["available", "sold"]
    assert rec.last.url.path == "/v2/pets/findByStatus"
    assert (
        isinstance(client, petstore.PetstoreClient) and petstore.Client is petstore.PetstoreClient
    )


def test_datetimes_parse(features: ModuleType) -> None:
    order = {"id": 1, "shipDate": "2024-05-01T10:00:00Z", "status": "placed"}
    rec = Recorder(json_response(200, order))
    result = make_client(features, rec).store.place_order(body={"id": 1})
    assert result.ship_date == datetime(2024, 5, 1, 10, tzinfo=UTC)
    assert result.complete is False  # the docs' default


def test_raw_response_gives_status_headers_and_parsed_body(features: ModuleType) -> None:
    pet = {"id": 1, "name": "rex", "photoUrls": []}
    rec = Recorder(httpx.Response(200, json=pet, headers={"X-Rate": "9"}))
    client = make_client(features, rec)
    raw = client.with_raw_response.pet.get_pet_by_id(1)
    assert raw.status_code == 200 and raw.headers["x-rate"] == "9"
    assert raw.parse().name == "rex" and '"rex"' in raw.text
    raw2 = client.pet.with_raw_response.get_pet_by_id(1)
    assert raw2.parse().id == 1
    assert client.pet.get_pet_by_id(1).name == "rex"  # raw mode does not leak


def test_raw_response_on_flat_client(catalog: ModuleType) -> None:
    rec = Recorder(json_response(200, BATCHES))
    raw = make_client(catalog, rec, api_key="k", ims_org_id="o").with_raw_response.get_batch()
    assert raw.status_code == 200 and set(raw.parse()) == {"b1", "b2"}


def _public_methods(obj: Any) -> dict[str, inspect.Signature]:
    return {
        n: inspect.signature(getattr(obj, n))
        for n in dir(obj)
        if not n.startswith("_") and callable(getattr(obj, n))
    }


@pytest.mark.parametrize("api", ["catalog", "petstore", "features", "hostile"])
def test_async_client_has_the_same_surface(api: str, request: pytest.FixtureRequest) -> None:
    module = request.getfixturevalue(api)
    sync_cls, async_cls = module.Client, module.AsyncClient
    sync_methods = {n for n in dir(sync_cls) if not n.startswith("_")}
    async_methods = {n for n in dir(async_cls) if not n.startswith("_")}
    assert sync_methods == async_methods
    for name in sync_methods:
        sync_attr, async_attr = getattr(sync_cls, name), getattr(async_cls, name)
        if callable(sync_attr) and name not in {"request", "close", "with_options"}:
            # Pagers are plain methods returning an async iterable (``async for``).
            assert inspect.iscoroutinefunction(async_attr) != name.endswith("_iter"), name
            assert list(inspect.signature(sync_attr).parameters) == list(
                inspect.signature(async_attr).parameters
            )


def test_async_calls_retries_and_raw(features: ModuleType, sleeps: list[float]) -> None:
    pet = {"id": 1, "name": "rex", "photoUrls": []}
    rec = Recorder(json_response(503, {}, **{"Retry-After": "2"}), json_response(200, pet))

    async def main() -> None:
        async with make_client(features, rec, is_async=True, api_key="k") as client:
            result = await client.pet.get_pet_by_id(1)
            assert result.name == "rex"
            raw = await client.with_raw_response.pet.get_pet_by_id(1)
            assert raw.status_code == 200 and raw.parse().id == 1
            with pytest.raises(ValueError, match="petId"):
                await client.pet.get_pet_by_id("")

    asyncio.run(main())
    assert sleeps == [2.0]
    assert rec.requests[0].headers["api_key"] == "k"


def test_async_errors(features: ModuleType) -> None:
    rec = Recorder(json_response(404, {"message": "gone"}))

    async def main() -> None:
        client = make_client(features, rec, is_async=True)
        with pytest.raises(features.NotFoundError) as info:
            await client.pet.get_pet_by_id(1)
        assert info.value.body == {"message": "gone"}
        await client.close()

    asyncio.run(main())


def test_models_and_resources_load_lazily(generated: Path) -> None:
    src = generated / "python" / "petstore" / "src"
    code = (
        "import sys, petstore_client\n"
        "loaded = [m for m in sys.modules if m.startswith('petstore_client.')]\n"
        "assert not any('.models.' in m or '.resources.' in m for m in loaded), loaded\n"
        "from petstore_client.models import Pet\n"
        "assert 'petstore_client.models.pet' in sys.modules\n"
        "assert 'petstore_client.models.user' not in sys.modules\n"
        "c = petstore_client.Client()\n"
        "assert 'petstore_client.resources.pet' not in sys.modules\n"
        "c.pet\n"
        "assert 'petstore_client.resources.pet' in sys.modules\n"
        "assert c.pet is c.pet\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=src)


def test_models_referencing_each_other_import_in_any_order(hostile: ModuleType) -> None:
    models = importlib.import_module(f"{hostile.__name__}.models")
    node_cls, mixed_cls = models.Node, models.Mixed
    node = node_cls.model_validate({"children": [{"parent": {"from": "x"}}], "+1": 5, "class": 3})
    assert node.children[0].parent.from_ == "x"
    assert node.plus_1 == 5 and node.class_ == 3
    assert mixed_cls.model_validate({"extra": "e", "json": "j"}).json_ == "j"


def test_logging_switched_on_by_env_var(
    features: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    logger = logging.getLogger("features_client")
    logger.handlers.clear()
    monkeypatch.setenv("FEATURES_LOG", "info")
    rec = Recorder(json_response(200, {"id": 1, "name": "rex", "photoUrls": []}))
    make_client(features, rec).pet.get_pet_by_id(1)
    assert logger.level == logging.INFO and logger.handlers
    logger.handlers.clear()
    logger.setLevel(logging.NOTSET)


def test_logging_is_off_by_default(features: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FEATURES_LOG", raising=False)
    logging.getLogger("features_client").handlers.clear()
    make_client(features, Recorder(json_response(200, {})))
    assert not logging.getLogger("features_client").handlers
