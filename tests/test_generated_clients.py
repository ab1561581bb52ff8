"""The generated clients' own tests: green as generated, red when the client drifts.

Each configured API (catalog, petstore) is generated with the python, tests and openapi
targets into a temporary folder, and its generated test suite runs there (the package
on PYTHONPATH); the number of tests is printed. The mutation checks then alter a copy of
a generated client the way a regression would (a query parameter no longer sent, a
field alias lost, a path value no longer escaped, an error status mapped to the wrong
exception) and require its generated tests to fail: the tests are shown to bite.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.contract.generated_apis import APIS, SuiteRun, generate, run_tests


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
