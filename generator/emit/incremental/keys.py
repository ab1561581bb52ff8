"""Stable bytes of render arguments, for cache keys.

``pickle`` records a value's complete state — class, fields in order, nested values
(written out each time: without pickle's memo, which parts are one shared object does
not show) — so two argument lists with equal pickles render equally (the code that
renders them is a declared input of the key). It also tells apart what ``==``
conflates (``1``/``True``/``1.0``, ``0.0``/``-0.0``, tuples and lists). The one thing
it does not keep stable across processes is the order of a ``set``'s items, which
follows string hashing: such arguments still get a key, which then only misses in
the next process (never a wrong hit, since the order is part of the bytes). Values
that cannot be pickled (a lambda, an open file) get no key and are rendered every time.
"""

from __future__ import annotations

import copyreg
import io
import pickle
from collections.abc import Callable

from generator import hashing
from generator.kept import ByIdentity
from generator.model import Definition, DocValue, Operation


def stable_bytes(value: object) -> bytes | None:
    """The pickle of ``value`` (protocol 5) without pickle's memo, or ``None`` when it
    cannot be pickled (or holds a cycle, which a memo-less pickle cannot write).

    Pickle's memo writes a string met twice as one object once and then refers to it,
    so the bytes would also record which equal strings are one object: a view built
    from names decided afresh and the same view built from names replayed from the
    last run (`generator.emit.python.reuse`) would get other keys. Without the memo
    equal values give equal bytes."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=5)
    pickler.fast = True
    try:
        pickler.dump(value)
    except Exception:  # unpicklable arguments are just not cached
        return None
    return buffer.getvalue()


def content_bytes(value: object) -> bytes:
    """The bytes of a model value for a cache key: its pickle. Equal bytes mean equal
    values, so a key never answers for another value; which parts of a value are one
    shared object also shows in the bytes, which could only cost a miss, and does
    not: on Kubernetes every definition and operation parsed afresh pickles as it
    does loaded from the page cache (a pickle without pickle's memo, immune to that,
    cost 10% more).

    A `DocValue` is written without its ``value`` where the model says it follows
    from its ``text`` (`_doc_value`): the parsed JSON of Kubernetes's examples was a
    fifth of the 23 MB its operations and definitions pickle to, and of the time."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=5)
    pickler.dispatch_table = _CONTENT
    pickler.dump(value)
    return buffer.getvalue()


def _doc_value(value: DocValue) -> tuple[Callable[..., None], tuple[object, ...]]:
    """How `content_bytes` writes a `DocValue`. Its ``value`` is, by the model's
    contract, the JSON reading of ``text`` when ``is_json`` (the parsers make it so,
    `tests/test_model_doc_values.py` checks every corpus tree) and ``text`` itself
    otherwise (checked here): then the text stands for it. A value that breaks the
    contract is written out, under another mark."""
    fields = (value.text, value.is_json, value.generated, value.generated_keys)
    if value.is_json or (type(value.value) is str and value.value == value.text):
        return _doc_text, fields
    return _doc_value_written, (*fields, value.value)


def _doc_text(*fields: object) -> None:
    """The mark of a `DocValue` written as its text (bytes for keys: never loaded)."""


def _doc_value_written(*fields: object) -> None:
    """The mark of a `DocValue` written with its value (never loaded)."""


_CONTENT = {**copyreg.dispatch_table, DocValue: _doc_value}


_DIGESTS = {
    kind: ByIdentity[bytes](f"generator.emit.incremental.keys:{kind}")
    for kind in ("model", "content")
}
"""Digests of model parts by identity, per kind (`model_digest`, `content_digest`):
the targets of one run read the same resolved model, and a watching process's next
run the same unchanged parts."""


def _remembered(kind: str, value: object, data: Callable[[object], bytes | None]) -> bytes:
    return _DIGESTS[kind].get(
        value, lambda: hashing.digest(data(value) or repr(id(value)).encode())
    )


def model_digest(model: object) -> bytes:
    """A digest of the stable bytes of ``model`` (a model part such as
    ``api.definitions``), taken once per run for the same object: every target reads
    the same resolved model (on Kubernetes each target took 0.065 s). A value that
    cannot be pickled gets a digest of its identity, which only ever misses.

    A tuple of definitions or operations is digested from their `content_digest`s,
    which the targets take of each anyway (and a watching process keeps for the
    objects a run takes again, `generator.resolve.memo`): pickling Kubernetes's 891
    definitions whole again cost 0.05-0.1 s of each run whose samples were asked for.
    Which of the two a value gets is decided with its digest, once: the tests target
    asks for the digest of the definitions with each sample (3,221 times on
    Kubernetes), and looking at the 891 parts' types each time cost it 0.12 s of CPU."""
    return _remembered("model", model, _model_bytes)


_PARTS = (Definition, Operation)


def _model_bytes(model: object) -> bytes | None:
    """What `model_digest` digests: the content digests of a tuple of definitions or
    operations, behind a mark no pickle starts with; else the value's stable bytes."""
    if isinstance(model, tuple) and model and all(type(part) in _PARTS for part in model):
        return b"parts\0" + b"".join(content_digest(part) for part in model)
    return stable_bytes(model)


def content_digest(value: object) -> bytes:
    """A digest of `content_bytes` of ``value`` (an operation, a definition), taken
    once per run for the same object."""
    return _remembered("content", value, content_bytes)
