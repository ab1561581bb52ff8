"""Name cells: ``**id**  <br>*required*  <br>*read-only*`` → the name and its flags.

Swagger2Markup writes the name in bold and each flag in italics, ``<br>``-separated.
Converters and docs sites re-spell it (the ``markup-variants`` recovery reads them all):

    **petId** <br>_required_          underscores for italics
    **version** _required_            the flag on the name's line, no ``<br>``
    `fields` <br>*optional*           the name as a code span
    __id__ <br>_optional_             underscores for bold

Whatever the spelling, a name is never a markup fragment: markup left in one (``**``,
backticks, tags) would make an invalid document and a broken client, so it is taken
out, with a ``markup-in-name`` warning that quotes the cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.diagnostics import Diagnostics
from generator.model import SourceLocation
from generator.parse.inline import code_value, plain, split_br, strip_emphasis, unescape
from generator.parse.labels import keys_for
from generator.parse.recovery import enabled

_LEADING_SPAN = re.compile(r"^(\*\*.+?\*\*|__.+?__|`[^`]+`)\s+(\S.*)$")
_MARKUP = re.compile(r"\*\*|`|<[A-Za-z/][^<>]*>|(?:^|\s)_[^\s_][^_]*_(?:\s|$)")
_FLAG_KEYS = ("flags.required", "flags.optional", "flags.read_only", "flags.read_write")


@dataclass(frozen=True)
class NameCell:
    """The name, and the flags beside it (``required`` is None when neither flag is)."""

    name: str
    required: bool | None
    read_only: bool


def flag_keys(text: str) -> frozenset[str]:
    """The flag keys a flag's text means (``*required*``, ``_required_``, ``required``)."""
    return keys_for(text.strip().strip("*_`").strip()) & frozenset(_FLAG_KEYS)


def _split(head: str) -> tuple[str, list[str]]:
    """``**version** _required_`` → (``**version**``, [``_required_``])."""
    m = _LEADING_SPAN.match(head)
    if m is None:
        return head, []
    rest = m.group(2).split()
    if all(flag_keys(word) for word in rest):
        return m.group(1), rest
    return head, []


def read_name_cell(
    text: str,
    location: SourceLocation | None = None,
    diagnostics: Diagnostics | None = None,
    *,
    reader: str = "plain",
) -> NameCell:
    """Read a name cell; ``reader`` picks how the name's own markup is read (``plain``
    for properties, ``strip`` for parameters, as they always have been)."""
    parts = split_br(text)
    if not parts:
        return NameCell("", None, False)
    head, flags = parts[0], parts[1:]
    if enabled("markup-variants"):
        head, extra = _split(head)
        flags = extra + flags
        code = code_value(head)
        if code is not None:
            head = code
    name = plain(head) if reader == "plain" else unescape(strip_emphasis(head))
    if _MARKUP.search(name):
        shown = name
        name = " ".join(w.strip("_") for w in plain(name).split()).strip()
        if diagnostics is not None and location is not None:
            diagnostics.warning(
                "markup-in-name", f"name {shown!r} holds markup; read as {name!r}", location
            )
    required: bool | None = None
    read_only = False
    for flag in flags:
        keys = flag_keys(plain(flag))
        if "flags.required" in keys:
            required = True
        elif "flags.optional" in keys and required is None:
            required = False
        if "flags.read_only" in keys:
            read_only = True
    return NameCell(name, required, read_only)

