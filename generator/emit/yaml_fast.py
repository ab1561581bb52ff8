"""Block YAML byte-identical to a reference PyYAML dumper, laid out without its emitter.

PyYAML's pure-Python emitter spends most of the OpenAPI emit on a few hundred thousand
scalars that are nearly all repeats (the same keys and example values under every
operation); libyaml is no substitute because its bytes differ (astral escapes, other
scalar styles) and output must not depend on how PyYAML was built.

`BlockYaml` lays out the block structure itself and asks the reference dumper only about
each *distinct* key and scalar, once, batched: the new keys of a value in one dump of
``{key: 0, ...}``, its new scalars in one dump of ``[scalar, ...]`` (a list item, like a
mapping value, is no simple-key context, so PyYAML picks the same style for both). That
is exact because the dumps use an infinite width, so a scalar's text never depends on
the column it lands at; only the continuation lines of a literal block (``|``) are
indented, by the item's column + 2 as PyYAML does. The structure it writes is PyYAML's
with ``default_flow_style=False`` and indent 2::

    key: scalar          nested:              list:         - - x
    empty: {}              key: v             - a           - k: v
    none: []                                  - b             k2: v

Most keys and scalars need no probe at all: `quick_scalar` writes a one-line
printable-ASCII string as PyYAML does (plain where its rules allow, else single-quoted),
deciding with PyYAML's own analysis rules and its resolver; on Kubernetes the reference
dumper's calls went from 3,966 to 602, 0.55 s to 0.08 s of the OpenAPI emit.

Whatever is outside that subset (non-``str`` keys, keys PyYAML writes as ``? key``,
types other than dict/list/str/int/float/bool/None, a scalar at the root, nesting too
deep to recurse) is dumped whole by the reference. Whole dumps are memoised, bounded, by
``repr``: the same example value recurs under many operations.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from generator.emit.memo import ReprMemo

Reference = Callable[[object], str]
"""A full dump of one value: ``yaml.dump(value, Dumper=..., ...)``."""

_SCALARS = (str, int, float, bool, type(None))
_K = TypeVar("_K")
_V = TypeVar("_V")


_PRINTABLE = re.compile(r"[ -~]+")
_LEADING = frozenset("#,[]{}&*!|>'\"%@`")
"""First characters PyYAML takes as indicators wherever they are followed."""
_STR_TAG = "tag:yaml.org,2002:str"
_SIMPLE_KEY = 128 - len("!!str")
"""Keys shorter than this are simple keys (``key:``): PyYAML counts the tag it does not
write (``!!str``) into its limit of 128 characters."""
_RESOLVER = Resolver()
"""The resolver of PyYAML's `SafeDumper` (its implicit types: bool, int, float, null,
timestamps, ``<<``, ``=``), which says whether plain text would read back as a string."""


def quick_scalar(text: str) -> str | None:
    """What a PyYAML `SafeDumper` writes for the string ``text`` (no style asked, an
    infinite width, outside a flow collection), where that is sure without its emitter:
    ``text`` is non-empty printable ASCII (no line break, no tab). ``None`` otherwise.

    Such a string is never a literal block nor double-quoted, and no width splits it:
    it is plain where PyYAML's `analyze_scalar` allows a block plain scalar (no leading
    or trailing space, no indicator: a leading ``#,[]{}&*!|>'"%@```, a leading ``?``,
    ``:`` or ``-`` followed by a space or the end, a ``---`` or ``...`` start, a ``:``
    followed by a space or the end, a ``#`` after a space) and the resolver reads the
    plain text back as a string; else single-quoted, quotes doubled.
    """
    if not _PRINTABLE.fullmatch(text):
        return None
    if _plain(text):
        return text
    return "'" + text.replace("'", "''") + "'"


def _plain(text: str) -> bool:
    first = text[0]
    if first == " " or text[-1] == " " or first in _LEADING:
        return False
    if first in "?:-" and (len(text) == 1 or text[1] == " "):
        return False
    if text.startswith(("---", "...")) or ": " in text or text[-1] == ":" or " #" in text:
        return False
    tag: str = _RESOLVER.resolve(ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
    return tag == _STR_TAG


class _Unsupported(Exception):
    """The value leaves the subset laid out here; the reference dumps it instead."""


class _Missing(_Unsupported):
    """A key or scalar not probed yet: learn the value's, then lay it out again."""


