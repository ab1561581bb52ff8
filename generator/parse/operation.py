"""An operation section → `Operation`, plus the inline schemas anchored inside it.

An operation is a section that names ``METHOD /path``: either in a fenced block right
under its heading (the summary is then the heading), or as the heading itself with
the summary, if any, in the text before the sub-sections, which
`generator.parse.operation_parts` reads.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from generator.diagnostics import Diagnostics
from generator.model import AnySchema, ObjectSchema, Operation, Parameter, ParameterIn
from generator.parse.blocks import Anchor, Block, Code, Paragraph
from generator.parse.inline import find_link, plain
from generator.parse.labels import is_label
from generator.parse.misplaced import report_misplaced
from generator.parse.operation_parts import (
    OPERATION_KEYS,
    Parts,
    collect_inline_schemas,
    read_child,
    read_continued,
)
from generator.parse.recovery import enabled
from generator.parse.sections import Section
from generator.parse.text import blocks_markdown

METHODS = ("GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE")
_METHOD_PATH = re.compile(
    r"^\s*(GET|PUT|POST|DELETE|OPTIONS|HEAD|PATCH|TRACE)\s+(/\S*|\*)\s*$", re.I
)
_METHOD_WORD = re.compile(r"^\s*(GET|PUT|POST|DELETE|OPTIONS|HEAD|PATCH|TRACE)\s", re.I)
_OPERATION_ID = re.compile(r"^\s*\*\*\s*([^*:]+?)\s*:\s*([^*]+?)\s*\*\*\s*$")


def method_path(text: str) -> tuple[str, str] | None:
    """``GET /pets/{id}`` → ("GET", "/pets/{id}")."""
    m = _METHOD_PATH.match(plain(text) if "`" in text or "*" in text else text)
    return (m.group(1).upper(), m.group(2)) if m else None


def _fenced_method_path(blocks: list[Block]) -> tuple[int, tuple[str, str]] | None:
    """Where the section's ``METHOD /path`` block is: the first code block, or (as
    hand-written pages spell it) a first paragraph that is only ```GET /pets```."""
    content = [i for i, b in enumerate(blocks) if not isinstance(b, Anchor)]
    for index, block in enumerate(blocks):
        if isinstance(block, Code):
            first = block.text.strip().split("\n", 1)[0]
            found = method_path(first)
            return (index, found) if found else None
        if content and index == content[0] and isinstance(block, Paragraph):
            line = block.text.strip()
            found = method_path(line) if "\n" not in line else None
            if found is not None and enabled("markup-variants"):
                return index, found
    return None


def _unreadable_fence(blocks: list[Block]) -> str | None:
    """The first code block's first line when it starts with a method word but is no
    readable ``METHOD /path`` (``PUT /a b``): an operation to drop with a warning."""
    code = next((b for b in blocks if isinstance(b, Code)), None)
    if code is None:
        return None
    first = code.text.strip().split("\n", 1)[0]
    return first if _METHOD_WORD.match(first) and not method_path(first) else None


def is_operation(section: Section) -> bool:
    """Does this section document an endpoint (not an index entry linking to one)?"""
    if _fenced_method_path(section.blocks):
        return True
    if _unreadable_fence(section.blocks) is not None:
        return any(child.keys & OPERATION_KEYS for child in section.children)
    if method_path(section.title) and not find_link(section.raw_title):
        return any(child.keys & OPERATION_KEYS for child in section.children)
    return False


def holds_operation(section: Section) -> bool:
    """Is this section, or one below it, an operation?"""
    return any(is_operation(s) for s in section.walk())


def parse_operation(
    section: Section, diagnostics: Diagnostics, default_tag: str | None = None,
    page_stem: str | None = None, continued: Sequence[Section] = (),
) -> tuple[Operation, list[tuple[str, ObjectSchema]]] | None:
    """Read one operation section; ``None`` (with a diagnostic) when it has no path.

    ``continued`` are the sections after it that its description's own headings
    started (``### Hijacking`` at the operation's level): their text is description,
    and the Parameters, Responses... under them are the operation's.
    """
    blocks: list[Block] = []
    operation_id = ""
    deprecated = "~~" in section.raw_title
    for block in section.blocks:
        if isinstance(block, Paragraph):
            m = _OPERATION_ID.match(block.text)
            if m and is_label(m.group(1), "operation", "operations"):
                operation_id = m.group(2).strip()
                continue
            if is_label(plain(block.text), "operation.deprecated"):
                deprecated = True
                continue
        blocks.append(block)
    fenced = _fenced_method_path(blocks)
    if fenced:
        index, (method, path) = fenced
        summary = section.title.replace("~~", "").strip()
        before, after = blocks[:index], blocks[index + 1 :]
        if method_path(summary):
            lines = [plain(b.text) for b in before if isinstance(b, Paragraph)]
            summary = " ".join(s for s in lines if s)
            before = [b for b in before if not isinstance(b, Paragraph)]
        kept = before + after
    else:
        found = method_path(section.title)
        if not found:
            shown = _unreadable_fence(blocks) or section.title
            diagnostics.warning("bad-operation", f"no METHOD /path in {shown!r}; dropped",
                                section.location)
            section.report_all()
            return None
        method, path = found
        first = next((b for b in blocks if isinstance(b, Paragraph)), None)
        summary = plain(first.text) if first is not None else ""
        kept = [b for b in blocks if b is not first]
    section.take(*section.blocks)
    report_misplaced(kept, f"'{method} {path}'", diagnostics, method_path)
    parts = Parts()
    for child in section.children:
        read_child(child, parts, diagnostics, path)
    for more in continued:
        read_continued(more, parts, diagnostics, path)
    parts.inline.extend(collect_inline_schemas(blocks, diagnostics))
    description = "\n\n".join(d for d in [blocks_markdown(kept), *parts.description] if d)
    if not operation_id and section.anchor:
        operation_id = section.anchor
        if page_stem and page_stem.casefold() == operation_id.casefold():
            operation_id = page_stem
    parameters = _merge_bodies(parts.parameters, parts.bodies)
    tags = parts.tags or ((default_tag,) if default_tag else ())
    operation = Operation(
        method=method,
        path=path,
        location=section.location,
        operation_id=operation_id,
        summary=summary,
        description=description,
        deprecated=deprecated,
        parameters=tuple(parameters),
        responses=tuple(parts.responses),
        consumes=parts.consumes,
        produces=parts.produces,
        tags=tags,
        security=parts.security,
        request_example=parts.request_example,
        response_examples=tuple(parts.response_examples),
    )
    return operation, parts.inline


def _merge_bodies(params: list[Parameter], bodies: list[Parameter]) -> list[Parameter]:
    """A ``Body parameter`` section details the table's Body row (or is the only body)."""
    out = list(params)
    for body in bodies:
        index = next((i for i, p in enumerate(out) if p.place is ParameterIn.BODY), None)
        if index is None:
            out.append(body)
            continue
        row = out[index]
        out[index] = replace(
            row,
            description=row.description or body.description,
            required=row.required or body.required,
            schema=row.schema if isinstance(body.schema, AnySchema) else body.schema,
        )
    return out


def report_missed_operations(root: Section, held: set[int], diagnostics: Diagnostics) -> None:
    """Report each ``METHOD /path`` block no operation holds (``held``: the ids of the
    blocks operations took): an API whose pages hold such blocks must never come out
    with no operations and no word why."""
    for section in root.walk():
        for block in section.blocks:
            if isinstance(block, Code) and id(block) not in held:
                found = method_path(block.text.strip().split("\n", 1)[0])
                if found is not None:
                    where = f"section {section.title!r}" if section.level else "the page"
                    diagnostics.warning(
                        "missed-operation",
                        f"'{found[0]} {found[1]}' starts no operation: {where} holds it "
                        "where operations are not looked for, and it was read as text",
                        block.location,
                    )
