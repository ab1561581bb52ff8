"""The package-level view: names, version, base URL, client options, resources, models.

Built once per API from the model and `ApiConfig`; every template of the package
receives this view (or one of its parts), so a name decided here is the name everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial

from generator.config import ApiConfig
from generator.config_paging import Pagination
from generator.diagnostics import Diagnostics
from generator.emit.incremental.keys import content_bytes
from generator.emit.incremental.units import UnitMemo
from generator.emit.pyshape import Tuple, import_line, render
from generator.emit.python.errors import BASE_ERRORS, STATUS_ERRORS, StatusError
from generator.emit.python.identity import (
    default_base_url,
    idempotency_header,
    package_names,
    package_version,
)
from generator.emit.python.layout import call_in_parens
from generator.emit.python.models import ModelModuleView, isort_key
from generator.emit.python.options import (
    CLIENT_ATTRIBUTES,
    ClientOptions,
    OptionView,
    build_options,
)
from generator.emit.python.paging import detect
from generator.emit.python.readme import ExampleCall, pager_example, quick_start, tour_call
from generator.emit.python.resource_units import ResourceUnit
from generator.emit.python.resources import (
    ROOT,
    PartSource,
    ResourceView,
    build_resource,
    group_operations,
    resource_names,
)
from generator.emit.python.reuse import ModelReuse
from generator.emit.python.types import TypeRenderer
from generator.emit.reach import link_graph
from generator.emit.templating import pystr
from generator.model import Api, Operation
from generator.naming import env_var, user_class_name

# Names the runtime, types and client modules define; model classes must not shadow them.
RUNTIME_NAMES = frozenset(
    {"AsyncAPIClient", "AsyncAPIResource", "BaseClient", "BaseModel", "Endpoint", "Headers",
     "NotGiven", "Query", "RawResponse", "SyncAPIClient", "SyncAPIResource", "Timeout",
     "FileTypes", "FileContent", "TypeAlias", "TYPE_CHECKING"}
)  # fmt: skip


@dataclass(frozen=True)
class PackageView:
    """Everything the package-level templates place."""

    api_name: str
    title: str
    description: str
    package: str
    distribution: str
    version: str
    env_prefix: str
    base_url_env: str
    log_env: str
    test_live_env: str
    """The variable that points the generated live tests at a server."""
    base_url: str
    client_class: str
    async_client_class: str
    idempotency_header: str
    options: tuple[OptionView, ...]
    client_options: ClientOptions
    """The options with the rules of which operation sends which."""
    resources: tuple[ResourceView, ...]
    root: ResourceView | None
    groups: tuple[ResourceView, ...]
    """Every resource, the root's included, in the docs' order of their first operation."""
    models: tuple[ModelModuleView, ...]
    """Built, or (unchanged since the last run) taken whole (`ModelModuleView.reused`)."""
    model_exports: tuple[tuple[str, str], ...]
    """(name, module) of every model class and alias, in isort order."""
    published: bool
    """The config names the distribution: the README installs it from PyPI."""
    quick_start: ExampleCall | None
    tour: tuple[ExampleCall, ...]
    pager_example: ExampleCall | None
    reuse: ModelReuse | None = field(default=None, compare=False, repr=False)
    """Keeps the model modules built this run once rendered (`ModelReuse.rendered`)."""

    @property
    def summary(self) -> str:
        """The distribution's one-line description (no "API API" when the title says it)."""
        api = "" if re.search(r"\bapi\b", self.title, re.IGNORECASE) else " API"
        return f"Typed Python client for the {self.title.rstrip(' .')}{api}"

    @property
    def idempotent_methods(self) -> str:
        return "GET, HEAD, OPTIONS, PUT and DELETE"

    @property
    def status_errors(self) -> tuple[StatusError, ...]:
        """The status → exception table (`generator.emit.python.errors`)."""
        return STATUS_ERRORS

    @property
    def exception_names(self) -> tuple[str, ...]:
        """Every exception class of ``_exceptions.py``, in isort order."""
        names = [*BASE_ERRORS, *(e.name for e in STATUS_ERRORS)]
        return tuple(sorted(names, key=isort_key))

    @property
    def public_names(self) -> tuple[str, ...]:
        """The package's ``__all__``: clients, exceptions, sentinels, in isort order."""
        names = {self.client_class, self.async_client_class, *self.exception_names,
                 "NOT_GIVEN", "OMIT", "NotGiven", "Omit", "RawResponse", "__version__",
                 "SyncPager", "AsyncPager"}  # fmt: skip
        if self.client_class != "Client":
            names |= {"Client", "AsyncClient"}
        return tuple(sorted(names, key=isort_key))

    @property
    def model_imports(self) -> tuple[tuple[str, str], ...]:
        """(name, module) in import-statement order: by module, then name."""
        return tuple(
            sorted(self.model_exports, key=lambda e: (isort_key(e[1])[1], isort_key(e[0])))
        )

    @property
    def auth_code(self) -> str:
        """``_AUTH = ((option, kind, wire name, env var),)`` for a client with one option (with
        more, the template writes one per line and black keeps them so)."""
        auth = Tuple(tuple(o.auth_entry for o in self.options))
        return render(auth, indent=0, head="_AUTH = ")

    @property
    def missing_base_url_code(self) -> str:
        """The ``raise`` when no base URL was passed, set or documented."""
        message = f"Missing base_url: pass base_url= or set ${self.base_url_env}"
        return call_in_parens("raise ValueError", pystr(message), indent=12)

    @property
    def model_import_lines(self) -> tuple[str, ...]:
        """``from .module import Name as Name`` under ``if TYPE_CHECKING:``."""
        return tuple(import_line(f".{m}", [f"{n} as {n}"], 4) for n, m in self.model_imports)

    @property
    def resource_imports(self) -> tuple[ResourceView, ...]:
        """Resources in import-statement order (by module)."""
        return tuple(sorted(self.resources, key=lambda r: isort_key(r.module)[1]))


