"""Snapshots of the model: the full model of the catalog page and the specs trees, and a
one-line-per-element outline of every corpus tree and fixture tree (readable enough to
review)."""

import csv
from collections import defaultdict
from pathlib import Path

import pytest
from syrupy.assertion import SnapshotAssertion

from generator.diagnostics import Diagnostics
from generator.emit.model_json import dumps
from generator.load.sources import read_pages
from generator.model import (
    AllOfSchema,
    AnySchema,
    Api,
    ArraySchema,
    EnumSchema,
    FileSchema,
    MapSchema,
    PrimitiveSchema,
    RefSchema,
    Schema,
)
from generator.resolve import resolve_api

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"


def _trees() -> dict[str, list[Path]]:
    trees: dict[str, list[Path]] = defaultdict(list)
    with (CORPUS / "wild" / "MANIFEST.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            trees[f"wild/{row['api']}"].append(CORPUS / "wild" / row["file"])
    for folder in sorted((CORPUS / "swagger2markup" / "expected").iterdir()):
        trees[f"swagger2markup/{folder.name}"].append(folder)
    trees["adobe-catalog"].append(CORPUS / "adobe-catalog")
    for folder in sorted((ROOT / "tests" / "fixtures").iterdir()):
        if folder.is_dir():
            trees[f"fixtures/{folder.name}"].append(folder)
    return dict(sorted(trees.items()))


TREES = _trees()


def load(name: str, paths: list[Path]) -> tuple[Api, Diagnostics]:
    diagnostics = Diagnostics()
    api = resolve_api(name, read_pages(paths, diagnostics), diagnostics)
    return api, diagnostics


def shape(schema: Schema | None, depth: int = 0) -> str:
    """A compact reading of a schema: ``map<Ref:batch>``, ``array(multi)<string>``."""
    if schema is None:
        return "-"
    if depth > 4:
        return "…"
    if isinstance(schema, PrimitiveSchema):
        return schema.type + (f"({schema.format})" if schema.format else "")
    if isinstance(schema, FileSchema):
        return "file"
    if isinstance(schema, AnySchema):
        return schema.type or "any"
    if isinstance(schema, EnumSchema):
        inner = f"Ref:{schema.ref.target}" if schema.ref else ",".join(schema.values)
        return f"enum[{inner}]"
    if isinstance(schema, ArraySchema):
        fmt = f"({schema.collection_format})" if schema.collection_format else ""
        return f"array{fmt}<{shape(schema.items, depth + 1)}>"
    if isinstance(schema, MapSchema):
        return f"map<{shape(schema.values, depth + 1)}>"
    if isinstance(schema, RefSchema):
        return f"Ref:{schema.ref.target}"
    if isinstance(schema, AllOfSchema):
        return "allOf(" + ", ".join(shape(p, depth + 1) for p in schema.parts) + ")"
    props = ", ".join(
        f"{p.name}{'*' if p.required else ''}:{shape(p.schema, depth + 1)}"
        for p in schema.properties
    )
    return f"{{{props}}}"


def outline(api: Api, diagnostics: Diagnostics) -> list[str]:
    lines = [f"overview: {api.overview.title!r} {api.overview.version}" if api.overview
             else "overview: -"]
    for op in api.operations:
        params = "; ".join(
            f"{p.place.value} {p.name}{'*' if p.required else ''}: {shape(p.schema)}"
            for p in op.parameters
        )
        responses = ", ".join(f"{r.status} {shape(r.schema)}" for r in op.responses)
        tags = f" #{', #'.join(op.tags)}" if op.tags else ""
        lines.append(
            f"{op.method} {op.path} [{op.operation_id}]{tags} ({params}) -> {responses}"
        )
    for d in api.definitions:
        flag = " UNRESOLVED" if d.unresolved else ""
        lines.append(f"def {d.key} ({d.name}){flag}: {shape(d.schema)}")
    for s in api.security_schemes:
        lines.append(f"scheme {s.key}: {s.type} {s.param_in or ''} {s.param_name or ''}".rstrip())
    lines.extend(f"{d.severity}[{d.code}] {d.location.line}: {d.message}"
                 for d in diagnostics.sorted())
    return lines


@pytest.mark.parametrize("tree", sorted(TREES))
def test_corpus_tree_outline(
    tree: str, snapshot: SnapshotAssertion, monkeypatch: pytest.MonkeyPatch
) -> None:
    # pages are shown relative to the working directory
    monkeypatch.chdir(ROOT if tree.startswith("fixtures/") else CORPUS.parent)
    api, diagnostics = load(tree.rsplit("/", 1)[-1], TREES[tree])
    assert outline(api, diagnostics) == snapshot


@pytest.mark.parametrize("name", ["catalog", "petstore"])
def test_specs_model(
    name: str, snapshot: SnapshotAssertion, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    api, _ = load(name, [ROOT / "specs" / name])
    assert dumps(api) == snapshot


def test_catalog_page_model(snapshot: SnapshotAssertion, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CORPUS.parent)
    api, diagnostics = load("get_batch", [CORPUS / "adobe-catalog" / "get_batch.md"])
    assert dumps(api) == snapshot
    assert [d.format() for d in diagnostics] == snapshot
