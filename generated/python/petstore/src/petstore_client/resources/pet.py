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

_ADD_PET = Endpoint[Any]("POST", "/pets", Any, auth=("access_token",))
_UPDATE_PET = Endpoint[Any]("PUT", "/pets", Any, auth=("access_token",))
_FIND_PETS_BY_STATUS = Endpoint[list[Pet]](
    "GET",
    "/pets/findByStatus",
    list[Pet],
    auth=("access_token",),
    formats={"status": "multi"},
)
_FIND_PETS_BY_TAGS = Endpoint[list[Pet]](
    "GET",
    "/pets/findByTags",
    list[Pet],
    auth=("access_token",),
    formats={"tags": "multi"},
)
_UPDATE_PET_WITH_FORM = Endpoint[Any](
    "POST", "/pets/{petId}", Any, auth=("access_token",), body="form"
)
_GET_PET_BY_ID = Endpoint[Pet](
    "GET", "/pets/{petId}", Pet, auth=("api_key", "access_token")
)
_DELETE_PET = Endpoint[Any](
    "DELETE", "/pets/{petId}", Any, auth=("api_key", "access_token")
)


class PetResource(SyncAPIResource):
    """Pet resource"""

    @property
    def with_raw_response(self) -> PetResourceWithRawResponse:
        """The same methods, returning the raw response (status, headers, body)."""
        return PetResourceWithRawResponse(self)

    def add_pet(
        self,
        *,
        body: Pet | dict[str, Any] | NotGiven = NOT_GIVEN,
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
            _ADD_PET,
            body=body,
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )

    def update_pet(
        self,
        *,
        body: Pet | dict[str, Any] | NotGiven = NOT_GIVEN,
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
            _UPDATE_PET,
            body=body,
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )

    def find_pets_by_status(
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
            _FIND_PETS_BY_STATUS,
            query={"status": status},
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )

    def find_pets_by_tags(
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
            _FIND_PETS_BY_TAGS,
            query={"tags": tags},
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )

    def update_pet_with_form(
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
            _UPDATE_PET_WITH_FORM,
            path={"petId": pet_id},
            form={"name": name, "status": status},
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )

    def get_pet_by_id(
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
            _GET_PET_BY_ID,
            path={"petId": pet_id},
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )

    def delete_pet(
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
            _DELETE_PET,
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

    async def add_pet(
        self,
        *,
        body: Pet | dict[str, Any] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> Any:
        """Add a new pet to the store

        The coroutine form of `PetResource.add_pet`, which documents it in full.
        """
        return await self._client.request(
            _ADD_PET,
            body=body,
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )

    async def update_pet(
        self,
        *,
        body: Pet | dict[str, Any] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> Any:
        """Update an existing pet

        The coroutine form of `PetResource.update_pet`, which documents it in full.
        """
        return await self._client.request(
            _UPDATE_PET,
            body=body,
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )

    async def find_pets_by_status(
        self,
        *,
        status: list[str] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> list[Pet]:
        """Finds Pets by status

        The coroutine form of `PetResource.find_pets_by_status`, which documents it in full.
        """
        return await self._client.request(
            _FIND_PETS_BY_STATUS,
            query={"status": status},
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )

    async def find_pets_by_tags(
        self,
        *,
        tags: list[str] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> list[Pet]:
        """Finds Pets by tags

        The coroutine form of `PetResource.find_pets_by_tags`, which documents it in full.
        """
        return await self._client.request(
            _FIND_PETS_BY_TAGS,
            query={"tags": tags},
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )

    async def update_pet_with_form(
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

        The coroutine form of `PetResource.update_pet_with_form`, which documents it in full.
        """
        return await self._client.request(
            _UPDATE_PET_WITH_FORM,
            path={"petId": pet_id},
            form={"name": name, "status": status},
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )

    async def get_pet_by_id(
        self,
        pet_id: int,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> Pet:
        """Find pet by ID

        The coroutine form of `PetResource.get_pet_by_id`, which documents it in full.
        """
        return await self._client.request(
            _GET_PET_BY_ID,
            path={"petId": pet_id},
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )

    async def delete_pet(
        self,
        pet_id: int,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> Any:
        """Deletes a pet

        The coroutine form of `PetResource.delete_pet`, which documents it in full.
        """
        return await self._client.request(
            _DELETE_PET,
            path={"petId": pet_id},
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )


class PetResourceWithRawResponse:
    """`PetResource` methods returning `RawResponse` objects."""

    def __init__(self, resource: PetResource) -> None:
        self.add_pet = to_raw_response(resource.add_pet)
        self.update_pet = to_raw_response(resource.update_pet)
        self.find_pets_by_status = to_raw_response(resource.find_pets_by_status)
        self.find_pets_by_tags = to_raw_response(resource.find_pets_by_tags)
        self.update_pet_with_form = to_raw_response(resource.update_pet_with_form)
        self.get_pet_by_id = to_raw_response(resource.get_pet_by_id)
        self.delete_pet = to_raw_response(resource.delete_pet)


class AsyncPetResourceWithRawResponse:
    """`AsyncPetResource` methods returning `RawResponse` objects."""

    def __init__(self, resource: AsyncPetResource) -> None:
        self.add_pet = async_to_raw_response(resource.add_pet)
        self.update_pet = async_to_raw_response(resource.update_pet)
        self.find_pets_by_status = async_to_raw_response(resource.find_pets_by_status)
        self.find_pets_by_tags = async_to_raw_response(resource.find_pets_by_tags)
        self.update_pet_with_form = async_to_raw_response(resource.update_pet_with_form)
        self.get_pet_by_id = async_to_raw_response(resource.get_pet_by_id)
        self.delete_pet = async_to_raw_response(resource.delete_pet)
