"""The OpenAPI emitter on real docs: every API under specs/, every corpus tree and every
folder of test pages under tests/fixtures/ and every fidelity test page yields a
document openapi-spec-validator accepts, in both versions. The catalog and petstore
documents themselves are guarded by the end-to-end test (the committed
``generated/openapi/``), not by a second copy here."""

from __future__ import annotations

import collections
from pathlib import Path

import pytest
import yaml
from openapi_spec_validator import validate

from generator.config import ApiConfig
from generator.diagnostics import Diagnostics
from generator.emit.openapi import emit_openapi
from generator.emit.templating import make_environment
from generator.load.sources import read_pages
from generator.resolve import resolve_api

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
SPECS = sorted(p for p in (ROOT / "specs").iterdir() if p.is_dir())
FIXTURES = sorted(p for p in (ROOT / "tests" / "fixtures").iterdir() if p.is_dir())


def corpus_trees() -> dict[str, list[Path]]:
    """Corpus APIs: wild pages grouped by MANIFEST's api column, and each reference folder."""
    trees: dict[str, list[Path]] = collections.defaultdict(list)
    lines = (CORPUS / "wild" / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()[1:]
    for line in lines:
        file, api = line.split("\t")[:2]
        trees[f"wild/{api}"].append(CORPUS / "wild" / file)
    for folder in sorted((CORPUS / "swagger2markup" / "expected").iterdir()):
        trees[f"swagger2markup/{folder.name}"] = [folder]
    trees["adobe-catalog"] = [CORPUS / "adobe-catalog"]
    return dict(trees)


FIDELITY = ROOT / "tests" / "parse" / "fidelity"


def fidelity_trees() -> dict[str, list[Path]]:
    """The test pages of the fidelity classes (tests/parse/test_fidelity.py), each API
    as that test loads it: a folder, or one translated page."""
    apis = [FIDELITY / "title-names" / "folders", FIDELITY / "title-names" / "single"]
    apis += sorted((FIDELITY / "translations").glob("*.md"))
    apis += sorted(p for p in FIDELITY.iterdir()
                   if p.is_dir() and p.name not in ("title-names", "translations"))
    return {f"fidelity/{p.relative_to(FIDELITY).with_suffix('').as_posix()}": [p] for p in apis}


TREES = corpus_trees() | fidelity_trees()


def emit(name: str, paths: list[Path], version: str = "3.1.0") -> tuple[str, Diagnostics]:
    diagnostics = Diagnostics()
    api = resolve_api(name, read_pages(paths, diagnostics), diagnostics)
    config = ApiConfig(name, paths[0], openapi_version=version)
    files = emit_openapi(api, config, diagnostics, make_environment())
    return files[f"openapi/{name}.yaml"], diagnostics


@pytest.mark.parametrize("version", ["3.1.0", "3.0.3"])
@pytest.mark.parametrize("folder", SPECS, ids=[p.name for p in SPECS])
def test_every_spec_api_validates(folder: Path, version: str) -> None:
    text, _ = emit(folder.name, [folder], version)
    validate(yaml.safe_load(text))


@pytest.mark.parametrize("version", ["3.1.0", "3.0.3"])
@pytest.mark.parametrize("tree", sorted(TREES))
def test_every_corpus_tree_validates(tree: str, version: str) -> None:
    text, diagnostics = emit(tree.rsplit("/", 1)[-1], TREES[tree], version)
    doc = yaml.safe_load(text)
    validate(doc)
    assert not [d for d in diagnostics if d.code == "emit-failed"]


@pytest.mark.parametrize("version", ["3.1.0", "3.0.3"])
@pytest.mark.parametrize("folder", FIXTURES, ids=[p.name for p in FIXTURES])
def test_every_fixture_tree_validates(folder: Path, version: str) -> None:
    text, diagnostics = emit(folder.name, [folder], version)
    validate(yaml.safe_load(text))
    assert not [d for d in diagnostics if d.code == "emit-failed"]


CATALOG_WARNINGS = [
    ("specs/catalog/definitions/batch.md:12:1", "unresolved-ref"),
    ("specs/catalog/definitions/batch.md:17:1", "unresolved-ref"),
]


@pytest.mark.parametrize(("name", "expected"), [("catalog", CATALOG_WARNINGS), ("petstore", [])])
def test_spec_apis_emit_deterministically_with_their_known_warnings(
    name: str, expected: list[tuple[str, str]]
) -> None:
    text, diagnostics = emit(name, [ROOT / "specs" / name])
    assert text == emit(name, [ROOT / "specs" / name])[0]
    shown = [(str(d.location).replace(f"{ROOT}/", ""), d.code) for d in diagnostics.sorted()]
    assert shown == expected
