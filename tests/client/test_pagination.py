"""Auto-paging iterators, sync and async, in every style (issue #16 item 10): each
walk stops at a short page, an empty page, or a missing cursor / next link."""

from __future__ import annotations

import asyncio
from types import ModuleType
from typing import Any

import httpx
import pytest
from client_helpers import Recorder, json_response, make_client

KEYS: dict[str, Any] = {"api_key": "k", "ims_org_id": "o"}


def _batches(*ids: str) -> dict[str, Any]:
    return {i: {"imsOrg": "org", "status": "success"} for i in ids}


def _starts(rec: Recorder) -> list[str | None]:
    return [r.url.params.get("start") for r in rec.requests]


def test_offset_stops_at_a_short_page(catalog: ModuleType) -> None:
    rec = Recorder(*(json_response(200, _batches(*p)) for p in (["a", "b"], ["c", "d"], ["e"])))
    client = make_client(catalog, rec, **KEYS)
    got = [(key, batch.ims_org) for key, batch in client.get_batch_iter(limit=2, status="x")]
    assert got == [("a", "org"), ("b", "org"), ("c", "org"), ("d", "org"), ("e", "org")]
    assert _starts(rec) == [None, "2", "4"]
    assert {r.url.params["limit"] for r in rec.requests} == {"2"}
    assert {r.url.params["status"] for r in rec.requests} == {"x"}  # filters kept
    assert {r.headers["x-api-key"] for r in rec.requests} == {"k"}


def test_offset_stops_at_an_empty_page_and_starts_where_asked(catalog: ModuleType) -> None:
    rec = Recorder(*(json_response(200, _batches(*p)) for p in (["a", "b"], ["c", "d"], [])))
    client = make_client(catalog, rec, **KEYS)
    assert len(list(client.get_batch_iter(limit=2, start=10))) == 4
    assert _starts(rec) == ["10", "12", "14"]


def test_offset_without_limit_uses_the_first_pages_size(catalog: ModuleType) -> None:
    pages = (["a", "b", "c"], ["d", "e", "f"], ["g"], ["never"])
    rec = Recorder(*(json_response(200, _batches(*p)) for p in pages))
    client = make_client(catalog, rec, **KEYS)
    pages_seen = list(client.get_batch_iter().pages())
    assert [sorted(p) for p in pages_seen] == [["a", "b", "c"], ["d", "e", "f"], ["g"]]
    assert _starts(rec) == [None, "3", "6"]


def test_async_offset_pager(catalog: ModuleType) -> None:
    rec = Recorder(*(json_response(200, _batches(*p)) for p in (["a", "b"], ["c"])))

    async def main() -> list[str]:
        async with make_client(catalog, rec, is_async=True, **KEYS) as client:
            return [key async for key, _ in client.get_batch_iter(limit=2)]

    assert asyncio.run(main()) == ["a", "b", "c"]
    assert _starts(rec) == [None, "2"]


def _items(*ids: int) -> list[dict[str, Any]]:
    return [{"id": i, "name": f"n{i}"} for i in ids]


def test_cursor_stops_when_the_cursor_is_missing(pages: ModuleType) -> None:
    rec = Recorder(
        json_response(200, {"data": _items(1, 2), "meta": {"next": "c2"}}),
        json_response(200, {"data": _items(3), "meta": {"next": "c3"}}),
        json_response(200, {"data": _items(4), "meta": {}}),
    )
    client = make_client(pages, rec, key="secret")
    assert [i.id for i in client.list_by_cursor_iter(q="x")] == [1, 2, 3, 4]
    assert [r.url.params.get("after") for r in rec.requests] == [None, "c2", "c3"]
    assert {r.url.params["q"] for r in rec.requests} == {"x"}


def test_cursor_stops_at_an_empty_page_or_a_repeated_cursor(pages: ModuleType) -> None:
    rec = Recorder(
        json_response(200, {"data": _items(1), "meta": {"next": "c2"}}),
        json_response(200, {"data": [], "meta": {"next": "c3"}}),
    )
    assert [i.id for i in make_client(pages, rec).list_by_cursor_iter()] == [1]
    assert len(rec.requests) == 2
    looping = Recorder(json_response(200, {"data": _items(1), "meta": {"next": "same"}}))
    assert len(list(make_client(pages, looping).list_by_cursor_iter())) == 2
    assert len(looping.requests) == 2


def test_page_numbers_count_up_and_stop_at_a_short_page(pages: ModuleType) -> None:
    rec = Recorder(json_response(200, _items(1, 2)), json_response(200, _items(3)))
    client = make_client(pages, rec)
    assert [i.id for i in client.list_by_page_iter(per_page=2)] == [1, 2, 3]
    assert [r.url.params.get("page") for r in rec.requests] == [None, "2"]


def test_next_link_in_the_body(pages: ModuleType) -> None:
    rec = Recorder(
        json_response(200, {"results": _items(1), "links": {"next": "/by-link?cursor=2"}}),
        json_response(200, {"results": _items(2), "links": {"next": None}}),
    )
    client = make_client(pages, rec, key="secret")
    assert [i.id for i in client.list_by_link_iter(q="x")] == [1, 2]
    second = rec.requests[1].url
    assert (second.path, second.params.get("cursor"), second.params.get("key")) == (
        "/by-link", "2", "secret"
    )  # fmt: skip
    assert "q" not in second.params  # the link carries the query


def test_next_link_header_and_no_credentials_to_another_host(pages: ModuleType) -> None:
    def linked(ids: list[dict[str, Any]], link: str) -> httpx.Response:
        return httpx.Response(200, json=ids, headers={"link": f'<{link}>; rel="next"'})

    rec = Recorder(
        linked(_items(1), "https://pages.test/by-header?p=2"),
        linked(_items(2), "https://cdn.other/p3"),
        httpx.Response(200, json=_items(3)),
    )
    client = make_client(pages, rec, key="secret")
    assert [i.id for i in client.list_by_header_iter()] == [1, 2, 3]
    urls = [str(r.url) for r in rec.requests]
    assert urls == [
        "https://pages.test/by-header?key=secret",
        "https://pages.test/by-header?p=2&key=secret",
        "https://cdn.other/p3",
    ]


def test_async_next_link_pages(pages: ModuleType) -> None:
    rec = Recorder(
        json_response(200, {"results": _items(1), "links": {"next": "/by-link?cursor=2"}}),
        json_response(200, {"results": [], "links": {"next": "/by-link?cursor=3"}}),
    )

    async def main() -> list[Any]:
        async with make_client(pages, rec, is_async=True) as client:
            return [page async for page in client.list_by_link_iter().pages()]

    assert len(asyncio.run(main())) == 2


def test_style_none_and_unconfigured_operations_get_no_iterator(pages: ModuleType) -> None:
    assert not hasattr(pages.Client, "list_plain_iter")
    assert hasattr(pages.Client, "list_plain")


@pytest.mark.parametrize("api", ["catalog", "pages"])
def test_pager_types_are_exported(api: str, request: pytest.FixtureRequest) -> None:
    module = request.getfixturevalue(api)
    assert module.SyncPager.__name__ == "SyncPager" and "AsyncPager" in module.__all__
