"""The request pipeline every generated method calls, written once, sync and async.

``Endpoint`` + arguments → ``httpx.Request`` (path, query per collection format,
headers, auth, JSON/form/multipart body) → sent with retries (exponential backoff with
jitter, ``Retry-After``) → typed result, `RawResponse`, or an `APIError` subclass.
"""

from __future__ import annotations

import asyncio
import base64
import contextvars
import copy
import email.utils
import functools
import json
import logging
import os
import random
import time
import uuid
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Any, ClassVar, Generic, ParamSpec, TypeVar, cast
from urllib.parse import quote

import httpx
import pydantic

from ._exceptions import APIConnectionError, APITimeoutError, status_error
from ._types import NOT_GIVEN, FileTypes, Headers, NotGiven, Query, Timeout

T = TypeVar("T")
P = ParamSpec("P")
SelfT = TypeVar("SelfT", bound="BaseClient")

DEFAULT_TIMEOUT = 60.0
DEFAULT_MAX_RETRIES = 2
INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
MAX_RETRY_AFTER = 60.0
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"})
_SEPARATORS = {"csv": ",", "ssv": " ", "tsv": "\t", "pipes": "|"}
_RAW: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "raw_response", default=False
)


class BaseModel(pydantic.BaseModel):
    """Base of every model: unknown fields are kept (APIs add fields), wire names and
    Python names are both accepted, field docstrings become descriptions, and
    validators are built on first use (big APIs import hundreds of models at once)."""

    model_config = pydantic.ConfigDict(
        extra="allow",
        populate_by_name=True,
        protected_namespaces=(),
        use_attribute_docstrings=True,
        defer_build=True,
    )


@dataclass(frozen=True)
class Endpoint(Generic[T]):
    """Static facts about one operation: ``T`` is what a successful call returns."""

    method: str
    path: str
    cast_to: object
    auth: tuple[str, ...] | None = None
    formats: Mapping[str, str] = field(default_factory=dict)
    body: str = "json"


class RawResponse(Generic[T]):
    """A response before parsing: status, headers, the httpx response, and `parse()`."""

    def __init__(self, response: httpx.Response, cast_to: object) -> None:
        self.http_response = response
        self.status_code = response.status_code
        self.headers = response.headers
        self.request = response.request
        self._cast_to = cast_to

    @property
    def text(self) -> str:
        return self.http_response.text

    def parse(self) -> T:
        """The body as the operation's return type."""
        return cast(T, parse_response(self._cast_to, self.http_response))

    def __repr__(self) -> str:
        return f"<RawResponse [{self.status_code}] {self.request.method} {self.request.url}>"


def to_raw_response(func: Callable[P, T]) -> Callable[P, RawResponse[T]]:
    """Wrap a method so it returns a `RawResponse` instead of the parsed body."""

    @functools.wraps(func)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> RawResponse[T]:
        token = _RAW.set(True)
        try:
            return cast(RawResponse[T], func(*args, **kwargs))
        finally:
            _RAW.reset(token)

    return wrapped


def async_to_raw_response(
    func: Callable[P, Awaitable[T]],
) -> Callable[P, Awaitable[RawResponse[T]]]:
    """`to_raw_response` for coroutine methods."""

    @functools.wraps(func)
    async def wrapped(*args: P.args, **kwargs: P.kwargs) -> RawResponse[T]:
        token = _RAW.set(True)
        try:
            return cast(RawResponse[T], await func(*args, **kwargs))
        finally:
            _RAW.reset(token)

    return wrapped


@functools.cache
def _adapter(cast_to: Any) -> pydantic.TypeAdapter[Any]:
    return pydantic.TypeAdapter(cast_to)


def parse_response(cast_to: object, response: httpx.Response) -> object:
    """The body of a successful response as ``cast_to`` (None, bytes, text or JSON)."""
    if cast_to is None:
        return None
    if cast_to is bytes:
        return response.content
    if not response.content:
        return None
    try:
        data = response.json()
    except ValueError:
        data = response.text
    return _adapter(cast_to).validate_python(data)


def to_jsonable(value: object) -> object:
    """Models (by wire name, only fields that were set), dates and containers → JSON."""
    if isinstance(value, pydantic.BaseModel):
        return value.model_dump(mode="json", by_alias=True, exclude_unset=True)
    if isinstance(value, Mapping):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, pydantic.BaseModel | Mapping):
        return json.dumps(to_jsonable(value), separators=(",", ":"))
    return str(value)


