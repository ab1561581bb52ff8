"""The request pipeline every generated method calls, written once, sync and async.

``Endpoint`` + arguments → ``httpx.Request`` (path, query per collection format,
headers merged case-insensitively, auth, JSON/form/multipart body) → sent with retries
(exponential backoff with jitter, ``Retry-After``) and redirects (credentials never
follow one to another origin) → typed result, `RawResponse`, or an `APIError` subclass.
Secrets in URLs are redacted from every log line and error message.
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
import re
import time
import types
import typing
import uuid
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import (
    Any,
    ClassVar,
    Concatenate,
    Generic,
    ParamSpec,
    TypeVar,
    cast,
    overload,
)
from urllib.parse import quote

import httpx
import pydantic

from ._exceptions import (
    APIConnectionError,
    APIResponseValidationError,
    APITimeoutError,
    status_error,
)
from ._types import NOT_GIVEN, FileTypes, Headers, NotGiven, Omit, Query, Timeout

T = TypeVar("T")
P = ParamSpec("P")
R = TypeVar("R")
SelfT = TypeVar("SelfT", bound="BaseClient")

DEFAULT_TIMEOUT = 60.0
DEFAULT_MAX_RETRIES = 2
INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
MAX_RETRY_AFTER = 60.0
MAX_REDIRECTS = 20
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"})
REDACTED = "REDACTED"
SECRET_WORDS = frozenset(
    {"password", "passwd", "passphrase", "secret", "token", "key", "apikey", "auth",
     "authorization", "credential", "credentials", "signature", "sig"}
)  # fmt: skip
"""A query parameter whose name holds one of these words is redacted when shown."""
_WORDS = re.compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")
_SEPARATORS = {"csv": ",", "ssv": " ", "tsv": "\t", "pipes": "|"}
_RAW: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "raw_response", default=False
)


class BaseModel(pydantic.BaseModel):
    """Base of every model: unknown fields are kept (APIs add fields), constructors
    take Python names (wire names are read from and written to JSON), field docstrings
    become descriptions, and validators are built on first use (big APIs import
    hundreds of models at once)."""

    model_config: ClassVar[pydantic.ConfigDict] = pydantic.ConfigDict(
        extra="allow",
        populate_by_name=True,
        protected_namespaces=(),
        use_attribute_docstrings=True,
        defer_build=True,
    )


@dataclass(frozen=True)
class Paging:
    """How an operation pages (``[tool.md2sdk.apis.NAME.pagination]``): the style,
    the query parameters it moves, and wire-name paths into each page."""

    style: str
    items: tuple[str, ...] = ()
    offset: str = ""
    limit: str = ""
    page: str = ""
    first_page: int = 1
    cursor: str = ""
    next: tuple[str, ...] = ()


@dataclass(frozen=True)
class Endpoint(Generic[T]):
    """Static facts about one operation: ``T`` is what a successful call returns.

    ``requires``: client options this operation cannot go without (checked before
    sending); ``secrets``: query parameters the docs mark as secret (redacted);
    ``paging``: how its pages follow each other, when it pages.
    """

    method: str
    path: str
    cast_to: object
    auth: tuple[str, ...] | None = None
    formats: Mapping[str, str] = field(default_factory=dict)
    body: str = "json"
    requires: tuple[str, ...] = ()
    secrets: tuple[str, ...] = ()
    paging: Paging | None = None


class RawResponse(Generic[T]):
    """A response before parsing: status, headers, the httpx response, and `parse()`."""

    http_response: httpx.Response
    status_code: int
    headers: httpx.Headers
    request: httpx.Request

    def __init__(
        self,
        response: httpx.Response,
        cast_to: object,
        *,
        strict: bool = False,
        url: str | None = None,
    ) -> None:
        self.http_response = response
        self.status_code = response.status_code
        self.headers = response.headers
        self.request = response.request
        self._cast_to = cast_to
        self._strict = strict
        self._url = url if url is not None else str(response.request.url)

    @property
    def text(self) -> str:
        """The body as text."""
        return self.http_response.text

    def parse(self) -> T:
        """The body as the operation's return type."""
        return cast(
            T,
            parse_response(
                self._cast_to, self.http_response, strict=self._strict, url=self._url
            ),
        )

    def __repr__(self) -> str:
        return f"<RawResponse [{self.status_code}] {self.request.method} {self._url}>"


