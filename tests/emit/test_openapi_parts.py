"""OpenAPI parts kept from the last run (`generator.emit.openapi.parts`) equal a cold run.

Each operation and component schema is taken from the last run when its key is
unchanged; what building it did to the rest of the document is replayed: the
``operationId`` it took (a later clashing id gets a suffix), and the diagnostics it
reported. These pages make those matter: two operations share one anchor (the second
id is suffixed), and one operation documents no responses (a warning from the
document writer). After each edit the incremental run must equal a cold run of the
same pages: the document's bytes and every diagnostic.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.config import load_config
from generator.diagnostics import Diagnostics
from generator.emit.incremental.units import UnitMemo
from generator.kept import expect_more_runs, forget
from generator.pipeline import generate
from tests.incremental_tree import write_pages

CONFIG = """\
[tool.md2sdk]
output = "out"

[tool.md2sdk.apis.things]
specs = "specs"
targets = ["openapi"]
"""

OVERVIEW = """\
# Things API

## Overview
Things.

### Version information
*Version* : 1.0.0
"""


def _operation(anchor: str, method: str, path: str, text: str, rows: list[str]) -> str:
    lines = [f'<a name="{anchor}"></a>', f"### {method} {path}", "", "#### Description", text, ""]
    if rows:
        lines += ["#### Responses", "", "|HTTP Code|Description|Schema|", "|---|---|---|"]
        lines += rows
    return "\n".join(lines) + "\n"


def _definition(name: str, props: list[str]) -> str:
    lines = [f'<a name="{name.lower()}"></a>', f"### {name}", "", "|Name|Schema|", "|---|---|"]
    return "\n".join(lines + [f"|**{p}**  <br>*optional*|string|" for p in props]) + "\n"


PET = "[Pet](../definitions/Pet.md#pet)"


def _pages() -> dict[str, str]:
    pet = [f"|**200**|OK|{PET}|"]
    return {
        "overview.md": OVERVIEW,
        "paths/first.md": _operation("getthing", "GET", "/first", "The first.", pet),
        "paths/second.md": _operation("getthing", "GET", "/second", "The second.", pet),
        "paths/third.md": _operation("dropThing", "DELETE", "/third", "No responses.", []),
        "definitions/Pet.md": _definition("Pet", ["name", "tag"]),
        "definitions/Toy.md": _definition("Toy", ["colour"]),
    }


def _write(root: Path, pages: dict[str, str]) -> None:
    write_pages(root / "specs", pages)
    (root / "pyproject.toml").write_text(CONFIG, encoding="utf-8")


def _run(root: Path, *, cached: bool) -> tuple[str, list[str]]:
    diagnostics = Diagnostics()
    project = load_config(root / "pyproject.toml", diagnostics)
    generate(project, diagnostics, use_cache=cached)
    text = (root / "out" / "openapi" / "things.yaml").read_text(encoding="utf-8")
    return text, [d.format() for d in diagnostics.sorted()]


@pytest.mark.parametrize("watching", [False, True], ids=["new-process", "watching"])
def test_kept_parts_replay_ids_and_diagnostics_as_a_cold_run_has_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, watching: bool
) -> None:
    counts: list[tuple[int, int]] = []
    real = UnitMemo.save

    def save(self: UnitMemo) -> None:
        if self.session.cache.root is not None:
            counts.append((self.built, self.reused))
        real(self)

    monkeypatch.setattr(UnitMemo, "save", save)
    pages = _pages()
    project = tmp_path / "incremental"
    forget()
    _write(project, pages)
    first, _ = _run(project, cached=True)
    assert "operationId: getthing\n" in first and "operationId: getthing_2\n" in first
    if watching:
        expect_more_runs()

    def edited(change: dict[str, str]) -> str:
        pages.update(change)
        _write(project, pages)
        counts.clear()
        text, reported = _run(project, cached=True)
        cold = tmp_path / "cold"
        shutil.rmtree(cold, ignore_errors=True)
        _write(cold, pages)
        assert (text, reported) == _run(cold, cached=False)
        return text

    # Only the second operation changes: it is built again and must still see the id
    # the (reused) first one took; the third is reused with its warning.
    text = edited({"paths/second.md": _operation("getthing", "GET", "/second", "Changed.",
                                                 [f"|**200**|OK|{PET}|"])})  # fmt: skip
    assert counts == [(1, 4)]
    assert "operationId: getthing_2\n" in text
    # The first operation takes another id: every operation after it is keyed by the
    # ids taken before it, so both are built again (the second takes the id the first
    # gave up); the schemas, written before any operation, are reused.
    text = edited({"paths/first.md": _operation("fetchFirst", "GET", "/first", "The first.",
                                                [f"|**200**|OK|{PET}|"])})  # fmt: skip
    assert counts == [(3, 2)]
    assert "operationId: getthing\n" in text and "getthing_2" not in text
    # Pet changes: both operations reaching it and its schema are built again; Toy
    # and the third operation (with its warning, replayed) are reused.
    edited({"definitions/Pet.md": _definition("Pet", ["name"])})
    assert counts == [(3, 2)]
