"""Typing for the IDE and the type checker (issue #16 items 5 and 6): model
constructors take the Python names under mypy --strict (without the pydantic plugin)
and pyright strict while JSON keeps the wire names; request bodies take the model or
its ``...Param`` TypedDict by wire name (lists too), and a dict keyed by Python names
is a type error instead of a 422."""

from __future__ import annotations

import re
from pathlib import Path
from types import ModuleType

import pytest
import typecheck
from client_helpers import Recorder, json_response, make_client

SNIPPET = """\
from datetime import datetime

from petstore_client import PetstoreClient
from petstore_client.models import Order, Pet, PetParam, User

order = Order(pet_id=1, ship_date=datetime(2024, 1, 1), quantity=2)
pet = Pet(name="rex", photo_urls=["https://example.test/rex.png"])
user = User(first_name="Ada", last_name="Lovelace")
pet_id: int | None = order.pet_id
urls: list[str] = pet.photo_urls
client = PetstoreClient()
client.pet.add_pet(body=pet)
client.pet.add_pet(body={"name": "rex", "photoUrls": [], "category": {"id": 1}})
params: PetParam = {"name": "rex", "photoUrls": []}
client.user.create_users_with_array_input(body=[{"username": "ada"}])
client.user.create_users_with_array_input(body=[user])
wrong_order = Order(petId=1)  # line 17: wire names are not constructor arguments
client.pet.add_pet(body={"name": "rex", "photo_urls": []})  # line 18: wire names only
missing: PetParam = {"photoUrls": []}  # line 19: "name" is required
"""
EXPECTED_LINES = {17, 18, 19}


def test_constructors_take_python_names_and_json_keeps_wire_names(
    petstore: ModuleType,
) -> None:
    models = petstore.models
    order = models.Order(pet_id=1, ship_date="2024-01-01T00:00:00Z")
    assert order.pet_id == 1
    assert order.model_dump(mode="json", by_alias=True, exclude_unset=True) == {
        "petId": 1,
        "shipDate": "2024-01-01T00:00:00Z",
    }
    assert models.Order.model_validate({"petId": 5}).pet_id == 5  # wire data still parses


def test_bodies_take_models_or_typed_dicts_lists_included(petstore: ModuleType) -> None:
    rec = Recorder(json_response(200, {}))
    client = make_client(petstore, rec, access_token="t")
    models = petstore.models
    client.pet.add_pet(body={"name": "rex", "photoUrls": ["u"], "category": {"id": 1}})
    assert rec.last.read() == b'{"name":"rex","photoUrls":["u"],"category":{"id":1}}'
    client.pet.add_pet(body=models.Pet(name="rex", photo_urls=["u"]))
    assert rec.last.read() == b'{"name":"rex","photoUrls":["u"]}'
    client.user.create_users_with_array_input(
        body=[models.User(first_name="Ada"), {"firstName": "Bob"}]
    )
    assert rec.last.read() == b'[{"firstName":"Ada"},{"firstName":"Bob"}]'


@pytest.mark.toolchain
def test_mypy_strict_without_plugin(generated: Path, tmp_path: Path) -> None:
    sources = [generated / "python" / "petstore" / "src"]
    done = typecheck.mypy(SNIPPET, sources, tmp_path)
    lines = {int(n) for n in re.findall(r"^snippet\.py:(\d+): error:", done.stdout, re.M)}
    assert lines == EXPECTED_LINES, done.stdout + done.stderr
    assert 'Unexpected keyword argument "petId" for "Order"' in done.stdout
    assert 'Missing key "name" for TypedDict "PetParam"' in done.stdout


@pytest.mark.toolchain
def test_pyright_strict(generated: Path, tmp_path: Path) -> None:
    sources = [generated / "python" / "petstore" / "src"]
    done = typecheck.pyright_strict(SNIPPET, sources, tmp_path)
    lines = {int(n) for n in re.findall(r"snippet\.py:(\d+):\d+ - error", done.stdout)}
    assert lines == EXPECTED_LINES, done.stdout + done.stderr
    assert 'No parameter named "petId"' in done.stdout
