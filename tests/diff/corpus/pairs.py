# ruff: noqa: E501 (markdown table rows are kept whole, as the docs write them)
"""The diff corpus: OLD/NEW pairs of small docs, each one edit of `base.md`.

A pair is the base page (``base.md``, a five-operation pet shop in one Swagger2Markup
page) with a few literal edits applied to make NEW (and, rarely, OLD). Each edit must
match the text exactly once, so a pair cannot silently stop doing what it says. A pair
lists the rule ids its report must contain (``expect``); ``wire_quiet`` pairs are the
"no change" ones: their wire layer must report nothing at all.

`materialize` writes a pair as ``old/`` and ``new/`` folders (``md2sdk diff old new``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

BASE = (Path(__file__).parent / "base.md").read_text(encoding="utf-8")


@dataclass(frozen=True)
class Replace:
    before: str
    after: str

    def apply(self, text: str) -> str:
        count = text.count(self.before)
        assert count == 1, f"{self.before[:60]!r} occurs {count} times"
        return text.replace(self.before, self.after)


@dataclass(frozen=True)
class Cut:
    """Remove from ``start`` (included) up to ``end`` (kept)."""

    start: str
    end: str

    def apply(self, text: str) -> str:
        assert text.count(self.start) == 1, self.start
        a = text.index(self.start)
        b = text.index(self.end, a)
        return text[:a] + text[b:]


Edit = Replace | Cut


@dataclass(frozen=True)
class Pair:
    name: str
    edits: tuple[Edit, ...]
    expect: frozenset[str]
    old_edits: tuple[Edit, ...] = ()
    wire_quiet: bool = False
    split_new: bool = False
    reverse: bool = False
    """Swap the sides: the edited docs are OLD (the mirror image of another pair)."""
    notes: str = field(default="")


def _apply(text: str, edits: tuple[Edit, ...]) -> str:
    for edit in edits:
        text = edit.apply(text)
    return text


# Sections of base.md that splitting a page moves into pages of their own.
_PAGES = (
    ("overview.md", "# Shop", '<a name="paths"></a>'),
    ("paths.md", '<a name="paths"></a>', '<a name="definitions"></a>'),
    ("definitions.md", '<a name="definitions"></a>', '<a name="securityscheme"></a>'),
    ("security.md", '<a name="securityscheme"></a>', None),
)


def reverse(pair: Pair, name: str, expect: set[str]) -> Pair:
    """``pair`` read backwards: NEW becomes OLD."""
    return Pair(name, pair.edits, frozenset(expect), old_edits=pair.old_edits, reverse=True)


def materialize(pair: Pair, folder: Path) -> tuple[Path, Path]:
    """Write ``folder/old`` and ``folder/new`` for ``pair``; returns both folders."""
    old_text = _apply(BASE, pair.old_edits)
    new_text = _apply(old_text, pair.edits)
    if pair.reverse:
        old_text, new_text = new_text, old_text
    old, new = folder / "old", folder / "new"
    old.mkdir(parents=True)
    new.mkdir(parents=True)
    (old / "api.md").write_text(old_text, encoding="utf-8")
    if pair.split_new:
        for name, start, end in _PAGES:
            a = new_text.index(start)
            b = new_text.index(end) if end else len(new_text)
            (new / name).write_text(new_text[a:b], encoding="utf-8")
    else:
        (new / "api.md").write_text(new_text, encoding="utf-8")
    return old, new


LIMIT = (
    "|**Query**|**limit**  <br>*optional*|How many pets to return.  <br>**Default** : `20`  "
    "<br>**Maximum value** : `100`|integer (int32)|"
)
STATUS_QUERY = "|**Query**|**status**  <br>*optional*|Only pets with this status.|enum (available, pending, sold)|"
TAGS = (
    "|**Query**|**tags**  <br>*optional*|Only pets with one of these tags.|< string > array(multi)|"
)
REQUEST_ID = (
    "|**Header**|**x-request-id**  <br>*optional*|A correlation id echoed in the logs.|string|"
)
NEWPET_NAME = "|**name**  <br>*required*|The pet's name.  <br>**Maximal length** : `64`|string|"
NEWPET_NICK = "|**nickname**  <br>*optional*|What the staff call it.|string|\n|**status**  <br>*optional*|Sale status."
PET_ID = "|**id**  <br>*required*|The pet's id.|integer (int64)|"
PET_NAME = "|**name**  <br>*required*|The pet's name.|string|\n|**nickname**"
PET_NICK = "|**nickname**  <br>*optional*|What the staff call it.|string|\n|**owner**"
PET_STATUS = "|**status**  <br>*required*|Sale status.|enum (available, pending, sold)|"
DELETE_OP = '<a name="deletepet"></a>'
ORDER_OP = '<a name="getorder"></a>'
DEPRECATED = "```\nDELETE /pets/{petId}\n```\n"
ORDER_SECURITY = (
    "* store\n\n\n#### Security\n\n|Type|Name|\n|---|---|\n|**apiKey**|**[api_key](#api_key)**|"
)
LIST_SECURITY = (
    "* pets\n\n\n#### Security\n\n|Type|Name|\n|---|---|\n|**apiKey**|**[api_key](#api_key)**|"
    '\n\n\n<a name="addpet">'
)
UPDATE_OP = """<a name="updatepet"></a>
### Rename a pet
```
PATCH /pets/{petId}
```


