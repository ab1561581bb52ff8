"""The one Jinja environment every emitter renders with, and its escaping filters.

Templates only place prepared strings; every untrusted value enters generated code or
YAML through exactly one of the filters registered here, one per output context:

- ``pystr``: a Python string literal (``repr``-based, so quotes, backslashes, control
  characters and non-ASCII can never end the literal; quoted as black quotes);
- ``docstring``: text safe inside a triple-quoted docstring body;
- ``comment``: text safe after ``#`` (no line breaks of any kind survive);
- ``yaml``: one YAML scalar, encoded by the YAML library itself;
- ``yaml_block``: a whole view-model (mapping/list) as indented block YAML, likewise.

Identifiers are not escaped but *made* (validated and normalised) in `generator.naming`,
before the view-model reaches a template.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import yaml
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined

from generator.emit.memo import ReprMemo
from generator.emit.yaml_fast import BlockYaml, quick_scalar
from generator.resources import builtin_templates

BUILTIN_TEMPLATES = builtin_templates()
"""The built-in templates: package data of the installed md2sdk, or the checkout's
top-level ``templates/`` (see `generator.resources`)."""

# Characters that end a line for Python's tokenizer or for str.splitlines(), plus
# bidirectional controls that can make code read differently from how it runs.
_LINE_BREAKS = "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"


def pystr(value: object) -> str:
    """A Python string literal whose value is exactly ``str(value)``, quoted the way
    black would quote it (double quotes unless that needs more backslashes), so
    emitted code is already in black's shape."""
    return _pystr(str(value))


@functools.lru_cache(maxsize=1 << 16)
def _pystr(text: str) -> str:
    out = repr(text)
    if out[0] == "'" and text.count('"') <= text.count("'"):
        # In repr's single-quoted form every ' is escaped and no " is.
        out = '"' + out[1:-1].replace("\\'", "'").replace('"', '\\"') + '"'
    if out.isascii():  # repr escapes every ASCII control character itself
        return out
    # repr keeps printable non-ASCII as is; escape the ones that change how code reads.
    for ch in _LINE_BREAKS + _BIDI:
        if ch in out:
            out = out.replace(ch, f"\\u{ord(ch):04x}")
    return out


_SHOWN_AS_ESCAPES = sorted(set(_LINE_BREAKS + _BIDI) - {"\n"})
_UNSAFE = re.compile(
    "[" + "".join(f"\\u{ord(c):04x}" for c in _SHOWN_AS_ESCAPES) + r"\x00-\x09\x0b-\x1f\x7f]"
)
"""What `docstring` makes visible: every line break but ``\\n``, bidi controls, the
other control characters and DEL (the texts are long and these characters rare, so
one search beats a test per character)."""


def _visible(found: re.Match[str]) -> str:
    code = ord(found[0])
    return f"\\u{code:04x}" if code > 0xFF else f"\\x{code:02x}"


def docstring(value: object, indent: int | None = None, own_line: bool = False) -> str:
    """Text for the body of a ``\"\"\"...\"\"\"`` docstring, shown to readers as written.

    Backslashes are doubled (the docstring is emitted as a plain literal), triple
    quotes are broken up, control characters and bidi overrides are made visible,
    and the text never ends with a quote or backslash that would merge with the
    closing delimiter.

    With ``indent`` (the columns of the line the docstring starts on) the body is laid
    out as black lays out a docstring there, so black has nothing left to change:
    trailing spaces dropped, the first line stripped, later lines re-indented from
    their common indentation, and the closing quotes moved to a line of their own when
    they would pass column 88 (or, with ``own_line``, whenever the text has several
    lines). Only whitespace changes, so the escaping above holds.
    """
    text = str(value).replace("\r\n", "\n")
    text = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    text = _UNSAFE.sub(_visible, text).rstrip()
    if indent is not None:
        return _black_docstring(text, indent, own_line)
    if text.endswith('"'):
        text += " "
    return text


def _black_docstring(text: str, indent: int, own_line: bool) -> str:
    """black's docstring normalisation (``linegen.visit_STRING``, pinned line length
    88) of an escaped body that has no line breaks but ``\\n`` and no tabs."""
    if not text:
        return text  # black keeps an empty docstring empty
    prefix = " " * indent
    lines = text.split("\n")
    if own_line and len(lines) > 1:
        lines.append("")
    if len(lines) > 1:
        depth = min(
            (len(line) - len(line.lstrip()) for line in lines[1:] if line.strip()),
            default=None,
        )
        kept = [lines[0].strip()]
        if depth is not None:
            last = len(lines) - 2
            for i, line in enumerate(lines[1:]):
                body = line[depth:].rstrip()
                kept.append(prefix + body if body or i == last else "")
        text = "\n".join(kept)
    else:
        text = text.strip()
    if not text:
        return " "
    if text[0] == '"':
        text = " " + text
    if text[-1] == '"':
        text += " "
    lines = text.splitlines()
    if len(lines) > 1 and not text.endswith("\n") and len(lines[-1]) + 3 > 88 >= indent + 3:
        text += "\n" + prefix
    return text


def comment(value: object) -> str:
    """Text for after a ``#``: one line, no characters that could end the comment."""
    text = str(value)
    out = []
    for ch in text:
        if ch in _LINE_BREAKS or ch in _BIDI or ord(ch) < 32 or ord(ch) == 127:
            out.append(" ")
        else:
            out.append(ch)
    return " ".join("".join(out).split())


