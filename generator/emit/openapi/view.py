"""The view-models of the OpenAPI templates: the document split at the levels the
templates lay out themselves (top level, info, path items, operations, components).

Everything below those levels stays plain data that the templates hand whole to the
``yaml_block`` filter. Absent keys are ``None`` (or empty), so the templates decide
both which keys appear and in what order. Each operation (``operation.yaml.jinja``,
`OperationView`) and each component schema (``schema.yaml.jinja``) is rendered on its
own and reaches ``document.yaml.jinja`` as text: `generator.emit.openapi.parts` takes
the unchanged ones from the last run.
"""

from __future__ import annotations

from collections.abc import Callable
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
    operations: tuple[str, ...]
    """Each operation's block, rendered."""


@dataclass(frozen=True)
class DocumentView:
    openapi: object
    info: Json
    servers: object
    tags: object
    external_docs: object
    paths: tuple[PathView, ...]
    schemas: tuple[str, ...]
    """Each ``components/schemas`` entry, rendered."""
    security_schemes: tuple[tuple[str, object], ...]


def operation_view(method: str, op: Json) -> OperationView:
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


def _items(components: object, name: str) -> tuple[tuple[str, object], ...]:
    value = components.get(name) if isinstance(components, dict) else None
    return tuple(value.items()) if isinstance(value, dict) else ()


def _json(value: object) -> Json:
    assert isinstance(value, dict)
    return value


def document_view(
    doc: Json,
    operation: Callable[[str, Json], str],
    schema: Callable[[str, Json], str],
) -> dict[str, DocumentView]:
    """The template context: ``{"document": DocumentView}``; ``operation(method, op)``
    and ``schema(name, schema)`` render one operation and one component schema."""
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
            PathView(path, tuple(operation(m, op) for m, op in item.items()))
            for path, item in paths.items()
        ),
        schemas=tuple(schema(name, _json(value)) for name, value in _items(components, "schemas")),
        security_schemes=_items(components, "securitySchemes"),
    )
    return {"document": view}
