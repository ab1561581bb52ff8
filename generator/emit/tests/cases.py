"""An operation's two test cases, remembered from the last run while their inputs hold.

Building a case (`view.build_case`: values picked, samples made, laid out in black's
shape) is most of the tests target's time; on Kubernetes 2,029 cases cost ~2 s even
when every layout comes from the fragment cache. An edit changes a few operations,
so both cases of an operation (its module's and the live module's) are remembered
together (`generator.emit.incremental.active.remembered_over`), keyed by everything
`build_case` reads: the operation, its Python view (the client's names for it), the
accessor and clients' names, the client options and the definitions the operation
reaches through references (`Context`). The model parts among those (the operation,
the definitions) enter the key by their content digests (`keys.content_digest`, taken
once per process: the Python and OpenAPI targets already took them), the view's own
fields by their stable bytes (`view_key`): a memo-less pickle of each view with its
operation and examples cost most of this target's time on a one-page edit. What is
remembered are the cases' rendered texts with the few facts their modules' heads need
(`CaseTexts`), so a module is its head and its cases' texts joined: remembering the
cases' views (expression trees of their example values) and rendering every case of
a module again cost 0.3 s of Kubernetes' 240-operation ``core_v1`` on each edit.

A case also *changes* its module's `imports.Imports` (constants hoisted, names imported)
and reports diagnostics. Those changes are logged when a case is built (`Effect`) and
applied again when it is remembered: the calls an operation makes are fixed by its
inputs, only their answers depend on the module's earlier cases (a value an earlier
operation already hoisted is named after that operation). When an answer differs from
the logged one, the case is built afresh (after the replay, which changed exactly what
building it changes). The fragments a case was made of are kept for the next run
(`active.keep`), for the edit that changes it.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from jinja2 import Environment

from generator.diagnostics import Diagnostic, Diagnostics
from generator.emit.incremental.active import keep, recording, remembered_over
from generator.emit.incremental.keys import content_digest, stable_bytes
from generator.emit.python.operations import OperationView
from generator.emit.python.package import PackageView
from generator.emit.reach import link_graph
from generator.emit.tests.imports import Effect, Imports, compact
from generator.emit.tests.view import OperationCase, build_case
from generator.hashing import hash_parts
from generator.model import Api, Operation


@dataclass(frozen=True)
class CaseTexts:
    """What a module takes from one operation's two cases: their rendered texts and
    the few facts its head needs. Strings only: remembered cases were their views
    (expression trees of big example values), unpickled and rendered again on every
    edit of their module."""

    text: str
    """The case's tests in its resource's module (`Context.render`)."""
    exceptions: frozenset[str]
    """The exception classes its documented-error test imports."""
    adapted: bool
    live_text: str
    """Its test in the live module."""
    live_exceptions: frozenset[str]
    live_adapted: bool
    live_used: frozenset[str]
    """The live module's constants its call uses."""


@dataclass(frozen=True)
class _Built:
    texts: CaseTexts
    effects: tuple[tuple[Effect, ...], tuple[Effect, ...]]
    """What building each case changed in its module's imports (module, live)."""
    reported: tuple[Diagnostic, ...]
    fragments: tuple[bytes, ...]


class Context:
    """What every case reads besides its operation: the client options and names, the
    templates a case is rendered with, and the API's definitions, of which a case's
    key holds only those its operation reaches (samples and examples follow
    references), so editing one definition rebuilds the cases of the operations that
    reach it. Made once per run; ``fresh``: no case is taken from the last run."""

    def __init__(
        self, api: Api, package: PackageView, env: Environment, *, fresh: bool = False
    ) -> None:
        self.api = api
        self.options = package.client_options
        self.client_class = package.client_class
        self.async_client_class = package.async_client_class
        self.fresh = fresh
        self._case = env.get_template("tests/test_case.py.jinja")
        self._live = env.get_template("tests/test_live_case.py.jinja")

    def render(self, case: OperationCase, live: OperationCase) -> CaseTexts:
        """The texts and facts of an operation's two cases."""
        return CaseTexts(
            text=self._case.render(
                c=case,
                client_class=self.client_class,
                async_client_class=self.async_client_class,
            ),
            exceptions=frozenset(e.exception for e in case.errors),
            adapted=case.adapted,
            live_text=self._live.render(c=live),
            live_exceptions=frozenset(e.exception for e in live.errors),
            live_adapted=live.adapted,
            live_used=live.used,
        )

    def reached(self, operation: Operation) -> bytes:
        """A digest of the definitions ``operation`` reaches through links
        (`generator.emit.reach`)."""
        graph = link_graph(self.api)
        return hash_parts(*(graph.digest(key) for key in graph.reached([operation])))


