"""Credentials never follow a redirect to another origin, and secrets stay out of logs
and error messages (issue #16 items 8 and 9). The redirect tests use two real local
HTTP servers: different ports are different origins."""

from __future__ import annotations

import http.server
import logging
import threading
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import httpx
import pytest
from client_helpers import Recorder, json_response, make_client

CREDENTIALS = {"authorization", "x-api-key", "x-gw-ims-org-id", "x-vault-token"}


class _Server:
    """A local HTTP server recording each request (path, headers) and answering from
    ``answer(path) -> (status, headers, body)``."""

    def __init__(self, answer: Any) -> None:
        self.seen: list[tuple[str, dict[str, str]]] = []
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.seen.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
                status, headers, body = answer(self.path)
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("content-length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                return

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_port}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


JSON = {"content-type": "application/json"}


@pytest.fixture
def servers() -> Iterator[tuple[_Server, _Server]]:
    """``api`` redirects ``/away...`` to ``other`` and ``/home...`` to itself."""
    other = _Server(lambda path: (200, JSON, b"{}"))

    def api_answer(path: str) -> tuple[int, dict[str, str], bytes]:
        if "/away" in path:
            return 302, {"location": f"{other.url}/landed?x=1"}, b""
        if "/home" in path:
            return 307, {"location": "/stayed"}, b""
        return 200, JSON, b'{"name": "n", "value": "v"}'

    api = _Server(api_answer)
    yield api, other
    api.close()
    other.close()


def test_custom_header_api_key_does_not_follow_a_redirect_to_another_origin(
    catalog: ModuleType, servers: tuple[_Server, _Server]
) -> None:
    api, other = servers
    client = catalog.Client(api_key="secret-key", ims_org_id="org", access_token="tok",
                            base_url=f"{api.url}/away")  # fmt: skip
    client.get_batch()
    path, headers = other.seen[-1]
    assert path == "/landed?x=1"
    assert CREDENTIALS.isdisjoint(headers), headers
    assert api.seen[-1][1]["x-api-key"] == "secret-key"  # the API itself got them


def test_query_and_header_credentials_stripped_async(
    vault: ModuleType, servers: tuple[_Server, _Server]
) -> None:
    import asyncio  # noqa: PLC0415

    api, other = servers

    async def main() -> None:
        async with vault.AsyncClient(
            key="query-key", vault_token="tok", base_url=f"{api.url}/away"
        ) as client:
            await client.get_secret("s")

    asyncio.run(main())
    assert "key=query-key" in api.seen[-1][0]
    path, headers = other.seen[-1]
    assert "query-key" not in path and "x-vault-token" not in headers


def test_same_origin_redirect_keeps_credentials(
    vault: ModuleType, servers: tuple[_Server, _Server]
) -> None:
    api, _ = servers
    client = vault.Client(key="query-key", vault_token="tok", base_url=f"{api.url}/home")
    assert client.get_secret("s").value == "v"
    path, headers = api.seen[-1]
    assert path == "/stayed" and headers["x-vault-token"] == "tok"


def test_secrets_are_redacted_in_logs_and_errors(
    vault: ModuleType, caplog: pytest.LogCaptureFixture
) -> None:
    rec = Recorder(json_response(404, {"message": "no"}))
    client = make_client(vault, rec, key="query-key-123", vault_token="tok")
    with caplog.at_level(logging.DEBUG, logger="vault_client"), pytest.raises(
        vault.NotFoundError
    ) as info:
        client.get_secret("s", password="hunter2-pw", session_token="sess-77", page=2)
    sent = str(rec.last.url)
    assert "hunter2-pw" in sent and "query-key-123" in sent  # the wire is unchanged
    shown = [str(info.value), *(r.getMessage() for r in caplog.records)]
    assert len(shown) >= 3
    for text in shown:
        for secret in ("hunter2-pw", "sess-77", "query-key-123"):
            assert secret not in text, text
    assert "page=2" in str(info.value) and "password=REDACTED" in str(info.value)


def test_connection_error_messages_are_scrubbed(vault: ModuleType) -> None:
    def fail(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError(f"cannot reach {request.url}")

    client = make_client(vault, Recorder(httpx.ConnectError("x")), max_retries=0,
                         key="query-key-123")  # fmt: skip
    client._http = httpx.Client(transport=httpx.MockTransport(fail))
    with pytest.raises(vault.APIConnectionError) as info:
        client.get_secret("s", password="hunter2-pw")
    assert "hunter2-pw" not in str(info.value) and "query-key-123" not in str(info.value)
    assert "REDACTED" in str(info.value)
