"""The SDK surface of an API's Python client, read off the python emitter's own view.

What a caller of the generated package can touch — the client class and its options,
each resource and method with its positional and keyword arguments, their types and
defaults, the return type and its auto-paging ``<name>_iter`` twin, the model classes
with their fields and their ``<Model>Param`` TypedDicts (keys by wire name), type aliases
and the exception classes — is taken from `build_package`'s `PackageView` (and the
exceptions template the package renders), never re-derived: when the emitter names
something differently, the surface, the diff and the recorded state follow by themselves.

What every package has whatever the docs say is left out: the per-call options
(``extra_headers``, ``extra_query``, ``timeout``, ``max_retries``) and the fixed client
options (``base_url``, ``strict_response_validation``...). A required value the client
holds as an option is a keyword argument of kind ``option`` (petstore's ``api_key`` on
``DELETE /pets/{petId}``): it is in the signature.

The surface is plain JSON data (sorted keys, no locations) so it can be recorded in
``generated/`` for versioning and compared with a later one. ``source`` fields say where
a class came from (``definition:<key>`` or ``operation:<METHOD /path>``) so a report
can point at the docs.
"""

from __future__ import annotations

import ast
import re
from typing import TYPE_CHECKING, Any

from generator.config import ApiConfig
from generator.diagnostics import Diagnostics
from generator.diff.wire import operation_key
from generator.emit.python.errors import error_class
from generator.emit.python.operations import OperationView
from generator.emit.python.package import PackageView, build_package
from generator.emit.python.resources import ResourceView
from generator.model import Api, Operation

if TYPE_CHECKING:
    from jinja2 import Environment

Surface = dict[str, Any]
"""``{"client", "options", "resources", "methods", "models", "aliases", "exceptions"}``."""

_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def sdk_surface(api: Api, config: ApiConfig) -> Surface:
    """The surface of the client md2sdk generates for ``api`` under ``config``."""
    view = build_package(api, config, Diagnostics())
    return surface_of(view, api)


def surface_of(view: PackageView, api: Api) -> Surface:
    """The surface a package view describes; ``api`` is the model it was built from."""
    resources = [*view.resources, *([view.root] if view.root else [])]
    keys = {(op.method.upper(), op.path): op for op in api.operations}
    methods: dict[str, Any] = {}
    for resource in resources:
        for op in resource.operations:
            model_op = keys.get((op.method, op.path))
            methods[_call(resource, op)] = _method(resource, op, model_op)
    sources = _class_sources(view, api, methods)
    models: dict[str, Any] = {}
    aliases: dict[str, Any] = {}
    for module in view.models:
        for cls in module.classes:
            models[cls.name] = {
                "module": module.module,
                "source": sources.get(module.module, ""),
                "fields": {
                    f.python_name: {
                        "wire": f.wire_name,
                        "hint": f.type_hint,
                        "default": f.default_code or None,
                    }
                    for f in cls.fields
                },
                "params": {
                    "name": cls.params.name,
                    "keys": {
                        k.key: {"hint": k.hint, "required": k.required} for k in cls.params.fields
                    },
                },
            }
        for alias in module.aliases:
            aliases[alias.name] = {
                "module": module.module,
                "source": sources.get(module.module, ""),
                "hint": alias.type_hint,
            }
    return {
        "package": view.package,
        "client": view.client_class,
        "async_client": view.async_client_class,
        "options": {
            o.name: {"wire": o.wire_name, "kind": o.kind, "required": o.required}
            for o in view.options
        },
        "resources": {
            r.attribute: {
                "module": r.module,
                "classes": [r.sync_class, r.async_class, r.sync_raw_class, r.async_raw_class],
            }
            for r in resources
        },
        "methods": methods,
        "models": models,
        "aliases": aliases,
        "exceptions": exception_classes(view),
    }


def _call(resource: ResourceView, op: OperationView) -> str:
    """``pets.get_pet`` (``get_batch`` for a method on the client itself)."""
    return f"{resource.attribute}.{op.name}" if resource.attribute else op.name


def _method(
    resource: ResourceView, op: OperationView, model_op: Operation | None
) -> dict[str, Any]:
    statuses = [r.status for r in model_op.responses] if model_op is not None else []
    return {
        "resource": resource.attribute,
        "name": op.name,
        "operation": operation_key(model_op) if model_op else f"{op.method} {op.path}",
        "operation_id": model_op.operation_id if model_op else "",
        "classes": [
            resource.sync_class,
            resource.async_class,
            resource.sync_raw_class,
            resource.async_raw_class,
        ],
        "positional": [[p.python_name, p.wire_name, p.type_hint] for p in op.positional],
        "keyword": {
            p.python_name: {
                "wire": p.wire_name,
                "kind": p.kind,
                "hint": p.type_hint,
                "default": p.default_code or None,
                **({"option": p.option} if p.option else {}),
            }
            for p in op.keyword
        },
        "returns": op.return_hint,
        "pager": (
            {"name": op.pager.name, "page": op.pager.page_hint, "item": op.pager.item_hint}
            if op.pager is not None
            else None
        ),
        # The emitter's one status → exception table, as the Raises: docstrings use it.
        "errors": sorted({error_class(s) for s in statuses if s[:1] in {"4", "5"}}),
    }


def _class_sources(view: PackageView, api: Api, methods: dict[str, Any]) -> dict[str, str]:
    """Model module → where its classes come from in the docs.

    Definitions' modules come first in the view, one per definition in document order;
    the rest hold an operation's inline objects, found through the methods whose type
    hints name one of their classes.
    """
    sources: dict[str, str] = {}
    for definition, module in zip(api.definitions, view.models, strict=False):
        sources[module.module] = f"definition:{definition.key}"
    used: dict[str, str] = {}
    for method in methods.values():
        hints = [method["returns"], *(p[2] for p in method["positional"])]
        hints += [k["hint"] for k in method["keyword"].values()]
        for hint in hints:
            for word in _WORD.findall(hint):
                used.setdefault(word, f"operation:{method['operation']}")
    for module in view.models[len(api.definitions) :]:
        found = next((used[c.name] for c in module.classes if c.name in used), "")
        sources[module.module] = found
    return sources


_ENVIRONMENT: list[Environment] = []


def exception_classes(view: PackageView) -> list[str]:
    """The public exception classes the package's ``_exceptions.py`` defines, from its
    template rendered for ``view`` (the built-in templates' environment, made once)."""
    from generator.emit.templating import make_environment  # noqa: PLC0415 (jinja2)

    if not _ENVIRONMENT:
        _ENVIRONMENT.append(make_environment())
    template = _ENVIRONMENT[0].get_template("python/src/_exceptions.py.jinja")
    tree = ast.parse(template.render(view=view))
    names = [n.name for n in tree.body if isinstance(n, ast.ClassDef)]
    return sorted(n for n in names if not n.startswith("_"))