def serialize(
    values: Mapping[str, object], formats: Mapping[str, str]
) -> list[tuple[str, str]]:
    """Query/header/form pairs; arrays by collection format (multi repeats the key)."""
    pairs: list[tuple[str, str]] = []
    for name, value in values.items():
        if isinstance(value, NotGiven) or value is None:
            continue
        if isinstance(value, list | tuple | set | frozenset):
            items = [_scalar(v) for v in value]
            fmt = formats.get(name, "csv")
            if fmt == "multi":
                pairs.extend((name, item) for item in items)
            else:
                pairs.append((name, _SEPARATORS.get(fmt, ",").join(items)))
        else:
            pairs.append((name, _scalar(value)))
    return pairs


def format_path(template: str, values: Mapping[str, object]) -> str:
    """``/pets/{petId}`` with each value percent-encoded; empty values are refused."""
    path = template
    for name, value in values.items():
        text = _scalar(value)
        if not text:
            raise ValueError(f"Expected a non-empty value for path parameter {name!r}")
        path = path.replace("{" + name + "}", quote(text, safe=""))
    return path


def retry_after(headers: httpx.Headers) -> float | None:
    """Seconds the server asked us to wait (``retry-after-ms``, seconds or HTTP date)."""
    millis = headers.get("retry-after-ms")
    if millis is not None:
        try:
            return float(millis) / 1000
        except ValueError:
            pass
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return float(value)
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return (when - datetime.now(timezone.utc)).total_seconds()


def retry_delay(attempt: int, response: httpx.Response | None) -> float:
    """``Retry-After`` when sane, else exponential backoff with up to 25% jitter."""
    if response is not None:
        wait = retry_after(response.headers)
        if wait is not None and 0 <= wait <= MAX_RETRY_AFTER:
            return wait
    delay = min(INITIAL_RETRY_DELAY * 2.0**attempt, MAX_RETRY_DELAY)
    return delay * (1 - 0.25 * random.random())


def should_retry(response: httpx.Response) -> bool:
    status = response.status_code
    return status in {408, 429} or status >= 500


def setup_logging(name: str, env_var: str) -> logging.Logger:
    """The package logger; ``<PREFIX>_LOG=debug|info`` switches stderr output on."""
    logger = logging.getLogger(name)
    level = os.environ.get(env_var, "").strip().lower()
    if level in {"debug", "info"} and not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(
            logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s")
        )
        logger.addHandler(handler)
        logger.setLevel(logging.DEBUG if level == "debug" else logging.INFO)
    return logger


