"""Errors raised by the client; every one keeps the request, and the response if any.

APIError
├── APIConnectionError
│   └── APITimeoutError
├── APIResponseValidationError   a 2xx body that does not match the docs
└── APIStatusError
    ├── BadRequestError            400
    ├── AuthenticationError        401
    ├── PermissionDeniedError      403
    ├── NotFoundError              404
    ├── ConflictError              409
    ├── UnprocessableEntityError   422
    ├── RateLimitError             429
    └── InternalServerError        5xx
"""

from __future__ import annotations

import httpx

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "InternalServerError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "UnprocessableEntityError",
]


class APIError(Exception):
    """Base class: ``status_code``, ``headers``, ``text`` and ``body`` (parsed JSON, or
    None) describe the response; they are empty when no response arrived."""

    message: str
    request: httpx.Request
    response: httpx.Response | None
    status_code: int | None
    headers: httpx.Headers
    text: str
    body: object

    def __init__(
        self,
        message: str,
        *,
        request: httpx.Request,
        response: httpx.Response | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.request = request
        self.response = response
        self.status_code = response.status_code if response is not None else None
        self.headers = response.headers if response is not None else httpx.Headers()
        self.text = response.text if response is not None else ""
        self.body = _json_body(response)


class APIStatusError(APIError):
    """The server answered with a 4xx or 5xx status."""

    response: httpx.Response
    status_code: int

    def __init__(self, message: str, *, response: httpx.Response) -> None:
        super().__init__(message, request=response.request, response=response)


class BadRequestError(APIStatusError):
    """400 Bad Request."""


class AuthenticationError(APIStatusError):
    """401 Unauthorized."""


class PermissionDeniedError(APIStatusError):
    """403 Forbidden."""


class NotFoundError(APIStatusError):
    """404 Not Found."""


class ConflictError(APIStatusError):
    """409 Conflict."""


class UnprocessableEntityError(APIStatusError):
    """422 Unprocessable Entity."""


class RateLimitError(APIStatusError):
    """429 Too Many Requests."""


class InternalServerError(APIStatusError):
    """Any 5xx status."""


class APIResponseValidationError(APIError):
    """A successful response whose body does not match the documented schema: empty
    or not JSON where the docs declare a body, or (with
    ``strict_response_validation=True``) any field that does not validate."""

    response: httpx.Response
    status_code: int

    def __init__(
        self, message: str, *, response: httpx.Response, url: str | None = None
    ) -> None:
        request = response.request
        where = url if url is not None else str(request.url)
        super().__init__(
            f"{message} ({response.status_code} for {request.method} {where})",
            request=request,
            response=response,
        )


class APIConnectionError(APIError):
    """No response: the connection failed (after any retries)."""

    def __init__(
        self, message: str = "Connection error.", *, request: httpx.Request
    ) -> None:
        super().__init__(message, request=request)


class APITimeoutError(APIConnectionError):
    """No response within the timeout (after any retries)."""

    def __init__(self, *, request: httpx.Request) -> None:
        super().__init__("Request timed out.", request=request)


_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def status_error(response: httpx.Response, url: str | None = None) -> APIStatusError:
    """The exception for an error response, its message showing the start of the body;
    ``url`` is the request URL as it may be shown (secrets redacted)."""
    status = response.status_code
    error = _BY_STATUS.get(
        status, InternalServerError if status >= 500 else APIStatusError
    )
    request = response.request
    snippet = response.text[:500]
    where = url if url is not None else str(request.url)
    message = f"{status} {response.reason_phrase} for {request.method} {where}"
    return error(f"{message}: {snippet}" if snippet else message, response=response)


def _json_body(response: httpx.Response | None) -> object:
    if response is None or not response.content:
        return None
    try:
        return response.json()
    except ValueError:
        return None