_MODEL_FIELDS = ("operation", "sources")
"""The fields of an `OperationView` that hold model values (see `view_key`)."""


def view_key(op_view: OperationView) -> bytes | None:
    """A key part equal for two views exactly when they are equal (``None``: a field
    cannot be pickled): the operation by its content digest, each source parameter
    that is one of the operation's own by its index there (the operation's digest
    covers it) and any other by its stable bytes, every other field (whatever fields
    the view has) by name and stable bytes."""
    operation = op_view.operation
    own = {id(p): index for index, p in enumerate(operation.parameters)}
    # Both objects are alive here, so equal ids are the same parameter.
    sources = tuple(
        (name, own[id(p)]) if id(p) in own else (name, p) for name, p in op_view.sources
    )
    rest = tuple(
        (f.name, getattr(op_view, f.name)) for f in fields(op_view) if f.name not in _MODEL_FIELDS
    )
    material = stable_bytes((type(op_view).__qualname__, rest, sources))
    if material is None:
        return None
    return hash_parts(content_digest(operation), material)


def operation_cases(
    shared: Context,
    op_view: OperationView,
    *,
    accessor: str,
    imports: Imports,
    live_imports: Imports,
    diagnostics: Diagnostics,
) -> CaseTexts:
    """The texts of ``op_view``'s operation's cases (its module's, the live module's)."""
    options, api, client_class = shared.options, shared.api, shared.client_class
    built_now = False

    def both(reported: Diagnostics) -> CaseTexts:
        case = build_case(
            op_view.operation, op_view, accessor=accessor, api=api, options=options,
            imports=imports, diagnostics=reported, client_class=client_class,
        )  # fmt: skip
        live = build_case(
            op_view.operation, op_view, accessor=accessor, api=api, options=options,
            imports=live_imports, diagnostics=Diagnostics(), client_class=client_class,
            live=True,
        )  # fmt: skip
        return shared.render(case, live)

    if shared.fresh:
        return both(diagnostics)

    def build() -> _Built:
        nonlocal built_now
        built_now = True
        reported = Diagnostics()
        outer = imports.log, live_imports.log
        imports.log, live_imports.log = [], []
        with recording() as fragments:
            texts = both(reported)
        effects = (compact(imports.log), compact(live_imports.log))
        imports.log, live_imports.log = outer
        for log, logged in zip(outer, effects, strict=True):
            if log is not None:  # a caller logs this module's changes too
                log.extend(logged)
        return _Built(texts, effects, tuple(reported), tuple(sorted(fragments)))

    key = view_key(op_view)
    if key is None:  # a view that cannot be keyed is built every time
        key_or_view: object = op_view
    else:
        key_or_view = key
    reached = shared.reached(op_view.operation)
    built = remembered_over(
        "tests.operation_cases", options, build, key_or_view, accessor, client_class,
        shared.async_client_class, reached,
    )  # fmt: skip
    assert isinstance(built, _Built)
    if not built_now:
        same = imports.replay(built.effects[0])
        if not live_imports.replay(built.effects[1]) or not same:
            # The replay changed the imports exactly as building does (see the module
            # doc), so building now changes nothing more.
            return both(diagnostics)
        keep(built.fragments)
    diagnostics.extend(built.reported)
    return built.texts
