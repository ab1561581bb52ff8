"""The view-model ``document.yaml.jinja`` receives: the document split at the levels
the template lays out itself (top level, info, path items, operations, components).

Everything below those levels stays plain data that the template hands whole to the
``yaml_block`` filter. Absent keys are ``None`` (or empty), so the template decides
both which keys appear and in what order.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.emit.openapi.schemas import Json


@dataclass(frozen=True)
class OperationView:
    method: str
    tags: object
    summary: object
    description: object
    operation_id: object
    parameters: object
    request_body: object
    responses: object
    deprecated: object
    security: object


@dataclass(frozen=True)
class PathView:
    path: str
    operations: tuple[OperationView, ...]


@dataclass(frozen=True)
class DocumentView:
    openapi: object
    info: Json
    servers: object
    tags: object
    external_docs: object
    paths: tuple[PathView, ...]
    schemas: tuple[tuple[str, object], ...]
    security_schemes: tuple[tuple[str, object], ...]


def _operation(method: str, op: Json) -> OperationView:
    return OperationView(
        method=method,
        tags=op.get("tags"),
        summary=op.get("summary"),
        description=op.get("description"),
        operation_id=op.get("operationId"),
        parameters=op.get("parameters"),
        request_body=op.get("requestBody"),
        responses=op.get("responses"),
        deprecated=op.get("deprecated"),
        security=op.get("security"),
    )


def _items(value: object) -> tuple[tuple[str, object], ...]:
    return tuple(value.items()) if isinstance(value, dict) else ()


def document_view(doc: Json) -> dict[str, DocumentView]:
    """The template context: ``{"document": DocumentView}``."""
    paths = doc.get("paths")
    components = doc.get("components")
    info = doc["info"]
    assert isinstance(paths, dict) and isinstance(info, dict)
    view = DocumentView(
        openapi=doc["openapi"],
        info=info,
        servers=doc.get("servers"),
        tags=doc.get("tags"),
        external_docs=doc.get("externalDocs"),
        paths=tuple(
            PathView(path, tuple(_operation(m, op) for m, op in item.items()))
            for path, item in paths.items()
        ),
        schemas=_items(components.get("schemas")) if isinstance(components, dict) else (),
        security_schemes=(
            _items(components.get("securitySchemes")) if isinstance(components, dict) else ()
        ),
    )
    return {"document": view}
