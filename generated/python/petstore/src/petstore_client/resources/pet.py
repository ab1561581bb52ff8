"""Pet resource"""

from __future__ import annotations

from typing import Any

from .._runtime import (
    AsyncAPIResource,
    Endpoint,
    SyncAPIResource,
    async_to_raw_response,
    to_raw_response,
)
from .._types import NOT_GIVEN, Headers, NotGiven, Query, Timeout
from ..models.pet import Pet

__all__ = [
    "PetResource",
    "AsyncPetResource",
    "PetResourceWithRawResponse",
    "AsyncPetResourceWithRawResponse",
]

_ADDPET = Endpoint[Any]("POST", "/pets", Any, auth=("access_token",))
_UPDATEPET = Endpoint[Any]("PUT", "/pets", Any, auth=("access_token",))
_FINDPETSBYSTATUS = Endpoint[list[Pet]](
    "GET",
    "/pets/findByStatus",
    list[Pet],
    auth=("access_token",),
    formats={"status": "multi"},
)
_FINDPETSBYTAGS = Endpoint[list[Pet]](
    "GET",
    "/pets/findByTags",
    list[Pet],
    auth=("access_token",),
    formats={"tags": "multi"},
)
_UPDATEPETWITHFORM = Endpoint[Any](
    "POST", "/pets/{petId}", Any, auth=("access_token",), body="form"
)
_GETPETBYID = Endpoint[Pet](
    "GET",
    "/pets/{petId}",
    Pet,
    auth=(
        "api_key",
        "access_token",
    ),
)
_DELETEPET = Endpoint[Any](
    "DELETE",
    "/pets/{petId}",
    Any,
    auth=(
        "api_key",
        "access_token",
    ),
)


