"""The generated clients' own tests: green as generated, red when the client drifts.

Each configured API (catalog, petstore) is generated with the python, tests and openapi
targets into a temporary folder, and its generated test suite runs there (the package
on PYTHONPATH); the number of tests is printed. The mutation checks then alter a copy of
a generated client the way a regression would (a query parameter no longer sent, a
field alias lost, a path value no longer escaped, an error status mapped to the wrong
exception; in the runtime: Retry-After ignored, retries or timeouts not retried,
environment ignored, headers merged by case, credentials following a redirect, paging
stopping early) and require its generated tests to fail: the tests are shown to bite.
The generated tests also pass their package's own ``mypy --strict``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.contract.generated_apis import APIS, SuiteRun, generate, run_tests

# One worker for the whole module: its tests share an expensive module fixture.
pytestmark = [pytest.mark.toolchain, pytest.mark.xdist_group("generated-clients")]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("generated-clients")
    generate(out)
    return out


@pytest.mark.parametrize("api", APIS)
def test_generated_tests_pass(
    api: str, generated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run = run_tests(generated / "python" / api)
    with capsys.disabled():
        print(
            f"\n[generated tests] {api}: {run.count('passed')} passed, "
            f"{run.count('skipped')} skipped (live tests: run by tests/contract)"
        )
    assert run.returncode == 0, run.output
    assert run.count("passed") > 0
    live = (generated / "python" / api / "tests" / "test_live.py").read_text(encoding="utf-8")
    assert run.count("skipped") == live.count("\ndef test_"), run.output


@pytest.mark.toolchain
@pytest.mark.parametrize("api", APIS)
def test_generated_tests_pass_mypy_strict(api: str, generated: Path) -> None:
    """``mypy --strict`` (the package's own config) over the package and its tests."""
    root = generated / "python" / api
    done = subprocess.run(
        [Path(sys.executable).parent / "mypy", "--strict", "--no-incremental",
         "--cache-dir", "/dev/null", "src", "tests"],
        cwd=root, env={**os.environ, "MYPYPATH": str(root / "src")},
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr


def _mutated(source: Path, root: Path, file: str, old: str, new: str) -> Path:
    """``source`` copied to ``root`` with ``old`` (a regex) replaced once in ``file``."""
    shutil.copytree(source, root)
    target = root / file
    text = target.read_text(encoding="utf-8")
    changed, count = re.subn(old, new, text, count=1, flags=re.MULTILINE)
    assert count == 1, f"mutation {old!r} found nothing in {file}"
    target.write_text(changed, encoding="utf-8")
    return root


def _failed(run: SuiteRun) -> set[str]:
    return set(re.findall(r"^FAILED \S+::(\w+)", run.output, flags=re.MULTILINE))


MUTATIONS = {
    "query parameter dropped": (
        "petstore", "src/petstore_client/resources/pet.py",
        r'query=\{"status": status\}', "query={}",
        "tests/test_pet.py", "test_find_pets_by_status",
    ),
    "field alias lost": (
        "petstore", "src/petstore_client/models/pet.py",
        r'validation_alias="photoUrls"', 'validation_alias="photo_urls"',
        "tests/test_pet.py", "test_get_pet_by_id",
    ),
    "path value not escaped": (
        "petstore", "src/petstore_client/_runtime.py",
        r'quote\(text, safe=""\)', "text",
        "tests/test_user.py", "test_get_user_by_name_path_escaping",
    ),
    "404 mapped to the wrong exception": (
        "catalog", "src/catalog_client/_exceptions.py",
        r"^    404: NotFoundError,\n", "",
        "tests/test_root.py", "test_get_batch_documented_errors",
    ),
    "collection format ignored": (
        "petstore", "src/petstore_client/_runtime.py",
        r'if fmt == "multi":', 'if fmt == "never":',
        "tests/test_pet.py", "test_find_pets_by_tags",
    ),
    # The runtime, through the generated tests/test_client.py:
    "Retry-After ignored": (
        "petstore", "src/petstore_client/_runtime.py",
        r"wait = retry_after\(response\.headers\)", "wait = None",
        "tests/test_client.py", "test_retry_after_is_honoured",
    ),
    "5xx not retried": (
        "catalog", "src/catalog_client/_runtime.py",
        r"return status in \{408, 429\} or status >= 500", "return status in {408, 429}",
        "tests/test_client.py", "test_retries_stop_at_max_retries_also_per_call",
    ),
    "per-call max_retries ignored": (
        "petstore", "src/petstore_client/_runtime.py",
        r"retries = self\.max_retries if .*$", "retries = self.max_retries",
        "tests/test_client.py", "test_retries_stop_at_max_retries_also_per_call",
    ),
    "timeouts not retried": (
        "catalog", "src/catalog_client/_runtime.py",
        r"except httpx\.TimeoutException as exc:\n(\s+)delay = .*$",
        r"except httpx.TimeoutException as exc:\n\1delay = None",
        "tests/test_client.py", "test_timeouts_are_retried_then_raised",
    ),
    "environment ignored": (
        "petstore", "src/petstore_client/_runtime.py",
        r"return os\.environ\.get\(name\) or None", "return None",
        "tests/test_client.py", "test_environment_configures_the_client",
    ),
    "headers merged case-sensitively": (
        "catalog", "src/catalog_client/_runtime.py",
        r"merged\[name\] = value", "merged = httpx.Headers([*merged.multi_items(), (name, value)])",
        "tests/test_client.py", "test_header_overrides_ignore_case_and_omit_removes",
    ),
    "credentials follow a redirect": (
        "catalog", "src/catalog_client/_runtime.py",
        r"if _origin\(target\.url\) == _origin\(first\.url\):", "if True:",
        "tests/test_client.py", "test_redirect_to_another_host_drops_credentials",
    ),
    "paging stops after the first page": (
        "catalog", "src/catalog_client/_pagination.py",
        r"if len\(items\) < self\.size:", "if len(items) <= self.size:",
        "tests/test_client.py", "test_pagination_walks_pages_and_stops_at_a_short_one",
    ),
}  # fmt: skip


@pytest.mark.parametrize("mutation", sorted(MUTATIONS))
def test_generated_tests_catch_a_mutated_client(
    mutation: str, generated: Path, tmp_path: Path
) -> None:
    api, file, old, new, tests, expected = MUTATIONS[mutation]
    root = _mutated(generated / "python" / api, tmp_path / api, file, old, new)
    run = run_tests(root, f"{tests}::{expected}")
    assert run.returncode != 0, f"{mutation}: the generated tests still pass\n{run.output}"
    assert expected in _failed(run), run.output


def _quick_start(readme: str) -> tuple[str, list[str]]:
    """The README's first code block and the variables its Quick start says to set."""
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    code = re.search(r"```python\n(.*?)```", readme, flags=re.DOTALL)
    assert code is not None and code.group(1) in section, "the first example is the quick start"
    wanted = re.search(r"^Set (.*) first", section, flags=re.MULTILINE)
    variables = re.findall(r"`([A-Z0-9_]+)`", wanted.group(1)) if wanted else []
    return code.group(1), variables


@pytest.mark.toolchain
@pytest.mark.parametrize("api", APIS)
def test_readme_quick_start_runs_against_a_mock(
    api: str, generated: Path, tmp_path: Path
) -> None:
    """The README's first example, pasted as is, runs against a Prism mock of the
    generated OpenAPI document (with the variables it says to set) and Prism finds no
    violation in its request."""
    from tests.contract.prism import prism_mock  # noqa: PLC0415 (Prism only here)

    root = generated / "python" / api
    code, variables = _quick_start((root / "README.md").read_text(encoding="utf-8"))
    environ = {k: v for k, v in os.environ.items() if not k.startswith(api.upper() + "_")}
    environ |= dict.fromkeys(variables, "readme-value")
    environ["PYTHONPATH"] = str(root / "src")
    with prism_mock(generated / "openapi" / f"{api}.yaml", tmp_path / "prism.log") as server:
        environ[f"{api.upper()}_BASE_URL"] = server.url
        done = subprocess.run(
            [sys.executable, "-c", code], cwd=tmp_path, env=environ, capture_output=True,
            text=True, timeout=120, check=False,
        )  # fmt: skip
        log = server.log_text()
    assert done.returncode == 0, f"{code}\n{done.stdout}{done.stderr}\n{log[-3000:]}"
    assert done.stdout.strip(), "the example prints its result"
    assert "violation" not in log.lower(), log[-3000:]
