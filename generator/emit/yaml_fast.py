"""Block YAML byte-identical to a reference PyYAML dumper, laid out without its emitter.

PyYAML's pure-Python emitter spends most of the OpenAPI emit on a few hundred thousand
scalars that are nearly all repeats (the same keys and example values under every
operation); libyaml is no substitute because its bytes differ (astral escapes, other
scalar styles) and output must not depend on how PyYAML was built.

`BlockYaml` lays out the block structure itself and asks the reference dumper only for
each *distinct* scalar, once. That is exact because the dumps use an infinite width,
so a scalar's text never depends on the column it lands at; only the continuation lines
of a literal block (``|``) are indented, by the item's column + 2 as PyYAML does. The
structure it writes is PyYAML's with ``default_flow_style=False`` and indent 2::

    key: scalar          nested:              list:         - - x
    empty: {}              key: v             - a           - k: v
    none: []                                  - b             k2: v

Whatever is outside that subset (non-``str`` keys, keys PyYAML writes as ``? key``,
types other than dict/list/str/int/float/bool/None, a scalar at the root, nesting too
deep to recurse) is dumped whole by the reference. Whole dumps are memoised, bounded, by
``repr``: the same example value recurs under many operations.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import TypeVar

Reference = Callable[[object], str]
"""A full dump of one value: ``yaml.dump(value, Dumper=..., ...)``."""

_SCALARS = (str, int, float, bool, type(None))
_K = TypeVar("_K")
_V = TypeVar("_V")
_PROBE = "k"


class _Unsupported(Exception):
    """The value leaves the subset laid out here; the reference dumps it instead."""


class BlockYaml:
    """Dumps equal to ``reference(value)`` for JSON-like values, memoised."""

    def __init__(
        self, reference: Reference, *, memo_chars: int = 64_000_000, max_scalars: int = 500_000
    ) -> None:
        self._reference = reference
        self._memo: OrderedDict[str, str] = OrderedDict()
        self._memo_chars = 0
        self._memo_limit = memo_chars
        self._max_scalars = max_scalars
        # Key text (``""`` when PyYAML would not write it as a simple key), and the
        # text after ``key:``/``-`` for a value: one line, or a header and the
        # unindented lines of a literal block.
        self._keys: dict[str, str] = {}
        self._strs: dict[str, str | tuple[str, tuple[str, ...]]] = {}
        self._others: dict[tuple[type, str], str] = {}

    def dump(self, value: object) -> str:
        """Exactly ``reference(value)``."""
        key = f"{type(value).__name__}:{value!r}"
        cached = self._memo.get(key)
        if cached is not None:
            self._memo.move_to_end(key)
            return cached
        try:
            text = self.layout(value)
        except (_Unsupported, RecursionError):
            text = self._reference(value)
        self._remember(key, text)
        return text

    def layout(self, value: object) -> str:
        """The block layout of a dict or list; raises `_Unsupported` for anything else."""
        out: list[str] = []
        if type(value) is dict:
            if not value:
                return "{}\n"
            self._mapping(value, 0, out, True)
        elif type(value) is list:
            if not value:
                return "[]\n"
            self._sequence(value, 0, out, True)
        else:
            raise _Unsupported
        return "".join(out)

    def _remember(self, key: str, text: str) -> None:
        size = len(key) + len(text)
        if size > self._memo_limit // 4:
            return
        self._memo[key] = text
        self._memo_chars += size
        while self._memo_chars > self._memo_limit:
            old_key, old_text = self._memo.popitem(last=False)
            self._memo_chars -= len(old_key) + len(old_text)

    def _mapping(
        self, value: dict[object, object], indent: int, out: list[str], inline: bool
    ) -> None:
        """Keys at column ``indent``; the first on the current line when ``inline``."""
        pad = " " * indent
        keys = self._keys
        for k, v in value.items():
            if type(k) is not str:
                raise _Unsupported
            text = keys.get(k)
            if text is None:
                text = self._key(k)
            if not text:
                raise _Unsupported
            if inline:
                inline = False
                out.append(text)
            else:
                out.append(pad + text)
            self._value(v, indent, out, mapping=True)

    def _sequence(self, value: list[object], indent: int, out: list[str], inline: bool) -> None:
        """Dashes at column ``indent``; the first on the current line when ``inline``."""
        pad = " " * indent
        for item in value:
            if inline:
                inline = False
                out.append("-")
            else:
                out.append(pad + "-")
            self._value(item, indent, out, mapping=False)

    def _value(self, v: object, indent: int, out: list[str], *, mapping: bool) -> None:
        """What follows ``key:`` (``mapping``) or ``-`` written at column ``indent``."""
        if type(v) is str:
            tail = self._strs.get(v)
            if tail is None:
                tail = self._str_tail(v)
            if isinstance(tail, str):
                out.append(tail)
            else:
                header, lines = tail
                pad = " " * (indent + 2)
                out.append(header)
                out.extend(pad + line + "\n" if line else "\n" for line in lines)
        elif type(v) is dict:
            if not v:
                out.append(" {}\n")
            elif mapping:
                out.append("\n")
                self._mapping(v, indent + 2, out, False)
            else:
                out.append(" ")
                self._mapping(v, indent + 2, out, True)
        elif type(v) is list:
            if not v:
                out.append(" []\n")
            elif mapping:
                # PyYAML writes a sequence under a key without indenting it.
                out.append("\n")
                self._sequence(v, indent, out, False)
            else:
                out.append(" ")
                self._sequence(v, indent + 2, out, True)
        elif type(v) in _SCALARS:
            key = (type(v), repr(v))
            text = self._others.get(key)
            if text is None:
                text = self._other_tail(v, key)
            out.append(text)
        else:
            raise _Unsupported

    def _key(self, key: str) -> str:
        """``key:`` as PyYAML writes a simple key, or ``""`` when it would not."""
        dumped = self._reference({key: 0})
        simple = dumped.endswith(": 0\n") and dumped.count("\n") == 1
        text = dumped[: -len(" 0\n")] if simple and not dumped.startswith("? ") else ""
        self._store(self._keys, key, text)
        return text

    def _str_tail(self, value: str) -> str | tuple[str, tuple[str, ...]]:
        text = self._probe(value)
        tail: str | tuple[str, tuple[str, ...]] = text
        if text.count("\n") > 1:
            header, *lines = text.removesuffix("\n").split("\n")
            if not all(line.startswith("  ") or not line for line in lines):
                raise _Unsupported
            tail = (header + "\n", tuple(line[2:] for line in lines))
        self._store(self._strs, value, tail)
        return tail

    def _other_tail(self, value: object, key: tuple[type, str]) -> str:
        text = self._probe(value)
        if text.count("\n") != 1:
            raise _Unsupported
        self._store(self._others, key, text)
        return text

    def _probe(self, value: object) -> str:
        """The text after ``k:`` in a dump of ``{"k": value}``, with its line break."""
        dumped = self._reference({_PROBE: value})
        if not dumped.startswith(_PROBE + ": "):
            raise _Unsupported
        return dumped[len(_PROBE) + 1 :]

    def _store(self, table: dict[_K, _V], key: _K, text: _V) -> None:
        if len(table) >= self._max_scalars:
            table.clear()
        table[key] = text