class _ScalarDumper(yaml.SafeDumper):
    """Multi-line plain or single-quoted scalars depend on the indentation they land
    at; strings with line breaks or tabs are double-quoted so they stay on one line."""


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    style = '"' if any(c in data for c in _LINE_BREAKS + "\t") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_ScalarDumper.add_representer(str, _represent_str)


def yaml_scalar(value: object) -> str:
    """One YAML scalar (or flow value) on one line, encoded by PyYAML itself (once per
    distinct value: the same names, tags and flags recur all over a document)."""
    return _SCALAR_MEMO(value)


def _yaml_scalar(value: object) -> str:
    if type(value) is str and (quick := quick_scalar(value)) is not None:
        return quick
    return yaml_scalar_reference(value)


def yaml_scalar_reference(value: object) -> str:
    """PyYAML's own dump of ``value`` on one line: what `yaml_scalar` writes."""
    dumped = yaml.dump(
        value,
        Dumper=_ScalarDumper,
        default_flow_style=True,
        allow_unicode=True,
        width=2**31 - 1,
        sort_keys=False,
    )
    if dumped.endswith("\n...\n"):
        dumped = dumped[: -len("\n...\n")]
    return dumped.rstrip("\n")


_SCALAR_MEMO = ReprMemo(_yaml_scalar, max_chars=4_000_000, size=len)


class _BlockDumper(_ScalarDumper):
    """Block-style dumps of whole view-models: a value shared by two places in the
    document is written out twice rather than as an ``&id001`` anchor and alias."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def _represent_block_str(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    """Multi-line text as a literal block (``|``), one source line per YAML line, so a
    one-line change in the docs is a one-line diff. PyYAML itself falls back to a
    double-quoted scalar when the text cannot be a literal block (trailing spaces,
    special characters), so the value always loads back exactly."""
    plain_breaks = "\n" in data and not data.endswith("\n\n") and not data.startswith("\n")
    if plain_breaks and not any(c in data for c in _LINE_BREAKS.replace("\n", "") + "\t"):
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style="|")
    return _represent_str(dumper, data)


_BlockDumper.add_representer(str, _represent_block_str)


def yaml_block_reference(value: object) -> str:
    """PyYAML's own block dump of ``value``: the bytes `yaml_block` is made of, and
    what `generator.emit.yaml_fast` reproduces (and falls back to) without its emitter."""
    return yaml.dump(
        value,
        Dumper=_BlockDumper,
        default_flow_style=False,
        allow_unicode=True,
        width=2**31 - 1,
        sort_keys=False,
    )


_FAST_BLOCK = BlockYaml(yaml_block_reference, quick=quick_scalar)


def yaml_block(value: object, indent: int = 0) -> str:
    """A whole view-model as block YAML, every line after the first indented by
    ``indent`` spaces, so a template can place it under a key at any depth.

    Indenting every line alike keeps literal blocks valid: their content is indented
    relative to their key, and an empty line inside one stays empty.
    """
    dumped = _FAST_BLOCK.dump(value)
    if dumped.endswith("\n...\n"):
        dumped = dumped[: -len("\n...\n")]
    # Drop only the dump's own final newline: the template supplies the line break,
    # and a literal block that keeps trailing newlines (``|+``) needs the rest.
    pad = " " * indent
    lines = dumped.removesuffix("\n").split("\n")
    return "\n".join([lines[0], *(pad + line if line else "" for line in lines[1:])])


def yaml_key(value: object, indent: int) -> str:
    """A mapping key and its colon: ``key:`` where PyYAML would write a simple key;
    ``? key`` then ``:`` on the next line at column ``indent`` where it would not (a
    key of 128 characters or more, since the docs' names are never shortened and a YAML
    reader refuses simple keys over 1,024; an empty or multi-line key). The key text is
    the `yaml` filter's one-line scalar; the value follows on the next line."""
    text = yaml_scalar(value)
    name = str(value)
    simple = 0 < len(name) < 128 and not any(ch in name for ch in _LINE_BREAKS)
    return f"{text}:" if simple else f"? {text}\n{' ' * indent}:"


def markdown(value: object) -> str:
    """Markdown text as written, minus what could hide or reorder it: ``\r\n``/``\r``
    and other line breaks become ``\n``; control and bidi characters are dropped."""
    text = str(value).replace("\r\n", "\n")
    out = []
    for ch in text:
        if ch in _LINE_BREAKS:
            out.append("\n")
        elif ch == "\t" or not (ch in _BIDI or ord(ch) < 32 or ord(ch) == 127):
            out.append(ch)
    return "".join(out)


def toml_str(value: object) -> str:
    """A TOML basic string (JSON's escapes are TOML's; DEL must be escaped too)."""
    return json.dumps(str(value), ensure_ascii=False).replace("\x7f", "\\u007f")


FILTERS = {
    "pystr": pystr,
    "docstring": docstring,
    "comment": comment,
    "yaml": yaml_scalar,
    "yaml_block": yaml_block,
    "yaml_key": yaml_key,
    "toml": toml_str,
    "markdown": markdown,
}


def make_environment(overrides: Path | None = None) -> Environment:
    """The environment: strict undefined, no autoescape, user templates in front.

    One is made per target and run, so a template is read once and never checked
    for changes again (``auto_reload``: a ``stat`` per lookup, 1,900 per Kubernetes
    OpenAPI document)."""
    loaders = []
    if overrides is not None:
        loaders.append(FileSystemLoader(str(overrides)))
    loaders.append(FileSystemLoader(str(BUILTIN_TEMPLATES)))
    env = Environment(
        loader=ChoiceLoader(loaders),
        undefined=StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters.update(FILTERS)
    return env
