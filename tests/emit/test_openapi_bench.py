"""OpenAPI documents of whole references: only examples a person wrote, full-length
component keys, and openapi-spec-validator's approval.

The Kennel fixture (a Swagger2Markup reference with generated examples) and the bench
trees S (PowerDNS), M (Slack) and L (Kubernetes), whose original specs say which
examples a person wrote. Validating L takes about a minute, so it runs only with
``MD2SDK_SLOW=1``; its names and examples are checked on every run.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from openapi_spec_validator import validate

from generator.config import ApiConfig
from generator.diagnostics import Diagnostics
from generator.emit.openapi import build_document, emit_openapi
from generator.emit.templating import make_environment
from generator.load.sources import read_pages
from generator.model import Api
from generator.naming import component_name
from generator.resolve import resolve_api

ROOT = Path(__file__).resolve().parents[2]
KENNEL = ROOT / "tests" / "fixtures" / "s2m_generated_examples"
BENCH = ROOT.parent / "shared" / "bench"
needs_bench = pytest.mark.skipif(not BENCH.is_dir(), reason="bench not available")
SLOW = bool(os.environ.get("MD2SDK_SLOW"))


@cache
def load(folder: Path) -> Api:
    diagnostics = Diagnostics()
    return resolve_api(folder.name, read_pages([folder], diagnostics), diagnostics)


def document(folder: Path, version: str = "3.1.0") -> dict[str, Any]:
    config = ApiConfig(folder.name, folder, openapi_version=version)
    return build_document(load(folder), config, Diagnostics())


def examples(node: object, path: str = "") -> Iterator[tuple[str, object]]:
    """``(pointer, value)`` of every ``example``/``examples`` keyword in a document."""
    if isinstance(node, dict):
        for key, value in node.items():
            here = f"{path}/{key}"
            if key in ("example", "examples") and not path.endswith("/properties"):
                yield here, value
            else:
                yield from examples(value, here)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from examples(value, f"{path}/{i}")


def page_names(folder: Path) -> set[str]:
    """The name each definition page gives its definition (its ``###`` heading)."""
    names = set()
    for page in (folder / "definitions").glob("*.md"):
        heading = re.search(r"^### (.+)$", page.read_text(encoding="utf-8"), re.M)
        assert heading is not None, page
        names.add(heading.group(1).strip())
    return names


# --------------------------------------------------------------------------- Kennel


@pytest.mark.parametrize("version", ["3.1.0", "3.0.3"])
def test_kennel_document_shows_written_examples_only(version: str) -> None:
    config = ApiConfig("kennel", KENNEL, openapi_version=version)
    files = emit_openapi(load(KENNEL), config, Diagnostics(), make_environment())
    doc = yaml.safe_load(files["openapi/kennel.yaml"])
    validate(doc)
    # A schema's example: 3.0's ``example``, 3.1's ``examples`` list.
    key, wrap = ("example", lambda v: v) if version == "3.0.3" else ("examples", lambda v: [v])
    dogs = "/components/schemas/Dog/properties"
    get = "/paths//dogs/{dogId}/get"
    assert dict(examples(doc)) == {
        f"{dogs}/nickname/{key}": wrap("Rex"),
        f"/components/schemas/Error/properties/code/{key}": wrap(404),
        "/paths//dogs/get/parameters/0/example": 20,  # status and tag: placeholders
        f"{get}/parameters/1/example": "name,status",
        f"{get}/responses/200/content/application/json/example": {
            "id": 42,
            "name": "Rex",
            "status": "adopted",
        },
    }


# ------------------------------------------------------------------------ S, M and L


def test_component_keys_are_never_shortened() -> None:
    long = "io.k8s.api.admissionregistration.v1alpha1.InitializerConfigurationList"
    assert component_name(long) == long
    assert component_name("x" * 300) == "x" * 300
    assert component_name("Map«string,Pet»") == "Map_string_Pet"


@pytest.mark.parametrize("length", [100, 200, 1025, 5000])
def test_keys_of_any_length_load_back_from_the_yaml(length: int, tmp_path: Path) -> None:
    """YAML takes no implicit key over 1024 characters (PyYAML writes none over 128): a
    long name becomes an explicit ``? key``, and the document loads with it intact."""
    name = "Dog" + "s" * (length - 3)
    anchor = name.lower()
    page = (KENNEL / "definitions.md").read_text(encoding="utf-8")
    page = page.replace('<a name="dog"></a>\n### Dog', f'<a name="{anchor}"></a>\n### {name}')
    (tmp_path / "definitions.md").write_text(page, "utf-8")
    paths = (KENNEL / "paths.md").read_text(encoding="utf-8").replace("/dogs", "/" + name)
    paths = paths.replace("[Dog](#dog)", f"[{name}](#{anchor})")
    (tmp_path / "paths.md").write_text(paths, "utf-8")
    config = ApiConfig("x", tmp_path)
    text = emit_openapi(load(tmp_path), config, Diagnostics(), make_environment())["openapi/x.yaml"]
    assert (f"    ? {name}\n    :\n" in text) is (length > 128)
    doc = yaml.safe_load(text)
    validate(doc)
    assert name in doc["components"]["schemas"]
    assert f"/{name}/{{dogId}}" in doc["paths"]


@needs_bench
@pytest.mark.parametrize("name", ["powerdns", "slack"])
def test_s_and_m_documents_validate(name: str) -> None:
    validate(document(BENCH / "md" / name))


@needs_bench
@pytest.mark.parametrize(
    ("name", "pages", "stand_ins"), [("powerdns", 23, 0), ("slack", 45, 3), ("kubernetes", 885, 6)]
)
def test_component_keys_are_the_docs_names(name: str, pages: int, stand_ins: int) -> None:
    """Every definition page's name is a component key, as it is; so is the name of each
    definition the pages link to without a page of its own (a stand-in)."""
    folder = BENCH / "md" / name
    keys = set(document(folder)["components"]["schemas"])
    names = page_names(folder)
    assert len(names) == pages
    assert names <= keys
    missing = {d.name for d in load(folder).definitions if d.unresolved}
    assert len(missing) == stand_ins
    assert keys == names | missing


@needs_bench
def test_only_the_examples_a_spec_wrote_reach_the_document() -> None:
    """PowerDNS and Kubernetes specs write no example; Slack's write 348 response examples."""
    assert list(examples(document(BENCH / "md" / "powerdns"))) == []
    assert list(examples(document(BENCH / "md" / "kubernetes"))) == []
    slack = dict(examples(document(BENCH / "md" / "slack")))
    assert len(slack) == 348
    assert all("/responses/" in pointer for pointer in slack)


@needs_bench
@pytest.mark.skipif(not SLOW, reason="about a minute of validation: MD2SDK_SLOW=1")
def test_l_document_validates() -> None:
    validate(document(BENCH / "md" / "kubernetes"))
