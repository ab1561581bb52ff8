"""Generated clients for the feature tests, importable.

``catalog`` and ``petstore`` come from the real ``specs/`` docs; ``features`` and
``hostile`` from hand-built models (tests/emit/python_fixtures.py), ``vault`` from
tests/client/client_fixtures.py.

The packages are generated once per session into a temporary folder and put on
``sys.path``; tests talk to them through ``httpx.MockTransport`` (no network).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "emit"))

import client_fixtures
import python_build
import python_fixtures


@pytest.fixture(scope="session")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    out = tmp_path_factory.mktemp("generated")
    roots = [
        python_build.write(
            python_build.load_spec("catalog"), out, python_build.project_config("catalog")
        ),
        python_build.write(
            python_build.load_spec("petstore"), out, python_build.project_config("petstore")
        ),
        python_build.write(python_fixtures.petstore_api("features"), out),
        python_build.write(python_fixtures.hostile_api(), out),
        python_build.write(client_fixtures.vault_api(), out),
        python_build.write(client_fixtures.pages_api(), out, client_fixtures.pages_config(out)),
        python_build.write(client_fixtures.uploads_api(), out),
    ]
    for root in roots:
        sys.path.insert(0, str(root / "src"))
    yield out
    for root in roots:
        sys.path.remove(str(root / "src"))


@pytest.fixture(scope="session")
def catalog(generated: Path) -> ModuleType:
    return importlib.import_module("catalog_client")


@pytest.fixture(scope="session")
def petstore(generated: Path) -> ModuleType:
    return importlib.import_module("petstore_client")


@pytest.fixture(scope="session")
def features(generated: Path) -> ModuleType:
    """A hand-built petstore with what the real docs lack: defaults, csv, uploads, 204."""
    return importlib.import_module("features_client")


@pytest.fixture(scope="session")
def hostile(generated: Path) -> ModuleType:
    return importlib.import_module("hostile_api_client")


@pytest.fixture(scope="session")
def vault(generated: Path) -> ModuleType:
    """An API key in the query string, a token header, secret query parameters."""
    return importlib.import_module("vault_client")


@pytest.fixture(scope="session")
def pages(generated: Path) -> ModuleType:
    """One operation per paging style: cursor, page number, next link (body, header)."""
    return importlib.import_module("pages_client")


@pytest.fixture(scope="session")
def uploads(generated: Path) -> ModuleType:
    """Two body rows merged into one object body; a form array of files."""
    return importlib.import_module("uploads_client")


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Retry sleeps, recorded instead of slept (sync and async)."""
    slept: list[float] = []

    async def fake_async_sleep(seconds: float) -> None:
        slept.append(seconds)

    monkeypatch.setattr("time.sleep", slept.append)
    monkeypatch.setattr("asyncio.sleep", fake_async_sleep)
    return slept
