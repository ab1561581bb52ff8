"""Hand-built models for client tests beyond the petstore: ``vault_api`` sends an API
key in the query string and a token header, and takes secret query parameters;
``pages_api`` pages in every style (with ``pages_config``); ``uploads_api`` documents two
body rows on one operation and a form array of files."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from generator.config import ApiConfig
from generator.config_paging import Pagination, PagingRule
from generator.model import (
    Api,
    ArraySchema,
    FileSchema,
    ObjectSchema,
    Operation,
    Overview,
    Parameter,
    PrimitiveSchema,
    Reference,
    Schema,
    SecurityRequirement,
    SecurityScheme,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "emit"))

from python_fixtures import INT, STR, B, F, P, Q, loc, param, prop, resp

PASSWORD = PrimitiveSchema("string", "password")


def _requirement(key: str) -> SecurityRequirement:
    target = Reference(key, f"security.md#{key}", "security.md", key, loc("paths.md"), key)
    return SecurityRequirement(key, target)


def _scheme(key: str, name: str, where: str) -> SecurityScheme:
    return SecurityScheme(
        key, key, "apiKey", loc("security.md"), param_name=name, param_in=where
    )


def vault_api() -> Api:
    secret = ObjectSchema((prop("name", STR), prop("value", STR)))
    get_secret = Operation(
        "GET",
        "/secrets/{name}",
        loc("paths.md"),
        "getSecret",
        "Read a secret",
        parameters=(
            param("name", P, STR, required=True),
            param("password", Q, PASSWORD, text="The vault password"),
            param("sessionToken", Q, STR),
            param("page", Q, INT),
        ),
        responses=(resp("200", "the secret", secret), resp("404", "no such secret")),
        security=(_requirement("vault_key"), _requirement("vault_token")),
    )
    return Api(
        name="vault",
        overview=Overview(
            "Vault",
            loc("overview.md"),
            "Secrets.",
            version="1.0.0",
            host="vault.test",
            base_path="/v1",
            schemes=("https",),
        ),
        operations=(get_secret,),
        definitions=(),
        security_schemes=(
            _scheme("vault_key", "key", "query"),
            _scheme("vault_token", "X-Vault-Token", "header"),
        ),
    )


def _op(path: str, op_id: str, params: tuple[Parameter, ...], schema: Schema) -> Operation:
    return Operation(
        "GET", path, loc("paths.md"), op_id, op_id, parameters=params,
        responses=(resp("200", "a page", schema),),
    )  # fmt: skip


def pages_api() -> Api:
    """One operation per paging style (configured by `pages_config`)."""
    item = ObjectSchema((prop("id", INT), prop("name", STR)))
    items = ArraySchema(item)
    cursor_page = ObjectSchema(
        (prop("data", items), prop("meta", ObjectSchema((prop("next", STR),))))
    )
    link_page = ObjectSchema(
        (prop("results", items), prop("links", ObjectSchema((prop("next", STR),))))
    )
    operations = (
        _op("/by-cursor", "listByCursor", (param("after", Q, STR), param("q", Q, STR)),
            cursor_page),
        _op("/by-page", "listByPage", (param("page", Q, INT), param("per_page", Q, INT)),
            items),
        _op("/by-link", "listByLink", (param("q", Q, STR),), link_page),
        _op("/by-header", "listByHeader", (), items),
        _op("/plain", "listPlain", (param("page", Q, INT),), items),
    )  # fmt: skip
    return Api(
        name="pages",
        overview=Overview(
            "Pages", loc("overview.md"), "Paging styles.", version="1.0.0", host="pages.test",
            schemes=("https",),
        ),
        operations=operations,
        definitions=(),
        security_schemes=(_scheme("key", "key", "query"),),
    )


def pages_config(folder: Path) -> ApiConfig:
    rules = (
        ("listByCursor", PagingRule("cursor", cursor="after", next_cursor="meta.next")),
        ("GET /by-page", PagingRule("page", limit="per_page")),
        ("listByLink", PagingRule("next-link", next_link="links.next")),
        ("listByHeader", PagingRule("next-link")),
        ("listPlain", PagingRule("none")),
    )
    config = ApiConfig.for_folder(folder / "pages", "pages")
    return replace(config, pagination=Pagination(operations=rules))


def uploads_api() -> Api:
    """Two ``Body`` rows on one operation, and a ``formData`` array of files."""
    meta = ObjectSchema((prop("name", STR, required=True), prop("size", INT)))
    two_bodies = Operation(
        "POST", "/things", loc("paths.md", 10), "createThing", "Create a thing",
        parameters=(
            param("meta", B, meta, required=True, text="What the thing is"),
            Parameter("tags", B, ArraySchema(STR), loc("paths.md", 12), "Its tags"),
        ),
        responses=(resp("201", "created", meta),),
    )  # fmt: skip
    files = Operation(
        "POST", "/files", loc("paths.md", 20), "uploadFiles", "Upload files",
        parameters=(
            param("files", F, ArraySchema(FileSchema(), "multi"), required=True),
            param("note", F, STR),
        ),
        responses=(resp("200", "stored", ObjectSchema((prop("count", INT),))),),
        consumes=("multipart/form-data",),
    )  # fmt: skip
    return Api(
        name="uploads",
        overview=Overview(
            "Uploads", loc("overview.md"), "Odd bodies.", version="1.0.0", host="uploads.test",
            schemes=("https",),
        ),
        operations=(two_bodies, files),
        definitions=(),
        security_schemes=(),
    )
