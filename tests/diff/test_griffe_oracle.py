"""An independent oracle for the SDK layer: griffe, a Python API checker (pinned).

For every pair of the corpus, the Python package md2sdk generates for OLD and for NEW
is written out and compared by griffe's breaking-change finder (what ``griffe check``
runs); every breakage griffe finds must be named by one of md2sdk's SDK changes for
that pair (`Change.symbols`). griffe reads the packages statically, so it runs here,
in-process, one load per distinct docs text (most pairs share OLD).

What griffe cannot see, md2sdk reports on its own, and this test says so: griffe does
not compare annotations (a field's or argument's type, a return type, enum values), so
type changes, optional ↔ required model fields and new required pydantic fields
(a class attribute without a default) are invisible to it (`GRIFFE_BLIND`); those
pairs must show md2sdk breaking changes with no griffe breakage at all.

The other way round, each breaking SDK change that griffe can see must be confirmed
by one of its breakages (a precision check), except where a pair says why not
(`GRIFFE_BLIND_IN`).

`test_griffe_check_cli_agrees` runs the real ``griffe check`` command (git-based) on one
pair, to show that the in-process comparison is the command's.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import griffe
import pytest

from generator.config import ApiConfig
from generator.diagnostics import Diagnostics
from generator.diff.changes import Level
from generator.diff.report import compare
from generator.emit.python import emit_python
from generator.emit.templating import make_environment
from generator.model import Api
from tests.diff.corpus.pairs import PAIRS, Pair
from tests.diff.helpers import CONFIG, pair_models

# One worker for the module: its packages are loaded once and shared by every pair.
pytestmark = pytest.mark.xdist_group("griffe-oracle")

GRIFFE_BLIND = {
    "sdk-field-type-changed",
    "sdk-field-added-required",
    "sdk-field-became-optional",
    "sdk-field-became-required",
    "sdk-argument-type-narrowed",
    "sdk-return-type-changed",
    "sdk-alias-type-changed",
    "sdk-client-option-became-required",
    "sdk-option-required-by-method",
}
"""SDK rules whose breaks griffe does not detect (it compares no annotations, and a
required option is required at run time, not in the signature: a method that now needs
one takes it as an argument with a default)."""

GRIFFE_BLIND_IN = {
    "field-renamed-by-collision": "`Pet.name` still exists (now the new `Name` property), "
    "so griffe sees no change while `pet.name` now reads another field",
}
"""Pairs where griffe cannot see one of md2sdk's breaking SDK changes, and why."""

_ENV = make_environment()
_RUNTIME = ("/_runtime.py", "/_types.py")
"""The runtime modules: the same text for any docs (no breakage can hide there), and
most of a package's code; left out to keep the oracle quick."""
_LOADED: dict[str, griffe.Module] = {}


def _package(api: Api, config: ApiConfig, root: Path) -> griffe.Module:
    """The generated package of ``api``, loaded by griffe (cached by content)."""
    files = {
        path: text
        for path, text in emit_python(api, config, Diagnostics(), _ENV).items()
        if path.endswith(".py") and not path.endswith(_RUNTIME)
    }
    digest = hashlib.sha256(repr(sorted(files.items())).encode()).hexdigest()[:16]
    if digest not in _LOADED:
        for path, text in files.items():
            target = root / digest / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        src = root / digest / "python" / config.name / "src"
        _LOADED[digest] = griffe.load(
            "shop_client", search_paths=[src], resolve_aliases=True, resolve_external=False
        )
    return _LOADED[digest]


def symbol(breakage: griffe.Breakage) -> str:
    """A griffe breakage as md2sdk names symbols: ``Class.member``, ``Class.m(arg)``,
    ``module:<name>`` for a removed module."""
    parts = breakage.obj.path.split(".")
    start = next((i for i, p in enumerate(parts) if p[:1].isupper()), None)
    if start is None:
        return f"module:{parts[-1]}"
    name = ".".join(parts[start:])
    value = breakage.old_value if breakage.old_value is not None else breakage.new_value
    if isinstance(value, griffe.Parameter):
        return f"{name}({value.name})"
    return name


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("packages")


