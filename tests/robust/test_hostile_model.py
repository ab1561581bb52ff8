"""Bytes the parser never delivers still cannot break the emitters.

The parser turns a bare carriage return into a line break, so a ``\\r`` (which ends a
Python ``#`` comment) or a NUL can only reach an emitter through a model built some
other way. Here the hostile API's model gets every description and summary replaced
by such text and goes through the emitters directly. Also: a symlink in a specs
folder that leads outside the project is not followed, and a hostile package name
cannot put files outside the output root.
"""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.config import ApiConfig, ProjectConfig
from generator.diagnostics import Diagnostics
from generator.load.sources import load_pages
from generator.pipeline import emit_api, generate
from tests.robust.hostile import write_hostile_api

EVIL = 'a\rimport os; open("CANARY", "w")\x00 """ \'\'\' \\ {{ 7*7 }}\u2028\u202e#'


def _poison(value: Any) -> Any:
    """``value`` with every non-empty description and summary replaced by `EVIL`."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for f in dataclasses.fields(value):
            item = getattr(value, f.name)
            if f.name in ("description", "summary") and isinstance(item, str):
                changes[f.name] = EVIL
            else:
                changes[f.name] = _poison(item)
        return dataclasses.replace(value, **changes)
    if isinstance(value, tuple):
        return tuple(_poison(v) for v in value)
    return value


def _emit_poisoned(tmp_path: Path) -> dict[str, str]:
    specs = write_hostile_api(tmp_path / "hostile")
    diagnostics = Diagnostics()
    api = _poison(load_pages("hostile", [specs], tmp_path, tmp_path, diagnostics))
    config = dataclasses.replace(
        ApiConfig.for_folder(specs, "hostile"), targets=("openapi", "python")
    )
    files = emit_api(api, config, None, diagnostics)
    assert not diagnostics.has_errors, [d.format() for d in diagnostics]
    return files


def test_emitters_escape_what_the_parser_never_delivers(tmp_path: Path) -> None:
    files = _emit_poisoned(tmp_path)
    assert any(name.endswith(".py") for name in files)
    for name, text in files.items():
        if name.endswith((".py", ".yaml", ".toml")):
            assert "\r" not in text and "\x00" not in text, name
        if name.endswith(".py"):
            ast.parse(text, filename=name)
    (document,) = (yaml.safe_load(t) for n, t in files.items() if n.endswith(".yaml"))
    assert document["info"]["description"] == EVIL


def test_the_readme_carries_no_control_characters(tmp_path: Path) -> None:
    readme = _emit_poisoned(tmp_path)["python/hostile/README.md"]
    assert "\r" not in readme and "\x00" not in readme


def test_symlinks_out_of_the_project_are_not_followed(tmp_path: Path) -> None:
    secret = tmp_path / "outside" / "secret.md"
    secret.parent.mkdir()
    secret.write_text("## Paths\n\n### S\n```\nGET /secret\n```\n", encoding="utf-8")
    root = tmp_path / "project"
    specs = write_hostile_api(root / "specs" / "hostile")
    (specs / "secret.md").symlink_to(secret)
    (specs / "up").symlink_to(tmp_path / "outside", target_is_directory=True)
    diagnostics = Diagnostics()
    api = load_pages("hostile", [specs], root, root, diagnostics)
    assert all(op.path != "/secret" for op in api.operations)
    warned = sorted(d.location.path for d in diagnostics if d.code == "outside-project")
    assert warned == ["specs/hostile/secret.md", "specs/hostile/up"]


@pytest.mark.parametrize("package", ["../../evil", "/tmp/evil", "a/../../b"])
def test_a_hostile_package_name_writes_nothing_outside(tmp_path: Path, package: str) -> None:
    specs = write_hostile_api(tmp_path / "specs" / "hostile")
    config = dataclasses.replace(
        ApiConfig.for_folder(specs, "hostile"), package=package, targets=("python",)
    )
    project = ProjectConfig(root=tmp_path, output=tmp_path / "out", apis=(config,))
    before = {p for p in tmp_path.parent.rglob("*") if not p.is_relative_to(tmp_path)}
    generate(project, Diagnostics(), use_cache=False)
    after = {p for p in tmp_path.parent.rglob("*") if not p.is_relative_to(tmp_path)}
    assert after == before
    out = (tmp_path / "out").resolve()
    written = [p for p in tmp_path.rglob("*") if p.is_file() and "specs" not in p.parts]
    assert all(p.resolve().is_relative_to(out) for p in written)
    assert not Path("/tmp/evil").exists()
