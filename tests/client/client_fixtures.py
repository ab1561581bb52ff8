"""Hand-built models for client tests beyond the petstore: ``vault_api`` sends an API
key in the query string and a token header, and takes secret query parameters."""

from __future__ import annotations

import sys
from pathlib import Path

from generator.model import (
    Api,
    ObjectSchema,
    Operation,
    Overview,
    PrimitiveSchema,
    Reference,
    SecurityRequirement,
    SecurityScheme,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "emit"))

from python_fixtures import INT, STR, P, Q, loc, param, prop, resp

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