class BaseClient:
    """What sync and async clients share: options, auth and building requests."""

    _auth: ClassVar[tuple[tuple[str, str, str], ...]] = ()
    """(option, kind, wire name) for every auth/header option of the generated client."""
    _package: ClassVar[str] = ""
    _log_env: ClassVar[str] = ""
    _user_agent: ClassVar[str] = ""

    def __init__(
        self,
        *,
        base_url: str | httpx.URL,
        timeout: Timeout,
        max_retries: int,
        default_headers: Headers | None,
        idempotency_header: str | None,
    ) -> None:
        self.base_url = httpx.URL(str(base_url))
        self.timeout = timeout
        self.max_retries = max_retries
        self.default_headers: dict[str, str] = dict(default_headers or {})
        self.idempotency_header = idempotency_header
        self._resources: dict[str, object] = {}
        self._log = setup_logging(self._package, self._log_env)

    def _copy(self: SelfT, overrides: Mapping[str, object]) -> SelfT:
        clone = copy.copy(self)
        for name, value in overrides.items():
            if not isinstance(value, NotGiven):
                setattr(clone, name, value)
        if "base_url" in overrides and not isinstance(overrides["base_url"], NotGiven):
            clone.base_url = httpx.URL(str(overrides["base_url"]))
        clone._resources = {}
        clone._owns_http = False
        if clone.__dict__.get("_client") is self:  # a client that is its own resource
            clone.__dict__["_client"] = clone
        return clone

    _owns_http: bool = False

    def _resource(self, name: str, factory: Callable[[], T]) -> T:
        if name not in self._resources:
            self._resources[name] = factory()
        return cast(T, self._resources[name])

    def _auth_for(
        self, endpoint: Endpoint[Any]
    ) -> tuple[dict[str, str], list[tuple[str, str]]]:
        headers: dict[str, str] = {}
        query: list[tuple[str, str]] = []
        basic: dict[str, str] = {}
        for option, kind, wire in self._auth:
            value = getattr(self, option, None)
            if value is None or (
                endpoint.auth is not None and option not in endpoint.auth
            ):
                continue
            if kind == "header":
                headers[wire] = str(value)
            elif kind == "query":
                query.append((wire, str(value)))
            elif kind == "bearer":
                token = str(value)
                has_scheme = token.lower().startswith("bearer ")
                headers["Authorization"] = token if has_scheme else f"Bearer {token}"
            else:
                basic[kind] = str(value)
        if basic:
            pair = (
                f"{basic.get('basic_username', '')}:{basic.get('basic_password', '')}"
            )
            headers["Authorization"] = (
                "Basic " + base64.b64encode(pair.encode()).decode()
            )
        return headers, query

    def _build_request(
        self,
        http: httpx.Client | httpx.AsyncClient,
        endpoint: Endpoint[Any],
        *,
        path: Mapping[str, object] | None,
        query: Mapping[str, object] | None,
        headers: Mapping[str, object] | None,
        body: object,
        form: Mapping[str, object] | None,
        files: Mapping[str, FileTypes | NotGiven] | None,
        extra_headers: Headers | None,
        extra_query: Query | None,
        timeout: Timeout | NotGiven,
    ) -> httpx.Request:
        url_path = format_path(endpoint.path, path or {})
        auth_headers, auth_query = self._auth_for(endpoint)
        merged = {"Accept": "application/json", "User-Agent": self._user_agent}
        merged.update(self.default_headers)
        merged.update(auth_headers)
        merged.update(serialize(headers or {}, endpoint.formats))
        merged.update(extra_headers or {})
        params = auth_query + serialize(query or {}, endpoint.formats)
        params += serialize(extra_query or {}, {})
        if (
            self.idempotency_header
            and endpoint.method not in IDEMPOTENT_METHODS
            and not any(k.lower() == self.idempotency_header.lower() for k in merged)
        ):
            merged[self.idempotency_header] = str(uuid.uuid4())
        content: dict[str, Any] = {}
        if not isinstance(body, NotGiven):
            content["json"] = to_jsonable(body)
        if form:
            data: dict[str, list[str]] = {}
            for name, value in serialize(form, endpoint.formats):
                data.setdefault(name, []).append(value)
            content["data"] = data
        given_files = {
            k: v for k, v in (files or {}).items() if not isinstance(v, NotGiven)
        }
        if given_files:
            content["files"] = given_files
        base = str(self.base_url).rstrip("/")
        return http.build_request(
            endpoint.method,
            base + url_path,
            params=tuple(params),
            headers=merged,
            timeout=self.timeout if isinstance(timeout, NotGiven) else timeout,
            **content,
        )

    def _retryable(self, request: httpx.Request) -> bool:
        if request.method in IDEMPOTENT_METHODS:
            return True
        return bool(
            self.idempotency_header and self.idempotency_header in request.headers
        )

    def _finish(self, endpoint: Endpoint[T], response: httpx.Response) -> T:
        self._log.info(
            "HTTP %s %s -> %d",
            response.request.method,
            response.request.url,
            response.status_code,
        )
        if response.is_error:
            raise status_error(response)
        if _RAW.get():
            return cast(T, RawResponse[T](response, endpoint.cast_to))
        return cast(T, parse_response(endpoint.cast_to, response))

    def _next_delay(
        self, attempt: int, request: httpx.Request, response: httpx.Response | None
    ) -> float | None:
        """Seconds to wait before retrying, or None when this failure is final."""
        if attempt >= self.max_retries or not self._retryable(request):
            return None
        if response is not None and not should_retry(response):
            return None
        delay = retry_delay(attempt, response)
        reason = (
            f"status {response.status_code}"
            if response is not None
            else "connection error"
        )
        self._log.info(
            "retrying %s %s in %.2fs after %s (retry %d of %d)",
            request.method, request.url, delay, reason, attempt + 1, self.max_retries,
        )  # fmt: skip
        return delay


