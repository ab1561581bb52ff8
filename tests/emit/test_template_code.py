"""Compiled templates are kept between runs and never trusted blindly."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
from jinja2 import Environment

from generator.emit.incremental.session import Session


def _render(cache: Path, overrides: Path) -> str:
    return Session(cache, "api", "python", overrides).environment().get_template(
        "hello.jinja"
    ).render(name="zoo")


def test_a_template_is_compiled_once_then_loaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    overrides = tmp_path / "templates"
    overrides.mkdir()
    (overrides / "hello.jinja").write_text("Hello {{ name }}!\n", encoding="utf-8")
    compiled: list[str] = []
    real = Environment.compile

    def counting(self: Environment, source: Any, name: Any = None, *args: Any) -> Any:
        compiled.append(str(name))
        return real(self, source, name, *args)

    monkeypatch.setattr(Environment, "compile", counting)
    cache = tmp_path / "cache"
    assert _render(cache, overrides) == "Hello zoo!\n"
    assert _render(cache, overrides) == "Hello zoo!\n"
    assert compiled == ["hello.jinja"]  # the second environment loaded the code
    (overrides / "hello.jinja").write_text("Bye {{ name }}!\n", encoding="utf-8")
    assert _render(cache, overrides) == "Bye zoo!\n"  # a changed source is compiled again
    for entry in (cache / "templates").rglob("*"):
        if entry.is_file():
            entry.write_bytes(entry.read_bytes()[:-4])
    with caplog.at_level(logging.WARNING, logger="md2sdk.cache"):
        assert _render(cache, overrides) == "Bye zoo!\n"
    assert compiled == ["hello.jinja"] * 3
    assert any("ignored a templates cache entry" in r.getMessage() for r in caplog.records)
