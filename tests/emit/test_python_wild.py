"""Every API of the wild corpus (16 real doc sets) gives a package that passes ruff
and ``mypy --strict`` — the names and shapes found in the field, not just ours."""

from __future__ import annotations

import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import black
import pytest

from generator.config import ApiConfig
from generator.diagnostics import Diagnostics
from generator.emit.python import emit_python
from generator.emit.templating import make_environment
from generator.parse import parse_page
from generator.resolve import resolve_api

WILD = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "wild"
BIN = Path(sys.executable).parent


def wild_apis() -> dict[str, list[Path]]:
    groups: dict[str, list[Path]] = defaultdict(list)
    for page in sorted(WILD.glob("*.md")):
        groups[page.name.split("__")[0]].append(page)
    return dict(groups)


@pytest.mark.toolchain
@pytest.mark.skipif(not WILD.is_dir(), reason="shared corpus not available")
def test_wild_corpus_packages_pass_ruff_and_mypy(tmp_path: Path) -> None:
    sources = []
    for api, pages in wild_apis().items():
        diagnostics = Diagnostics()
        parsed = [
            parse_page(p.name.split("__", 1)[1], p.read_text(encoding="utf-8"), diagnostics)
            for p in pages
        ]
        model = resolve_api(api, parsed, diagnostics)
        config = ApiConfig.for_folder(Path(api), api)
        files = emit_python(model, config, diagnostics, make_environment())
        assert not diagnostics.has_errors, [d.format() for d in diagnostics]
        for path, text in files.items():
            target = tmp_path / path
            target.parent.mkdir(parents=True, exist_ok=True)
            is_py = path.endswith(".py")
            target.write_text(black.format_str(text, mode=black.Mode()) if is_py else text)
        sources.append(tmp_path / "python" / api / "src" / config.package)
    assert len(sources) == 16
    ruff = subprocess.run(
        [BIN / "ruff", "check", "--no-cache", "."],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert ruff.returncode == 0, ruff.stdout
    mypy = subprocess.run(
        [
            BIN / "mypy",
            "--strict",
            "--no-incremental",
            "--cache-dir",
            "/dev/null",
            *(str(s) for s in sources),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert mypy.returncode == 0, mypy.stdout