_FOUND: dict[str, list[griffe.Breakage]] = {}


def _griffe(pair: Pair, old: Api, new: Api, packages: Path) -> list[griffe.Breakage]:
    if pair.name not in _FOUND:
        old_package, new_package = _package(old, CONFIG, packages), _package(new, CONFIG, packages)
        _FOUND[pair.name] = list(griffe.find_breaking_changes(old_package, new_package))
    return _FOUND[pair.name]


@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: p.name)
def test_every_griffe_breakage_is_in_the_sdk_layer(
    pair: Pair, tmp_path: Path, packages: Path, page_cache: Path
) -> None:
    old, new = pair_models(pair, tmp_path, page_cache)
    changes = [c for c in compare(old, new, CONFIG) if c.layer == "sdk"]
    found = _griffe(pair, old, new, packages)
    named = {s for c in changes for s in c.symbols}
    missed = sorted({symbol(b) for b in found} - named)
    assert missed == [], f"griffe found breaks md2sdk did not name: {missed}"
    # And the other way: a breaking SDK change griffe can see, griffe confirms.
    seen = {symbol(b) for b in found}
    unconfirmed = [
        c.rule
        for c in changes
        if c.level is Level.BREAKING and c.rule not in GRIFFE_BLIND and not set(c.symbols) & seen
    ]
    if pair.name not in GRIFFE_BLIND_IN:
        assert unconfirmed == [], f"md2sdk breaks griffe does not confirm: {unconfirmed}"
    else:
        assert unconfirmed != [], "griffe now sees this: drop it from GRIFFE_BLIND_IN"
    breaking = {c.rule for c in changes if c.level is Level.BREAKING}
    if breaking and breaking <= GRIFFE_BLIND:
        assert found == [], "griffe now sees a kind of break it could not: update GRIFFE_BLIND"


def test_griffe_blind_spots_are_real(tmp_path: Path, packages: Path, page_cache: Path) -> None:
    """Each blind rule occurs in a pair where griffe reports nothing at all."""
    seen: set[str] = set()
    for pair in PAIRS:
        if not pair.expect & GRIFFE_BLIND:
            continue
        if pair.name not in _FOUND:
            _griffe(pair, *pair_models(pair, tmp_path / pair.name, page_cache), packages)
        if not _FOUND[pair.name]:
            seen |= pair.expect & GRIFFE_BLIND
    assert seen == GRIFFE_BLIND


@pytest.mark.toolchain
def test_griffe_check_cli_agrees(tmp_path: Path) -> None:
    """``griffe check`` on a git repository holding OLD's then NEW's package reports the
    parameter md2sdk reports (``parameter-removed``: ``tags`` of ``list_pets``)."""
    pair = next(p for p in PAIRS if p.name == "parameter-removed")
    old, new = pair_models(pair, tmp_path / "docs")
    repo = tmp_path / "repo"

    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)

    repo.mkdir()
    git("init", "-q")
    git("config", "user.email", "md2sdk@example.invalid")
    git("config", "user.name", "md2sdk")
    for label, api in (("old", old), ("new", new)):
        for path, text in emit_python(api, CONFIG, Diagnostics(), _ENV).items():
            target = repo / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        git("add", "-A")
        git("commit", "-qm", label)
        git("tag", label)
    result = subprocess.run(
        [sys.executable, "-m", "griffe", "check", "shop_client", "-s", "python/shop/src",
         "-a", "old", "-f", "oneline"],
        cwd=repo, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    lines = [line for line in result.stderr.splitlines() + result.stdout.splitlines() if line]
    assert any("list_pets(tags)" in line for line in lines), lines
    sdk = [c for c in compare(old, new, CONFIG) if c.layer == "sdk"]
    assert any("PetsResource.list_pets(tags)" in c.symbols for c in sdk)
