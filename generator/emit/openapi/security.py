"""Security schemes and per-operation requirements → OpenAPI Security Scheme Objects.

Swagger 2.0's three scheme types map as: ``apiKey`` → ``apiKey`` (same name and
location), ``basic`` → ``http``/``basic``, ``oauth2`` → one flow (``implicit``,
``password``, ``application`` → ``clientCredentials``, ``accessCode`` →
``authorizationCode``) with its scopes.

An operation may name a scheme no page defines (the catalog's ``Bearer``): the scheme
is then read from its name and type, said with an ``undefined-scheme`` warning:
``apiKey`` → an API key in the header that the name suggests (``Authorization`` for
bearer/JWT names), another type with "bearer"/"jwt" in the name → ``http``/``bearer``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.diagnostics import Diagnostics
from generator.model import Api, Operation, SecurityRequirement, SecurityScheme, SourceLocation
from generator.naming import component_name, unique_names

Json = dict[str, object]

OAUTH_FLOWS = {
    "implicit": "implicit",
    "password": "password",
    "application": "clientCredentials",
    "clientcredentials": "clientCredentials",
    "accesscode": "authorizationCode",
    "authorizationcode": "authorizationCode",
}
API_KEY_LOCATIONS = frozenset({"header", "query", "cookie"})


@dataclass
class SecurityWriter:
    """Collects the document's security schemes while operations are written.

    Defined schemes come first in document order, then schemes inferred from
    requirements in the order operations first name them.
    """

    api: Api
    diagnostics: Diagnostics
    schemes: dict[str, Json] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    _inferred: dict[str, str] = field(default_factory=dict)
    _inferred_scopes: dict[str, list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        defined = [s for s in self.api.security_schemes if not s.inferred]
        self.names = unique_names((s.key for s in defined), component_name)
        for scheme in defined:
            self.schemes[self.names[scheme.key]] = self._defined(scheme)

    def requirements(self, operation: Operation) -> list[Json] | None:
        """The operation's ``security`` list: one alternative per Security-table row.

        ``None`` (the page says nothing) leaves the key out; an empty table gives ``[]``.
        """
        if operation.security is None:
            return None
        return [{self._scheme_for(req): list(req.scopes)} for req in operation.security]

    # ----------------------------------------------------------------- internals

    def _scheme_for(self, req: SecurityRequirement) -> str:
        key = req.scheme.target or req.scheme.anchor or req.scheme.name
        scheme = self.api.scheme(key)
        if scheme is not None and not scheme.inferred:
            return self.names[scheme.key]
        if key not in self._inferred:
            taken = [*self.names.values(), *self._inferred.values()]
            self._inferred[key] = unique_names([key], component_name, reserved=taken)[key]
            self.diagnostics.warning(
                "undefined-scheme",
                f"security scheme '{req.scheme.name}' is not defined on any page; "
                f"emitted as {_describe(req)}",
                req.scheme.location,
            )
            self._inferred_scopes[key] = []
        scopes = self._inferred_scopes[key]
        scopes.extend(s for s in req.scopes if s not in scopes)
        self.schemes[self._inferred[key]] = _inferred(req, scopes)
        return self._inferred[key]

    def _defined(self, scheme: SecurityScheme) -> Json:
        kind = scheme.type.lower()
        out: Json
        if kind == "apikey":
            where = (scheme.param_in or "header").lower()
            if where not in API_KEY_LOCATIONS:
                self._unsupported(scheme.location, f"API key location '{scheme.param_in}'")
                where = "header"
            out = {"type": "apiKey", "name": scheme.param_name or scheme.name, "in": where}
        elif kind == "basic":
            out = {"type": "http", "scheme": "basic"}
        elif kind == "oauth2":
            out = {"type": "oauth2", "flows": self._flows(scheme)}
        elif _looks_bearer(scheme.name):
            out = {"type": "http", "scheme": "bearer"}
        else:
            self._unsupported(scheme.location, f"security scheme type '{scheme.type}'")
            out = {"type": "apiKey", "name": scheme.param_name or scheme.name, "in": "header"}
        if scheme.description:
            out["description"] = scheme.description
        return out

    def _flows(self, scheme: SecurityScheme) -> Json:
        flow = OAUTH_FLOWS.get((scheme.flow or "").lower())
        if flow is None:
            self._unsupported(scheme.location, f"OAuth2 flow '{scheme.flow}' (read as implicit)")
            flow = "implicit"
        # Swagger2Markup prints an implicit flow's authorization URL as "Token URL".
        auth_url = scheme.authorization_url or scheme.token_url
        token_url = scheme.token_url or scheme.authorization_url
        if auth_url is None:
            self._unsupported(scheme.location, "an OAuth2 flow without a URL")
        body: Json = {}
        if flow in ("implicit", "authorizationCode"):
            body["authorizationUrl"] = auth_url or ""
        if flow != "implicit":
            body["tokenUrl"] = token_url or ""
        body["scopes"] = {s.name: s.description for s in scheme.scopes}
        return {flow: body}

    def _unsupported(self, where: SourceLocation, what: str) -> None:
        self.diagnostics.warning(
            "unsupported", f"{what} has no OpenAPI 3 form; approximated", where
        )


def _looks_bearer(name: str) -> bool:
    lowered = name.lower()
    return "bearer" in lowered or "jwt" in lowered


def _inferred(req: SecurityRequirement, scopes: list[str]) -> Json:
    kind = req.type.lower()
    name = req.scheme.name
    if kind == "apikey":
        header = "Authorization" if _looks_bearer(name) or name.lower() == "authorization" else name
        return {"type": "apiKey", "name": header, "in": "header"}
    if _looks_bearer(name):
        out: Json = {"type": "http", "scheme": "bearer"}
        if "jwt" in name.lower():
            out["bearerFormat"] = "JWT"
        return out
    if kind == "basic":
        return {"type": "http", "scheme": "basic"}
    if kind == "oauth2":
        return {
            "type": "oauth2",
            "flows": {"implicit": {"authorizationUrl": "", "scopes": dict.fromkeys(scopes, "")}},
        }
    return {"type": "apiKey", "name": name, "in": "header"}


def _describe(req: SecurityRequirement) -> str:
    scheme = _inferred(req, list(req.scopes))
    if scheme["type"] == "apiKey":
        return f"an API key in header '{scheme['name']}'"
    if scheme["type"] == "http":
        return f"HTTP {scheme['scheme']} authentication"
    return "an OAuth2 implicit flow with no URL"
