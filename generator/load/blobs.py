"""The bytes a parsed page is kept as in the page cache, and back.

A page's blob is the pickle of its ``(Page | None, list[Diagnostic])`` pair, with one
change: a `DocValue` that holds JSON is written as its text alone, and its value is
read back from the text (``json.loads``, as the parsers make it: the model's contract,
which `tests/test_model_doc_values.py` checks on every tree, and which the emit keys
already rely on, `generator.emit.incremental.keys.content_bytes`).

Docs repeat an example under every operation that returns it: Kubernetes's 1,903
pages hold 3,182 JSON objects and arrays in 319 distinct texts, and unpickling them
was 0.09 s of the 0.22 s it took to load the pages after a one-page edit. Read back
from the text, each distinct text is parsed once per process (`_VALUES`), and the
`DocValue`s that say it share one value: values are data, never changed after parsing
(see `generator.model.DocValue`). A blob whose text no longer reads as JSON fails to
load, like any undecodable blob: the page is parsed again.

This module is an input of the page cache's key (`generator.cache.PAGES`): blobs of
another layout are never read.
"""

from __future__ import annotations

import copyreg
import io
import json
import pickle
from collections.abc import Callable
from typing import Any, cast

from generator.diagnostics import Diagnostic
from generator.kept import Kept
from generator.model import DocValue, Page

Parsed = tuple[Page | None, list[Diagnostic]]

_VALUES: Kept[object] = Kept()
"""JSON values read from their text in this run and the one before, by text."""


def page_blob(parsed: Parsed) -> bytes | None:
    """The blob of ``parsed``; ``None`` when it cannot be pickled (the page is then
    parsed again next time)."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _DISPATCH
    try:
        pickler.dump(parsed)
    except Exception:
        return None
    return buffer.getvalue()


def page_of(blob: bytes | memoryview) -> Parsed | None:
    """The ``(page, diagnostics)`` pair of a blob, or ``None`` when it does not load
    as one (a blob of an older model, a text that no longer reads as JSON)."""
    try:
        value = pickle.loads(blob)
    except Exception:
        return None
    if (
        isinstance(value, tuple)
        and len(value) == 2
        and (value[0] is None or isinstance(value[0], Page))
        and isinstance(value[1], list)
        and all(isinstance(item, Diagnostic) for item in value[1])
    ):
        return cast(Parsed, value)
    return None


def _doc_value(value: DocValue) -> tuple[object, ...]:
    """How a blob writes a `DocValue`: by its text when it holds JSON, else as pickle
    writes any dataclass."""
    if value.is_json:
        return _json_doc_value, (value.text, value.generated, value.generated_keys)
    return cast(tuple[object, ...], value.__reduce_ex__(pickle.HIGHEST_PROTOCOL))


def _json_doc_value(text: str, generated: bool, generated_keys: tuple[str, ...]) -> DocValue:
    """A JSON `DocValue` read back from a blob, its value shared (see the module doc).

    Made as unpickling makes any dataclass (no ``__init__``: 1 µs instead of 2.5, for
    7,444 values on Kubernetes), its fields in their declared order."""
    made = object.__new__(DocValue)
    made.__dict__.update(
        text=text,
        value=_VALUES.get(text, lambda: json.loads(text)),
        is_json=True,
        generated=generated,
        generated_keys=generated_keys,
    )
    return made


_DISPATCH: dict[type, Callable[[Any], Any]] = {**copyreg.dispatch_table, DocValue: _doc_value}
