"""A resource module's text, put together from its head and its operations' texts.

``resources/resource.py.jinja`` places each operation's texts (`OperationTexts`,
rendered from ``resources/operation.py.jinja``) in four runs: the sync methods, the
async methods and the two raw-response classes' entries. Everything else, the
*head*, is a function of the resource's view alone. So a resource built again
(`ModelReuse.resource`) has its module put together from its head, rendered again
(cheap: no operation in it), and its operations' texts: an operation's are the last
run's when their key (`operation_units.text_keys`) is one of the last run's module
of the resource, cut out of that module's text, else rendered. A module is kept as
its text once, with where each operation's texts are in it (`ModelReuse.module_text`):
a run that takes the resource unchanged takes its text in one look-up (on Kubernetes
looking up each of 1,014 operations' texts and parts on their own made a definition
edit's python target 14% slower than keeping resources whole), and the texts are
not kept a second time (which made the units a half larger).

The head is rendered with two stand-in operations whose texts are markers, and cut
at them; joining the pieces and the real texts gives the bytes a render with the real
texts gives, as the template only concatenates them in order. A template that places
them otherwise (a user's, say: the markers are not found once each, each pair side by
side) has its module rendered whole instead (and no operation's texts cut out of it).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from jinja2 import Environment

from generator.emit.python.operation_units import OperationTexts, text_keys
from generator.emit.python.operations import OperationView
from generator.emit.python.resources import ResourceView
from generator.emit.python.reuse import ModelReuse, ModuleText, TextSource

RESOURCE = "python/src/resources/resource.py.jinja"
OPERATION = "python/src/resources/operation.py.jinja"

_MARKERS = tuple(
    OperationTexts(*(f"\0md2sdk-{field}-{i}\0" for field in OperationTexts._fields))
    for i in range(2)
)
"""Two stand-in operations: a template that joins its operations' texts in any other
way than concatenating them in order (a separator, another order) is told apart."""


def resource_module(env: Environment, reuse: ModelReuse | None, resource: ResourceView) -> str:
    """The text of ``resource``'s module: the last run's when its key is kept
    (``reuse``), else its head and each operation's texts, those from the last run
    where their keys are kept, else rendered."""
    if reuse is None or not resource.unit_key:
        return _module(env, resource, None)[0]
    return reuse.module_text(resource, partial(_module, env, resource))


def _module(env: Environment, resource: ResourceView, source: TextSource | None) -> ModuleText:
    """``resource``'s module put together from its head and its operations' texts
    (from ``source`` where it has them), and where their texts are in it."""
    macros: Any = env.get_template(OPERATION).module
    keys = text_keys(resource) if resource.operation_keys else [b""] * len(resource.operations)
    methods: list[OperationTexts] = []
    fragments: list[tuple[bytes, ...]] = []
    for operation, key in zip(resource.operations, keys, strict=True):

        def texts(op: OperationView = operation) -> OperationTexts:
            return OperationTexts(
                str(macros.sync_method(op)), str(macros.async_method(op)),
                str(macros.sync_raw(op, resource)), str(macros.async_raw(op, resource)),
            )  # fmt: skip

        made, used = source(key, texts) if source is not None and key else (texts(), ())
        methods.append(made)
        fragments.append(used)
    render = env.get_template(RESOURCE).render
    pieces = _head(render, resource, methods)
    if len(pieces) != len(OperationTexts._fields) + 1:
        return pieces[0], ()
    out = [pieces[0]]
    at = len(pieces[0])
    bounds: list[list[tuple[int, int]]] = [[] for _ in methods]
    for i, piece in enumerate(pieces[1:]):
        for j, t in enumerate(methods):
            out.append(t[i])
            bounds[j].append((at, at + len(t[i])))
            at += len(t[i])
        out.append(piece)
        at += len(piece)
    spans = tuple(
        (key, tuple(b), used) for key, b, used in zip(keys, bounds, fragments, strict=True) if key
    )
    return "".join(out), spans


def _head(
    render: Callable[..., str], resource: ResourceView, methods: list[OperationTexts]
) -> tuple[str, ...]:
    """The pieces of ``resource``'s module around its operations' texts (see the
    module doc); its whole text, alone, when the template does not place them so."""
    rest = render(view=resource, methods=list(_MARKERS))
    pieces: list[str] = []
    for first, second in zip(*_MARKERS, strict=True):
        piece, found, rest = rest.partition(first + second)
        if not found or first in rest or second in rest or first in piece or second in piece:
            return (render(view=resource, methods=methods),)
        pieces.append(piece)
    pieces.append(rest)
    return tuple(pieces)