#### Parameters

|Type|Name|Description|Schema|
|---|---|---|---|
|**Path**|**petId**  <br>*required*|The pet's id.|integer (int64)|
|**Query**|**name**  <br>*required*|The new name.|string|


#### Responses

|HTTP Code|Description|Schema|
|---|---|---|
|**200**|Renamed|[Pet](#pet)|


#### Tags

* pets


"""

TAGS_ALIAS = """<a name="tags"></a>
### Tags
Tag names.

*Type* : < string > array


"""
PET_PARAM = """<a name="petparam"></a>
### PetParam
A search for pets.

|Name|Description|Schema|
|---|---|---|
|**query**  <br>*required*|Words to look for.|string|


"""
REQUIRED_KEY = "|**Header**|**x-api-key**  <br>*required*|The API key.|string|\n"
PARAMETER_HEADS = ("|**Path**|**storeId**", "|**Body**|**body**  <br>*required*|The pet to add.")

PAIRS: tuple[Pair, ...] = (
    # ------------------------------------------------------------ operations
    Pair(
        "operation-removed",
        (Cut(DELETE_OP, ORDER_OP),),
        frozenset({"api-removed-without-deprecation", "sdk-method-removed"}),
    ),
    Pair(
        "operation-removed-after-deprecation",
        (Cut(DELETE_OP, ORDER_OP),),
        frozenset({"api-removed-with-deprecation", "sdk-method-removed"}),
        old_edits=(Replace(DEPRECATED, DEPRECATED + "\n*This operation is deprecated.*\n"),),
    ),
    Pair(
        "operation-added",
        (Replace(ORDER_OP, UPDATE_OP + ORDER_OP),),
        frozenset({"endpoint-added", "sdk-method-added"}),
    ),
    Pair(
        "operation-deprecated",
        (Replace(DEPRECATED, DEPRECATED + "\n*This operation is deprecated.*\n"),),
        frozenset({"api-deprecated"}),
    ),
    Pair(
        "path-changed",
        (
            Replace(
                "GET /store/{storeId}/orders/{orderId}", "GET /stores/{storeId}/orders/{orderId}"
            ),
        ),
        frozenset({"api-path-changed"}),
    ),
    Pair(
        "method-changed",
        (Replace("DELETE /pets/{petId}", "POST /pets/{petId}"),),
        frozenset({"api-method-changed"}),
    ),
    Pair(
        "operation-id-renames-method",
        (Replace('<a name="getpet">', '<a name="fetchpet">'),),
        frozenset({"api-operation-id-changed", "sdk-method-renamed"}),
    ),
    Pair(
        "tag-moves-method",
        (Replace("#### Tags\n\n* store", "#### Tags\n\n* pets"),),
        frozenset({"api-tag-changed", "sdk-method-moved", "sdk-resource-removed"}),
    ),
    # ------------------------------------------------------------ parameters
    Pair(
        "new-required-parameter",
        (Replace(LIMIT, LIMIT + "\n|**Query**|**shop**  <br>*required*|Which shop.|string|"),),
        frozenset({"new-required-request-parameter", "sdk-argument-added-required"}),
    ),
    Pair(
        "new-optional-parameter",
        (Replace(LIMIT, LIMIT + "\n|**Query**|**sort**  <br>*optional*|Sort order.|string|"),),
        frozenset({"new-optional-request-parameter", "sdk-argument-added-optional"}),
    ),
    Pair(
        "parameter-became-required",
        (Replace("**limit**  <br>*optional*", "**limit**  <br>*required*"),),
        frozenset({"request-parameter-became-required", "sdk-argument-became-required"}),
    ),
    Pair(
        "parameter-removed",
        (Replace(TAGS + "\n", ""),),
        frozenset({"request-parameter-removed", "sdk-argument-removed"}),
    ),
    Pair(
        "parameter-renamed",
        (Replace("**status**  <br>*optional*|Only pets", "**state**  <br>*optional*|Only pets"),),
        frozenset(
            {
                "request-parameter-removed",
                "new-optional-request-parameter",
                "sdk-argument-removed",
                "sdk-argument-added-optional",
            }
        ),
    ),
    Pair(
        "parameter-type-changed",
        (Replace("these tags.|< string > array(multi)|", "these tags.|string|"),),
        frozenset({"request-parameter-type-changed", "sdk-argument-type-narrowed"}),
    ),
    Pair(
        "parameter-type-generalized",
        (Replace("`100`|integer (int32)|", "`100`|number (float)|"),),
        frozenset(
            {
                "request-parameter-type-generalized",
                "sdk-argument-type-widened",
                "sdk-argument-default-changed",
            }
        ),
    ),
    Pair(
        "parameter-location-changed",
        (Replace("|**Header**|**x-request-id**", "|**Query**|**x-request-id**"),),
        frozenset({"request-parameter-location-changed"}),
        notes="the argument keeps its name: callers see no change",
    ),
    Pair(
        "parameter-default-changed",
        (Replace("**Default** : `20`", "**Default** : `50`"),),
        frozenset({"request-parameter-default-value-changed", "sdk-argument-default-changed"}),
    ),
    Pair(
        "parameter-enum-value-removed",
        (
            Replace(
                "this status.|enum (available, pending, sold)|",
                "this status.|enum (available, pending)|",
            ),
        ),
        frozenset({"request-parameter-enum-value-removed", "sdk-enum-member-removed"}),
    ),
    Pair(
        "parameter-enum-value-added",
        (
            Replace(
                "this status.|enum (available, pending, sold)|",
                "this status.|enum (available, pending, sold, reserved)|",
            ),
        ),
        frozenset({"request-parameter-enum-value-added", "sdk-enum-member-added"}),
    ),
    Pair(
        "parameter-constraint-tightened",
        (Replace("**Maximum value** : `100`", "**Maximum value** : `50`"),),
        frozenset({"request-parameter-constraint-tightened"}),
    ),
    Pair(
        "parameter-constraint-loosened",
        (Replace("**Maximum value** : `100`", "**Maximum value** : `500`"),),
        frozenset({"request-parameter-constraint-loosened"}),
    ),
    Pair(
        "parameter-collection-format-changed",
        (Replace("< string > array(multi)", "< string > array(csv)"),),
        frozenset({"request-parameter-collection-format-changed"}),
    ),
    Pair(
        "path-parameter-renamed",
        (
            Replace("GET /pets/{petId}", "GET /pets/{id}"),
            Replace(
                "|**Path**|**petId**  <br>*required*|The pet's id.|integer (int64)|\n\n\n#### Responses\n\n|HTTP Code|Description|Schema|\n|---|---|---|\n|**200**|The pet|",
                "|**Path**|**id**  <br>*required*|The pet's id.|integer (int64)|\n\n\n#### Responses\n\n|HTTP Code|Description|Schema|\n|---|---|---|\n|**200**|The pet|",
            ),
        ),
        frozenset({"request-path-parameter-renamed", "sdk-argument-renamed"}),
    ),
    Pair(
        "positional-reordered",
        (
            Replace(
                "GET /store/{storeId}/orders/{orderId}", "GET /orders/{orderId}/store/{storeId}"
            ),
        ),
        frozenset({"api-path-changed", "sdk-positional-reordered"}),
    ),
    Pair(
        "positional-added",
        (
            Replace("DELETE /pets/{petId}", "DELETE /shops/{shopId}/pets/{petId}"),
            Replace(
                "|**Path**|**petId**  <br>*required*|The pet's id.|integer (int64)|\n\n\n#### Responses\n\n|HTTP Code|Description|Schema|\n|---|---|---|\n|**204**",
                "|**Path**|**shopId**  <br>*required*|The shop.|string|\n|**Path**|**petId**  <br>*required*|The pet's id.|integer (int64)|\n\n\n#### Responses\n\n|HTTP Code|Description|Schema|\n|---|---|---|\n|**204**",
            ),
        ),
        frozenset({"api-path-changed", "new-required-request-parameter", "sdk-positional-added"}),
    ),
    Pair(
        "argument-renamed-by-collision",
        (
            Replace(
                REQUEST_ID,
                REQUEST_ID
                + "\n|**Header**|**Limit**  <br>*optional*|A header that takes the name.|string|",
            ),
        ),
        frozenset({"new-optional-request-parameter", "sdk-argument-renamed"}),
    ),
    # ------------------------------------------------------------ request body
    Pair(
        "request-body-added-required",
        (
            Replace(
                "|**Path**|**petId**  <br>*required*|The pet's id.|integer (int64)|\n\n\n#### Responses\n\n|HTTP Code|Description|Schema|\n|---|---|---|\n|**204**",
                "|**Path**|**petId**  <br>*required*|The pet's id.|integer (int64)|\n|**Body**|**body**  <br>*required*|Why it goes.|string|\n\n\n#### Responses\n\n|HTTP Code|Description|Schema|\n|---|---|---|\n|**204**",
            ),
        ),
        frozenset({"request-body-added-required", "sdk-argument-added-required"}),
    ),
    Pair(
        "request-body-became-optional",
        (
            Replace(
                "**body**  <br>*required*|The pet to add.",
                "**body**  <br>*optional*|The pet to add.",
            ),
        ),
        frozenset({"request-body-became-optional", "sdk-argument-became-optional"}),
    ),
    Pair(
        "request-body-removed",
        (Replace("|**Body**|**body**  <br>*required*|The pet to add.|[NewPet](#newpet)|\n", ""),),
        frozenset({"request-body-removed", "sdk-argument-removed"}),
    ),
    Pair(
        "request-body-type-changed",
        (
            Replace(
                "The pet to add.|[NewPet](#newpet)|", "The pet to add.|< [NewPet](#newpet) > array|"
            ),
        ),
        frozenset({"request-body-type-changed", "sdk-argument-type-narrowed"}),
    ),
    Pair(
        "request-media-type-removed",
        (Replace("#### Consumes\n\n* `application/json`", "#### Consumes\n\n* `application/xml`"),),
        frozenset({"request-media-type-removed", "request-media-type-added"}),
    ),
    Pair(
        "new-required-request-property",
        (Replace(NEWPET_NAME, NEWPET_NAME + "\n|**species**  <br>*required*|Cat or dog.|string|"),),
        frozenset({"new-required-request-property", "sdk-field-added-required"}),
    ),
    Pair(
        "new-optional-request-property",
        (
            Replace(
                NEWPET_NAME, NEWPET_NAME + "\n|**age**  <br>*optional*|In years.|integer (int32)|"
            ),
        ),
        frozenset({"new-optional-request-property", "sdk-field-added"}),
    ),
    Pair(
        "request-property-removed",
        (Replace(NEWPET_NICK, "|**status**  <br>*optional*|Sale status."),),
        frozenset({"request-property-removed", "sdk-field-removed"}),
    ),
    Pair(
        "request-property-became-required",
        (Replace(NEWPET_NICK, NEWPET_NICK.replace("*optional*", "*required*", 1)),),
        frozenset({"request-property-became-required", "sdk-field-became-required"}),
    ),
    Pair(
        "request-property-enum-value-removed",
        (
            Replace(
                'Sale status.|enum (available, pending, sold)|\n\n\n<a name="order">',
                'Sale status.|enum (available, pending)|\n\n\n<a name="order">',
            ),
        ),
        frozenset({"request-property-enum-value-removed", "sdk-enum-member-removed"}),
    ),
    Pair(
        "request-property-constraint-tightened",
        (Replace("**Maximal length** : `64`", "**Maximal length** : `32`"),),
        frozenset({"request-property-constraint-tightened"}),
    ),
    Pair(
        "request-property-pattern-changed",
        (
            Replace(
                "**Maximal length** : `64`",
                '**Maximal length** : `64`  <br>**Pattern** : `"[a-z]+"`',
            ),
        ),
        frozenset({"request-property-constraint-tightened"}),
    ),
    Pair(
        "request-property-pattern-replaced",
        (
            Replace(
                '**Maximal length** : `64`  <br>**Pattern** : `"[a-z]+"`',
                '**Maximal length** : `64`  <br>**Pattern** : `"[A-Za-z]+"`',
            ),
        ),
        frozenset({"request-property-pattern-changed"}),
        old_edits=(
            Replace(
                "**Maximal length** : `64`",
                '**Maximal length** : `64`  <br>**Pattern** : `"[a-z]+"`',
            ),
        ),
    ),
    Pair(
        "request-property-type-changed",
        (Replace(NEWPET_NICK, NEWPET_NICK.replace("|string|", "|integer (int32)|", 1)),),
        frozenset({"request-property-type-changed", "sdk-field-type-changed"}),
    ),
    # ------------------------------------------------------------ responses
    Pair(
        "response-required-property-removed",
        (Replace(PET_NAME, "|**nickname**"),),
        frozenset({"response-required-property-removed", "sdk-field-removed"}),
    ),
    Pair(
        "response-optional-property-removed",
        (Replace(PET_NICK, "|**owner**"),),
        frozenset({"response-optional-property-removed", "sdk-field-removed"}),
    ),
    Pair(
        "response-property-became-optional",
        (Replace(PET_STATUS, PET_STATUS.replace("*required*", "*optional*")),),
        frozenset({"response-property-became-optional", "sdk-field-became-optional"}),
    ),
    Pair(
        "response-property-enum-value-added",
        (Replace(PET_STATUS, PET_STATUS.replace("sold)", "sold, reserved)")),),
        frozenset({"response-property-enum-value-added", "sdk-enum-member-added"}),
    ),
    Pair(
        "response-property-enum-value-removed",
        (Replace(PET_STATUS, PET_STATUS.replace(", sold)", ")")),),
        frozenset({"response-property-enum-value-removed", "sdk-enum-member-removed"}),
    ),
    Pair(
        "response-property-type-changed",
        (Replace(PET_ID, PET_ID.replace("integer (int64)", "string")),),
        frozenset({"response-property-type-changed", "sdk-field-type-changed"}),
    ),
    Pair(
        "response-property-added",
        (
            Replace(
                PET_STATUS, PET_STATUS + "\n|**age**  <br>*optional*|In years.|integer (int32)|"
            ),
        ),
        frozenset({"response-property-added", "sdk-field-added"}),
    ),
    Pair(
        "response-constraint-loosened",
        (
            Replace(
                "How many.  <br>**Minimum value** : `1`", "How many.  <br>**Minimum value** : `0`"
            ),
        ),
        frozenset({"response-property-constraint-loosened"}),
    ),
    Pair(
        "success-status-removed",
        (Replace("|**200**|The pet|[Pet](#pet)|\n", ""),),
        frozenset({"response-success-status-removed", "sdk-return-type-changed"}),
    ),
    Pair(
        "success-body-removed",
        (Replace("|**200**|The pet|[Pet](#pet)|", "|**200**|The pet|No Content|"),),
        frozenset({"response-body-removed", "sdk-return-type-changed"}),
    ),
    Pair(
        "error-status-added",
        (
            Replace(
                "|**200**|The order|[Order](#order)|",
                "|**200**|The order|[Order](#order)|\n|**404**|No such order|[Error](#error)|",
            ),
        ),
        frozenset({"response-non-success-status-added", "sdk-method-error-added"}),
    ),
    Pair(
        "response-media-type-removed",
        (
            Replace(
                '|[Error](#error)|\n\n\n#### Produces\n\n* `application/json`\n\n\n#### Tags\n\n* pets\n\n\n#### Security\n\n|Type|Name|\n|---|---|\n|**apiKey**|**[api_key](#api_key)**|\n\n\n<a name="addpet">',
                '|[Error](#error)|\n\n\n#### Produces\n\n* `application/xml`\n\n\n#### Tags\n\n* pets\n\n\n#### Security\n\n|Type|Name|\n|---|---|\n|**apiKey**|**[api_key](#api_key)**|\n\n\n<a name="addpet">',
            ),
        ),
        frozenset({"response-media-type-removed", "response-media-type-added"}),
    ),
    Pair(
        "response-header-removed",
        (
            Replace(
                "The pets  <br>**Headers** :   <br>`X-Total` (integer) : How many pets match.|",
                "The pets|",
            ),
        ),
        frozenset({"response-header-removed"}),
    ),
    # ------------------------------------------------------------ security
    Pair(
        "security-added",
        (
            Replace(
                ORDER_SECURITY,
                "* store\n\n\n#### Security\n\n|Type|Name|Scopes|\n|---|---|---|\n|**apiKey**|**[api_key](#api_key)**||\n|**oauth2**|**[shop_auth](#shop_auth)**|write:pets|",
            ),
        ),
        frozenset({"api-security-added"}),
    ),
    Pair(
        "security-removed",
        (Replace(LIST_SECURITY, '* pets\n\n\n<a name="addpet">'),),
        frozenset({"api-security-removed"}),
    ),
    Pair(
        "security-scope-added",
        (
            Replace(
                '|**oauth2**|**[shop_auth](#shop_auth)**|write:pets|\n\n\n<a name="getpet">',
                '|**oauth2**|**[shop_auth](#shop_auth)**|write:pets,read:pets|\n\n\n<a name="getpet">',
            ),
        ),
        frozenset({"api-security-scope-added"}),
    ),
    Pair(
        "security-scheme-location-changed",
        (Replace("*Name* : x-api-key  \n*In* : HEADER", "*Name* : x-api-key  \n*In* : QUERY"),),
        frozenset({"security-scheme-location-changed"}),
    ),
    Pair(
        "security-scheme-name-renames-option",
        (Replace("*Name* : x-api-key", "*Name* : x-shop-key"),),
        frozenset({"security-scheme-name-changed", "sdk-client-option-renamed"}),
    ),
    # ------------------------------------------------------------ overview and models
    Pair(
        "base-path-changed",
        (Replace("*BasePath* : /v1", "*BasePath* : /v2"),),
        frozenset({"api-base-path-changed"}),
    ),
    Pair(
        "definition-renamed",
        (
            Replace('<a name="owner"></a>\n### Owner', '<a name="person"></a>\n### Person'),
            Replace("[Owner](#owner)", "[Person](#person)"),
        ),
        frozenset({"sdk-model-renamed", "sdk-field-type-changed"}),
        wire_quiet=True,
        notes="wire-neutral: the same schema under another name renames the model class",
    ),
    Pair(
        "model-removed",
        (
            Replace("|**owner**  <br>*optional*|Who reserved it.|[Owner](#owner)|\n", ""),
            Cut('<a name="owner"></a>', '<a name="securityscheme"></a>'),
        ),
        frozenset({"response-optional-property-removed", "sdk-model-removed", "sdk-field-removed"}),
    ),
    Pair(
        "field-renamed-by-collision",
        (Replace(PET_NAME, "|**Name**  <br>*optional*|Shown name.|string|\n" + PET_NAME),),
        frozenset({"response-property-added", "sdk-field-renamed"}),
    ),
    Pair(
        "description-fix",
        (
            Replace("Pets in the shop, newest first.", "Pets in the shop, the newest first."),
            Replace("A pet in the shop.", "A pet for sale in the shop."),
        ),
        frozenset({"api-description-changed", "schema-description-changed"}),
    ),
    # ------------------------------------------------------------ no change
    Pair("identical", (), frozenset(), wire_quiet=True),
    Pair(
        "moved-pages",
        (),
        frozenset(),
        wire_quiet=True,
        split_new=True,
        notes="one page split into overview, paths, definitions and security pages",
    ),
    Pair(
        "rewrapped-text",
        (
            Replace("Pets in the shop, newest first.", "Pets in the shop,\nnewest   first."),
            Replace("A small pet shop: the base", "A small pet shop:\nthe base"),
        ),
        frozenset(),
        wire_quiet=True,
    ),
    Pair(
        "reordered-rows",
        (
            Replace(LIMIT + "\n" + STATUS_QUERY, STATUS_QUERY + "\n" + LIMIT),
            Replace(
                "|**201**|Created|[Pet](#pet)|\n|**422**|Invalid pet|[Error](#error)|",
                "|**422**|Invalid pet|[Error](#error)|\n|**201**|Created|[Pet](#pet)|",
            ),
            Replace(
                "|**email**  <br>*optional*|How to reach them.|string|\n|**name**  <br>*required*|Their name.|string|",
                "|**name**  <br>*required*|Their name.|string|\n|**email**  <br>*optional*|How to reach them.|string|",
            ),
        ),
        frozenset(),
        wire_quiet=True,
    ),
    Pair(
        "inline-instead-of-linked",
        (
            Replace(
                "|**owner**  <br>*optional*|Who reserved it.|[Owner](#owner)|",
                "|**owner**  <br>*optional*|Who reserved it.|[owner](#pet-owner)|",
            ),
            Replace(
                '|**status**  <br>*required*|Sale status.|enum (available, pending, sold)|\n\n\n<a name="owner"></a>\n### Owner\n',
                '|**status**  <br>*required*|Sale status.|enum (available, pending, sold)|\n\n<a name="pet-owner"></a>\n**owner**\n',
            ),
        ),
        frozenset({"sdk-model-renamed"}),
        wire_quiet=True,
        notes="the wire is the same; the client's class name follows the inline object's owner",
    ),
    # ------------------------------------------------------------ more rules
    Pair(
        "summary-changed",
        (Replace("### List pets", "### List the pets"),),
        frozenset({"api-summary-changed"}),
    ),
    Pair(
        "parameter-format-changed",
        (Replace("`100`|integer (int32)|", "`100`|integer (int64)|"),),
        frozenset({"request-parameter-format-changed"}),
    ),
    Pair(
        "parameter-default-added",
        (
            Replace(
                "|Only pets with this status.|",
                '|Only pets with this status.  <br>**Default** : `"available"`|',
            ),
        ),
        frozenset({"request-parameter-default-value-added", "sdk-argument-default-changed"}),
    ),
    Pair(
        "parameter-pattern-changed",
        (
            Replace(
                'A correlation id echoed in the logs.  <br>**Pattern** : `"[a-z]+"`',
                'A correlation id echoed in the logs.  <br>**Pattern** : `"[a-z0-9]+"`',
            ),
        ),
        frozenset({"request-parameter-pattern-changed"}),
        old_edits=(
            Replace(
                "A correlation id echoed in the logs.",
                'A correlation id echoed in the logs.  <br>**Pattern** : `"[a-z]+"`',
            ),
        ),
    ),
    Pair(
        "parameter-description-changed",
        (Replace("Only pets with this status.", "Only the pets that have this status."),),
        frozenset({"request-parameter-description-changed"}),
    ),
    Pair(
        "request-body-added-optional",
        (
            Replace(
                "|**Path**|**petId**  <br>*required*|The pet's id.|integer (int64)|\n\n\n#### Responses\n\n|HTTP Code|Description|Schema|\n|---|---|---|\n|**204**",
                "|**Path**|**petId**  <br>*required*|The pet's id.|integer (int64)|\n|**Body**|**body**  <br>*optional*|Why it goes.|string|\n\n\n#### Responses\n\n|HTTP Code|Description|Schema|\n|---|---|---|\n|**204**",
            ),
        ),
        frozenset({"request-body-added-optional", "sdk-argument-added-optional"}),
    ),
    Pair(
        "request-property-type-generalized",
        (Replace(NEWPET_NICK, NEWPET_NICK.replace("|string|", "|object|", 1)),),
        frozenset({"request-property-type-generalized", "sdk-field-type-changed"}),
    ),
    Pair(
        "request-property-format-changed",
        (Replace(NEWPET_NICK, NEWPET_NICK.replace("|string|", "|string (password)|", 1)),),
        frozenset({"request-property-format-changed"}),
    ),
    Pair(
        "request-property-default-changed",
        (
            Replace(
                '|Sale status.|enum (available, pending, sold)|\n\n\n<a name="order">',
                '|Sale status.  <br>**Default** : `"available"`|enum (available, pending, sold)|\n\n\n<a name="order">',
            ),
        ),
        frozenset({"request-property-default-value-changed", "sdk-field-default-changed"}),
    ),
    Pair(
        "response-body-type-changed",
        (Replace("|**200**|The pet|[Pet](#pet)|", "|**200**|The pet|< [Pet](#pet) > array|"),),
        frozenset({"response-body-type-changed", "sdk-return-type-changed"}),
    ),
    Pair(
        "response-property-format-changed",
        (Replace("|string (date-time)|", "|string (date)|"),),
        frozenset({"response-property-format-changed", "sdk-field-type-changed"}),
    ),
    Pair(
        "response-number-widened",
        (
            Replace(
                "How many.  <br>**Minimum value** : `1`|integer (int32)|",
                "How many.  <br>**Minimum value** : `1`|number (float)|",
            ),
        ),
        frozenset({"response-property-type-changed", "sdk-field-type-changed"}),
    ),
    Pair(
        "response-property-pattern-changed",
        (
            Replace(
                'How to reach them.  <br>**Pattern** : `".+@.+"`',
                'How to reach them.  <br>**Pattern** : `".*"`',
            ),
        ),
        frozenset({"response-property-pattern-changed"}),
        old_edits=(
            Replace("How to reach them.", 'How to reach them.  <br>**Pattern** : `".+@.+"`'),
        ),
    ),
    Pair(
        "property-description-changed",
        (Replace("Who reserved it.", "Who has reserved it."),),
        frozenset({"property-description-changed"}),
    ),
    Pair(
        "security-scheme-type-changed",
        (
            Replace(
                "*Type* : oauth2  \n*Flow* : implicit  \n*Token URL* : https://shop.example.com/oauth",
                "*Type* : basic",
            ),
        ),
        frozenset(
            {"security-scheme-type-changed", "sdk-client-option-removed", "sdk-client-option-added"}
        ),
    ),
    Pair(
        "overview-changed",
        (
            Replace("*Host* : shop.example.com", "*Host* : api.shop.example.com"),
            Replace("*Version* : 1.0.0", "*Version* : 1.1.0"),
            Replace("A small pet shop: the base", "A small pet shop, the base"),
        ),
        frozenset({"api-host-changed", "api-version-changed", "api-info-description-changed"}),
    ),
    Pair(
        "alias-type-changed",
        (Replace("*Type* : < string > array", "*Type* : < integer > array"),),
        frozenset({"sdk-alias-type-changed"}),
        wire_quiet=True,
        old_edits=(
            Replace('<a name="securityscheme"></a>', TAGS_ALIAS + '<a name="securityscheme"></a>'),
        ),
        notes="a definition nothing uses: no wire change, but its exported alias changes",
    ),
    Pair(
        "common-header-makes-option-required",
        tuple(
            Replace(head, REQUIRED_KEY + head)
            for head in (
                REQUEST_ID,
                *PARAMETER_HEADS,
                "|**Path**|**petId**  <br>*required*|The pet's id.|integer (int64)|\n\n\n#### Responses\n\n|HTTP Code|Description|Schema|\n|---|---|---|\n|**200**",
                "|**Path**|**petId**  <br>*required*|The pet's id.|integer (int64)|\n\n\n#### Responses\n\n|HTTP Code|Description|Schema|\n|---|---|---|\n|**204**",
            )
        ),
        frozenset({"new-required-request-parameter", "sdk-client-option-became-required"}),
    ),
    Pair(
        "option-required-by-one-method",
        (Replace(REQUEST_ID, REQUIRED_KEY + REQUEST_ID),),
        frozenset({"new-required-request-parameter", "sdk-option-required-by-method"}),
        notes="the client's api_key option is now required by list_pets alone: the method "
        "takes it per call and raises before sending when neither it nor the client has one",
    ),
    # ------------------------------------------------------------ pagination and returns
    Pair(
        "pager-added",
        (
            Replace(
                "|**Query**|**limit**  <br>*optional*|",
                "|**Query**|**offset**  <br>*optional*|How many pets to skip.|integer (int32)|\n"
                "|**Query**|**limit**  <br>*optional*|",
            ),
        ),
        frozenset(
            {"new-optional-request-parameter", "sdk-argument-added-optional", "sdk-pager-added"}
        ),
        notes="with offset and limit, GET /pets pages under the corpus's offset pagination "
        "config: list_pets gets its list_pets_iter twin",
    ),
    Pair(
        "typed-dict-name-taken",
        (Replace('<a name="securityscheme"></a>', PET_PARAM + '<a name="securityscheme"></a>'),),
        frozenset({"sdk-model-added", "sdk-model-renamed"}),
        wire_quiet=True,
        notes="a new definition named PetParam takes the name of Pet's TypedDict, which "
        "becomes PetParam2: code that annotates a body dict with PetParam breaks",
    ),
    Pair(
        "return-type-narrowed",
        (Replace("|**200**|The order|number (float)|", "|**200**|The order|integer (int64)|"),),
        frozenset({"sdk-return-type-narrowed"}),
        old_edits=(Replace("|**200**|The order|[Order](#order)|", "|**200**|The order|number (float)|"),),
        notes="get_order returned float, now int: every int is a float to a type checker",
    ),
)

_BY_NAME = {p.name: p for p in PAIRS}

# Mirror images: the same edit read from NEW to OLD.
PAIRS += (
    reverse(_BY_NAME["operation-deprecated"], "operation-reactivated", {"api-reactivated"}),
    reverse(
        _BY_NAME["parameter-became-required"],
        "parameter-became-optional",
        {"request-parameter-became-optional", "sdk-argument-became-optional"},
    ),
    reverse(
        _BY_NAME["parameter-default-added"],
        "parameter-default-removed",
        {"request-parameter-default-value-removed", "sdk-argument-default-changed"},
    ),
    reverse(
        _BY_NAME["request-body-became-optional"],
        "request-body-became-required",
        {"request-body-became-required", "sdk-argument-became-required"},
    ),
    reverse(
        _BY_NAME["request-property-became-required"],
        "request-property-became-optional",
        {"request-property-became-optional", "sdk-field-became-optional"},
    ),
    reverse(
        _BY_NAME["request-property-enum-value-removed"],
        "request-property-enum-value-added",
        {"request-property-enum-value-added", "sdk-enum-member-added"},
    ),
    reverse(
        _BY_NAME["request-property-constraint-tightened"],
        "request-property-constraint-loosened",
        {"request-property-constraint-loosened"},
    ),
    reverse(
        _BY_NAME["success-status-removed"],
        "success-status-added",
        {"response-success-status-added", "sdk-return-value-added"},
    ),
    reverse(
        _BY_NAME["error-status-added"],
        "error-status-removed",
        {"response-non-success-status-removed", "sdk-method-error-removed"},
    ),
    reverse(
        _BY_NAME["success-body-removed"],
        "success-body-added",
        {"response-body-added", "sdk-return-value-added"},
    ),
    reverse(
        _BY_NAME["response-header-removed"], "response-header-added", {"response-header-added"}
    ),
    reverse(
        _BY_NAME["response-property-became-optional"],
        "response-property-became-required",
        {"response-property-became-required", "sdk-field-became-required"},
    ),
    reverse(
        _BY_NAME["response-number-widened"],
        "response-number-narrowed",
        {"response-property-type-specialized", "sdk-field-type-changed"},
    ),
    reverse(
        _BY_NAME["response-constraint-loosened"],
        "response-constraint-tightened",
        {"response-property-constraint-tightened"},
    ),
    reverse(
        _BY_NAME["security-scope-added"], "security-scope-removed", {"api-security-scope-removed"}
    ),
    reverse(
        _BY_NAME["tag-moves-method"],
        "tag-adds-resource",
        {"sdk-resource-added", "sdk-method-moved"},
    ),
    reverse(_BY_NAME["positional-added"], "positional-removed", {"sdk-positional-removed"}),
    reverse(
        _BY_NAME["pager-added"],
        "pager-removed",
        {"request-parameter-removed", "sdk-argument-removed", "sdk-pager-removed"},
    ),
    reverse(
        _BY_NAME["model-removed"], "model-added", {"sdk-model-added", "response-property-added"}
    ),
    reverse(
        _BY_NAME["security-added"], "security-removed-from-operation", {"api-security-removed"}
    ),
)
