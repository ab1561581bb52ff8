"""The Python client emitter: an installable httpx + pydantic v2 package per API.

Output layout (paths relative to the output root)::

    python/<api>/pyproject.toml, README.md
    python/<api>/src/<package>/__init__.py, py.typed, _client.py, _runtime.py,
                               _types.py, _exceptions.py, _pagination.py
    python/<api>/src/<package>/models/__init__.py, <model>.py ...
    python/<api>/src/<package>/resources/__init__.py, <tag>.py ... (_root.py: untagged)

``python/<api>/tests/`` is left to the tests emitter. Files are returned unformatted;
the writer runs black over every ``.py``. Model and resource modules whose slice of
the model is unchanged since the last run are taken whole from it, and so are the
resources' views (`generator.emit.python.reuse`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from jinja2 import Environment

from generator.config import ApiConfig
from generator.diagnostics import Diagnostics
from generator.emit.incremental.active import active_units
from generator.emit.python.package import PackageView, build_package
from generator.emit.python.package_files import kept_key
from generator.emit.python.resource_text import resource_module
from generator.emit.python.reuse import ModelReuse
from generator.model import Api

__all__ = ["emit_python", "package_view"]

_STATIC = ("_types.py", "_exceptions.py", "_runtime.py", "_pagination.py")
_LAST: list[tuple[Api, ApiConfig, PackageView, Diagnostics]] = []
"""The last view built, with what building it reported (one slot: a run emits one API's
targets one after another)."""


def package_view(
    api: Api, config: ApiConfig, *, reuse: bool = False, models: bool = True
) -> tuple[PackageView, Diagnostics]:
    """The package view of ``api`` and the diagnostics building it reported.

    The python and tests targets both read it; built once when they run in one process.
    ``reuse``: the view carries the keys of its files, and (with ``models``, the
    python target) unchanged model modules and resource views come from the running
    target's units memo (`generator.emit.python.reuse`). The tests target keeps the
    resource views in its own memo only for an API without a python target: with
    one, an incremental run builds the view once, in the python target, and a cold
    run's two workers would both pickle every view.
    """
    for known_api, known_config, view, reported in _LAST:
        if known_api is api and known_config == config:
            return view, reported
    reported = Diagnostics()
    units = active_units() if reuse else None
    views = models or "python" not in config.targets
    view = (
        build_package(api, config, reported, units, reuse_models=models, reuse_views=views)
        if units is not None
        else build_package(api, config, reported)
    )
    _LAST[:] = [(api, config, view, reported)]
    return view, reported


def emit_python(
    api: Api, config: ApiConfig, diagnostics: Diagnostics, env: Environment
) -> dict[str, str]:
    """Render the whole package for ``api`` as ``{path: text}``."""
    view, reported = package_view(api, config, reuse=True)
    diagnostics.extend(reported)
    return render_package(view, env)


MODEL = "src/models/module.py.jinja"


def _kept(reuse: ModelReuse | None, key: bytes, render: Callable[[], str]) -> str:
    """A file's text from the last run when its key is kept, else rendered (and kept)."""
    return reuse.file(key, render) if reuse is not None else render()


def render_package(view: PackageView, env: Environment) -> dict[str, str]:
    root = f"python/{view.api_name}"
    src = f"{root}/src/{view.package}"

    def render(template: str, **context: object) -> str:
        return env.get_template(f"python/{template}").render(**context)

    reuse = view.reuse

    def package_file(template: str) -> str:
        """A file rendered from the whole view; kept whole where `package_files`
        keys what its template reads."""
        key = kept_key(env, template, view) if reuse is not None else b""
        return _kept(reuse, key, partial(render, template, view=view))

    files = {
        f"{root}/pyproject.toml": render("pyproject.toml.jinja", view=view),
        f"{root}/README.md": package_file("README.md.jinja"),
        f"{src}/__init__.py": render("src/__init__.py.jinja", view=view),
        f"{src}/py.typed": "",
        f"{src}/_client.py": render("src/_client.py.jinja", view=view),
        f"{src}/models/__init__.py": package_file("src/models/__init__.py.jinja"),
        f"{src}/resources/__init__.py": render("src/resources/__init__.py.jinja", view=view),
    }
    for name in _STATIC:
        files[f"{src}/{name}"] = render(f"src/{name}.jinja", view=view)
    inline_keys: dict[str, bytes] = {}
    resources = [*view.resources, *([view.root] if view.root else [])]
    for resource in resources:
        files[f"{src}/resources/{resource.module}.py"] = resource_module(env, reuse, resource)
        inline_keys.update(dict.fromkeys(resource.inline_modules, resource.unit_key))
    for module in view.models:
        if module.reused is not None:
            text = module.reused[0]
        elif reuse is None:
            text = render(MODEL, view=module)
        elif key := inline_keys.get(module.module):
            key = reuse.inline_key(key, module.module)
            text = reuse.file(key, partial(render, MODEL, view=module))
        else:
            text = reuse.rendered(module.module, partial(render, MODEL, view=module))
        files[f"{src}/models/{module.module}.py"] = text
    return dict(sorted(files.items()))
