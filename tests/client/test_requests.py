"""Path, query (collection formats), NOT_GIVEN vs None, defaults, bodies, uploads."""

from __future__ import annotations

import io
import json
from types import ModuleType

import httpx
import pytest
from client_helpers import Recorder, json_response, make_client

PET = {"id": 7, "name": "rex", "photoUrls": ["u"], "status": "available"}


def test_path_parameters_are_encoded_and_positional(features: ModuleType) -> None:
    rec = Recorder(json_response(200, PET))
    client = make_client(features, rec)
    client.pet.get_pet_by_id(7)
    client.pet.get_pet_by_id(pet_id=8)
    assert [r.url.path for r in rec.requests] == ["/v2/pets/7", "/v2/pets/8"]


def test_empty_path_parameter_raises_before_sending(hostile: ModuleType) -> None:
    rec = Recorder(json_response(200, {}))
    client = make_client(hostile, rec, base_url="https://h.test")
    with pytest.raises(ValueError, match="'id'"):
        client.get_things_id_undocumented("", "x", body={"inline": "v"})
    assert rec.requests == []
    client.get_things_id_undocumented("a b/c", "x", body={"inline": "v"})
    assert rec.last.url.raw_path == b"/things/a%20b%2Fc/x"


def test_multi_and_csv_collection_formats(features: ModuleType) -> None:
    rec = Recorder(json_response(200, []))
    client = make_client(features, rec)
    client.pet.find_pets_by_status(status=["available", "sold"])
    assert rec.last.url.params.get_list("status") == ["available", "sold"]
    client.pet.find_pets_by_tags(tags=["a", "b"])
    assert rec.last.url.params.get_list("tags") == ["a,b"]


def test_defaults_from_docs_are_sent_and_not_given_is_not(features: ModuleType) -> None:
    rec = Recorder(json_response(200, []))
    client = make_client(features, rec)
    client.pet.find_pets_by_tags()
    assert dict(rec.last.url.params) == {"limit": "20"}
    client.pet.find_pets_by_tags(limit=5, extra_query={"page": 2, "flag": True})
    assert dict(rec.last.url.params) == {"limit": "5", "page": "2", "flag": "true"}


def test_snake_case_parameters_map_to_wire_names(catalog: ModuleType) -> None:
    rec = Recorder(json_response(200, {}))
    client = make_client(catalog, rec, api_key="k", ims_org_id="o")
    client.get_batch(created_after=10, order_by="created", data_set="ds1")
    assert dict(rec.last.url.params) == {
        "createdAfter": "10",
        "orderBy": "created",
        "dataSet": "ds1",
    }


def test_json_body_uses_wire_names_and_only_set_fields(features: ModuleType) -> None:
    rec = Recorder(json_response(200, PET))
    client = make_client(features, rec)
    pet = features.models.Pet(name="rex", photoUrls=["u"])
    client.pet.add_pet(body=pet)
    assert json.loads(rec.last.content) == {"name": "rex", "photoUrls": ["u"]}
    assert rec.last.headers["content-type"] == "application/json"


def test_form_body(features: ModuleType) -> None:
    rec = Recorder(json_response(200, {}))
    client = make_client(features, rec)
    client.pet.update_pet_with_form(3, name="rex")
    assert rec.last.headers["content-type"] == "application/x-www-form-urlencoded"
    assert rec.last.content == b"name=rex"


def test_multipart_file_upload(features: ModuleType) -> None:
    rec = Recorder(json_response(200, {"code": 200, "type": "ok", "message": "saved"}))
    client = make_client(features, rec)
    result = client.pet.upload_file(
        3, additional_metadata="meta", file=("dog.png", io.BytesIO(b"PNGDATA"), "image/png")
    )
    body = rec.last.content
    assert rec.last.headers["content-type"].startswith("multipart/form-data; boundary=")
    assert b'name="file"; filename="dog.png"' in body and b"PNGDATA" in body
    assert b'name="additionalMetadata"' in body and b"meta" in body
    assert result.message == "saved"


def test_header_parameters_and_no_content(features: ModuleType) -> None:
    rec = Recorder(json_response(204, None))
    client = make_client(features, rec, api_key="secret")
    assert client.pet.delete_pet(3) is None
    assert rec.last.method == "DELETE"
    assert rec.last.headers["api_key"] == "secret"


def test_timeout_per_call_and_per_client(features: ModuleType) -> None:
    rec = Recorder(json_response(200, PET))
    client = make_client(features, rec, timeout=5.0)
    client.pet.get_pet_by_id(1)
    assert rec.last.extensions["timeout"]["read"] == 5.0
    client.pet.get_pet_by_id(1, timeout=1.5)
    assert rec.last.extensions["timeout"]["read"] == 1.5
    make_client(features, rec).pet.get_pet_by_id(1)
    assert rec.last.extensions["timeout"]["read"] == 60.0


def test_documented_idempotency_header_makes_posts_retryable(
    features: ModuleType, sleeps: list[float]
) -> None:
    order = {"id": 1, "status": "placed"}
    rec = Recorder(json_response(500, {}), json_response(200, order))
    client = make_client(features, rec)
    assert client.idempotency_header == "Idempotency-Key"
    assert client.store.place_order(body=order).id == 1
    keys = {r.headers["idempotency-key"] for r in rec.requests}
    assert len(rec.requests) == 2 and len(keys) == 1


def test_file_responses_are_bytes(features: ModuleType) -> None:
    rec = Recorder(
        httpx.Response(200, content=b"%PDF-1.7", headers={"content-type": "application/pdf"})
    )
    assert make_client(features, rec).store.get_receipt(9) == b"%PDF-1.7"
    assert rec.last.url.path == "/v2/store/receipts/9"