def build_package(
    api: Api,
    config: ApiConfig,
    diagnostics: Diagnostics,
    units: UnitMemo | None = None,
    *,
    reuse_models: bool = True,
    reuse_views: bool = True,
) -> PackageView:
    """The whole package's view; names come from config, falling back to `api_names`.

    With ``units`` (the python target's), unchanged model modules and resources'
    views are taken from the last run (`ModelReuse.resource`), unless ``reuse_models``
    (``reuse_views``) is false; the view's `reuse` keeps the built modules once they
    are rendered."""
    package, env_prefix, distribution = package_names(api, config, diagnostics)
    client = user_class_name(config.client_class or "Client", RUNTIME_NAMES)
    async_client = f"Async{client}"
    options = build_options(api, env_prefix)
    groups = group_operations(api)
    if not config.pagination.configured:
        detect(api.operations, config.name, diagnostics)
    reserved = set(RUNTIME_NAMES) | {client, async_client, f"{client}WithRawResponse",
                                     f"{async_client}WithRawResponse"}  # fmt: skip
    attributes, stems = resource_names(groups, options, reserved)
    for stem in stems.values():
        reserved |= {stem, f"Async{stem}", f"{stem}WithRawResponse", f"Async{stem}WithRawResponse"}
    reserved |= {"RootResource", "AsyncRootResource", "RootResourceWithRawResponse",
                 "AsyncRootResourceWithRawResponse"}  # fmt: skip
    renderer = TypeRenderer(api.definitions, reserved)
    reuse = ModelReuse(units, renderer, link_graph(api), reuse_models, reuse_views)
    models = reuse.definition_modules()
    tag_text = {t.name: t.description for t in (api.overview.tags if api.overview else ())}
    resources: list[ResourceView] = []
    root: ResourceView | None = None
    in_order: list[ResourceView] = []
    root_reserved = set(CLIENT_ATTRIBUTES) | {o.name for o in options.options}
    root_reserved |= set(attributes.values())
    shared = options.digest_parts(), config.pagination
    context = content_bytes(shared) if units is not None else b""
    tours: list[ExampleCall] = []
    for tag, operations in groups.items():
        text = tag_text.get(tag, "")
        named = (tag, attributes.get(tag, ""), stems.get(tag, "RootResource"), text)
        reserved_methods = root_reserved if tag == ROOT else set()
        key = reuse.resource_key((shared, named, sorted(reserved_methods)), operations)
        build = partial(
            _build_unit, tag, operations, named, key, renderer=renderer, options=options,
            reserved_methods=reserved_methods, pagination=config.pagination, api=api,
            parts=partial(reuse.operations, context),
        )  # fmt: skip
        unit = reuse.resource(tag, key, operations, build)
        diagnostics.extend(unit.reported)
        models.extend(unit.inline)
        tours.extend([unit.tour] if unit.tour else [])
        in_order.append(unit.view)
        if tag == ROOT:
            root = unit.view
        else:
            resources.append(unit.view)
    exports = sorted(
        ((name, m.module) for m in models for name in m.exports), key=lambda e: isort_key(e[0])
    )
    overview = api.overview
    return PackageView(
        api_name=config.name,
        title=overview.title if overview and overview.title else config.name,
        description=overview.description if overview else "",
        package=package,
        distribution=distribution,
        version=package_version(api, config, diagnostics),
        env_prefix=env_prefix,
        base_url_env=env_var(env_prefix, "base_url"),
        log_env=env_var(env_prefix, "log"),
        test_live_env=env_var(env_prefix, "test_live_url"),
        base_url=default_base_url(api, config),
        client_class=client,
        async_client_class=async_client,
        idempotency_header=idempotency_header(api),
        options=options.options,
        client_options=options,
        resources=tuple(resources),
        root=root,
        groups=tuple(in_order),
        models=tuple(models),
        model_exports=tuple(exports),
        published=config.published,
        quick_start=quick_start(tuple(in_order), api, options),
        tour=tuple(tours),
        pager_example=pager_example(tuple(in_order), api),
        reuse=reuse if units is not None else None,
    )


def _build_unit(
    tag: str,
    operations: list[Operation],
    named: tuple[str, str, str, str],
    key: bytes,
    *,
    renderer: TypeRenderer,
    options: ClientOptions,
    reserved_methods: set[str],
    pagination: Pagination,
    api: Api,
    parts: Callable[[], PartSource | None],
) -> ResourceUnit:
    """Build what resource ``tag`` (``named``: tag, attribute, class stem, description)
    gives the package view (`ResourceUnit`), its module's text kept under ``key``."""
    reported = Diagnostics()
    mark = len(renderer.journal)
    view, extra = build_resource(
        tag, operations, attribute=named[1], stem=named[2], description=named[3],
        renderer=renderer, options=options, diagnostics=reported,
        reserved_methods=reserved_methods, pagination=pagination, parts=parts(),
    )  # fmt: skip
    view = replace(view, unit_key=key)
    changes = tuple(renderer.journal[mark:])
    return ResourceUnit(view, tuple(extra), changes, tuple(reported), tour_call(view, api))
