"""Prism (``@stoplight/prism-cli``, pinned in package.json) as a local mock server.

`prism_mock` starts ``prism mock --errors`` on 127.0.0.1 at a free port for one OpenAPI
document, waits (bounded) until it answers, and always stops it, whatever happens in
the ``with`` body. With ``--errors`` Prism answers a request that breaks the document
(wrong type, missing required parameter or credentials) with an error carrying an
``sl-violations`` header, and validates its own mocked responses too.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.contract.generated_apis import ROOT

PRISM = ROOT / "node_modules" / ".bin" / "prism"
START_TIMEOUT = 60.0


class PrismUnavailable(AssertionError):
    """Prism is not installed or would not start: the contract test fails, never skips."""


@dataclass(frozen=True)
class PrismServer:
    url: str
    log: Path

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _listening(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


@contextmanager
def prism_mock(document: Path, log: Path) -> Iterator[PrismServer]:
    """A running Prism mock of ``document``; its output goes to ``log``."""
    if not PRISM.exists():
        raise PrismUnavailable(
            f"{PRISM.relative_to(ROOT)} is missing: run `npm ci` in {ROOT} (make test does "
            "it) to install the pinned @stoplight/prism-cli"
        )
    port = free_port()
    command = [str(PRISM), "mock", "--host", "127.0.0.1", "--port", str(port), "--errors",
               str(document)]  # fmt: skip
    with log.open("w", encoding="utf-8") as sink:
        process = subprocess.Popen(
            command, stdout=sink, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            cwd=ROOT, start_new_session=True,
        )  # fmt: skip
        try:
            deadline = time.monotonic() + START_TIMEOUT
            while not _listening(port):
                tail = log.read_text(errors="replace")[-3000:]
                if process.poll() is not None:
                    raise PrismUnavailable(f"prism exited with {process.returncode}:\n{tail}")
                if time.monotonic() > deadline:
                    raise PrismUnavailable(f"prism did not listen in {START_TIMEOUT:.0f}s:\n{tail}")
                time.sleep(0.2)
            yield PrismServer(f"http://127.0.0.1:{port}", log)
        finally:
            _stop(process)


def _stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM to Prism's own process group (node may fork), then SIGKILL after 10s."""
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