class RawMethod(Generic[R, P, T]):
    """A resource method again, returning a `RawResponse` instead of the parsed body
    (a descriptor on the ``...WithRawResponse`` classes, which hold ``_resource``)."""

    def __init__(self, method: Callable[Concatenate[R, P], T]) -> None:
        self._method = method

    @overload
    def __get__(self, instance: None, owner: type[Any]) -> RawMethod[R, P, T]: ...

    @overload
    def __get__(
        self, instance: object, owner: type[Any]
    ) -> Callable[P, RawResponse[T]]: ...

    def __get__(self, instance: object, owner: type[Any]) -> object:
        if instance is None:
            return self
        resource = cast(R, instance.__dict__["_resource"])
        method = self._method

        @functools.wraps(method)
        def call(*args: P.args, **kwargs: P.kwargs) -> RawResponse[T]:
            token = _RAW.set(True)
            try:
                return cast(RawResponse[T], method(resource, *args, **kwargs))
            finally:
                _RAW.reset(token)

        return call


class AsyncRawMethod(Generic[R, P, T]):
    """`RawMethod` for coroutine methods."""

    def __init__(self, method: Callable[Concatenate[R, P], Awaitable[T]]) -> None:
        self._method = method

    @overload
    def __get__(self, instance: None, owner: type[Any]) -> AsyncRawMethod[R, P, T]: ...

    @overload
    def __get__(
        self, instance: object, owner: type[Any]
    ) -> Callable[P, Awaitable[RawResponse[T]]]: ...

    def __get__(self, instance: object, owner: type[Any]) -> object:
        if instance is None:
            return self
        resource = cast(R, instance.__dict__["_resource"])
        method = self._method

        @functools.wraps(method)
        async def call(*args: P.args, **kwargs: P.kwargs) -> RawResponse[T]:
            token = _RAW.set(True)
            try:
                return cast(RawResponse[T], await method(resource, *args, **kwargs))
            finally:
                _RAW.reset(token)

        return call


def call_raw(call: Callable[[], T]) -> RawResponse[T]:
    """``call()`` (a request) returning its `RawResponse` instead of the parsed body."""
    token = _RAW.set(True)
    try:
        return cast(RawResponse[T], call())
    finally:
        _RAW.reset(token)


async def call_raw_async(call: Callable[[], Awaitable[T]]) -> RawResponse[T]:
    """`call_raw` for coroutines."""
    token = _RAW.set(True)
    try:
        return cast(RawResponse[T], await call())
    finally:
        _RAW.reset(token)


@functools.cache
def _adapter(cast_to: Any) -> pydantic.TypeAdapter[Any]:
    return pydantic.TypeAdapter(cast_to)


def parse_response(
    cast_to: object,
    response: httpx.Response,
    *,
    strict: bool = False,
    url: str | None = None,
) -> object:
    """The body of a successful response as ``cast_to`` (None, bytes, text or JSON).

    A body that is missing or not JSON where the docs declare one raises
    `APIResponseValidationError`; so does a body that does not validate when
    ``strict``. Otherwise a body that drifted from the docs is kept as far as it
    parses (`construct`): one odd field does not cost the whole result.
    """
    if cast_to is None:
        return None
    if cast_to is bytes:
        return response.content
    if not response.content:
        raise APIResponseValidationError(
            "Empty body where the docs declare one", response=response, url=url
        )
    try:
        data = response.json()
    except ValueError:
        if cast_to is str:
            return response.text
        raise APIResponseValidationError(
            "Body is not JSON", response=response, url=url
        ) from None
    try:
        return _adapter(cast_to).validate_python(data)
    except pydantic.ValidationError as exc:
        if strict:
            raise APIResponseValidationError(
                f"Body does not match the docs: {exc}", response=response, url=url
            ) from exc
        return construct(cast_to, data)


