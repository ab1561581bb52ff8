"""The whole OpenAPI document as plain data: info, servers, tags, paths, components.

`build_document` is the single source of the document's content; the template only
lays it out. Information the docs leave out is filled in explicitly and said: no
overview → title from the API's folder name and version ``0.0.0`` (``missing-overview``).

Servers come from ``config.base_url`` when set, else from the overview's schemes, host
and base path (``https`` when no scheme is given). A placeholder host such as
``<MGMT-IP>`` becomes a server variable (``http://{MGMT-IP}/...``) whose default is the
placeholder's own text, so the document stays valid and the reader sees what to fill in.
"""

from __future__ import annotations

import re

from generator.config import ApiConfig
from generator.diagnostics import Diagnostics
from generator.emit.openapi.components import add_missing, write_components
from generator.emit.openapi.operations import OperationWriter
from generator.emit.openapi.parts import DocumentParts
from generator.emit.openapi.schemas import Json, SchemaWriter
from generator.emit.openapi.security import SecurityWriter
from generator.model import Api, Overview, SourceLocation

SUPPORTED_VERSIONS = ("3.1.0", "3.0.3")
PLACEHOLDER = re.compile(r"<([^<>]+)>|\{([^{}]+)\}")


def build_document(
    api: Api, config: ApiConfig, diagnostics: Diagnostics, parts: DocumentParts | None = None
) -> Json:
    """The OpenAPI document for ``api`` as plain dicts/lists, keys in output order.

    With ``parts`` (the emitter's), each operation and component schema is a part
    (`generator.emit.openapi.parts`): kept from the last run, or built to be kept."""
    version = _version(config, diagnostics)
    local = diagnostics if parts is None else Diagnostics()
    schemas = SchemaWriter(api, version, local)
    security = SecurityWriter(api, local)
    if parts is not None:
        overview = api.overview
        media = (overview.consumes, overview.produces) if overview is not None else ((), ())
        parts.bind(api, schemas, local, (version, media, sorted(security.names.items())))
    components_schemas = write_components(api, schemas, local, parts)
    paths = OperationWriter(api, schemas, security, local, parts).paths()
    add_missing(components_schemas, schemas)
    if parts is not None:
        diagnostics.extend(local)

    doc: Json = {"openapi": version, "info": _info(api, diagnostics)}
    servers = _servers(api.overview, config)
    if servers:
        doc["servers"] = servers
    tags = _tags(api)
    if tags:
        doc["tags"] = tags
    overview = api.overview
    if overview is not None and overview.external_docs is not None:
        docs: Json = {"url": overview.external_docs.url}
        if overview.external_docs.description:
            docs["description"] = overview.external_docs.description
        doc["externalDocs"] = docs
    doc["paths"] = paths
    components: Json = {}
    if components_schemas:
        components["schemas"] = components_schemas
    if security.schemes:
        components["securitySchemes"] = security.schemes
    if components:
        doc["components"] = components
    return doc


def _version(config: ApiConfig, diagnostics: Diagnostics) -> str:
    wanted = config.openapi_version.strip()
    for version in SUPPORTED_VERSIONS:
        if wanted == version or version.startswith(wanted + "."):
            return version
    diagnostics.error(
        "config",
        f"openapi_version '{config.openapi_version}' is not one of "
        f"{', '.join(SUPPORTED_VERSIONS)}; 3.1.0 was used",
        SourceLocation(str(config.specs), 0, 0),
    )
    return SUPPORTED_VERSIONS[0]


def _where(api: Api) -> SourceLocation:
    return SourceLocation(api.pages[0] if api.pages else api.name, 1, 1)


def _info(api: Api, diagnostics: Diagnostics) -> Json:
    overview = api.overview
    if overview is None or (overview.inferred and not overview.title):
        diagnostics.warning(
            "missing-overview",
            f"API '{api.name}' has no overview page; title '{api.name}' and version "
            "'0.0.0' were filled in",
            _where(api),
        )
        return {"title": api.name, "version": "0.0.0"}
    info: Json = {"title": overview.title or api.name}
    if overview.description:
        info["description"] = overview.description
    if overview.terms_of_service:
        info["termsOfService"] = overview.terms_of_service
    contact = {
        k: v
        for k, v in (
            ("name", overview.contact_name),
            ("url", overview.contact_url),
            ("email", overview.contact_email),
        )
        if v
    }
    if contact:
        info["contact"] = contact
    if overview.license_name:
        license_: Json = {"name": overview.license_name}
        if overview.license_url:
            license_["url"] = overview.license_url
        info["license"] = license_
    if not overview.version:
        diagnostics.warning(
            "missing-overview",
            "the overview gives no version; '0.0.0' was filled in",
            overview.location,
        )
    info["version"] = overview.version or "0.0.0"
    return info


def _servers(overview: Overview | None, config: ApiConfig) -> list[Json]:
    if config.base_url:
        return [{"url": config.base_url}]
    if overview is None or not (overview.host or overview.base_path):
        return []
    base = (overview.base_path or "").rstrip("/")
    if base and not base.startswith("/"):
        base = "/" + base
    if not overview.host:
        return [{"url": base or "/"}]
    variables: dict[str, Json] = {}

    def variable(match: re.Match[str]) -> str:
        name = match.group(1) or match.group(2)
        variables[name] = {
            "default": name,
            "description": f"The docs give the host as the placeholder '{match.group(0)}'.",
        }
        return "{" + name + "}"

    host = PLACEHOLDER.sub(variable, overview.host.strip())
    schemes = [s.lower() for s in overview.schemes] or ["https"]
    servers: list[Json] = []
    for scheme in dict.fromkeys(schemes):
        server: Json = {"url": f"{scheme}://{host}{base}"}
        if variables:
            server["variables"] = variables
        servers.append(server)
    return servers


def _tags(api: Api) -> list[Json]:
    described = api.overview.tags if api.overview else ()
    out: dict[str, Json] = {}
    for tag in described:
        entry: Json = {"name": tag.name}
        if tag.description:
            entry["description"] = tag.description
        out.setdefault(tag.name, entry)
    for op in api.operations:
        for name in op.tags:
            out.setdefault(name, {"name": name})
    return list(out.values())
