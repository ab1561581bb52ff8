"""Model constructors take the Python names under mypy --strict (without the pydantic
plugin) and pyright strict, while JSON keeps the wire names (issue #16 item 5)."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest
import typecheck

USES_PYTHON_NAMES = """\
from datetime import datetime

from petstore_client.models import Order, Pet, User

order = Order(pet_id=1, ship_date=datetime(2024, 1, 1), quantity=2)
pet = Pet(name="rex", photo_urls=["https://example.test/rex.png"])
user = User(first_name="Ada", last_name="Lovelace")
pet_id: int | None = order.pet_id
urls: list[str] = pet.photo_urls
"""
USES_WIRE_NAMES = """\
wrong = Order(petId=1)
"""


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


@pytest.mark.toolchain
def test_mypy_strict_without_plugin_accepts_python_names(
    generated: Path, tmp_path: Path
) -> None:
    sources = [generated / "python" / "petstore" / "src"]
    done = typecheck.mypy(USES_PYTHON_NAMES + USES_WIRE_NAMES, sources, tmp_path)
    errors = [line for line in done.stdout.splitlines() if ": error:" in line]
    assert len(errors) == 1, done.stdout + done.stderr  # only the wire name is refused
    assert 'snippet.py:10: error: Unexpected keyword argument "petId" for "Order"' in errors[0]


@pytest.mark.toolchain
def test_pyright_strict_accepts_python_names(generated: Path, tmp_path: Path) -> None:
    sources = [generated / "python" / "petstore" / "src"]
    done = typecheck.pyright_strict(USES_PYTHON_NAMES + USES_WIRE_NAMES, sources, tmp_path)
    assert "1 error, 0 warnings" in done.stdout, done.stdout + done.stderr
    assert 'snippet.py:10:15 - error: No parameter named "petId"' in done.stdout
