"""Contract test: the generated client and the generated OpenAPI document agree.

Prism, an independent implementation of OpenAPI, mocks each API from the document md2sdk
wrote, with request validation errors on. The generated live tests then call every
operation of the generated client with the docs' example values: Prism must find no
violation in any request, and the client must parse every mocked response (or raise
for a status the docs list, where an operation documents no success response).

Never skipped: without ``node_modules`` (``npm ci``) the test fails and says so.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from tests.contract.generated_apis import APIS, generate, run_tests
from tests.contract.prism import prism_mock

# One worker for the whole module: its tests share an expensive module fixture.
pytestmark = [pytest.mark.toolchain, pytest.mark.xdist_group("prism")]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("contract")
    generate(out)
    return out


def _operations(document: Path) -> int:
    """Operations in an OpenAPI document."""
    paths = yaml.safe_load(document.read_text(encoding="utf-8"))["paths"]
    methods = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}
    return sum(1 for item in paths.values() for key in item if key in methods)


@pytest.mark.parametrize("api", APIS)
def test_client_and_document_agree_under_prism(
    api: str, generated: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = generated / "openapi" / f"{api}.yaml"
    api_root = generated / "python" / api
    prefix = api.upper()
    with prism_mock(document, tmp_path / "prism.log") as server:
        run = run_tests(
            api_root, "tests/test_live.py", env={f"{prefix}_TEST_LIVE_URL": server.url}
        )
        log = server.log_text()
    operations = _operations(document)
    with capsys.disabled():
        print(f"\n[prism] {api}: {run.count('passed')} of {operations} operations agree")
    assert run.returncode == 0, f"{run.output}\n--- prism log (tail) ---\n{log[-4000:]}"
    assert run.count("skipped") == 0, run.output
    assert run.count("passed") == operations, run.output
    violations = [line for line in log.splitlines() if "violation" in line.lower()]
    assert not violations, json.dumps(violations[:20], indent=1)
