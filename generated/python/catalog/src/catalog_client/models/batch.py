"""Models: BatchAvailableDates, BatchAvailableDatesParam, Batch, BatchParam"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field
from typing_extensions import Required, TypedDict

from .._runtime import BaseModel

__all__ = [
    "BatchAvailableDates",
    "BatchAvailableDatesParam",
    "Batch",
    "BatchParam",
]


class BatchAvailableDates(BaseModel):
    """The BatchAvailableDates model."""

    end_date: int | None = Field(
        default=None, validation_alias="endDate", serialization_alias="endDate"
    )
    """The Unix timestamp (in seconds) for the most recent data available in this Batch."""

    start_date: int | None = Field(
        default=None, validation_alias="startDate", serialization_alias="startDate"
    )
    """The Unix timestamp (in seconds) for the oldest data available in this Batch."""


class BatchAvailableDatesParam(TypedDict, total=False):
    """`BatchAvailableDates` as a plain dict: the same fields, by wire name."""

    endDate: int
    startDate: int


class Batch(BaseModel):
    """The Batch model."""

    available_dates: BatchAvailableDates | None = Field(
        default=None,
        validation_alias="availableDates",
        serialization_alias="availableDates",
    )
    """Describes what date range of data is available in the Batch. Null if dates aren't relevant for data related to this Batch."""

    completed: int | None = None
    """The Unix timestamp (in milliseconds) when the Batch processing action was completed. Completed - Started should yield the total processing time."""

    created: int | None = None
    """The Unix timestamp (in milliseconds) when this Batch was persisted."""

    created_client: str | None = Field(
        default=None,
        validation_alias="createdClient",
        serialization_alias="createdClient",
    )
    """The ID of the IMS client that created this Batch."""

    created_user: str | None = Field(
        default=None, validation_alias="createdUser", serialization_alias="createdUser"
    )
    """The ID of the user who created this object."""

    # unresolved reference 'errors.md#errors': the docs do not define it
    errors: list[dict[str, Any]] | None = None

    failed_record_count: int | None = Field(
        default=None,
        validation_alias="failedRecordCount",
        serialization_alias="failedRecordCount",
    )
    """The number of records that could not be processed in this Batch."""

    ims_org: str = Field(validation_alias="imsOrg", serialization_alias="imsOrg")
    """The owning IMS organization identifier."""

    metrics: dict[str, int] | None = None
    """Contains metrics related to this Batch.  Metric names are determined by the producer of the object since each Batch may want to record metrics that are relevant to the process"""

    record_count: int | None = Field(
        default=None, validation_alias="recordCount", serialization_alias="recordCount"
    )
    """The total number of data records (rows/documents) processed in this Batch."""

    # unresolved reference 'relatedObjects.md#relatedobjects': the docs do not define it
    related_objects: list[dict[str, Any]] | None = Field(
        default=None,
        validation_alias="relatedObjects",
        serialization_alias="relatedObjects",
    )
    """A list of the objects involved with this Batch."""

    size: int | None = None
    """Number of bytes processed in this Batch."""

    started: int | None = None
    """The Unix timestamp (in milliseconds) when the Batch processing action was started."""

    status: (
        Literal["processing", "success", "failure", "queued", "retrying", "stalled"]
        | str
    )
    """The current (mutable) status of this Batch."""

    tags: dict[str, list[str]] | None = None
    """Tags are values associated with a particular object,  these are generally used by external systems for marking an object in a way that it understands.  Normally tags are not used for internal Catalog business logic"""

    updated: int | None = None
    """The Unix timestamp (in milliseconds) of last modification."""

    updated_user: str | None = Field(
        default=None, validation_alias="updatedUser", serialization_alias="updatedUser"
    )
    """The ID of the user who changed this object."""

    version: str | None = None
    """The Semantic version of the Batch. Updated when the Batch is modified."""


class BatchParam(TypedDict, total=False):
    """`Batch` as a plain dict: the same fields, by wire name."""

    availableDates: BatchAvailableDatesParam
    completed: int
    created: int
    createdClient: str
    createdUser: str
    errors: list[dict[str, Any]]
    failedRecordCount: int
    imsOrg: Required[str]
    metrics: dict[str, int]
    recordCount: int
    relatedObjects: list[dict[str, Any]]
    size: int
    started: int
    status: Required[
        Literal["processing", "success", "failure", "queued", "retrying", "stalled"]
        | str
    ]
    tags: dict[str, list[str]]
    updated: int
    updatedUser: str
    version: str
