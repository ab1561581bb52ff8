"""Pet resource"""

from __future__ import annotations

from typing import Final

from .._runtime import (
    AsyncAPIResource,
    AsyncRawMethod,
    Endpoint,
    RawMethod,
    SyncAPIResource,
)
from .._types import NOT_GIVEN, Headers, NotGiven, Query, Timeout
from ..models.pet import Pet, PetParam

__all__ = [
    "PetResource",
    "AsyncPetResource",
    "PetResourceWithRawResponse",
    "AsyncPetResourceWithRawResponse",
]

_ADD_PET = Endpoint[None]("POST", "/pets", None, auth=("access_token",))
_UPDATE_PET = Endpoint[None]("PUT", "/pets", None, auth=("access_token",))
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
_UPDATE_PET_WITH_FORM = Endpoint[None](
    "POST", "/pets/{petId}", None, auth=("access_token",), body="form"
)
_GET_PET_BY_ID = Endpoint[Pet](
    "GET", "/pets/{petId}", Pet, auth=("api_key", "access_token")
)
_DELETE_PET = Endpoint[None](
    "DELETE",
    "/pets/{petId}",
    None,
    auth=("api_key", "access_token"),
    requires=("api_key",),
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
        body: Pet | PetParam | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> None:
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
            max_retries=max_retries,
        )

    def update_pet(
        self,
        *,
        body: Pet | PetParam | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> None:
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
            max_retries=max_retries,
        )

    def find_pets_by_status(
        self,
        *,
        status: list[str] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
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
            max_retries=max_retries,
        )

    def find_pets_by_tags(
        self,
        *,
        tags: list[str] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
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
            max_retries=max_retries,
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
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> None:
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
            max_retries=max_retries,
        )

    def get_pet_by_id(
        self,
        pet_id: int,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
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
            max_retries=max_retries,
        )

    def delete_pet(
        self,
        pet_id: int,
        *,
        api_key: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> None:
        """Deletes a pet

        Args:
            pet_id: Pet id to delete
            api_key: Required: defaults to the client's api_key ($PETSTORE_API_KEY); the call raises ValueError before sending when neither has one.

        Raises:
            BadRequestError: 400 Invalid pet value
        """
        return self._client.request(
            _DELETE_PET,
            path={"petId": pet_id},
            options={"api_key": api_key},
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
            max_retries=max_retries,
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
        body: Pet | PetParam | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> None:
        """Add a new pet to the store

        Args:
            body: Pet object that needs to be added to the store

        Raises:
            APIStatusError: 405 Invalid input
        """
        return await self._client.request(
            _ADD_PET,
            body=body,
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def update_pet(
        self,
        *,
        body: Pet | PetParam | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> None:
        """Update an existing pet

        Args:
            body: Pet object that needs to be added to the store

        Raises:
            BadRequestError: 400 Invalid ID supplied
            NotFoundError: 404 Pet not found
            APIStatusError: 405 Validation exception
        """
        return await self._client.request(
            _UPDATE_PET,
            body=body,
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def find_pets_by_status(
        self,
        *,
        status: list[str] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
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
            _FIND_PETS_BY_STATUS,
            query={"status": status},
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def find_pets_by_tags(
        self,
        *,
        tags: list[str] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
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
            _FIND_PETS_BY_TAGS,
            query={"tags": tags},
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
            max_retries=max_retries,
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
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> None:
        """Updates a pet in the store with form data

        Args:
            pet_id: ID of pet that needs to be updated
            name: Updated name of the pet
            status: Updated status of the pet

        Raises:
            APIStatusError: 405 Invalid input
        """
        return await self._client.request(
            _UPDATE_PET_WITH_FORM,
            path={"petId": pet_id},
            form={"name": name, "status": status},
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def get_pet_by_id(
        self,
        pet_id: int,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
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
            _GET_PET_BY_ID,
            path={"petId": pet_id},
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def delete_pet(
        self,
        pet_id: int,
        *,
        api_key: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> None:
        """Deletes a pet

        Args:
            pet_id: Pet id to delete
            api_key: Required: defaults to the client's api_key ($PETSTORE_API_KEY); the call raises ValueError before sending when neither has one.

        Raises:
            BadRequestError: 400 Invalid pet value
        """
        return await self._client.request(
            _DELETE_PET,
            path={"petId": pet_id},
            options={"api_key": api_key},
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
            max_retries=max_retries,
        )


class PetResourceWithRawResponse:
    """`PetResource` methods returning `RawResponse` objects."""

    def __init__(self, resource: PetResource) -> None:
        self._resource = resource

    add_pet: Final = RawMethod(PetResource.add_pet)
    """`PetResource.add_pet`, returning the raw response."""

    update_pet: Final = RawMethod(PetResource.update_pet)
    """`PetResource.update_pet`, returning the raw response."""

    find_pets_by_status: Final = RawMethod(PetResource.find_pets_by_status)
    """`PetResource.find_pets_by_status`, returning the raw response."""

    find_pets_by_tags: Final = RawMethod(PetResource.find_pets_by_tags)
    """`PetResource.find_pets_by_tags`, returning the raw response."""

    update_pet_with_form: Final = RawMethod(PetResource.update_pet_with_form)
    """`PetResource.update_pet_with_form`, returning the raw response."""

    get_pet_by_id: Final = RawMethod(PetResource.get_pet_by_id)
    """`PetResource.get_pet_by_id`, returning the raw response."""

    delete_pet: Final = RawMethod(PetResource.delete_pet)
    """`PetResource.delete_pet`, returning the raw response."""


class AsyncPetResourceWithRawResponse:
    """`AsyncPetResource` methods returning `RawResponse` objects."""

    def __init__(self, resource: AsyncPetResource) -> None:
        self._resource = resource

    add_pet: Final = AsyncRawMethod(AsyncPetResource.add_pet)
    """`AsyncPetResource.add_pet`, returning the raw response."""

    update_pet: Final = AsyncRawMethod(AsyncPetResource.update_pet)
    """`AsyncPetResource.update_pet`, returning the raw response."""

    find_pets_by_status: Final = AsyncRawMethod(AsyncPetResource.find_pets_by_status)
    """`AsyncPetResource.find_pets_by_status`, returning the raw response."""

    find_pets_by_tags: Final = AsyncRawMethod(AsyncPetResource.find_pets_by_tags)
    """`AsyncPetResource.find_pets_by_tags`, returning the raw response."""

    update_pet_with_form: Final = AsyncRawMethod(AsyncPetResource.update_pet_with_form)
    """`AsyncPetResource.update_pet_with_form`, returning the raw response."""

    get_pet_by_id: Final = AsyncRawMethod(AsyncPetResource.get_pet_by_id)
    """`AsyncPetResource.get_pet_by_id`, returning the raw response."""

    delete_pet: Final = AsyncRawMethod(AsyncPetResource.delete_pet)
    """`AsyncPetResource.delete_pet`, returning the raw response."""
