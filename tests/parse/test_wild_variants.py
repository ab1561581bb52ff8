"""More real-world variation that md2sdk misread or dropped, one test page each (under
fidelity/, written the way generators and hand-editors write them): each page parses
into the full model, and what used to vanish is now in the model or in a located
diagnostic."""

from __future__ import annotations

import codecs

import pytest

from generator.diagnostics import Diagnostics
from generator.load.pages import parse_sources
from tests.parse.test_fidelity import PAGES, load


def test_oauth_urls_named_by_their_label() -> None:
    """Swagger2Markup labels both OAuth2 URLs "Token URL"; a page that says
    "Authorization URL" gets it read as such, wherever the line stands."""
    api, found = load("oauth-urls")
    assert found == []
    schemes = {s.key: s for s in api.security_schemes}
    partner = schemes["partner_oauth"]
    assert (partner.authorization_url, partner.token_url) == (
        "https://login.example.com/oauth/authorize", "https://login.example.com/oauth/token",
    )
    assert partner.description == (
        "Partners sign in with their company account. The token endpoint lives on a "
        "separate host."
    )
    widget = schemes["widget_oauth"]
    assert (widget.authorization_url, widget.token_url) == (
        "https://login.example.com/oauth/dialog", None,
    )
    assert widget.description == ""
    service = schemes["service_oauth"]
    assert service.token_url == "https://login-eu.example.com/oauth/token"
    # A URL no slot of the flow takes is kept where a reader sees it, not dropped.
    assert service.description == "*Token URL* : https://login.example.com/oauth/token"


@pytest.mark.parametrize(
    "encoding", ["utf-16", "utf-16-be-bom", "utf-32", "utf-8-sig-crlf", "utf-16-crlf"]
)
def test_pages_saved_by_windows_editors_read_like_utf8(encoding: str) -> None:
    """Notepad's "Unicode" (UTF-16 with a byte order mark) and CRLF line ends: the
    same page, the same model (was: read-error 'invalid start byte' at 1:1, page lost)."""
    text = (PAGES / "oauth-urls" / "security.md").read_text(encoding="utf-8")
    codec = encoding.removesuffix("-crlf")
    if encoding.endswith("-crlf"):
        text = text.replace("\n", "\r\n")
    data = (
        codecs.BOM_UTF16_BE + text.encode("utf-16-be")
        if codec == "utf-16-be-bom" else text.encode(codec)
    )
    utf8 = (PAGES / "oauth-urls" / "security.md").read_bytes()
    want = parse_sources([("security.md", utf8)], Diagnostics())
    diagnostics = Diagnostics()
    assert parse_sources([("security.md", data)], diagnostics) == want
    assert list(diagnostics) == []