def construct(hint: object, data: object) -> object:
    """``data`` as ``hint`` where it validates, else built leniently: models keep the
    fields that validate, the rest as received, unknown fields included."""
    try:
        return _adapter(hint).validate_python(data)
    except pydantic.ValidationError:
        pass
    if isinstance(hint, type) and issubclass(hint, pydantic.BaseModel):
        return _construct_model(hint, data) if isinstance(data, dict) else data
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is list and isinstance(data, list) and args:
        return [construct(args[0], item) for item in data]
    if origin is dict and isinstance(data, dict) and len(args) == 2:
        return {key: construct(args[1], item) for key, item in data.items()}
    if origin in (typing.Union, types.UnionType) and isinstance(data, dict):
        for option in args:
            if isinstance(option, type) and issubclass(option, pydantic.BaseModel):
                return _construct_model(option, data)
    return data


def _construct_model(
    model: type[pydantic.BaseModel], data: dict[str, object]
) -> pydantic.BaseModel:
    model.model_rebuild()
    fields = model.model_fields
    names: dict[str, str] = {}
    for name, info in fields.items():
        alias = info.validation_alias
        names[alias if isinstance(alias, str) else (info.alias or name)] = name
    values: dict[str, Any] = {}
    for key, value in data.items():
        name = names.get(key, key if key in fields else "")
        if name:
            values[name] = construct(fields[name].annotation, value)
        else:
            values[key] = value
    return model.model_construct(**values)


def to_jsonable(value: object) -> object:
    """Models (by wire name, only fields that were set), dates and containers → JSON."""
    if isinstance(value, pydantic.BaseModel):
        return value.model_dump(mode="json", by_alias=True, exclude_unset=True)
    if isinstance(value, Mapping):
        items = cast(Mapping[object, object], value).items()
        return {str(k): to_jsonable(v) for k, v in items}
    if isinstance(value, Sequence) and not isinstance(value, str | bytes):
        return [to_jsonable(v) for v in cast(Sequence[object], value)]
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
            items = [_scalar(v) for v in cast(list[object], value)]
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
    """Whether a failed status is worth another try (408, 429 and 5xx)."""
    status = response.status_code
    return status in {408, 429} or status >= 500


def is_secret_name(name: str) -> bool:
    """Whether a parameter name says it holds a secret (``password``, ``apiKey``...)."""
    words = [w.lower() for w in _WORDS.findall(name)]
    return any(w in SECRET_WORDS for w in words) or "".join(words) in SECRET_WORDS


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


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    return url.scheme, url.host, url.port


def merge_headers(*layers: Headers | None) -> httpx.Headers:
    """Later layers win, whatever the case of the names; an `OMIT` value removes."""
    merged = httpx.Headers()
    for layer in layers:
        for name, value in (layer or {}).items():
            if isinstance(value, Omit):
                merged.pop(name, None)
            else:
                merged[name] = value
    return merged


