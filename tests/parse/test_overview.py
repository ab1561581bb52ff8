"""The overview section → Overview (fields, lists, localized labels, extra headings)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.diagnostics import Diagnostics
from generator.model import ExternalDocs, Overview, Tag
from generator.parse import parse_page
from generator.parse.blocks import parse_blocks
from generator.parse.overview import parse_overview
from generator.parse.sections import build_sections

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def read(text: str) -> Overview:
    root = build_sections("overview.md", parse_blocks("overview.md", text))
    section = next(s for s in root.walk() if "overview" in s.keys)
    return parse_overview(section, Diagnostics())


PETSTORE = """# Swagger Petstore


<a name="overview"></a>
## Overview
This is a sample server Petstore server.

[Learn about Swagger](http://swagger.io) or join `#swagger`.


### Version information
*Version* : 1.0.0


### Contact information
*Contact* : apiteam@swagger.io


### License information
*License* : Apache 2.0
*License URL* : http://www.apache.org/licenses/LICENSE-2.0.html
*Terms of service* : http://helloreverb.com/terms/


### URI scheme
*Host* : petstore.swagger.io
*BasePath* : /v2
*Schemes* : HTTP, HTTPS


### Tags

* pet : Pet resource
* store : Store resource
* plain


### Consumes

* `application/json`


### Produces

* `application/json`
* `application/xml`


### External Docs
*Description* : Find out more about Swagger
*URL* : http://swagger.io
"""


def test_petstore_overview() -> None:
    overview = read(PETSTORE)
    assert overview.description == (
        "This is a sample server Petstore server.\n\n"
        "[Learn about Swagger](http://swagger.io) or join `#swagger`."
    )
    assert overview.version == "1.0.0"
    assert overview.contact_name == "apiteam@swagger.io"
    assert (overview.license_name, overview.license_url, overview.terms_of_service) == (
        "Apache 2.0",
        "http://www.apache.org/licenses/LICENSE-2.0.html",
        "http://helloreverb.com/terms/",
    )
    assert (overview.host, overview.base_path, overview.schemes) == (
        "petstore.swagger.io", "/v2", ("http", "https"))
    assert overview.tags == (Tag("pet", "Pet resource"), Tag("store", "Store resource"),
                             Tag("plain"))
    assert overview.consumes == ("application/json",)
    assert overview.produces == ("application/json", "application/xml")
    docs = ExternalDocs("http://swagger.io", "Find out more about Swagger")
    assert overview.external_docs == docs
    assert overview.location.line == 5


def test_page_title_replaces_the_overview_label() -> None:
    page = parse_page("overview.md", PETSTORE, Diagnostics())
    assert page.overview is not None and page.overview.title == "Swagger Petstore"


def test_placeholder_host_escaped_base_path_and_contact_url() -> None:
    overview = read(
        "## Overview\nAPI\n\n### Contact information\n*Contact* : Support  \n"
        "*Contact Email* : a@b.c  \n*Contact URL* : https://help\n\n"
        "### URI scheme\n*Host* : <MGMT-IP>  \n*BasePath* : /sdwan/config\\_editor/  \n"
        "*Schemes* : HTTP\n"
    )
    assert overview.host == "<MGMT-IP>"
    assert overview.base_path == "/sdwan/config_editor/"
    assert (overview.contact_name, overview.contact_email, overview.contact_url) == (
        "Support", "a@b.c", "https://help")


def test_own_headings_stay_in_the_description() -> None:
    overview = read(
        "## Overview\nIntro.\n\n### Authentication\nUse a token.\n\n"
        "### Version information\n*Version* : 2\n"
    )
    assert overview.description == "Intro.\n\n### Authentication\n\nUse a token."
    assert overview.version == "2"


def test_german_labels_and_bare_label_lines() -> None:
    overview = read(
        "## Übersicht\nText\n\n### Aktuelle Version\n*Version* : 3\n\n"
        "### URI Schema\n*Host* : h  \n*Basis-Pfad* : /b\n"
    )
    assert (overview.version, overview.host, overview.base_path) == ("3", "h", "/b")
    bare = read("## Overview\nThis section.\n\n### Version information\nVersion: 1\n")
    assert bare.version == "1"


def _overview_pages() -> list[Path]:
    corpus = SHARED / "corpus"
    pages = sorted((corpus / "wild").glob("*overview*.md"))
    pages += sorted((corpus / "swagger2markup" / "expected").glob("*/overview.md"))
    pages += sorted((SHARED / "bench" / "md").glob("*/overview.md"))
    return pages


@pytest.mark.skipif(not SHARED.exists(), reason="shared corpus not available")
@pytest.mark.parametrize("path", _overview_pages() if SHARED.exists() else [],
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_corpus_overviews_have_title_and_version(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    diagnostics = Diagnostics()
    overview = parse_page(str(path), text, diagnostics).overview
    assert overview is not None
    assert overview.title and overview.version
    assert not diagnostics.has_errors
    if "*Host* :" in text:
        assert overview.host
    if "*Schemes* :" in text:
        assert overview.schemes and all(s == s.lower() for s in overview.schemes)
