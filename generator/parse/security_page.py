"""Security scheme sections → `SecurityScheme` values.

::

    <a name="petstore_auth"></a>
    ### petstore_auth
    This is a standard oauth flow

    *Type* : oauth2
    *Flow* : implicit
    *Token URL* : http://petstore.swagger.io/api/oauth/dialog

    |Name|Description|
    |---|---|
    |write_pets|modify pets in your account|

Swagger2Markup labels both the authorization URL and the token URL "Token URL" (in
English; other languages likewise), so the URLs are assigned by flow: ``implicit`` has
only an authorization URL, ``accessCode`` prints the authorization URL first and the
token URL second, ``password`` and ``application`` only a token URL.
"""

from __future__ import annotations

from generator.diagnostics import Diagnostics
from generator.model import Scope, SecurityScheme
from generator.parse.blocks import Block, Code, Html, ListBlock, Paragraph, Table
from generator.parse.inline import plain
from generator.parse.label_lines import split_label_lines
from generator.parse.refs import anchor_key
from generator.parse.sections import Section
from generator.parse.tables import cell, map_columns
from generator.parse.text import blocks_markdown

_TYPES = {"apikey": "apiKey", "basic": "basic", "oauth2": "oauth2"}
_IN = {"header": "header", "query": "query"}
_URL_KEYS = frozenset({"security_authorizationUrl", "security_tokenUrl"})
_WANTED = frozenset({"security_type", "security_name", "security_in", "security_flow"}) | _URL_KEYS
_SCOPE_ORDER = ("name_column", "description_column")
_SCOPE_LAYOUTS = {1: ("name_column",), 2: _SCOPE_ORDER}


def _scopes(table: Table, diagnostics: Diagnostics) -> list[Scope]:
    roles = map_columns(table.header, _SCOPE_ORDER, _SCOPE_LAYOUTS, table.location, diagnostics)
    scopes: list[Scope] = []
    for row in table.rows:
        name = plain(cell(row.cells, roles, "name_column"))
        if not name:
            diagnostics.warning("bad-row", "a scopes row has no name; skipped", row.location)
            continue
        scopes.append(Scope(name, plain(cell(row.cells, roles, "description_column"))))
    return scopes


def _assign_urls(flow: str | None, urls: list[str]) -> tuple[str | None, str | None]:
    """(authorization URL, token URL) from the "Token URL" lines, by flow."""
    if not urls:
        return None, None
    normal = (flow or "").casefold()
    if normal == "implicit":
        return urls[0], None
    if normal in ("accesscode", "authorizationcode", "authorization_code"):
        return urls[0], (urls[1] if len(urls) > 1 else None)
    return None, urls[-1]


def parse_security_scheme(section: Section, diagnostics: Diagnostics) -> SecurityScheme:
    """One scheme section → `SecurityScheme`; a missing Type is a warning, not a crash."""
    fields: dict[str, str] = {}
    urls: list[str] = []
    description: list[Block] = []
    scopes: list[Scope] = []
    for block in section.blocks:
        if isinstance(block, Paragraph):
            lines, other = split_label_lines(block, _WANTED)
            for line in lines:
                if line.keys & _URL_KEYS:
                    urls.append(line.value)
                else:
                    key = next(k for k in sorted(line.keys & _WANTED))
                    fields.setdefault(key, line.value)
            text = "\n".join(other).strip()
            if text:
                description.append(Paragraph(text, block.location))
        elif isinstance(block, Table):
            scopes.extend(_scopes(block, diagnostics))
        elif isinstance(block, (ListBlock, Html, Code)):
            description.append(block)
    section.take(*section.blocks)
    raw_type = fields.get("security_type", "")
    scheme_type = _TYPES.get(raw_type.casefold())
    if scheme_type is None:
        shown = f"type {raw_type!r}, not apiKey, basic or oauth2" if raw_type else "no Type"
        diagnostics.warning(
            "bad-scheme", f"security scheme {section.title!r} has {shown}", section.location
        )
        scheme_type = raw_type or "apiKey"
    flow = fields.get("security_flow") or None
    authorization_url, token_url = _assign_urls(flow, urls)
    param_in = fields.get("security_in")
    return SecurityScheme(
        key=section.anchors[0] if section.anchors else anchor_key(section.title),
        name=section.title,
        type=scheme_type,
        location=section.location,
        description=blocks_markdown(description),
        param_name=fields.get("security_name") or None,
        param_in=_IN.get(param_in.casefold(), param_in) if param_in else None,
        flow=flow,
        authorization_url=authorization_url,
        token_url=token_url,
        scopes=tuple(scopes),
    )
