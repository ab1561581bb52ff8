"""A resource module's text, put together from its head and its operations' texts.

``resources/resource.py.jinja`` places each operation's texts (`OperationTexts`,
rendered from ``resources/operation.py.jinja``) in four runs: the sync methods, the
async methods and the two raw-response classes' entries. Everything else, the
*head*, is a function of the resource's view alone. So the module is kept between
runs as its head cut into the five pieces around those runs (kept under the
resource's key) and its operations' texts (kept under their own keys,
`operation_units.text_keys`), never as a whole text as well: that copy made the
python target's units a half larger (Kubernetes: 16 to 24 MB, read on every run).

The head is rendered with two stand-in operations whose texts are markers, and cut
at them; joining the pieces and the real texts gives the bytes a render with the real
texts gives, as the template only concatenates them in order. A template that places
them otherwise (a user's, say: the markers are not found once each, each pair side by
side) has its module rendered and kept whole instead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jinja2 import Environment

from generator.emit.python.operation_units import OperationTexts, text_keys
from generator.emit.python.operations import OperationView
from generator.emit.python.resources import ResourceView
from generator.emit.python.reuse import ModelReuse

RESOURCE = "python/src/resources/resource.py.jinja"
OPERATION = "python/src/resources/operation.py.jinja"

_MARKERS = tuple(
    OperationTexts(*(f"\0md2sdk-{field}-{i}\0" for field in OperationTexts._fields))
    for i in range(2)
)
"""Two stand-in operations: a template that joins its operations' texts in any other
way than concatenating them in order (a separator, another order) is told apart."""


def resource_module(env: Environment, reuse: ModelReuse | None, resource: ResourceView) -> str:
    """The text of ``resource``'s module: its head and each operation's texts from the
    last run where their keys are kept (``reuse``), else rendered (and kept)."""
    macros: Any = env.get_template(OPERATION).module
    keys = text_keys(resource) if resource.operation_keys else [b""] * len(resource.operations)
    methods: list[OperationTexts] = []
    for operation, key in zip(resource.operations, keys, strict=True):

        def texts(op: OperationView = operation) -> OperationTexts:
            return OperationTexts(
                str(macros.sync_method(op)), str(macros.async_method(op)),
                str(macros.sync_raw(op, resource)), str(macros.async_raw(op, resource)),
            )  # fmt: skip

        methods.append(reuse.texts(key, texts) if reuse is not None else texts())
    render = env.get_template(RESOURCE).render
    if reuse is None:
        return render(view=resource, methods=methods)
    pieces = reuse.head(resource.unit_key, lambda: _head(render, resource, methods))
    if len(pieces) != len(OperationTexts._fields) + 1:
        return pieces[0]
    out = [pieces[0]]
    for i, piece in enumerate(pieces[1:]):
        out.extend(t[i] for t in methods)
        out.append(piece)
    return "".join(out)


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
