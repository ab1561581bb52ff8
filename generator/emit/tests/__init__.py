"""The tests emitter: pytest tests for each generated client, from the docs' examples.

Output (paths relative to the output root)::

    python/<api>/tests/conftest.py        fixtures: respx router, clients, checks
    python/<api>/tests/test_<tag>.py      one per resource (tag), untagged: test_root.py
    python/<api>/tests/test_live.py       every operation against a real or mock server,
                                          run when $<PREFIX>_TEST_LIVE_URL is set
    python/<api>/tests/test_client.py     the runtime through one operation: retries,
                                          timeouts, env vars, headers, redirects, paging

Per operation: the request (method, escaped path, query by collection format,
headers, JSON/form body) and the parsed response, sync and async; a raw-response
test; one test per documented error status; empty path values refused before any
request; a path value that needs escaping. The emitter reads the Python target's view
(`package_view`, built once for both), so the tests call exactly the names the client
defines.
"""

from __future__ import annotations

from jinja2 import Environment

from generator.config import ApiConfig
from generator.diagnostics import Diagnostics
from generator.emit.pyshape import import_line
from generator.emit.python import package_view
from generator.emit.python.models import isort_key
from generator.emit.python.package import PackageView
from generator.emit.tests.cases import context, operation_cases
from generator.emit.tests.imports import Imports
from generator.emit.tests.runtime import runtime_view
from generator.emit.tests.view import (
    ConftestView,
    OperationCase,
    TestModuleView,
    conftest_view,
)
from generator.model import Api
from generator.naming import unique_names

__all__ = ["TEST_BASE_URL", "build_test_views", "emit_tests"]

TEST_BASE_URL = "https://api.test/base"
"""Where the mocked tests send requests (a path prefix checks URL joining)."""
LIVE_MODULE = "live"
CLIENT_MODULE = "client"
"""``test_client.py``: the runtime (retries, timeouts, env, headers, redirects...)."""


def build_test_views(
    api: Api, config: ApiConfig, diagnostics: Diagnostics
) -> tuple[ConftestView, list[TestModuleView], TestModuleView]:
    """(conftest, one module per resource, the live module) for ``api``."""
    package, _ = package_view(api, config)  # the python target reports its diagnostics
    options = package.client_options
    shared = context(api, options)
    model_names = {name for name, _ in package.model_exports}
    modules: list[TestModuleView] = []
    all_cases: list[OperationCase] = []
    live_imports = Imports(model_names)
    stems = unique_names(
        [r.module for r in package.groups],
        lambda m: m.lstrip("_") or "root",
        reserved={LIVE_MODULE, CLIENT_MODULE},
    )
    for resource in package.groups:
        imports = Imports(model_names)
        accessor = "" if resource.is_root else f"{resource.attribute}."
        cases = []
        for op_view in resource.operations:
            case, live_case = operation_cases(
                shared, op_view, accessor=accessor, api=api, imports=imports,
                live_imports=live_imports, diagnostics=diagnostics,
                client_class=package.client_class,
            )  # fmt: skip
            cases.append(case)
            all_cases.append(live_case)
        title = package.title if resource.is_root else resource.attribute
        modules.append(_module_view(stems[resource.module], title, package, imports, cases))
    live = _module_view(
        LIVE_MODULE, package.title, package, live_imports, all_cases, calls_only=True
    )
    return conftest_view(package, TEST_BASE_URL), modules, live


def _module_view(
    module: str,
    title: str,
    package: PackageView,
    imports: Imports,
    cases: list[OperationCase],
    *,
    calls_only: bool = False,
) -> TestModuleView:
    """One test module's view; ``calls_only`` (the live module) keeps just the
    constants its calls' arguments use, since it never mocks a response."""
    used = set().union(*(c.used for c in cases)) if calls_only else None
    exceptions = {"APIStatusError"} | {e.exception for c in cases for e in c.errors}
    names = [package.client_class, package.async_client_class, *exceptions]
    return TestModuleView(
        module=module,
        title=title,
        package=package.package,
        client_class=package.client_class,
        async_client_class=package.async_client_class,
        imports=tuple(sorted(names, key=isort_key)),
        uses_adapter=any(c.adapted for c in cases),
        package_import=import_line(package.package, ["APIStatusError", package.client_class]),
        model_import=import_line(f"{package.package}.models", sorted(imports.models))
        if imports.models
        else "",
        typing_imports=", ".join(sorted(imports.typing | {"Any"})),
        datetime_imports=", ".join(sorted(imports.datetime)),
        constants=imports.statements(used),
        cases=tuple(cases),
    )


def emit_tests(
    api: Api, config: ApiConfig, diagnostics: Diagnostics, env: Environment
) -> dict[str, str]:
    """Render the test folder of ``api``'s client as ``{path: text}``."""
    conftest, modules, live = build_test_views(api, config, diagnostics)
    root = f"python/{config.name}/tests"
    conftest_template = env.get_template("tests/conftest.py.jinja")
    files = {f"{root}/conftest.py": conftest_template.render(view=conftest)}
    module_template = env.get_template("tests/test_module.py.jinja")
    for module in modules:
        files[f"{root}/test_{module.module}.py"] = module_template.render(view=module)
    files[f"{root}/test_{LIVE_MODULE}.py"] = env.get_template("tests/test_live.py.jinja").render(
        view=live, conftest=conftest
    )
    package, _ = package_view(api, config)
    runtime = runtime_view(package, api, {name for name, _ in package.model_exports})
    if runtime is not None:
        template = env.get_template("tests/test_client.py.jinja")
        files[f"{root}/test_{CLIENT_MODULE}.py"] = template.render(view=runtime)
    return dict(sorted(files.items()))
