"""Auto-paging: ``client.<resource>.<operation>_iter(...)`` walks every page.

Iterating a `SyncPager` (``for``) or `AsyncPager` (``async for``) yields every item of
every page, requesting each page when iteration reaches it; ``.pages()`` yields the
pages themselves, typed as the operation returns them. A walk stops at an empty page,
at a page shorter than the page size (offset and page styles: the ``limit`` passed,
else the first page's length), or when a page has no next cursor or next link.
"""

from __future__ import annotations

import functools
from collections.abc import AsyncIterator, Iterator, Mapping
from typing import Generic, TypeVar, cast
from urllib.parse import urljoin

import httpx
import pydantic

from ._runtime import (
    AsyncAPIClient,
    Endpoint,
    Paging,
    SyncAPIClient,
    call_raw,
    call_raw_async,
)
from ._types import NOT_GIVEN, FileTypes, Headers, NotGiven, Query, Timeout

__all__ = ["AsyncPager", "SyncPager"]

PageT = TypeVar("PageT")
ItemT = TypeVar("ItemT")


def field_at(value: object, path: tuple[str, ...]) -> object:
    """The value at ``path`` (wire names) in a page, through models and dicts."""
    for name in path:
        if isinstance(value, pydantic.BaseModel):
            found: object = (value.model_extra or {}).get(name)
            for attribute, info in type(value).model_fields.items():
                alias = info.validation_alias
                if name == (
                    alias if isinstance(alias, str) else info.alias or attribute
                ):
                    found = getattr(value, attribute, None)
            value = found
        elif isinstance(value, Mapping):
            value = cast(Mapping[str, object], value).get(name)
        else:
            return None
    return value


def page_items(page: object, paging: Paging) -> list[object]:
    """The items of one page: its list, or its map's ``(key, value)`` pairs."""
    found = field_at(page, paging.items)
    if isinstance(found, Mapping):
        return list(cast(Mapping[object, object], found).items())
    if isinstance(found, list):
        return list(cast(list[object], found))
    return []


def _whole(value: object) -> int | None:
    is_int = isinstance(value, int) and not isinstance(value, bool)
    return cast(int, value) if is_int else None


class _Walk:
    """Where the next page is: the query (or next link) after each page."""

    def __init__(self, paging: Paging, query: Mapping[str, object] | None) -> None:
        self.paging = paging
        self.query: dict[str, object] = dict(query or {})
        self.url: str | None = None
        self.size = _whole(self.query.get(paging.limit)) if paging.limit else None
        self.seen: set[str] = set()

    def advance(self, page: object, response: httpx.Response) -> bool:
        """Move past ``page``; False when it was the last one."""
        paging, items = self.paging, page_items(page, self.paging)
        if not items:
            return False
        if paging.style in {"offset", "page"}:
            self.size = self.size or len(items)
            if len(items) < self.size:
                return False
            if paging.style == "offset":
                start = _whole(self.query.get(paging.offset)) or 0
                self.query[paging.offset] = start + len(items)
            else:
                number = _whole(self.query.get(paging.page))
                current = paging.first_page if number is None else number
                self.query[paging.page] = current + 1
            return True
        if paging.style == "cursor":
            cursor = field_at(page, paging.next)
            if not self._fresh(cursor):
                return False
            self.query[paging.cursor] = cursor
            return True
        link = (
            field_at(page, paging.next)
            if paging.next
            else response.links.get("next", {}).get("url")
        )
        if not isinstance(link, str) or not self._fresh(link):
            return False
        self.url = urljoin(str(response.request.url), link)
        return True

    def _fresh(self, found: object) -> bool:
        """Whether ``found`` is a next cursor or link not met before (no loops)."""
        if found is None or found == "" or str(found) in self.seen:
            return False
        self.seen.add(str(found))
        return True


class SyncPager(Generic[PageT, ItemT]):
    """Every item of every page of one operation (see the module docstring)."""

    def __init__(
        self,
        client: SyncAPIClient,
        endpoint: Endpoint[PageT],
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
    ) -> None:
        assert endpoint.paging is not None
        self._paging = endpoint.paging
        self._query = query
        self._send = functools.partial(
            client.request, endpoint, path=path, headers=headers, body=body, form=form,
            files=files, options=options, extra_headers=extra_headers,
            extra_query=extra_query, timeout=timeout, max_retries=max_retries,
        )  # fmt: skip

    def pages(self) -> Iterator[PageT]:
        """Each page, as the operation returns it."""
        walk = _Walk(self._paging, self._query)
        while True:
            send = functools.partial(
                self._send, query=None if walk.url else walk.query, url=walk.url
            )
            raw = call_raw(send)
            page = raw.parse()
            yield page
            if not walk.advance(page, raw.http_response):
                return

    def __iter__(self) -> Iterator[ItemT]:
        for page in self.pages():
            for item in page_items(page, self._paging):
                yield cast(ItemT, item)


class AsyncPager(Generic[PageT, ItemT]):
    """`SyncPager` for the asyncio client: ``async for item in pager``."""

    def __init__(
        self,
        client: AsyncAPIClient,
        endpoint: Endpoint[PageT],
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
    ) -> None:
        assert endpoint.paging is not None
        self._paging = endpoint.paging
        self._query = query
        self._send = functools.partial(
            client.request, endpoint, path=path, headers=headers, body=body, form=form,
            files=files, options=options, extra_headers=extra_headers,
            extra_query=extra_query, timeout=timeout, max_retries=max_retries,
        )  # fmt: skip

    async def pages(self) -> AsyncIterator[PageT]:
        """Each page, as the operation returns it."""
        walk = _Walk(self._paging, self._query)
        while True:
            send = functools.partial(
                self._send, query=None if walk.url else walk.query, url=walk.url
            )
            raw = await call_raw_async(send)
            page = raw.parse()
            yield page
            if not walk.advance(page, raw.http_response):
                return

    async def __aiter__(self) -> AsyncIterator[ItemT]:
        async for page in self.pages():
            for item in page_items(page, self._paging):
                yield cast(ItemT, item)
