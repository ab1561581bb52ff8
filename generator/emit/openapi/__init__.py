"""The OpenAPI emitter: an API's model → one OpenAPI 3.1.0 (or 3.0.3) YAML document.

`build_document` produces the document as plain data (other emitters' tests and the
contract tests use it); `emit_openapi` renders that data through
``templates/openapi/document.yaml.jinja``, which owns the layout and key order while
every value is encoded by the YAML library (the ``yaml``/``yaml_block`` filters).
"""

from __future__ import annotations

from jinja2 import Environment

from generator.config import ApiConfig
from generator.diagnostics import Diagnostics
from generator.emit.incremental.active import active_units
from generator.emit.openapi.document import build_document
from generator.emit.openapi.parts import DocumentParts
from generator.emit.openapi.view import document_view
from generator.model import Api

TEMPLATE = "openapi/document.yaml.jinja"


def emit_openapi(
    api: Api, config: ApiConfig, diagnostics: Diagnostics, env: Environment
) -> dict[str, str]:
    """``{"openapi/<name>.yaml": text}`` for one API; operations and component
    schemas unchanged since the last run are taken from it (`parts`)."""
    parts = DocumentParts(active_units(), env)
    document = build_document(api, config, diagnostics, parts)
    view = document_view(document, parts.operation_text, parts.schema_text)
    text = env.get_template(TEMPLATE).render(view)
    return {f"openapi/{config.name}.yaml": text}


__all__ = ["build_document", "emit_openapi"]