class BaseClient:
    """What sync and async clients share: options, auth and building requests."""

    _auth: ClassVar[tuple[tuple[str, str, str, str], ...]] = ()
    """(option, kind, wire name, env var) for every auth/header option of the client."""
    _package: ClassVar[str] = ""
    _log_env: ClassVar[str] = ""
    _user_agent: ClassVar[str] = ""

    base_url: httpx.URL
    timeout: Timeout
    max_retries: int
    default_headers: dict[str, str | Omit]
    idempotency_header: str | None
    strict_response_validation: bool
    _resources: dict[str, object]
    _log: logging.Logger
    _owns_http: bool = False

    def __init__(
        self,
        *,
        base_url: str | httpx.URL,
        timeout: Timeout,
        max_retries: int,
        default_headers: Headers | None,
        idempotency_header: str | None,
        strict_response_validation: bool,
    ) -> None:
        self.base_url = httpx.URL(str(base_url))
        self.timeout = timeout
        self.max_retries = max_retries
        self.default_headers = dict(default_headers or {})
        self.idempotency_header = idempotency_header
        self.strict_response_validation = strict_response_validation
        self._resources = {}
        self._log = setup_logging(self._package, self._log_env)

    def _copy(self: SelfT, overrides: Mapping[str, object]) -> SelfT:
        clone = copy.copy(self)
        for name, value in overrides.items():
            if isinstance(value, NotGiven):
                continue
            if name == "base_url":
                clone.base_url = httpx.URL(str(value))
            elif name == "default_headers":
                extra = cast(Headers, value)
                clone.default_headers = {**self.default_headers, **extra}
            elif name == "http_client":
                clone.__dict__["_http"] = value
            else:
                setattr(clone, name, value)
        clone._resources = {}
        clone._owns_http = False
        if clone.__dict__.get("_client") is self:  # a client that is its own resource
            clone.__dict__["_client"] = clone
        return clone

    def _resource(self, name: str, factory: Callable[[], T]) -> T:
        if name not in self._resources:
            self._resources[name] = factory()
        return cast(T, self._resources[name])

    def _option(self, name: str, overrides: Mapping[str, object] | None) -> object:
        value = (overrides or {}).get(name, NOT_GIVEN)
        return getattr(self, name, None) if isinstance(value, NotGiven) else value

    def _auth_for(
        self, endpoint: Endpoint[Any], overrides: Mapping[str, object] | None
    ) -> tuple[dict[str, str], list[tuple[str, str]]]:
        headers: dict[str, str] = {}
        query: list[tuple[str, str]] = []
        basic: dict[str, str] = {}
        for option, kind, wire, _ in self._auth:
            value = self._option(option, overrides)
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

    def _check_required(
        self, endpoint: Endpoint[Any], overrides: Mapping[str, object] | None
    ) -> None:
        """Refuse to send a request the docs say cannot go without an option."""
        for option, _, wire, env_var in self._auth:
            if option in endpoint.requires and self._option(option, overrides) is None:
                raise ValueError(
                    f"{endpoint.method} {endpoint.path} requires {option} (sent as"
                    f" {wire}): pass {option}= to this method, or set it on the client"
                    f" ({option}= or ${env_var})"
                )

    def _credentials(self) -> tuple[set[str], set[str]]:
        """(header names, query names) through which this client sends credentials."""
        headers: set[str] = set()
        query: set[str] = set()
        for _, kind, wire, _ in self._auth:
            if kind == "query":
                query.add(wire)
            else:
                headers.add("Authorization" if kind != "header" else wire)
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
        files: Mapping[str, FileTypes | list[FileTypes] | NotGiven] | None,
        options: Mapping[str, object] | None,
        extra_headers: Headers | None,
        extra_query: Query | None,
        timeout: Timeout | NotGiven,
        url: str | None = None,
    ) -> httpx.Request:
        self._check_required(endpoint, options)
        if url is None:
            url = str(self.base_url).rstrip("/") + format_path(
                endpoint.path, path or {}
            )
        auth_headers, auth_query = self._auth_for(endpoint, options)
        target = httpx.URL(url)
        if _origin(target) != _origin(self.base_url):  # a next link to another host
            auth_headers, auth_query = {}, []
        # httpx replaces a URL's query with ``params``: keep a next link's own.
        auth_query = target.params.multi_items() + [
            (k, v) for k, v in auth_query if k not in target.params
        ]
        base: dict[str, str] = {
            "Accept": "application/json",
            "User-Agent": self._user_agent,
        }
        merged = merge_headers(
            base,
            self.default_headers,
            auth_headers,
            dict(serialize(headers or {}, endpoint.formats)),
            extra_headers,
        )
        params = auth_query + serialize(query or {}, endpoint.formats)
        params += serialize(extra_query or {}, {})
        key = self.idempotency_header
        if (
            key
            and endpoint.method not in IDEMPOTENT_METHODS
            and key not in merged
            and not any(
                name.lower() == key.lower()
                for layer in (self.default_headers, extra_headers or {})
                for name in layer
            )
        ):
            merged[key] = str(uuid.uuid4())
        content: dict[str, Any] = {}
        if not isinstance(body, NotGiven):
            content["json"] = to_jsonable(body)
        if form:
            data: dict[str, list[str]] = {}
            for name, value in serialize(form, endpoint.formats):
                data.setdefault(name, []).append(value)
            content["data"] = data
        parts: list[tuple[str, FileTypes]] = []
        for name, upload in (files or {}).items():
            if isinstance(upload, list):  # several files under one field name
                parts.extend((name, one) for one in upload)
            elif not isinstance(upload, NotGiven):
                parts.append((name, upload))
        if parts:
            content["files"] = parts
        request = http.build_request(
            endpoint.method,
            url,
            params=tuple(params),
            headers=merged,
            timeout=self.timeout if isinstance(timeout, NotGiven) else timeout,
            **content,
        )
        for layer in (self.default_headers, extra_headers or {}):
            for name, given in layer.items():
                if isinstance(given, Omit):  # httpx's own defaults (User-Agent...) too
                    request.headers.pop(name, None)
        return request

    def _shown(self, url: httpx.URL, endpoint: Endpoint[Any]) -> str:
        """``url`` as logs and messages show it: secret query values redacted."""
        _, auth_query = self._credentials()
        secret = auth_query | set(endpoint.secrets)
        pairs = url.params.multi_items()
        hidden = [
            (name, REDACTED if name in secret or is_secret_name(name) else value)
            for name, value in pairs
        ]
        if url.password:
            url = url.copy_with(password=REDACTED)
        return str(url.copy_with(params=hidden) if hidden != pairs else url)

    def _scrub(self, text: str, url: httpx.URL, endpoint: Endpoint[Any]) -> str:
        """``text`` with the secret query values of ``url`` redacted."""
        shown = httpx.URL(self._shown(url, endpoint)).params
        for name, value in url.params.multi_items():
            if value and shown.get(name) == REDACTED:
                text = text.replace(value, REDACTED)
        return text

    def _redirected(self, first: httpx.Request, target: httpx.Request) -> httpx.Request:
        """The redirect's request, without our credentials when it leaves the origin."""
        if _origin(target.url) == _origin(first.url):
            return target
        header_names, query_names = self._credentials()
        for name in header_names:
            target.headers.pop(name, None)
        url = target.url
        for name in query_names:
            url = url.copy_remove_param(name)
        target.url = url
        return target

    def _finish(self, endpoint: Endpoint[T], response: httpx.Response, shown: str) -> T:
        self._log.info(
            "HTTP %s %s -> %d", response.request.method, shown, response.status_code
        )
        if response.is_error:
            raise status_error(response, shown)
        strict = self.strict_response_validation
        if _RAW.get():
            raw = RawResponse[T](response, endpoint.cast_to, strict=strict, url=shown)
            return cast(T, raw)
        parsed = parse_response(endpoint.cast_to, response, strict=strict, url=shown)
        return cast(T, parsed)

    def _next_delay(
        self,
        attempt: int,
        request: httpx.Request,
        response: httpx.Response | None,
        retries: int,
        shown: str,
    ) -> float | None:
        """Seconds to wait before retrying, or None when this failure is final."""
        if attempt >= retries or not self._retryable(request):
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
            request.method, shown, delay, reason, attempt + 1, retries,
        )  # fmt: skip
        return delay

    def _retryable(self, request: httpx.Request) -> bool:
        if request.method in IDEMPOTENT_METHODS:
            return True
        return bool(
            self.idempotency_header and self.idempotency_header in request.headers
        )