class BlockYaml:
    """Dumps equal to ``reference(value)`` for JSON-like values, memoised.

    ``memo_chars`` bounds the memo of whole dumps; ``max_scalars`` each table of probed
    keys and scalars (a full table starts over). ``quick`` writes a string scalar as
    the reference would, or says it cannot (`quick_scalar`, for a reference that is a
    `SafeDumper` with an infinite width); what it writes is not probed.
    """

    def __init__(
        self,
        reference: Reference,
        *,
        memo_chars: int = 64_000_000,
        max_scalars: int = 500_000,
        quick: Callable[[str], str | None] | None = None,
    ) -> None:
        self._reference = reference
        self._quick = quick
        self._memo = ReprMemo(self._dump, memo_chars, size=len)
        self._max_scalars = max_scalars
        # Key text (``""`` when PyYAML would not write it as a simple key), and the
        # text after ``key:``/``-`` for a value: one line, or a header and the
        # unindented lines of a literal block.
        self._keys: dict[str, str] = {}
        self._strs: dict[str, str | tuple[str, tuple[str, ...]]] = {}
        self._others: dict[tuple[type, str], str] = {}

    def dump(self, value: object) -> str:
        """Exactly ``reference(value)``."""
        return self._memo(value)

    def _dump(self, value: object) -> str:
        try:
            try:
                return self._layout(value)
            except _Missing:
                self._learn(value)
                return self._layout(value)
        except (_Unsupported, RecursionError):
            return self._reference(value)

    def _layout(self, value: object) -> str:
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
                raise _Missing
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
                raise _Missing
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
                raise _Missing
            out.append(text)
        else:
            raise _Unsupported

    def _learn(self, value: object) -> None:
        """Probe the keys and scalars of ``value`` not seen yet, two dumps for all."""
        keys: dict[str, None] = {}
        scalars: dict[object, object] = {}
        stack = [value]
        while stack:
            node = stack.pop()
            if type(node) is dict:
                keys.update((k, None) for k in node if type(k) is str and k not in self._keys)
                stack.extend(node.values())
            elif type(node) is list:
                stack.extend(node)
            elif type(node) is str:
                if node not in self._strs:
                    scalars[node] = node
            elif type(node) in _SCALARS:
                key = (type(node), repr(node))
                if key not in self._others:
                    scalars[key] = node
        if keys and self._quick is not None:
            keys = {k: None for k in keys if not self._quick_key(k)}
        if keys:
            self._learn_keys(list(keys))
        if scalars and self._quick is not None:
            scalars = {k: v for k, v in scalars.items() if not self._quick_str(v)}
        if scalars:
            self._learn_scalars(list(scalars.values()))

    def _quick_key(self, key: str) -> bool:
        """Whether ``quick`` wrote ``key``, stored as a simple key (`_SIMPLE_KEY`)."""
        text = self._quick(key) if self._quick is not None and len(key) < _SIMPLE_KEY else None
        if text is not None:
            self._store(self._keys, key, text + ":")
        return text is not None

    def _quick_str(self, value: object) -> bool:
        """Whether ``quick`` wrote ``value`` (a string; stored as what follows ``-``)."""
        if self._quick is None or type(value) is not str:
            return False
        text = self._quick(value)
        if text is not None:
            self._store(self._strs, value, " " + text + "\n")
        return text is not None

    def _learn_keys(self, keys: list[str]) -> None:
        """``key:`` as PyYAML writes each simple key, ``""`` for one it would not."""
        lines = self._reference(dict.fromkeys(keys, 0)).split("\n")[:-1]
        # One line per key only if every key is simple (``? key`` adds a line).
        if len(lines) == len(keys) and all(line.endswith(": 0") for line in lines):
            for key, line in zip(keys, lines, strict=True):
                self._store(self._keys, key, line[: -len(" 0")])
            return
        for key in keys:
            dumped = self._reference({key: 0})
            simple = dumped.endswith(": 0\n") and dumped.count("\n") == 1
            self._store(self._keys, key, dumped[: -len(" 0\n")] if simple else "")

    def _learn_scalars(self, values: list[object]) -> None:
        """The text after ``-`` of each value in a dump of the list, which is the text
        after ``key:`` too: neither is a simple-key context."""
        items: list[list[str]] = []
        for line in self._reference(values).split("\n")[:-1]:
            if line.startswith("- "):
                items.append([line[1:]])
            elif items and (not line or line.startswith("  ")):
                items[-1].append(line)  # a literal block's next line
            else:
                raise _Unsupported
        if len(items) != len(values):
            raise _Unsupported
        for value, lines in zip(values, items, strict=True):
            if type(value) is str:
                self._store(self._strs, value, _tail(lines))
            elif len(lines) == 1:
                self._store(self._others, (type(value), repr(value)), lines[0] + "\n")
            else:
                raise _Unsupported

    def _store(self, table: dict[_K, _V], key: _K, text: _V) -> None:
        if len(table) >= self._max_scalars:
            table.clear()
        table[key] = text


def _tail(lines: list[str]) -> str | tuple[str, tuple[str, ...]]:
    """A scalar's text after its ``key:``/``-``: one line, or a literal block's header
    and its lines without the 2 columns of indentation they had in the probe."""
    if len(lines) == 1:
        return lines[0] + "\n"
    return (lines[0] + "\n", tuple(line[2:] for line in lines[1:]))
