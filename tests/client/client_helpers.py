"""Helpers for the client feature tests: a scripted MockTransport handler, clients."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import httpx


class Recorder:
    """A MockTransport handler answering from a script and recording requests."""

    def __init__(self, *responses: httpx.Response | Exception) -> None:
        self.script = list(responses)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        item = self.script.pop(0) if len(self.script) > 1 else self.script[0]
        if isinstance(item, Exception):
            raise item
        return item

    @property
    def last(self) -> httpx.Request:
        return self.requests[-1]


def make_client(
    module: ModuleType, recorder: Recorder, *, is_async: bool = False, **options: Any
) -> Any:
    """A client of ``module`` whose transport is ``recorder``."""
    transport = httpx.MockTransport(recorder)
    if is_async:
        return module.AsyncClient(http_client=httpx.AsyncClient(transport=transport), **options)
    return module.Client(http_client=httpx.Client(transport=transport), **options)


def json_response(status: int, body: object, **headers: str) -> httpx.Response:
    return httpx.Response(status, json=body, headers=headers)
