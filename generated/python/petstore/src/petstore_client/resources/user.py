"""User resource"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from .._runtime import (
    AsyncAPIResource,
    AsyncRawMethod,
    Endpoint,
    RawMethod,
    SyncAPIResource,
)
from .._types import NOT_GIVEN, Headers, NotGiven, Query, Timeout
from ..models.user import User, UserParam

__all__ = [
    "UserResource",
    "AsyncUserResource",
    "UserResourceWithRawResponse",
    "AsyncUserResourceWithRawResponse",
]

_CREATE_USER = Endpoint[None]("POST", "/users", None)
_CREATE_USERS_WITH_ARRAY_INPUT = Endpoint[None]("POST", "/users/createWithArray", None)
_CREATE_USERS_WITH_LIST_INPUT = Endpoint[None]("POST", "/users/createWithList", None)
_LOGIN_USER = Endpoint[str]("GET", "/users/login", str)
_LOGOUT_USER = Endpoint[None]("GET", "/users/logout", None)
_GET_USER_BY_NAME = Endpoint[User]("GET", "/users/{username}", User)
_UPDATE_USER = Endpoint[None]("PUT", "/users/{username}", None)
_DELETE_USER = Endpoint[None]("DELETE", "/users/{username}", None)


class UserResource(SyncAPIResource):
    """User resource"""

    @property
    def with_raw_response(self) -> UserResourceWithRawResponse:
        """The same methods, returning the raw response (status, headers, body)."""
        return UserResourceWithRawResponse(self)

    def create_user(
        self,
        *,
        body: User | UserParam | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> None:
        """Create user

        This can only be done by the logged in user.

        Args:
            body: Created user object
        """
        return self._client.request(
            _CREATE_USER,
            body=body,
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
            max_retries=max_retries,
        )

    def create_users_with_array_input(
        self,
        *,
        body: Sequence[User | UserParam] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> None:
        """Creates list of users with given input array

        Args:
            body: List of user object
        """
        return self._client.request(
            _CREATE_USERS_WITH_ARRAY_INPUT,
            body=body,
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
            max_retries=max_retries,
        )

    def create_users_with_list_input(
        self,
        *,
        body: Sequence[User | UserParam] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> None:
        """Creates list of users with given input array

        Args:
            body: List of user object
        """
        return self._client.request(
            _CREATE_USERS_WITH_LIST_INPUT,
            body=body,
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
            max_retries=max_retries,
        )

    def login_user(
        self,
        *,
        password: str | NotGiven = NOT_GIVEN,
        username: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> str:
        """Logs user into the system

        Args:
            password: The password for login in clear text
            username: The user name for login

        Returns:
            successful operation

        Raises:
            BadRequestError: 400 Invalid username/password supplied
        """
        return self._client.request(
            _LOGIN_USER,
            query={"password": password, "username": username},
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
            max_retries=max_retries,
        )

    def logout_user(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> None:
        """Logs out current logged in user session"""
        return self._client.request(
            _LOGOUT_USER,
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
            max_retries=max_retries,
        )

    def get_user_by_name(
        self,
        username: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> User:
        """Get user by user name

        Args:
            username: The name that needs to be fetched. Use user1 for testing.

        Returns:
            successful operation

        Raises:
            BadRequestError: 400 Invalid username supplied
            NotFoundError: 404 User not found
        """
        return self._client.request(
            _GET_USER_BY_NAME,
            path={"username": username},
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
            max_retries=max_retries,
        )

    def update_user(
        self,
        username: str,
        *,
        body: User | UserParam | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> None:
        """Updated user

        This can only be done by the logged in user.

        Args:
            username: name that need to be deleted
            body: Updated user object

        Raises:
            BadRequestError: 400 Invalid user supplied
            NotFoundError: 404 User not found
        """
        return self._client.request(
            _UPDATE_USER,
            path={"username": username},
            body=body,
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
            max_retries=max_retries,
        )

    def delete_user(
        self,
        username: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> None:
        """Delete user

        This can only be done by the logged in user.

        Args:
            username: The name that needs to be deleted

        Raises:
            BadRequestError: 400 Invalid username supplied
            NotFoundError: 404 User not found
        """
        return self._client.request(
            _DELETE_USER,
            path={"username": username},
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
            max_retries=max_retries,
        )


class AsyncUserResource(AsyncAPIResource):
    """User resource"""

    @property
    def with_raw_response(self) -> AsyncUserResourceWithRawResponse:
        """The same methods, returning the raw response (status, headers, body)."""
        return AsyncUserResourceWithRawResponse(self)

    async def create_user(
        self,
        *,
        body: User | UserParam | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> None:
        """Create user

        This can only be done by the logged in user.

        Args:
            body: Created user object
        """
        return await self._client.request(
            _CREATE_USER,
            body=body,
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def create_users_with_array_input(
        self,
        *,
        body: Sequence[User | UserParam] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> None:
        """Creates list of users with given input array

        Args:
            body: List of user object
        """
        return await self._client.request(
            _CREATE_USERS_WITH_ARRAY_INPUT,
            body=body,
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def create_users_with_list_input(
        self,
        *,
        body: Sequence[User | UserParam] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> None:
        """Creates list of users with given input array

        Args:
            body: List of user object
        """
        return await self._client.request(
            _CREATE_USERS_WITH_LIST_INPUT,
            body=body,
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def login_user(
        self,
        *,
        password: str | NotGiven = NOT_GIVEN,
        username: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> str:
        """Logs user into the system

        Args:
            password: The password for login in clear text
            username: The user name for login

        Returns:
            successful operation

        Raises:
            BadRequestError: 400 Invalid username/password supplied
        """
        return await self._client.request(
            _LOGIN_USER,
            query={"password": password, "username": username},
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def logout_user(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> None:
        """Logs out current logged in user session"""
        return await self._client.request(
            _LOGOUT_USER,
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def get_user_by_name(
        self,
        username: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> User:
        """Get user by user name

        Args:
            username: The name that needs to be fetched. Use user1 for testing.

        Returns:
            successful operation

        Raises:
            BadRequestError: 400 Invalid username supplied
            NotFoundError: 404 User not found
        """
        return await self._client.request(
            _GET_USER_BY_NAME,
            path={"username": username},
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def update_user(
        self,
        username: str,
        *,
        body: User | UserParam | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> None:
        """Updated user

        This can only be done by the logged in user.

        Args:
            username: name that need to be deleted
            body: Updated user object

        Raises:
            BadRequestError: 400 Invalid user supplied
            NotFoundError: 404 User not found
        """
        return await self._client.request(
            _UPDATE_USER,
            path={"username": username},
            body=body,
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def delete_user(
        self,
        username: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> None:
        """Delete user

        This can only be done by the logged in user.

        Args:
            username: The name that needs to be deleted

        Raises:
            BadRequestError: 400 Invalid username supplied
            NotFoundError: 404 User not found
        """
        return await self._client.request(
            _DELETE_USER,
            path={"username": username},
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
            max_retries=max_retries,
        )


class UserResourceWithRawResponse:
    """`UserResource` methods returning `RawResponse` objects."""

    def __init__(self, resource: UserResource) -> None:
        self._resource = resource

    create_user: Final = RawMethod(UserResource.create_user)
    """`UserResource.create_user`, returning the raw response."""

    create_users_with_array_input: Final = RawMethod(
        UserResource.create_users_with_array_input
    )
    """`UserResource.create_users_with_array_input`, returning the raw response."""

    create_users_with_list_input: Final = RawMethod(
        UserResource.create_users_with_list_input
    )
    """`UserResource.create_users_with_list_input`, returning the raw response."""

    login_user: Final = RawMethod(UserResource.login_user)
    """`UserResource.login_user`, returning the raw response."""

    logout_user: Final = RawMethod(UserResource.logout_user)
    """`UserResource.logout_user`, returning the raw response."""

    get_user_by_name: Final = RawMethod(UserResource.get_user_by_name)
    """`UserResource.get_user_by_name`, returning the raw response."""

    update_user: Final = RawMethod(UserResource.update_user)
    """`UserResource.update_user`, returning the raw response."""

    delete_user: Final = RawMethod(UserResource.delete_user)
    """`UserResource.delete_user`, returning the raw response."""


class AsyncUserResourceWithRawResponse:
    """`AsyncUserResource` methods returning `RawResponse` objects."""

    def __init__(self, resource: AsyncUserResource) -> None:
        self._resource = resource

    create_user: Final = AsyncRawMethod(AsyncUserResource.create_user)
    """`AsyncUserResource.create_user`, returning the raw response."""

    create_users_with_array_input: Final = AsyncRawMethod(
        AsyncUserResource.create_users_with_array_input
    )
    """`AsyncUserResource.create_users_with_array_input`, returning the raw response."""

    create_users_with_list_input: Final = AsyncRawMethod(
        AsyncUserResource.create_users_with_list_input
    )
    """`AsyncUserResource.create_users_with_list_input`, returning the raw response."""

    login_user: Final = AsyncRawMethod(AsyncUserResource.login_user)
    """`AsyncUserResource.login_user`, returning the raw response."""

    logout_user: Final = AsyncRawMethod(AsyncUserResource.logout_user)
    """`AsyncUserResource.logout_user`, returning the raw response."""

    get_user_by_name: Final = AsyncRawMethod(AsyncUserResource.get_user_by_name)
    """`AsyncUserResource.get_user_by_name`, returning the raw response."""

    update_user: Final = AsyncRawMethod(AsyncUserResource.update_user)
    """`AsyncUserResource.update_user`, returning the raw response."""

    delete_user: Final = AsyncRawMethod(AsyncUserResource.delete_user)
    """`AsyncUserResource.delete_user`, returning the raw response."""
