"""Live tests: every operation of the client, called on a real or mock server.

Run with $CATALOG_TEST_LIVE_URL set (for example to a Prism mock server
started from the OpenAPI document): each call uses the docs' example values and must
either parse into its declared type or fail with a status the docs list.
"""

from __future__ import annotations

from typing import Any

from catalog_client import APIStatusError, CatalogClient
from catalog_client.models import Batch


def test_get_batch_live(live_client: CatalogClient, expect: Any) -> None:
    """GET /batches"""
    try:
        result = live_client.get_batch(
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
    except APIStatusError as error:
        expect.documented_error(error, (200, 400, 403, 404, 500))
        return
    expect.typed(result, dict[str, Batch])
