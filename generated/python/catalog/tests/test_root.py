"""Tests of the Catalog Service RESTful API Resource. operations, generated from the docs' examples."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
import respx

from catalog_client import (
    APIStatusError,
    AsyncCatalogClient,
    BadRequestError,
    CatalogClient,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
)
from catalog_client.models import Batch

_GET_BATCH_RESPONSE: Any = {
    "key": {
        "availableDates": {"endDate": 0, "startDate": 0},
        "completed": 0,
        "errors": [{}, {}],
        "failedRecordCount": 0,
        "imsOrg": "string",
        "metrics": {"string": 0},
        "recordCount": 0,
        "relatedObjects": [{}, {}],
        "size": 0,
        "started": 0,
        "status": "processing",
        "tags": {"string": ["string"]},
    }
}


def test_get_batch(
    client: CatalogClient, router: respx.MockRouter, expect: Any
) -> None:
    """GET /batches: the request follows the docs; the response parses."""
    route = router.route().respond(200, json=_GET_BATCH_RESPONSE)
    result = client.get_batch(
        batch="string",
        completed=0,
        connection="string",
        connector="string",
        created=0,
        created_after=0,
        created_before=0,
        created_client="string",
        created_user="string",
        data_set="string",
        data_set_file="string",
        data_set_view="string",
        end_after=0,
        end_before=0,
        failed_record_count=0,
        limit=0,
        order_by="string",
        property="string",
        record_count=0,
        size=0,
        start=0,
        start_after=0,
        start_before=0,
        started=0,
        status="string",
        transform="string",
        updated=0,
        updated_user="string",
        version="string",
    )
    expect.request(
        route,
        method="GET",
        path="/batches",
        query=[
            ("batch", "string"),
            ("completed", "0"),
            ("connection", "string"),
            ("connector", "string"),
            ("created", "0"),
            ("createdAfter", "0"),
            ("createdBefore", "0"),
            ("createdClient", "string"),
            ("createdUser", "string"),
            ("dataSet", "string"),
            ("dataSetFile", "string"),
            ("dataSetView", "string"),
            ("endAfter", "0"),
            ("endBefore", "0"),
            ("failedRecordCount", "0"),
            ("limit", "0"),
            ("orderBy", "string"),
            ("property", "string"),
            ("recordCount", "0"),
            ("size", "0"),
            ("start", "0"),
            ("startAfter", "0"),
            ("startBefore", "0"),
            ("started", "0"),
            ("status", "string"),
            ("transform", "string"),
            ("updated", "0"),
            ("updatedUser", "string"),
            ("version", "string"),
        ],
        headers=[
            ("Authorization", "Bearer test-token"),
            ("x-api-key", "test-api_key"),
            ("x-gw-ims-org-id", "test-ims_org_id"),
        ],
    )
    expect.parsed(result, dict[str, Batch], _GET_BATCH_RESPONSE)


def test_get_batch_async(
    async_client: Any, router: respx.MockRouter, expect: Any
) -> None:
    """GET /batches through the asyncio client."""
    route = router.route().respond(200, json=_GET_BATCH_RESPONSE)

    async def call() -> object:
        client: AsyncCatalogClient
        async with async_client() as client:
            return await client.get_batch(
                batch="string",
                completed=0,
                connection="string",
                connector="string",
                created=0,
                created_after=0,
                created_before=0,
                created_client="string",
                created_user="string",
                data_set="string",
                data_set_file="string",
                data_set_view="string",
                end_after=0,
                end_before=0,
                failed_record_count=0,
                limit=0,
                order_by="string",
                property="string",
                record_count=0,
                size=0,
                start=0,
                start_after=0,
                start_before=0,
                started=0,
                status="string",
                transform="string",
                updated=0,
                updated_user="string",
                version="string",
            )

    result = asyncio.run(call())
    expect.request(
        route,
        method="GET",
        path="/batches",
        query=[
            ("batch", "string"),
            ("completed", "0"),
            ("connection", "string"),
            ("connector", "string"),
            ("created", "0"),
            ("createdAfter", "0"),
            ("createdBefore", "0"),
            ("createdClient", "string"),
            ("createdUser", "string"),
            ("dataSet", "string"),
            ("dataSetFile", "string"),
            ("dataSetView", "string"),
            ("endAfter", "0"),
            ("endBefore", "0"),
            ("failedRecordCount", "0"),
            ("limit", "0"),
            ("orderBy", "string"),
            ("property", "string"),
            ("recordCount", "0"),
            ("size", "0"),
            ("start", "0"),
            ("startAfter", "0"),
            ("startBefore", "0"),
            ("started", "0"),
            ("status", "string"),
            ("transform", "string"),
            ("updated", "0"),
            ("updatedUser", "string"),
            ("version", "string"),
        ],
        headers=[
            ("Authorization", "Bearer test-token"),
            ("x-api-key", "test-api_key"),
            ("x-gw-ims-org-id", "test-ims_org_id"),
        ],
    )
    expect.parsed(result, dict[str, Batch], _GET_BATCH_RESPONSE)


def test_get_batch_raw_response(
    client: CatalogClient, router: respx.MockRouter, expect: Any
) -> None:
    """GET /batches: status and headers before parsing."""
    router.route().respond(200, json=_GET_BATCH_RESPONSE, headers={"x-test": "raw"})
    raw = client.with_raw_response.get_batch(
        batch="string",
        completed=0,
        connection="string",
        connector="string",
        created=0,
        created_after=0,
        created_before=0,
        created_client="string",
        created_user="string",
        data_set="string",
        data_set_file="string",
        data_set_view="string",
        end_after=0,
        end_before=0,
        failed_record_count=0,
        limit=0,
        order_by="string",
        property="string",
        record_count=0,
        size=0,
        start=0,
        start_after=0,
        start_before=0,
        started=0,
        status="string",
        transform="string",
        updated=0,
        updated_user="string",
        version="string",
    )
    assert raw.status_code == 200
    assert raw.headers["x-test"] == "raw"
    expect.parsed(raw.parse(), dict[str, Batch], _GET_BATCH_RESPONSE)


@pytest.mark.parametrize(
    ("status", "error", "body"),
    [
        (400, BadRequestError, {"message": "Bad request"}),
        (403, PermissionDeniedError, {"message": "forbidden"}),
        (404, NotFoundError, {"message": "Not found"}),
        (500, InternalServerError, {"message": "internal server error"}),
    ],
)
def test_get_batch_documented_errors(
    status: int,
    error: type[APIStatusError],
    body: object,
    client: CatalogClient,
    router: respx.MockRouter,
) -> None:
    """GET /batches: each documented error status raises its own exception."""
    router.route().respond(status, json=body)
    with pytest.raises(APIStatusError) as info:
        client.get_batch(
            batch="string",
            completed=0,
            connection="string",
            connector="string",
            created=0,
            created_after=0,
            created_before=0,
            created_client="string",
            created_user="string",
            data_set="string",
            data_set_file="string",
            data_set_view="string",
            end_after=0,
            end_before=0,
            failed_record_count=0,
            limit=0,
            order_by="string",
            property="string",
            record_count=0,
            size=0,
            start=0,
            start_after=0,
            start_before=0,
            started=0,
            status="string",
            transform="string",
            updated=0,
            updated_user="string",
            version="string",
        )
    assert type(info.value) is error
    assert info.value.status_code == status
    assert info.value.body == body
