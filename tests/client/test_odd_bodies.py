"""Docs Swagger 2.0 does not allow, read one way by client and tests alike (#16 item
14): several ``Body`` rows become one object body with a property per row (warned at
the second row); a ``formData`` array of files sends one part per file."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from types import ModuleType

import client_fixtures
import pytest
from client_helpers import Recorder, json_response, make_client

from generator.config import ApiConfig
from generator.diagnostics import Diagnostics
from generator.emit.python import emit_python
from generator.emit.templating import make_environment
from generator.emit.tests import emit_tests
from tests.contract.generated_apis import run_tests

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "emit"))

import python_build


def test_two_body_rows_make_one_object_body(uploads: ModuleType) -> None:
    rec = Recorder(json_response(201, {"name": "x"}))
    client = make_client(uploads, rec)
    made = client.create_thing(body={"meta": {"name": "x", "size": 2}, "tags": ["a"]})
    assert json.loads(rec.last.read()) == {"meta": {"name": "x", "size": 2}, "tags": ["a"]}
    assert made.name == "x"


def test_two_body_rows_are_warned_at_the_second_row() -> None:
    api = client_fixtures.uploads_api()
    diagnostics = Diagnostics()
    config = ApiConfig.for_folder(Path("specs/uploads"), "uploads")
    emit_python(api, config, diagnostics, make_environment())
    [warning] = [d for d in diagnostics if d.code == "multiple-bodies"]
    assert str(warning.location) == "paths.md:12:1"
    assert "POST /things: 2 body parameters ('meta', 'tags')" in warning.message


def test_a_form_array_of_files_sends_one_part_per_file(uploads: ModuleType) -> None:
    rec = Recorder(json_response(200, {"count": 2}))
    client = make_client(uploads, rec)
    client.upload_files(files=[("a.txt", b"AAA"), ("b.txt", b"BBB")], note="n")
    body = rec.last.read()
    assert rec.last.headers["content-type"].startswith("multipart/form-data")
    assert body.count(b'name="files"') == 2
    assert b'filename="a.txt"' in body and b"BBB" in body and b'name="note"' in body


@pytest.mark.toolchain
def test_generated_tests_of_odd_bodies_pass(tmp_path: Path) -> None:
    api = client_fixtures.uploads_api()
    config = ApiConfig.for_folder(Path("specs/uploads"), "uploads")
    root = python_build.write(api, tmp_path, config)
    for path, text in emit_tests(api, config, Diagnostics(), make_environment()).items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
    run = run_tests(root)
    assert run.returncode == 0 and run.count("passed") > 0, run.output