class SyncAPIClient(BaseClient):
    """The blocking client: one `httpx.Client`, yours or its own."""

    _http: httpx.Client

    def __init__(
        self,
        *,
        base_url: str | httpx.URL,
        timeout: Timeout,
        max_retries: int,
        default_headers: Headers | None,
        idempotency_header: str | None,
        strict_response_validation: bool,
        http_client: httpx.Client | None,
    ) -> None:
        super().__init__(
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            idempotency_header=idempotency_header,
            strict_response_validation=strict_response_validation,
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

    def _send(self, request: httpx.Request) -> httpx.Response:
        """Send ``request``, following redirects as the httpx client is configured."""
        response = self._http.send(request, follow_redirects=False)
        hops = 0
        while response.next_request is not None and self._http.follow_redirects:
            if hops == MAX_REDIRECTS:
                raise APIConnectionError(
                    f"Exceeded {MAX_REDIRECTS} redirects.", request=request
                )
            target = self._redirected(request, response.next_request)
            response.close()
            response = self._http.send(target, follow_redirects=False)
            hops += 1
        return response

    def request(
        self,
        endpoint: Endpoint[T],
        *,
        path: Mapping[str, object] | None = None,
        query: Mapping[str, object] | None = None,
        headers: Mapping[str, object] | None = None,
        body: object = NOT_GIVEN,
        form: Mapping[str, object] | None = None,
        files: Mapping[str, FileTypes | list[FileTypes] | NotGiven] | None = None,
        options: Mapping[str, object] | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        url: str | None = None,
    ) -> T:
        """Send one operation's request, retrying as configured; parse or raise.

        ``url`` replaces the endpoint's path and the query (a page's next link).
        """
        request = self._build_request(
            self._http, endpoint, path=path, query=query, headers=headers, body=body,
            form=form, files=files, options=options, extra_headers=extra_headers,
            extra_query=extra_query, timeout=timeout, url=url,
        )  # fmt: skip
        retries = self.max_retries if isinstance(max_retries, NotGiven) else max_retries
        shown = self._shown(request.url, endpoint)
        attempt = 0
        while True:
            self._log.debug("request %s %s", request.method, shown)
            try:
                response = self._send(request)
            except httpx.TimeoutException as exc:
                delay = self._next_delay(attempt, request, None, retries, shown)
                if delay is None:
                    raise APITimeoutError(request=request) from exc
            except httpx.TransportError as exc:
                delay = self._next_delay(attempt, request, None, retries, shown)
                if delay is None:
                    message = self._scrub(str(exc), request.url, endpoint)
                    raise APIConnectionError(
                        message or "Connection error.", request=request
                    ) from exc
            else:
                delay = (
                    self._next_delay(attempt, request, response, retries, shown)
                    if response.is_error
                    else None
                )
                if delay is None:
                    return self._finish(endpoint, response, shown)
                response.close()
            time.sleep(delay)
            attempt += 1


class AsyncAPIClient(BaseClient):
    """The asyncio client: one `httpx.AsyncClient`, yours or its own."""

    _http: httpx.AsyncClient

    def __init__(
        self,
        *,
        base_url: str | httpx.URL,
        timeout: Timeout,
        max_retries: int,
        default_headers: Headers | None,
        idempotency_header: str | None,
        strict_response_validation: bool,
        http_client: httpx.AsyncClient | None,
    ) -> None:
        super().__init__(
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            idempotency_header=idempotency_header,
            strict_response_validation=strict_response_validation,
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

    async def _send(self, request: httpx.Request) -> httpx.Response:
        """Send ``request``, following redirects as the httpx client is configured."""
        response = await self._http.send(request, follow_redirects=False)
        hops = 0
        while response.next_request is not None and self._http.follow_redirects:
            if hops == MAX_REDIRECTS:
                raise APIConnectionError(
                    f"Exceeded {MAX_REDIRECTS} redirects.", request=request
                )
            target = self._redirected(request, response.next_request)
            await response.aclose()
            response = await self._http.send(target, follow_redirects=False)
            hops += 1
        return response

    async def request(
        self,
        endpoint: Endpoint[T],
        *,
        path: Mapping[str, object] | None = None,
        query: Mapping[str, object] | None = None,
        headers: Mapping[str, object] | None = None,
        body: object = NOT_GIVEN,
        form: Mapping[str, object] | None = None,
        files: Mapping[str, FileTypes | list[FileTypes] | NotGiven] | None = None,
        options: Mapping[str, object] | None = None,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        url: str | None = None,
    ) -> T:
        """Send one operation's request, retrying as configured; parse or raise.

        ``url`` replaces the endpoint's path and the query (a page's next link).
        """
        request = self._build_request(
            self._http, endpoint, path=path, query=query, headers=headers, body=body,
            form=form, files=files, options=options, extra_headers=extra_headers,
            extra_query=extra_query, timeout=timeout, url=url,
        )  # fmt: skip
        retries = self.max_retries if isinstance(max_retries, NotGiven) else max_retries
        shown = self._shown(request.url, endpoint)
        attempt = 0
        while True:
            self._log.debug("request %s %s", request.method, shown)
            try:
                response = await self._send(request)
            except httpx.TimeoutException as exc:
                delay = self._next_delay(attempt, request, None, retries, shown)
                if delay is None:
                    raise APITimeoutError(request=request) from exc
            except httpx.TransportError as exc:
                delay = self._next_delay(attempt, request, None, retries, shown)
                if delay is None:
                    message = self._scrub(str(exc), request.url, endpoint)
                    raise APIConnectionError(
                        message or "Connection error.", request=request
                    ) from exc
            else:
                delay = (
                    self._next_delay(attempt, request, response, retries, shown)
                    if response.is_error
                    else None
                )
                if delay is None:
                    return self._finish(endpoint, response, shown)
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
    "AsyncRawMethod",
    "BaseModel",
    "Endpoint",
    "Paging",
    "RawMethod",
    "RawResponse",
    "SyncAPIClient",
    "SyncAPIResource",
]