class PetResource(SyncAPIResource):
    """Pet resource"""

    @property
    def with_raw_response(self) -> PetResourceWithRawResponse:
        """The same methods, returning the raw response (status, headers, body)."""
        return PetResourceWithRawResponse(self)

    def addpet(
        self,
        *,
        body: Pet | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> Any:
        """Add a new pet to the store

        Args:
            body: Pet object that needs to be added to the store

        Raises:
            APIStatusError: 405 Invalid input
        """
        return self._client.request(
            _ADDPET,
            body=body,
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )

    def updatepet(
        self,
        *,
        body: Pet | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> Any:
        """Update an existing pet

        Args:
            body: Pet object that needs to be added to the store

        Raises:
            BadRequestError: 400 Invalid ID supplied
            NotFoundError: 404 Pet not found
            APIStatusError: 405 Validation exception
        """
        return self._client.request(
            _UPDATEPET,
            body=body,
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )

    def findpetsbystatus(
        self,
        *,
        status: list[str] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> list[Pet]:
        """Finds Pets by status

        Multiple status values can be provided with comma seperated strings

        Args:
            status: Status values that need to be considered for filter

        Returns:
            successful operation

        Raises:
            BadRequestError: 400 Invalid status value
        """
        return self._client.request(
            _FINDPETSBYSTATUS,
            query={"status": status},
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )

    def findpetsbytags(
        self,
        *,
        tags: list[str] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> list[Pet]:
        """Finds Pets by tags

        Muliple tags can be provided with comma seperated strings. Use tag1, tag2, tag3 for testing.

        Args:
            tags: Tags to filter by

        Returns:
            successful operation

        Raises:
            BadRequestError: 400 Invalid tag value
        """
        return self._client.request(
            _FINDPETSBYTAGS,
            query={"tags": tags},
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )

    def updatepetwithform(
        self,
        pet_id: str,
        *,
        name: str,
        status: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> Any:
        """Updates a pet in the store with form data

        Args:
            pet_id: ID of pet that needs to be updated
            name: Updated name of the pet
            status: Updated status of the pet

        Raises:
            APIStatusError: 405 Invalid input
        """
        return self._client.request(
            _UPDATEPETWITHFORM,
            path={"petId": pet_id},
            form={"name": name, "status": status},
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )

    def getpetbyid(
        self,
        pet_id: int,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> Pet:
        """Find pet by ID

        Returns a pet when ID < 10.  ID > 10 or nonintegers will simulate API error conditions

        Args:
            pet_id: ID of pet that needs to be fetched

        Returns:
            successful operation

        Raises:
            BadRequestError: 400 Invalid ID supplied
            NotFoundError: 404 Pet not found
        """
        return self._client.request(
            _GETPETBYID,
            path={"petId": pet_id},
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )

    def deletepet(
        self,
        pet_id: int,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> Any:
        """Deletes a pet

        Args:
            pet_id: Pet id to delete

        Raises:
            BadRequestError: 400 Invalid pet value
        """
        return self._client.request(
            _DELETEPET,
            path={"petId": pet_id},
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )


class AsyncPetResource(AsyncAPIResource):
    """Pet resource"""

    @property
    def with_raw_response(self) -> AsyncPetResourceWithRawResponse:
        """The same methods, returning the raw response (status, headers, body)."""
        return AsyncPetResourceWithRawResponse(self)

    async def addpet(
        self,
        *,
        body: Pet | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> Any:
        """Add a new pet to the store

        Args:
            body: Pet object that needs to be added to the store

        Raises:
            APIStatusError: 405 Invalid input
        """
        return await self._client.request(
            _ADDPET,
            body=body,
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )

    async def updatepet(
        self,
        *,
        body: Pet | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> Any:
        """Update an existing pet

        Args:
            body: Pet object that needs to be added to the store

        Raises:
            BadRequestError: 400 Invalid ID supplied
            NotFoundError: 404 Pet not found
            APIStatusError: 405 Validation exception
        """
        return await self._client.request(
            _UPDATEPET,
            body=body,
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )

    async def findpetsbystatus(
        self,
        *,
        status: list[str] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> list[Pet]:
        """Finds Pets by status

        Multiple status values can be provided with comma seperated strings

        Args:
            status: Status values that need to be considered for filter

        Returns:
            successful operation

        Raises:
            BadRequestError: 400 Invalid status value
        """
        return await self._client.request(
            _FINDPETSBYSTATUS,
            query={"status": status},
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )

    async def findpetsbytags(
        self,
        *,
        tags: list[str] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> list[Pet]:
        """Finds Pets by tags

        Muliple tags can be provided with comma seperated strings. Use tag1, tag2, tag3 for testing.

        Args:
            tags: Tags to filter by

        Returns:
            successful operation

        Raises:
            BadRequestError: 400 Invalid tag value
        """
        return await self._client.request(
            _FINDPETSBYTAGS,
            query={"tags": tags},
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )

    async def updatepetwithform(
        self,
        pet_id: str,
        *,
        name: str,
        status: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> Any:
        """Updates a pet in the store with form data

        Args:
            pet_id: ID of pet that needs to be updated
            name: Updated name of the pet
            status: Updated status of the pet

        Raises:
            APIStatusError: 405 Invalid input
        """
        return await self._client.request(
            _UPDATEPETWITHFORM,
            path={"petId": pet_id},
            form={"name": name, "status": status},
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )

    async def getpetbyid(
        self,
        pet_id: int,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> Pet:
        """Find pet by ID

        Returns a pet when ID < 10.  ID > 10 or nonintegers will simulate API error conditions

        Args:
            pet_id: ID of pet that needs to be fetched

        Returns:
            successful operation

        Raises:
            BadRequestError: 400 Invalid ID supplied
            NotFoundError: 404 Pet not found
        """
        return await self._client.request(
            _GETPETBYID,
            path={"petId": pet_id},
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )

    async def deletepet(
        self,
        pet_id: int,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> Any:
        """Deletes a pet

        Args:
            pet_id: Pet id to delete

        Raises:
            BadRequestError: 400 Invalid pet value
        """
        return await self._client.request(
            _DELETEPET,
            path={"petId": pet_id},
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )


class PetResourceWithRawResponse:
    """`PetResource` methods returning `RawResponse` objects."""

    def __init__(self, resource: PetResource) -> None:
        self.addpet = to_raw_response(resource.addpet)
        self.updatepet = to_raw_response(resource.updatepet)
        self.findpetsbystatus = to_raw_response(resource.findpetsbystatus)
        self.findpetsbytags = to_raw_response(resource.findpetsbytags)
        self.updatepetwithform = to_raw_response(resource.updatepetwithform)
        self.getpetbyid = to_raw_response(resource.getpetbyid)
        self.deletepet = to_raw_response(resource.deletepet)


class AsyncPetResourceWithRawResponse:
    """`AsyncPetResource` methods returning `RawResponse` objects."""

    def __init__(self, resource: AsyncPetResource) -> None:
        self.addpet = async_to_raw_response(resource.addpet)
        self.updatepet = async_to_raw_response(resource.updatepet)
        self.findpetsbystatus = async_to_raw_response(resource.findpetsbystatus)
        self.findpetsbytags = async_to_raw_response(resource.findpetsbytags)
        self.updatepetwithform = async_to_raw_response(resource.updatepetwithform)
        self.getpetbyid = async_to_raw_response(resource.getpetbyid)
        self.deletepet = async_to_raw_response(resource.deletepet)
