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

_CREATEUSER = Endpoint[Any]("POST", "/users", Any)
_CREATEUSERSWITHARRAYINPUT = Endpoint[Any]("POST", "/users/createWithArray", Any)
_CREATEUSERSWITHLISTINPUT = Endpoint[Any]("POST", "/users/createWithList", Any)
_LOGINUSER = Endpoint[str]("GET", "/users/login", str)
_LOGOUTUSER = Endpoint[Any]("GET", "/users/logout", Any)
_GETUSERBYNAME = Endpoint[User]("GET", "/users/{username}", User)
_UPDATEUSER = Endpoint[Any]("PUT", "/users/{username}", Any)
_DELETEUSER = Endpoint[Any]("DELETE", "/users/{username}", Any)


class UserResource(SyncAPIResource):
    """User resource"""

    @property
    def with_raw_response(self) -> UserResourceWithRawResponse:
        """The same methods, returning the raw response (status, headers, body)."""
        return UserResourceWithRawResponse(self)

    def createuser(
        self,
        *,
        body: User | NotGiven = NOT_GIVEN,
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
            _CREATEUSER,
            body=body,
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )

    def createuserswitharrayinput(
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
            _CREATEUSERSWITHARRAYINPUT,
            body=body,
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )

    def createuserswithlistinput(
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
            _CREATEUSERSWITHLISTINPUT,
            body=body,
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )

    def loginuser(
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
            _LOGINUSER,
            query={"password": password, "username": username},
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )

    def logoutuser(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> Any:
        """Logs out current logged in user session"""
        return self._client.request(
            _LOGOUTUSER,
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )

    def getuserbyname(
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
            _GETUSERBYNAME,
            path={"username": username},
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )

    def updateuser(
        self,
        username: str,
        *,
        body: User | NotGiven = NOT_GIVEN,
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
            _UPDATEUSER,
            path={"username": username},
            body=body,
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )

    def deleteuser(
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
            _DELETEUSER,
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

    async def createuser(
        self,
        *,
        body: User | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> Any:
        """Create user

        This can only be done by the logged in user.

        Args:
            body: Created user object
        """
        return await self._client.request(
            _CREATEUSER,
            body=body,
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )

    async def createuserswitharrayinput(
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
        return await self._client.request(
            _CREATEUSERSWITHARRAYINPUT,
            body=body,
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )

    async def createuserswithlistinput(
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
        return await self._client.request(
            _CREATEUSERSWITHLISTINPUT,
            body=body,
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )

    async def loginuser(
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
        return await self._client.request(
            _LOGINUSER,
            query={"password": password, "username": username},
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )

    async def logoutuser(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> Any:
        """Logs out current logged in user session"""
        return await self._client.request(
            _LOGOUTUSER,
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )

    async def getuserbyname(
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
        return await self._client.request(
            _GETUSERBYNAME,
            path={"username": username},
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )

    async def updateuser(
        self,
        username: str,
        *,
        body: User | NotGiven = NOT_GIVEN,
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
        return await self._client.request(
            _UPDATEUSER,
            path={"username": username},
            body=body,
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )

    async def deleteuser(
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
        return await self._client.request(
            _DELETEUSER,
            path={"username": username},
            extra_headers=extra_headers,
            extra_query=extra_query,
            timeout=timeout,
        )


class UserResourceWithRawResponse:
    """`UserResource` methods returning `RawResponse` objects."""

    def __init__(self, resource: UserResource) -> None:
        self.createuser = to_raw_response(resource.createuser)
        self.createuserswitharrayinput = to_raw_response(
            resource.createuserswitharrayinput
        )
        self.createuserswithlistinput = to_raw_response(
            resource.createuserswithlistinput
        )
        self.loginuser = to_raw_response(resource.loginuser)
        self.logoutuser = to_raw_response(resource.logoutuser)
        self.getuserbyname = to_raw_response(resource.getuserbyname)
        self.updateuser = to_raw_response(resource.updateuser)
        self.deleteuser = to_raw_response(resource.deleteuser)


class AsyncUserResourceWithRawResponse:
    """`AsyncUserResource` methods returning `RawResponse` objects."""

    def __init__(self, resource: AsyncUserResource) -> None:
        self.createuser = async_to_raw_response(resource.createuser)
        self.createuserswitharrayinput = async_to_raw_response(
            resource.createuserswitharrayinput
        )
        self.createuserswithlistinput = async_to_raw_response(
            resource.createuserswithlistinput
        )
        self.loginuser = async_to_raw_response(resource.loginuser)
        self.logoutuser = async_to_raw_response(resource.logoutuser)
        self.getuserbyname = async_to_raw_response(resource.getuserbyname)
        self.updateuser = async_to_raw_response(resource.updateuser)
        self.deleteuser = async_to_raw_response(resource.deleteuser)
