"""Security scheme sections → SecurityScheme (types, URLs by flow, scopes, languages)."""

from __future__ import annotations

from generator.diagnostics import Diagnostics
from generator.model import Scope, SecurityScheme
from generator.parse.blocks import parse_blocks
from generator.parse.sections import build_sections
from generator.parse.security_page import parse_security_scheme


def read(text: str) -> tuple[SecurityScheme, Diagnostics]:
    diagnostics = Diagnostics()
    root = build_sections("security.md", parse_blocks("security.md", text))
    section = next(s for s in root.walk() if s.level)
    return parse_security_scheme(section, diagnostics), diagnostics


def test_api_key_in_header() -> None:
    scheme, diagnostics = read(
        '<a name="api_key"></a>\n### api_key\nThis is another description\n\n'
        "*Type* : apiKey  \n*Name* : api_key  \n*In* : HEADER\n"
    )
    assert (scheme.key, scheme.name, scheme.type) == ("api_key", "api_key", "apiKey")
    assert (scheme.param_name, scheme.param_in) == ("api_key", "header")
    assert scheme.description == "This is another description"
    assert scheme.location.line == 2
    assert len(diagnostics) == 0


def test_basic() -> None:
    scheme, _ = read('<a name="basic"></a>\n### basic\n*Type* : basic\n')
    assert (scheme.type, scheme.param_name, scheme.flow) == ("basic", None, None)


def test_implicit_flow_single_url_is_the_authorization_url() -> None:
    scheme, _ = read(
        '<a name="petstore_auth"></a>\n### petstore_auth\nThis is a standard oauth flow\n\n'
        "*Type* : oauth2  \n*Flow* : implicit  \n"
        "*Token URL* : http://petstore.swagger.io/api/oauth/dialog\n\n\n"
        "|Name|Description|\n|---|---|\n|write_pets|modify pets in your account|\n"
        "|read_pets|read your pets|\n"
    )
    assert (scheme.type, scheme.flow) == ("oauth2", "implicit")
    assert scheme.authorization_url == "http://petstore.swagger.io/api/oauth/dialog"
    assert scheme.token_url is None
    assert scheme.scopes == (
        Scope("write_pets", "modify pets in your account"),
        Scope("read_pets", "read your pets"),
    )


def test_access_code_flow_has_both_urls_in_order() -> None:
    scheme, _ = read(
        "### slackAuth\n*Type* : oauth2  \n*Flow* : accessCode  \n"
        "*Token URL* : https://slack.com/oauth/authorize  \n"
        "*Token URL* : https://slack.com/api/oauth.access\n"
    )
    assert scheme.authorization_url == "https://slack.com/oauth/authorize"
    assert scheme.token_url == "https://slack.com/api/oauth.access"
    assert scheme.key == "slackAuth"  # no anchor: the heading, as the docs name it


def test_password_flow_url_is_the_token_url() -> None:
    scheme, _ = read("### p\n*Type* : oauth2  \n*Flow* : password  \n*Token URL* : https://t/x\n")
    assert (scheme.authorization_url, scheme.token_url) == (None, "https://t/x")


def test_hand_edited_scope_table_header() -> None:
    scheme, diagnostics = read(
        "### o\n*Type* : oauth2  \n*Flow* : application  \n*Token URL* : https://t\n\n"
        "|Scope|What it allows|\n|---|---|\n|admin|everything|\n"
    )
    assert scheme.scopes == (Scope("admin", "everything"),)
    assert len(diagnostics) == 0


def test_german_labels() -> None:
    scheme, _ = read("### k\n*Typ* : apiKey  \n*Name* : X-Key  \n*In* : QUERY\n")
    assert (scheme.type, scheme.param_name, scheme.param_in) == ("apiKey", "X-Key", "query")


def test_missing_type_is_a_located_warning() -> None:
    scheme, diagnostics = read("### odd\nJust prose.\n")
    assert scheme.description == "Just prose."
    [diag] = list(diagnostics)
    assert (diag.code, diag.location.line) == ("bad-scheme", 1)
