"""Operations of the client"""

from __future__ import annotations

from typing import Final

from .._pagination import AsyncPager, SyncPager
from .._runtime import (
    AsyncAPIResource,
    AsyncRawMethod,
    Endpoint,
    Paging,
    RawMethod,
    SyncAPIResource,
)
from .._types import NOT_GIVEN, Headers, NotGiven, Query, Timeout
from ..models.batch import Batch

__all__ = [
    "RootResource",
    "AsyncRootResource",
    "RootResourceWithRawResponse",
    "AsyncRootResourceWithRawResponse",
]

_GET_BATCH = Endpoint[dict[str, Batch]](
    "GET",
    "/batches",
    dict[str, Batch],
    auth=("api_key", "ims_org_id", "access_token"),
    paging=Paging("offset", offset="start", limit="limit"),
)


class RootResource(SyncAPIResource):
    """Operations: get_batch"""

    def get_batch(
        self,
        *,
        batch: str | NotGiven = NOT_GIVEN,
        completed: int | NotGiven = NOT_GIVEN,
        connection: str | NotGiven = NOT_GIVEN,
        connector: str | NotGiven = NOT_GIVEN,
        created: int | NotGiven = NOT_GIVEN,
        created_after: int | NotGiven = NOT_GIVEN,
        created_before: int | NotGiven = NOT_GIVEN,
        created_client: str | NotGiven = NOT_GIVEN,
        created_user: str | NotGiven = NOT_GIVEN,
        data_set: str | NotGiven = NOT_GIVEN,
        data_set_file: str | NotGiven = NOT_GIVEN,
        data_set_view: str | NotGiven = NOT_GIVEN,
        end_after: int | NotGiven = NOT_GIVEN,
        end_before: int | NotGiven = NOT_GIVEN,
        failed_record_count: int | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        order_by: str | NotGiven = NOT_GIVEN,
        property: str | NotGiven = NOT_GIVEN,
        record_count: int | NotGiven = NOT_GIVEN,
        size: int | NotGiven = NOT_GIVEN,
        start: int | NotGiven = NOT_GIVEN,
        start_after: int | NotGiven = NOT_GIVEN,
        start_before: int | NotGiven = NOT_GIVEN,
        started: int | NotGiven = NOT_GIVEN,
        status: str | NotGiven = NOT_GIVEN,
        transform: str | NotGiven = NOT_GIVEN,
        updated: int | NotGiven = NOT_GIVEN,
        updated_user: str | NotGiven = NOT_GIVEN,
        version: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> dict[str, Batch]:
        """Fetches a list of Batches.

        Args:
            batch: Used to filter on the related object: &batch=batchId.
            completed: The Unix timestamp (in milliseconds) when the Batch processing action was completed. Completed - Started should yield the total processing time.
            connection: Used to filter on the related object: &connection=connectionId.
            connector: Used to filter on the related object: &connector=connectorId.
            created: The Unix timestamp (in milliseconds) when this object was persisted.
            created_after: Exclusively filter records created after this timestamp.
            created_before: Exclusively filter records created before this timestamp.
            created_client: The ID of the IMS client that created this object.
            created_user: The ID of the user who created this object.
            data_set: Used to filter on the related object: &dataSet=dataSetId.
            data_set_file: Used to filter on the related object: &dataSetFile=dataSetFileId.
            data_set_view: Used to filter on the related object: &dataSetView=dataSetViewId.
            end_after: Query only batches with availability dates that end after the specified timestamp.
            end_before: Query only batches with availability dates that end before the specified timestamp.
            failed_record_count: The number of records that could not be processed in this Batch.
            limit: Limit response to a specified number of objects. Ex. limit=10
            order_by: Sort parameter and direction for sorting the response. Ex. orderBy=asc:created,updated. This was previously called sort.
            property: Regex used to filter objects in the response. Ex. property=name~^test.
            record_count: The total number of data records (rows/documents) processed in this Batch.
            size: Number of bytes processed in this Batch.
            start: Returns results from a specific offset of objects. This was previously called offset. Ex. start=3.
            start_after: Query only batches with availability dates that start after the specified timestamp.
            start_before: Query only batches with availability dates that start before the specified timestamp.
            started: The Unix timestamp (in milliseconds) when the Batch processing action was started.
            status: The current (mutable) status of this Batch.
            transform: Used to filter on the related object: &transform=transformId.
            updated: The Unix timestamp (in milliseconds) for the time of last modification.
            updated_user: The ID of the user who changed this object.
            version: The Semantic version of the account. Updated when the object is modified.

        Returns:
            batch response

        Raises:
            BadRequestError: 400 Bad request
            PermissionDeniedError: 403 forbidden
            NotFoundError: 404 Not found
            InternalServerError: 500 internal server error
        """
        return self._client.request(
            _GET_BATCH,
            query={
                "batch": batch,
                "completed": completed,
                "connection": connection,
                "connector": connector,
                "created": created,
                "createdAfter": created_after,
                "createdBefore": created_before,
                "createdClient": created_client,
                "createdUser": created_user,
                "dataSet": data_set,
                "dataSetFile": data_set_file,
                "dataSetView": data_set_view,
                "endAfter": end_after,
                "endBefore": end_before,
                "failedRecordCount": failed_record_count,
                "limit": limit,
                "orderBy": order_by,
                "property": property,
                "recordCount": record_count,
                "size": size,
                "start": start,
                "startAfter": start_after,
                "startBefore": start_before,
                "started": started,
                "status": status,
                "transform": transform,
                "updated": updated,
                "updatedUser": updated_user,
                "version": version,
            },
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
            max_retries=max_retries,
        )

    def get_batch_iter(
        self,
        *,
        batch: str | NotGiven = NOT_GIVEN,
        completed: int | NotGiven = NOT_GIVEN,
        connection: str | NotGiven = NOT_GIVEN,
        connector: str | NotGiven = NOT_GIVEN,
        created: int | NotGiven = NOT_GIVEN,
        created_after: int | NotGiven = NOT_GIVEN,
        created_before: int | NotGiven = NOT_GIVEN,
        created_client: str | NotGiven = NOT_GIVEN,
        created_user: str | NotGiven = NOT_GIVEN,
        data_set: str | NotGiven = NOT_GIVEN,
        data_set_file: str | NotGiven = NOT_GIVEN,
        data_set_view: str | NotGiven = NOT_GIVEN,
        end_after: int | NotGiven = NOT_GIVEN,
        end_before: int | NotGiven = NOT_GIVEN,
        failed_record_count: int | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        order_by: str | NotGiven = NOT_GIVEN,
        property: str | NotGiven = NOT_GIVEN,
        record_count: int | NotGiven = NOT_GIVEN,
        size: int | NotGiven = NOT_GIVEN,
        start: int | NotGiven = NOT_GIVEN,
        start_after: int | NotGiven = NOT_GIVEN,
        start_before: int | NotGiven = NOT_GIVEN,
        started: int | NotGiven = NOT_GIVEN,
        status: str | NotGiven = NOT_GIVEN,
        transform: str | NotGiven = NOT_GIVEN,
        updated: int | NotGiven = NOT_GIVEN,
        updated_user: str | NotGiven = NOT_GIVEN,
        version: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> SyncPager[dict[str, Batch], tuple[str, Batch]]:
        """Every item of `get_batch`, page after page.

        Takes the arguments of `get_batch`; each page is requested when iteration
        reaches it (offset paging: moving start on by the items received; stops at an
        empty page or one shorter than limit (or than the first page)). Iterating yields
        (key, value) pairs of each page's map; `.pages()` yields the pages themselves.
        """
        return SyncPager(
            self._client,
            _GET_BATCH,
            query={
                "batch": batch,
                "completed": completed,
                "connection": connection,
                "connector": connector,
                "created": created,
                "createdAfter": created_after,
                "createdBefore": created_before,
                "createdClient": created_client,
                "createdUser": created_user,
                "dataSet": data_set,
                "dataSetFile": data_set_file,
                "dataSetView": data_set_view,
                "endAfter": end_after,
                "endBefore": end_before,
                "failedRecordCount": failed_record_count,
                "limit": limit,
                "orderBy": order_by,
                "property": property,
                "recordCount": record_count,
                "size": size,
                "start": start,
                "startAfter": start_after,
                "startBefore": start_before,
                "started": started,
                "status": status,
                "transform": transform,
                "updated": updated,
                "updatedUser": updated_user,
                "version": version,
            },
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
            max_retries=max_retries,
        )


class AsyncRootResource(AsyncAPIResource):
    """Operations: get_batch"""

    async def get_batch(
        self,
        *,
        batch: str | NotGiven = NOT_GIVEN,
        completed: int | NotGiven = NOT_GIVEN,
        connection: str | NotGiven = NOT_GIVEN,
        connector: str | NotGiven = NOT_GIVEN,
        created: int | NotGiven = NOT_GIVEN,
        created_after: int | NotGiven = NOT_GIVEN,
        created_before: int | NotGiven = NOT_GIVEN,
        created_client: str | NotGiven = NOT_GIVEN,
        created_user: str | NotGiven = NOT_GIVEN,
        data_set: str | NotGiven = NOT_GIVEN,
        data_set_file: str | NotGiven = NOT_GIVEN,
        data_set_view: str | NotGiven = NOT_GIVEN,
        end_after: int | NotGiven = NOT_GIVEN,
        end_before: int | NotGiven = NOT_GIVEN,
        failed_record_count: int | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        order_by: str | NotGiven = NOT_GIVEN,
        property: str | NotGiven = NOT_GIVEN,
        record_count: int | NotGiven = NOT_GIVEN,
        size: int | NotGiven = NOT_GIVEN,
        start: int | NotGiven = NOT_GIVEN,
        start_after: int | NotGiven = NOT_GIVEN,
        start_before: int | NotGiven = NOT_GIVEN,
        started: int | NotGiven = NOT_GIVEN,
        status: str | NotGiven = NOT_GIVEN,
        transform: str | NotGiven = NOT_GIVEN,
        updated: int | NotGiven = NOT_GIVEN,
        updated_user: str | NotGiven = NOT_GIVEN,
        version: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> dict[str, Batch]:
        """Fetches a list of Batches.

        Args:
            batch: Used to filter on the related object: &batch=batchId.
            completed: The Unix timestamp (in milliseconds) when the Batch processing action was completed. Completed - Started should yield the total processing time.
            connection: Used to filter on the related object: &connection=connectionId.
            connector: Used to filter on the related object: &connector=connectorId.
            created: The Unix timestamp (in milliseconds) when this object was persisted.
            created_after: Exclusively filter records created after this timestamp.
            created_before: Exclusively filter records created before this timestamp.
            created_client: The ID of the IMS client that created this object.
            created_user: The ID of the user who created this object.
            data_set: Used to filter on the related object: &dataSet=dataSetId.
            data_set_file: Used to filter on the related object: &dataSetFile=dataSetFileId.
            data_set_view: Used to filter on the related object: &dataSetView=dataSetViewId.
            end_after: Query only batches with availability dates that end after the specified timestamp.
            end_before: Query only batches with availability dates that end before the specified timestamp.
            failed_record_count: The number of records that could not be processed in this Batch.
            limit: Limit response to a specified number of objects. Ex. limit=10
            order_by: Sort parameter and direction for sorting the response. Ex. orderBy=asc:created,updated. This was previously called sort.
            property: Regex used to filter objects in the response. Ex. property=name~^test.
            record_count: The total number of data records (rows/documents) processed in this Batch.
            size: Number of bytes processed in this Batch.
            start: Returns results from a specific offset of objects. This was previously called offset. Ex. start=3.
            start_after: Query only batches with availability dates that start after the specified timestamp.
            start_before: Query only batches with availability dates that start before the specified timestamp.
            started: The Unix timestamp (in milliseconds) when the Batch processing action was started.
            status: The current (mutable) status of this Batch.
            transform: Used to filter on the related object: &transform=transformId.
            updated: The Unix timestamp (in milliseconds) for the time of last modification.
            updated_user: The ID of the user who changed this object.
            version: The Semantic version of the account. Updated when the object is modified.

        Returns:
            batch response

        Raises:
            BadRequestError: 400 Bad request
            PermissionDeniedError: 403 forbidden
            NotFoundError: 404 Not found
            InternalServerError: 500 internal server error
        """
        return await self._client.request(
            _GET_BATCH,
            query={
                "batch": batch,
                "completed": completed,
                "connection": connection,
                "connector": connector,
                "created": created,
                "createdAfter": created_after,
                "createdBefore": created_before,
                "createdClient": created_client,
                "createdUser": created_user,
                "dataSet": data_set,
                "dataSetFile": data_set_file,
                "dataSetView": data_set_view,
                "endAfter": end_after,
                "endBefore": end_before,
                "failedRecordCount": failed_record_count,
                "limit": limit,
                "orderBy": order_by,
                "property": property,
                "recordCount": record_count,
                "size": size,
                "start": start,
                "startAfter": start_after,
                "startBefore": start_before,
                "started": started,
                "status": status,
                "transform": transform,
                "updated": updated,
                "updatedUser": updated_user,
                "version": version,
            },
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
            max_retries=max_retries,
        )

    def get_batch_iter(
        self,
        *,
        batch: str | NotGiven = NOT_GIVEN,
        completed: int | NotGiven = NOT_GIVEN,
        connection: str | NotGiven = NOT_GIVEN,
        connector: str | NotGiven = NOT_GIVEN,
        created: int | NotGiven = NOT_GIVEN,
        created_after: int | NotGiven = NOT_GIVEN,
        created_before: int | NotGiven = NOT_GIVEN,
        created_client: str | NotGiven = NOT_GIVEN,
        created_user: str | NotGiven = NOT_GIVEN,
        data_set: str | NotGiven = NOT_GIVEN,
        data_set_file: str | NotGiven = NOT_GIVEN,
        data_set_view: str | NotGiven = NOT_GIVEN,
        end_after: int | NotGiven = NOT_GIVEN,
        end_before: int | NotGiven = NOT_GIVEN,
        failed_record_count: int | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        order_by: str | NotGiven = NOT_GIVEN,
        property: str | NotGiven = NOT_GIVEN,
        record_count: int | NotGiven = NOT_GIVEN,
        size: int | NotGiven = NOT_GIVEN,
        start: int | NotGiven = NOT_GIVEN,
        start_after: int | NotGiven = NOT_GIVEN,
        start_before: int | NotGiven = NOT_GIVEN,
        started: int | NotGiven = NOT_GIVEN,
        status: str | NotGiven = NOT_GIVEN,
        transform: str | NotGiven = NOT_GIVEN,
        updated: int | NotGiven = NOT_GIVEN,
        updated_user: str | NotGiven = NOT_GIVEN,
        version: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AsyncPager[dict[str, Batch], tuple[str, Batch]]:
        """Every item of `get_batch`, page after page.

        Takes the arguments of `get_batch`; each page is requested when iteration
        reaches it (offset paging: moving start on by the items received; stops at an
        empty page or one shorter than limit (or than the first page)). Iterating yields
        (key, value) pairs of each page's map; `.pages()` yields the pages themselves.
        """
        return AsyncPager(
            self._client,
            _GET_BATCH,
            query={
                "batch": batch,
                "completed": completed,
                "connection": connection,
                "connector": connector,
                "created": created,
                "createdAfter": created_after,
                "createdBefore": created_before,
                "createdClient": created_client,
                "createdUser": created_user,
                "dataSet": data_set,
                "dataSetFile": data_set_file,
                "dataSetView": data_set_view,
                "endAfter": end_after,
                "endBefore": end_before,
                "failedRecordCount": failed_record_count,
                "limit": limit,
                "orderBy": order_by,
                "property": property,
                "recordCount": record_count,
                "size": size,
                "start": start,
                "startAfter": start_after,
                "startBefore": start_before,
                "started": started,
                "status": status,
                "transform": transform,
                "updated": updated,
                "updatedUser": updated_user,
                "version": version,
            },
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
            max_retries=max_retries,
        )


class RootResourceWithRawResponse:
    """`RootResource` methods returning `RawResponse` objects."""

    def __init__(self, resource: RootResource) -> None:
        self._resource = resource

    get_batch: Final = RawMethod(RootResource.get_batch)
    """`RootResource.get_batch`, returning the raw response."""


class AsyncRootResourceWithRawResponse:
    """`AsyncRootResource` methods returning `RawResponse` objects."""

    def __init__(self, resource: AsyncRootResource) -> None:
        self._resource = resource

    get_batch: Final = AsyncRawMethod(AsyncRootResource.get_batch)
    """`AsyncRootResource.get_batch`, returning the raw response."""
