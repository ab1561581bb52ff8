"""The Python client emitter: an installable httpx + pydantic v2 package per API.

Output layout (paths relative to the output root)::

    python/<api>/pyproject.toml, README.md
    python/<api>/src/<package>/__init__.py, py.typed, _client.py, _runtime.py,
                               _types.py, _exceptions.py, _pagination.py
    python/<api>/src/<package>/models/__init__.py, <model>.py ...
    python/<api>/src/<package>/resources/__init__.py, <tag>.py ... (_root.py: untagged)

``python/<api>/tests/`` is left to the tests emitter. Files are returned unformatted;
the writer runs black over every ``.py``.
"""

from __future__ import annotations

from jinja2 import Environment

from generator.config import ApiConfig
from generator.diagnostics import Diagnostics
from generator.emit.python.package import PackageView, build_package
from generator.model import Api

__all__ = ["emit_python", "package_view"]

_STATIC = ("_types.py", "_exceptions.py", "_runtime.py", "_pagination.py")
_LAST: list[tuple[Api, ApiConfig, PackageView, Diagnostics]] = []
"""The last view built, with what building it reported (one slot: a run emits one API's
targets one after another)."""


def package_view(api: Api, config: ApiConfig) -> tuple[PackageView, Diagnostics]:
    """The package view of ``api`` and the diagnostics building it reported.

    The python and tests targets both read it; built once when they run in one process.
    """
    for known_api, known_config, view, reported in _LAST:
        if known_api is api and known_config == config:
            return view, reported
    reported = Diagnostics()
    view = build_package(api, config, reported)
    _LAST[:] = [(api, config, view, reported)]
    return view, reported


def emit_python(
    api: Api, config: ApiConfig, diagnostics: Diagnostics, env: Environment
) -> dict[str, str]:
    """Render the whole package for ``api`` as ``{path: text}``."""
    view, reported = package_view(api, config)
    diagnostics.extend(reported)
    return render_package(view, env)


def render_package(view: PackageView, env: Environment) -> dict[str, str]:
    root = f"python/{view.api_name}"
    src = f"{root}/src/{view.package}"

    def render(template: str, **context: object) -> str:
        return env.get_template(f"python/{template}").render(**context)

    files = {
        f"{root}/pyproject.toml": render("pyproject.toml.jinja", view=view),
        f"{root}/README.md": render("README.md.jinja", view=view),
        f"{src}/__init__.py": render("src/__init__.py.jinja", view=view),
        f"{src}/py.typed": "",
        f"{src}/_client.py": render("src/_client.py.jinja", view=view),
        f"{src}/models/__init__.py": render("src/models/__init__.py.jinja", view=view),
        f"{src}/resources/__init__.py": render("src/resources/__init__.py.jinja", view=view),
    }
    for name in _STATIC:
        files[f"{src}/{name}"] = render(f"src/{name}.jinja", view=view)
    for module in view.models:
        files[f"{src}/models/{module.module}.py"] = render(
            "src/models/module.py.jinja", view=module
        )
    resources = [*view.resources, *([view.root] if view.root else [])]
    for resource in resources:
        files[f"{src}/resources/{resource.module}.py"] = render(
            "src/resources/resource.py.jinja", view=resource
        )
    return dict(sorted(files.items()))