class SyncAPIClient(BaseClient):
    """The blocking client: one `httpx.Client`, yours or its own."""

    def __init__(
        self,
        *,
        base_url: str | httpx.URL,
        timeout: Timeout,
        max_retries: int,
        default_headers: Headers | None,
        idempotency_header: str | None,
        http_client: httpx.Client | None,
    ) -> None:
        super().__init__(
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            idempotency_header=idempotency_header,
        )
        self._owns_http = http_client is None
        self._http = http_client or httpx.Client(timeout=timeout, follow_redirects=True)

    def close(self) -> None:
        """Close the connection pool (a user-supplied httpx.Client is left open)."""
        if self._owns_http:
            self._http.close()

    def __enter__(self: SelfT) -> SelfT:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def request(
        self,
        endpoint: Endpoint[T],
        *,
        path: Mapping[str, object] | None = None,
        query: Mapping[str, object] | None = None,
        headers: Mapping[str, object] | None = None,
        body: object = NOT_GIVEN,
        form: Mapping[str, object] | None = None,
        files: Mapping[str, FileTypes | NotGiven] | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> T:
        """Send one operation's request, retrying as configured; parse or raise."""
        request = self._build_request(
            self._http, endpoint, path=path, query=query, headers=headers, body=body,
            form=form, files=files, extra_headers=extra_headers, extra_query=extra_query,
            timeout=timeout,
        )  # fmt: skip
        attempt = 0
        while True:
            self._log.debug("request %s %s", request.method, request.url)
            try:
                response = self._http.send(request)
            except httpx.TimeoutException as exc:
                delay = self._next_delay(attempt, request, None)
                if delay is None:
                    raise APITimeoutError(request=request) from exc
            except httpx.TransportError as exc:
                delay = self._next_delay(attempt, request, None)
                if delay is None:
                    raise APIConnectionError(
                        str(exc) or "Connection error.", request=request
                    ) from exc
            else:
                delay = (
                    self._next_delay(attempt, request, response)
                    if response.is_error
                    else None
                )
                if delay is None:
                    return self._finish(endpoint, response)
                response.close()
            time.sleep(delay)
            attempt += 1


class AsyncAPIClient(BaseClient):
    """The asyncio client: one `httpx.AsyncClient`, yours or its own."""

    def __init__(
        self,
        *,
        base_url: str | httpx.URL,
        timeout: Timeout,
        max_retries: int,
        default_headers: Headers | None,
        idempotency_header: str | None,
        http_client: httpx.AsyncClient | None,
    ) -> None:
        super().__init__(
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            idempotency_header=idempotency_header,
        )
        self._owns_http = http_client is None
        self._http = http_client or httpx.AsyncClient(
            timeout=timeout, follow_redirects=True
        )

    async def close(self) -> None:
        """Close the connection pool (a user-supplied httpx.AsyncClient is left open)."""
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self: SelfT) -> SelfT:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def request(
        self,
        endpoint: Endpoint[T],
        *,
        path: Mapping[str, object] | None = None,
        query: Mapping[str, object] | None = None,
        headers: Mapping[str, object] | None = None,
        body: object = NOT_GIVEN,
        form: Mapping[str, object] | None = None,
        files: Mapping[str, FileTypes | NotGiven] | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
    ) -> T:
        """Send one operation's request, retrying as configured; parse or raise."""
        request = self._build_request(
            self._http, endpoint, path=path, query=query, headers=headers, body=body,
            form=form, files=files, extra_headers=extra_headers, extra_query=extra_query,
            timeout=timeout,
        )  # fmt: skip
        attempt = 0
        while True:
            self._log.debug("request %s %s", request.method, request.url)
            try:
                response = await self._http.send(request)
            except httpx.TimeoutException as exc:
                delay = self._next_delay(attempt, request, None)
                if delay is None:
                    raise APITimeoutError(request=request) from exc
            except httpx.TransportError as exc:
                delay = self._next_delay(attempt, request, None)
                if delay is None:
                    raise APIConnectionError(
                        str(exc) or "Connection error.", request=request
                    ) from exc
            else:
                delay = (
                    self._next_delay(attempt, request, response)
                    if response.is_error
                    else None
                )
                if delay is None:
                    return self._finish(endpoint, response)
                await response.aclose()
            await asyncio.sleep(delay)
            attempt += 1


class SyncAPIResource:
    """Base of sync resource classes: holds the client its methods call."""

    _client: SyncAPIClient

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client


class AsyncAPIResource:
    """Base of async resource classes: holds the client its methods call."""

    _client: AsyncAPIClient

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client


def env(name: str) -> str | None:
    """An environment variable, with empty values treated as unset."""
    return os.environ.get(name) or None


__all__ = [
    "AsyncAPIClient",
    "AsyncAPIResource",
    "BaseModel",
    "Endpoint",
    "RawResponse",
    "SyncAPIClient",
    "SyncAPIResource",
]
