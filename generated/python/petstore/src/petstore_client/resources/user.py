"""User resource"""

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
from ..models.user import User

__all__ = [
    "UserResource",
    "AsyncUserResource",
    "UserResourceWithRawResponse",
    "AsyncUserResourceWithRawResponse",
]

_CREATE_USER = Endpoint[Any]("POST", "/users", Any)
_CREATE_USERS_WITH_ARRAY_INPUT = Endpoint[Any]("POST", "/users/createWithArray", Any)
_CREATE_USERS_WITH_LIST_INPUT = Endpoint[Any]("POST", "/users/createWithList", Any)
_LOGIN_USER = Endpoint[str]("GET", "/users/login", str)
_LOGOUT_USER = Endpoint[Any]("GET", "/users/logout", Any)
_GET_USER_BY_NAME = Endpoint[User]("GET", "/users/{username}", User)
_UPDATE_USER = Endpoint[Any]("PUT", "/users/{username}", Any)
_DELETE_USER = Endpoint[Any]("DELETE", "/users/{username}", Any)


class UserResource(SyncAPIResource):
    """User resource"""

    @property
    def with_raw_response(self) -> UserResourceWithRawResponse:
        """The same methods, returning the raw response (status, headers, body)."""
        return UserResourceWithRawResponse(self)

    def create_user(
        self,
        *,
        body: User | dict[str, Any] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> Any:
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
        )

    def create_users_with_array_input(
        self,
        *,
        body: list[User] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> Any:
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
        )

    def create_users_with_list_input(
        self,
        *,
        body: list[User] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> Any:
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
        )

    def login_user(
        self,
        *,
        password: str | NotGiven = NOT_GIVEN,
        username: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
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
        )

    def logout_user(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> Any:
        """Logs out current logged in user session"""
        return self._client.request(
            _LOGOUT_USER,
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )

    def get_user_by_name(
        self,
        username: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
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
        )

    def update_user(
        self,
        username: str,
        *,
        body: User | dict[str, Any] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> Any:
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
        )

    def delete_user(
        self,
        username: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> Any:
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
        body: User | dict[str, Any] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> Any:
        """Create user

        The coroutine form of `UserResource.create_user`, which documents it in full.
        """
        return await self._client.request(
            _CREATE_USER,
            body=body,
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )

    async def create_users_with_array_input(
        self,
        *,
        body: list[User] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> Any:
        """Creates list of users with given input array

        The coroutine form of `UserResource.create_users_with_array_input`, which documents it in full.
        """
        return await self._client.request(
            _CREATE_USERS_WITH_ARRAY_INPUT,
            body=body,
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )

    async def create_users_with_list_input(
        self,
        *,
        body: list[User] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> Any:
        """Creates list of users with given input array

        The coroutine form of `UserResource.create_users_with_list_input`, which documents it in full.
        """
        return await self._client.request(
            _CREATE_USERS_WITH_LIST_INPUT,
            body=body,
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )

    async def login_user(
        self,
        *,
        password: str | NotGiven = NOT_GIVEN,
        username: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> str:
        """Logs user into the system

        The coroutine form of `UserResource.login_user`, which documents it in full.
        """
        return await self._client.request(
            _LOGIN_USER,
            query={"password": password, "username": username},
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )

    async def logout_user(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> Any:
        """Logs out current logged in user session

        The coroutine form of `UserResource.logout_user`, which documents it in full.
        """
        return await self._client.request(
            _LOGOUT_USER,
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )

    async def get_user_by_name(
        self,
        username: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> User:
        """Get user by user name

        The coroutine form of `UserResource.get_user_by_name`, which documents it in full.
        """
        return await self._client.request(
            _GET_USER_BY_NAME,
            path={"username": username},
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )

    async def update_user(
        self,
        username: str,
        *,
        body: User | dict[str, Any] | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> Any:
        """Updated user

        The coroutine form of `UserResource.update_user`, which documents it in full.
        """
        return await self._client.request(
            _UPDATE_USER,
            path={"username": username},
            body=body,
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )

    async def delete_user(
        self,
        username: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> Any:
        """Delete user

        The coroutine form of `UserResource.delete_user`, which documents it in full.
        """
        return await self._client.request(
            _DELETE_USER,
            path={"username": username},
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )


class UserResourceWithRawResponse:
    """`UserResource` methods returning `RawResponse` objects."""

    def __init__(self, resource: UserResource) -> None:
        self.create_user = to_raw_response(resource.create_user)
        self.create_users_with_array_input = to_raw_response(
            resource.create_users_with_array_input
        )
        self.create_users_with_list_input = to_raw_response(
            resource.create_users_with_list_input
        )
        self.login_user = to_raw_response(resource.login_user)
        self.logout_user = to_raw_response(resource.logout_user)
        self.get_user_by_name = to_raw_response(resource.get_user_by_name)
        self.update_user = to_raw_response(resource.update_user)
        self.delete_user = to_raw_response(resource.delete_user)


class AsyncUserResourceWithRawResponse:
    """`AsyncUserResource` methods returning `RawResponse` objects."""

    def __init__(self, resource: AsyncUserResource) -> None:
        self.create_user = async_to_raw_response(resource.create_user)
        self.create_users_with_array_input = async_to_raw_response(
            resource.create_users_with_array_input
        )
        self.create_users_with_list_input = async_to_raw_response(
            resource.create_users_with_list_input
        )
        self.login_user = async_to_raw_response(resource.login_user)
        self.logout_user = async_to_raw_response(resource.logout_user)
        self.get_user_by_name = async_to_raw_response(resource.get_user_by_name)
        self.update_user = async_to_raw_response(resource.update_user)
        self.delete_user = async_to_raw_response(resource.delete_user)
