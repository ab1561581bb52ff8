"""The one status → exception table of the generated clients.

The runtime's ``_exceptions.py`` (its class tree, docstrings and status mapping), the
``Raises:`` sections of method docstrings and the generated tests' expectations all
read this table, so a status can only ever map to one exception.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["BASE_ERRORS", "SERVER_ERROR", "STATUS_ERRORS", "StatusError", "error_class"]


@dataclass(frozen=True)
class StatusError:
    """An `APIStatusError` subclass for one status (``status`` 0: any 5xx)."""

    status: int
    name: str
    reason: str

    @property
    def code(self) -> str:
        """The status as the docs write it: ``404``, or ``5xx`` for the catch-all."""
        return str(self.status) if self.status else "5xx"

    @property
    def docstring(self) -> str:
        return f"{self.status} {self.reason}." if self.status else "Any 5xx status."

    @property
    def tree_label(self) -> str:
        """The class's line in the module docstring's tree: name, then the status."""
        return f"{self.name:<27}{self.code}"


STATUS_ERRORS: tuple[StatusError, ...] = (
    StatusError(400, "BadRequestError", "Bad Request"),
    StatusError(401, "AuthenticationError", "Unauthorized"),
    StatusError(403, "PermissionDeniedError", "Forbidden"),
    StatusError(404, "NotFoundError", "Not Found"),
    StatusError(409, "ConflictError", "Conflict"),
    StatusError(422, "UnprocessableEntityError", "Unprocessable Entity"),
    StatusError(429, "RateLimitError", "Too Many Requests"),
    StatusError(0, "InternalServerError", ""),
)
SERVER_ERROR = "InternalServerError"
BASE_ERRORS = (
    "APIError",
    "APIConnectionError",
    "APITimeoutError",
    "APIResponseValidationError",
    "APIStatusError",
)
"""The classes above the table: no response, or a status the table does not list."""
_BY_STATUS = {str(e.status): e.name for e in STATUS_ERRORS if e.status}


def error_class(status: str) -> str:
    """The exception a documented error status raises (``APIStatusError`` for the rest)."""
    if status in _BY_STATUS:
        return _BY_STATUS[status]
    return SERVER_ERROR if status.startswith("5") else "APIStatusError"
