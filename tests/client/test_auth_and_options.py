"""Auth headers, client options from env vars, base URL, with_options."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import pytest
from client_helpers import Recorder, json_response, make_client

CATALOG_KEYS: dict[str, Any] = {"api_key": "key-1", "ims_org_id": "org@AdobeOrg"}


def test_catalog_sends_required_headers_and_bearer_token(catalog: ModuleType) -> None:
    rec = Recorder(json_response(200, {}))
    client = make_client(catalog, rec, access_token="tok", **CATALOG_KEYS)
    client.get_batch()
    headers = rec.last.headers
    assert headers["x-api-key"] == "key-1"
    assert headers["x-gw-ims-org-id"] == "org@AdobeOrg"
    assert headers["authorization"] == "Bearer tok"
    assert str(rec.last.url) == "https://platform-int.adobe.io/data/foundation/catalog/batches"


def test_bearer_prefix_is_not_doubled(catalog: ModuleType) -> None:
    rec = Recorder(json_response(200, {}))
    make_client(catalog, rec, access_token="Bearer abc", **CATALOG_KEYS).get_batch()
    assert rec.last.headers["authorization"] == "Bearer abc"


def test_options_come_from_environment(
    catalog: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CATALOG_API_KEY", "env-key")
    monkeypatch.setenv("CATALOG_IMS_ORG_ID", "env-org")
    monkeypatch.setenv("CATALOG_BASE_URL", "https://example.test/catalog")
    rec = Recorder(json_response(200, {}))
    client = make_client(catalog, rec)
    client.get_batch()
    assert rec.last.headers["x-api-key"] == "env-key"
    assert rec.last.headers["x-gw-ims-org-id"] == "env-org"
    assert "authorization" not in rec.last.headers  # no token configured: not sent
    assert str(rec.last.url) == "https://example.test/catalog/batches"
    assert client.api_key == "env-key"


def test_explicit_option_beats_environment(
    catalog: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CATALOG_API_KEY", "env-key")
    rec = Recorder(json_response(200, {}))
    make_client(catalog, rec, api_key="arg-key", ims_org_id="o").get_batch()
    assert rec.last.headers["x-api-key"] == "arg-key"


def test_missing_required_option_names_the_env_var(
    catalog: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CATALOG_API_KEY", raising=False)
    with pytest.raises(ValueError, match="CATALOG_API_KEY"):
        catalog.Client(ims_org_id="o")


def test_repeated_headers_are_not_method_parameters(catalog: ModuleType) -> None:
    rec = Recorder(json_response(200, {}))
    client = make_client(catalog, rec, **CATALOG_KEYS)
    with pytest.raises(TypeError):
        client.get_batch(x_api_key="nope")


def test_with_options_overrides_per_call_without_touching_original(catalog: ModuleType) -> None:
    rec = Recorder(json_response(200, {}))
    client = make_client(catalog, rec, **CATALOG_KEYS)
    other = client.with_options(ims_org_id="other-org", max_retries=0)
    other.get_batch()
    assert rec.last.headers["x-gw-ims-org-id"] == "other-org"
    client.get_batch()
    assert rec.last.headers["x-gw-ims-org-id"] == "org@AdobeOrg"
    assert other.max_retries == 0 and client.max_retries == 2


def test_extra_headers_override_everything(catalog: ModuleType) -> None:
    rec = Recorder(json_response(200, {}))
    client = make_client(catalog, rec, default_headers={"X-Trace": "1"}, **CATALOG_KEYS)
    client.get_batch(extra_headers={"x-api-key": "per-call", "X-More": "yes"})
    assert rec.last.headers["x-api-key"] == "per-call"
    assert rec.last.headers["x-more"] == "yes"
    assert rec.last.headers["x-trace"] == "1"


def test_petstore_sends_each_operations_own_scheme(features: ModuleType) -> None:
    rec = Recorder(json_response(200, {"id": 1, "name": "rex", "photoUrls": []}))
    client = make_client(features, rec, api_key="k", access_token="t")
    client.pet.get_pet_by_id(1)
    assert rec.last.headers["api_key"] == "k"
    assert "authorization" not in rec.last.headers
    client.pet.add_pet(body={"name": "rex", "photoUrls": []})
    assert rec.last.headers["authorization"] == "Bearer t"
    assert "api_key" not in rec.last.headers


def test_basic_auth(hostile: ModuleType) -> None:
    rec = Recorder(json_response(200, {}))
    client = make_client(hostile, rec, base_url="https://h.test", username="u", password="p")
    client.close_()
    assert rec.last.headers["authorization"] == "Basic dTpw"


def test_missing_base_url_is_an_error(hostile: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HOSTILE_API_BASE_URL", raising=False)
    with pytest.raises(ValueError, match="HOSTILE_API_BASE_URL"):
        hostile.Client()


def test_context_manager_closes_own_pool_only(features: ModuleType) -> None:
    with features.Client() as client:
        http = client._http
    assert http.is_closed
    rec = Recorder(json_response(200, {}))
    with make_client(features, rec) as client:
        user_http = client._http
    assert not user_http.is_closed
