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
token URL second, ``password`` and ``application`` only a token URL. A label that says
which URL it is (``*Authorization URL*``, as hand-corrected pages and most other
languages write it) takes that URL wherever it stands; the shared label fills the slots
left, in the flow's order. A URL no slot takes stays in the description.
"""

from __future__ import annotations

from generator.diagnostics import Diagnostics
from generator.model import Scope, SecurityScheme
from generator.parse.blocks import Block, Code, Html, ListBlock, Paragraph, Table
from generator.parse.inline import plain
from generator.parse.label_lines import LabelLine, split_label_lines
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


_AUTH, _TOKEN = "security_authorizationUrl", "security_tokenUrl"


def _assign_urls(
    flow: str | None, urls: list[LabelLine]
) -> tuple[str | None, str | None, list[LabelLine]]:
    """(authorization URL, token URL, lines no slot took) from the URL lines: a label
    naming one URL takes it, the shared "Token URL" label fills the rest by flow."""
    slots: dict[str, str | None] = {}
    shared: list[LabelLine] = []
    left: list[LabelLine] = []
    for line in urls:
        keys = line.keys & _URL_KEYS
        if len(keys) == 1 and next(iter(keys)) not in slots:
            slots[next(iter(keys))] = line.value
        elif len(keys) == 1:
            left.append(line)
        else:
            shared.append(line)
    normal = (flow or "").casefold()
    if normal == "implicit":
        order = [_AUTH]
    elif normal in ("accesscode", "authorizationcode", "authorization_code"):
        order = [_AUTH, _TOKEN]
    else:
        order = [_TOKEN]
        shared.reverse()  # no flow to tell: the last shared URL is the token URL
    for key in order:
        if key not in slots and shared:
            slots[key] = shared.pop(0).value
    left.extend(shared)
    left.sort(key=lambda line: (line.location.line, line.location.column))
    return slots.get(_AUTH), slots.get(_TOKEN), left


def parse_security_scheme(section: Section, diagnostics: Diagnostics) -> SecurityScheme:
    """One scheme section → `SecurityScheme`; a missing Type is a warning, not a crash."""
    fields: dict[str, str] = {}
    urls: list[LabelLine] = []
    description: list[Block] = []
    scopes: list[Scope] = []
    for block in section.blocks:
        if isinstance(block, Paragraph):
            lines, other = split_label_lines(block, _WANTED)
            for line in lines:
                if line.keys & _URL_KEYS:
                    urls.append(line)
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
    authorization_url, token_url, left = _assign_urls(flow, urls)
    if left:
        extra = Paragraph("\n".join(f"*{u.label}* : {u.value}" for u in left), left[0].location)
        description.append(extra)
    param_in = fields.get("security_in")
    return SecurityScheme(
        key=section.anchor or section.title.strip(),  # no anchor: the name as written
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
