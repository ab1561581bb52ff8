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

from dataclasses import dataclass, field

from jinja2 import Environment

from generator.config import ApiConfig
from generator.diagnostics import Diagnostics
from generator.emit.incremental.active import active_units, scoped
from generator.emit.pyshape import import_line
from generator.emit.python import package_view
from generator.emit.python.models import isort_key
from generator.emit.python.package import PackageView
from generator.emit.python.resources import ResourceView
from generator.emit.tests.cases import Context, operation_cases
from generator.emit.tests.imports import Effect, Imports, ValueGone, compact
from generator.emit.tests.reuse import TestUnit, TestUnits
from generator.emit.tests.runtime import runtime_view
from generator.emit.tests.view import ConftestView, TestModuleView, conftest_view
from generator.model import Api
from generator.naming import unique_names

__all__ = ["TEST_BASE_URL", "emit_tests"]

TEST_BASE_URL = "https://api.test/base"
"""Where the mocked tests send requests (a path prefix checks URL joining)."""
LIVE_MODULE = "live"
CLIENT_MODULE = "client"
"""``test_client.py``: the runtime (retries, timeouts, env, headers, redirects...)."""


def emit_tests(
    api: Api, config: ApiConfig, diagnostics: Diagnostics, env: Environment
) -> dict[str, str]:
    """Render the test folder of ``api``'s client as ``{path: text}``; each resource's
    module (and its part of ``test_live.py``) is taken from the last run when its
    slice is unchanged (`generator.emit.tests.reuse`), else built with its fragments
    in a scope of their own (`generator.emit.incremental.active.scoped`)."""
    # The python target reports the view's diagnostics.
    package, _ = package_view(api, config, reuse=True, models=False)
    root = f"python/{config.name}/tests"
    conftest = conftest_view(package, TEST_BASE_URL)
    conftest_template = env.get_template("tests/conftest.py.jinja")
    files = {f"{root}/conftest.py": conftest_template.render(view=conftest)}
    try:
        modules, reported = _modules(api, package, env, conftest, fresh=False)
    except ValueGone:
        # A remembered part's constant is no longer laid out in the cache (it lost
        # a slot the others still hold): build every part again, as a cold run does.
        modules, reported = _modules(api, package, env, conftest, fresh=True)
    diagnostics.extend(reported)
    files.update((f"{root}/test_{stem}.py", text) for stem, text in modules.items())
    runtime = runtime_view(package, api, {name for name, _ in package.model_exports})
    if runtime is not None:
        template = env.get_template("tests/test_client.py.jinja")
        files[f"{root}/test_{CLIENT_MODULE}.py"] = template.render(view=runtime)
    return dict(sorted(files.items()))


def _modules(
    api: Api, package: PackageView, env: Environment, conftest: ConftestView, *, fresh: bool
) -> tuple[dict[str, str], Diagnostics]:
    """The texts of the resources' test modules and of the live module, by stem, and
    what building them reported; ``fresh``: nothing taken from the last run."""
    model_names = {name for name, _ in package.model_exports}
    units = TestUnits(active_units(), package, TEST_BASE_URL)
    live = _Live(Imports(model_names))
    builder = _Builder(api, package, model_names, env, fresh=fresh)
    stems = unique_names(
        [r.module for r in package.groups],
        lambda m: m.lstrip("_") or "root",
        reserved={LIVE_MODULE, CLIENT_MODULE},
    )
    reported = Diagnostics()
    modules: dict[str, str] = {}
    for resource in package.groups:
        stem = stems[resource.module]
        title = package.title if resource.is_root else resource.attribute
        key = units.key(resource, stem, title)
        unit = None if fresh else units.get(key)
        if unit is None or not live.imports.replay(unit.live_effects):
            # The module's fragments are kept apart, read only when it is built again.
            with scoped(stem):
                unit = builder.unit(resource, stem, title, live.imports)
            units.put(key, unit)
        reported.extend(unit.reported)
        modules[stem] = unit.text
        live.add(unit)
    view = _module_view(
        LIVE_MODULE, package.title, package, live.imports,
        used=live.used, exceptions=live.exceptions, adapted=live.adapted,
    )  # fmt: skip
    head = env.get_template("tests/test_live.py.jinja").render(view=view, conftest=conftest)
    modules[LIVE_MODULE] = head + "".join(live.texts)
    return modules, reported


@dataclass
class _Live:
    """``test_live.py`` as its resources' units come: imports, texts, names used."""

    imports: Imports
    texts: list[str] = field(default_factory=list)
    used: set[str] = field(default_factory=set)
    exceptions: set[str] = field(default_factory=set)
    adapted: bool = False

    def add(self, unit: TestUnit) -> None:
        self.texts.append(unit.live_text)
        self.used |= unit.live_used
        self.exceptions |= unit.live_exceptions
        self.adapted = self.adapted or unit.live_adapted


class _Builder:
    """Builds and renders one resource's test unit."""

    def __init__(
        self,
        api: Api,
        package: PackageView,
        model_names: set[str],
        env: Environment,
        *,
        fresh: bool,
    ) -> None:
        self.package = package
        self.model_names = model_names
        self.shared = Context(api, package, env, fresh=fresh)
        self.module = env.get_template("tests/test_module.py.jinja")

    def unit(
        self, resource: ResourceView, stem: str, title: str, live_imports: Imports
    ) -> TestUnit:
        """The unit of ``resource``, its live cases' changes to ``live_imports`` logged:
        the module's head, then its cases' texts (`cases.CaseTexts`)."""
        imports = Imports(self.model_names)
        accessor = "" if resource.is_root else f"{resource.attribute}."
        reported = Diagnostics()
        log: list[Effect] = []
        live_imports.log = log
        texts = [
            operation_cases(
                self.shared,
                op_view,
                accessor=accessor,
                imports=imports,
                live_imports=live_imports,
                diagnostics=reported,
            )
            for op_view in resource.operations
        ]
        live_imports.log = None
        view = _module_view(
            stem, title, self.package, imports, used=None,
            exceptions=set().union(*(t.exceptions for t in texts)),
            adapted=any(t.adapted for t in texts),
        )  # fmt: skip
        return TestUnit(
            text=self.module.render(view=view) + "".join(t.text for t in texts),
            reported=tuple(reported),
            live_text="".join(t.live_text for t in texts),
            live_effects=compact(log),
            live_used=frozenset().union(*(t.live_used for t in texts)),
            live_exceptions=frozenset().union(*(t.live_exceptions for t in texts)),
            live_adapted=any(t.live_adapted for t in texts),
        )


def _module_view(
    module: str,
    title: str,
    package: PackageView,
    imports: Imports,
    *,
    used: set[str] | None,
    exceptions: set[str],
    adapted: bool,
) -> TestModuleView:
    """One test module's view; with ``used`` (the live module, which never mocks a
    response) only the constants its calls' arguments use."""
    names = [package.client_class, package.async_client_class, "APIStatusError", *exceptions]
    return TestModuleView(
        module=module,
        title=title,
        package=package.package,
        client_class=package.client_class,
        async_client_class=package.async_client_class,
        imports=tuple(sorted(set(names), key=isort_key)),
        uses_adapter=adapted,
        package_import=import_line(package.package, ["APIStatusError", package.client_class]),
        model_import=import_line(f"{package.package}.models", sorted(imports.models))
        if imports.models
        else "",
        typing_imports=", ".join(sorted(imports.typing | {"Any"})),
        datetime_imports=", ".join(sorted(imports.datetime)),
        constants=imports.statements(used),
    )
