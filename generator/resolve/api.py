"""Pages of one API → one `Api`: merged, deduplicated, every reference resolved.

Merging keeps document order (pages in the order given, sorted by the reader): the
first overview (with one spelling per tag, `generator.resolve.tags`), operations with
duplicate ``METHOD /path`` dropped, definitions and security schemes with unique keys.
The same definition printed twice (``definitions.md`` and ``definitions/Pet.md``) is
kept once, silently; two different definitions sharing
an anchor are both kept, the second under a suffixed key, with a warning. Index entries
(``### [Pet](definitions/Pet.md#pet)`` in a table of contents) are not definitions.

Then every `Reference` in the model is resolved (frozen values are rebuilt with
`dataclasses.replace`): by the page its file part names, else by its anchor anywhere in
the API (the catalog links ``security.md#bearer`` beside the operation, not where the
security page is), else by name. Links to anchored inline schemas are replaced by the
schema itself. Whatever is missing gets a stand-in (`Definition.unresolved`, or
`SecurityScheme.inferred`) and a warning naming the link, so emitters can always look
a target up. Last, examples Swagger2Markup generated are marked as such (`examples`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields, is_dataclass, replace
from pathlib import Path

from generator.diagnostics import Diagnostics
from generator.model import (
    NOWHERE,
    Api,
    Definition,
    ObjectSchema,
    Operation,
    Overview,
    Page,
    RefSchema,
    SecurityScheme,
    SourceLocation,
)
from generator.parse.refs import anchor_key
from generator.resolve.base_path import relative_paths
from generator.resolve.examples import mark_examples
from generator.resolve.index import Index, Target, normalise_path
from generator.resolve.memo import ResolveMemo, next_memo, remembering, resolve_memo
from generator.resolve.schemas import SchemaResolver
from generator.resolve.tags import TagNames, with_page_tags
from generator.resolve.verdicts import VerdictStore


def _scrub(value: object) -> object:
    """``value`` with every source location blanked, to compare content only."""
    if isinstance(value, SourceLocation):
        return NOWHERE
    if isinstance(value, tuple):
        return tuple(_scrub(v) for v in value)
    if is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _scrub(getattr(value, f.name)) for f in fields(value)}
        return replace(value, **changes)
    return value


def _is_index_entry(definition: Definition) -> bool:
    """``### [Pet](definitions/Pet.md#pet)`` with nothing below it: a link, not a schema."""
    schema = definition.schema
    return (
        isinstance(schema, RefSchema)
        and bool(schema.ref.href)
        and schema.ref.name == definition.name
        and not definition.description
        and definition.polymorphism is None
        and definition.example is None
    )


def _unique_key(key: str, taken: set[str]) -> str:
    if key not in taken:
        return key
    n = 2
    while f"{key}-{n}" in taken:
        n += 1
    return f"{key}-{n}"


def _merge_operations(pages: Sequence[Page], diagnostics: Diagnostics) -> list[Operation]:
    seen: dict[tuple[str, str], Operation] = {}
    kept: list[Operation] = []
    for page in pages:
        for op in page.operations:
            ident = (op.method.upper(), op.path)
            first = seen.get(ident)
            if first is not None:
                diagnostics.warning(
                    "duplicate-operation",
                    f"{op.method.upper()} {op.path} is already documented at {first.location}; "
                    "this one was dropped",
                    op.location,
                )
                continue
            seen[ident] = op
            kept.append(op)
    return kept


def _merge_definitions(
    pages: Sequence[Page], index: Index, diagnostics: Diagnostics
) -> list[Definition]:
    kept: list[Definition] = []
    by_anchor: dict[str, list[Definition]] = {}
    taken: set[str] = set()
    for page in pages:
        path = normalise_path(page.path)
        for found in page.definitions:
            definition = found
            if _is_index_entry(definition):
                continue
            anchor = definition.key
            group = by_anchor.setdefault(anchor, [])
            same = next((d for d in group if _same_definition(d, definition)), None)
            if same is not None:
                index.add(Target("definition", same.key, path), anchor, definition.name)
                continue
            key = _unique_key(anchor, taken)
            if key != anchor:
                where = group[0].location if group else "another definition"
                diagnostics.warning(
                    "duplicate-definition",
                    f"definition {definition.name!r} reuses anchor {anchor!r} of {where}; "
                    f"renamed {key!r}",
                    definition.location,
                )
                definition = replace(definition, key=key)
            taken.add(key)
            group.append(definition)
            kept.append(definition)
            index.add(Target("definition", key, path), anchor, definition.name)
    return kept


def _same_definition(a: Definition, b: Definition) -> bool:
    return _scrub(replace(a, key="")) == _scrub(replace(b, key=""))


def _merge_schemes(
    pages: Sequence[Page], index: Index, diagnostics: Diagnostics
) -> list[SecurityScheme]:
    kept: list[SecurityScheme] = []
    first: dict[str, SecurityScheme] = {}
    for page in pages:
        path = normalise_path(page.path)
        for found in page.security_schemes:
            scheme = found
            earlier = first.get(scheme.key)
            if earlier is not None and _scrub(earlier) == _scrub(scheme):
                index.add(Target("scheme", earlier.key, path), scheme.key, scheme.name)
                continue
            key = _unique_key(scheme.key, set(first))
            if earlier is not None:
                diagnostics.warning(
                    "duplicate-definition",
                    f"security scheme {scheme.name!r} reuses anchor {scheme.key!r} of the "
                    f"one at {earlier.location}; renamed {key!r}",
                    scheme.location,
                )
                index.add(Target("scheme", key, path), key, scheme.name)
                scheme = replace(scheme, key=key)
            else:
                index.add(Target("scheme", key, path), key, scheme.name)
            first[key] = scheme
            kept.append(scheme)
    return kept


def _index_inline(pages: Sequence[Page], index: Index) -> dict[str, ObjectSchema]:
    """Inline schemas by id (``page#anchor``); one printed on two pages is one schema."""
    inline: dict[str, ObjectSchema] = {}
    seen: dict[str, list[tuple[str, object]]] = {}
    for page in pages:
        path = normalise_path(page.path)
        for anchor, schema in page.inline_schemas:
            ident = f"{path}#{anchor}"
            if ident in inline:
                continue
            content = _scrub(schema)
            same = seen.setdefault(anchor_key(anchor), [])
            ident = next((i for i, c in same if c == content), ident)
            if ident not in inline:
                same.append((ident, content))
                inline[ident] = schema
            index.add(Target("inline", ident, path), anchor)
    return inline


def _overview(pages: Sequence[Page], diagnostics: Diagnostics) -> Overview | None:
    """The first overview the docs give, else the first a page's title made; the text
    under the titles of the other pages that made one is reported, not dropped."""
    found = [p.overview for p in pages if p.overview is not None]
    if not found:
        return None
    chosen = next((o for o in found if not o.inferred), found[0])
    for other in found:
        if other.inferred and other is not chosen and other.description:
            start = other.description.splitlines()[0]
            diagnostics.warning(
                "ignored-content",
                f"the text under page title {other.title!r} was not read into the model "
                f"(the API's overview is {chosen.title!r} at {chosen.location}): "
                f"{start[:60]!r}",
                other.location,
            )
    return chosen


def resolve_api(
    name: str, pages: Sequence[Page], diagnostics: Diagnostics, *, cache_dir: Path | None = None
) -> Api:
    """Merge one API's pages and resolve every reference; never raises on bad docs.

    With a ``cache_dir``, verdicts on examples are kept for the next run
    (`generator.resolve.verdicts`), and what resolving made for the next run of this
    process or of one resuming from it (`generator.resolve.memo`).
    """
    schemas = Index(pages={normalise_path(p.path) for p in pages})
    scheme_index = Index(pages=set(schemas.pages))
    overview = _overview(pages, diagnostics)
    names = TagNames(overview)
    overview = with_page_tags(overview, pages, names)
    parsed = _merge_operations(pages, diagnostics)
    tagged = [names.operation(op) for op in parsed]
    operations = relative_paths(overview, tagged, diagnostics)
    definitions = _merge_definitions(pages, schemas, diagnostics)
    schemes = _merge_schemes(pages, scheme_index, diagnostics)
    inline = _index_inline(pages, schemas)
    resolver = SchemaResolver(
        schemas=schemas,
        schemes=scheme_index,
        definitions=definitions,
        security=schemes,
        inline=inline,
        diagnostics=diagnostics,
    )
    if cache_dir is not None:
        context = (schemas, scheme_index, overview, names.names,
                   any(a is not b for a, b in zip(operations, tagged, strict=True)))  # fmt: skip
        memo = resolve_memo(cache_dir, name)
        resolved_definitions, resolved_operations, fresh = remembering(
            resolver, definitions, list(zip(parsed, operations, strict=True)),
            memo=memo, context=context, diagnostics=diagnostics,
        )  # fmt: skip
        memos: tuple[ResolveMemo | None, ResolveMemo] | None = (memo, fresh)
    else:
        resolved_definitions = [resolver.definition(d) for d in definitions]
        resolved_operations = [resolver.operation(op) for op in operations]
        resolved_definitions = [resolver.named(d) for d in resolved_definitions]
        memos = None
    api = Api(
        name=name,
        overview=overview,
        operations=tuple(resolved_operations),
        definitions=(*resolved_definitions, *resolver.extra_definitions()),
        security_schemes=(*schemes, *resolver.extra_schemes()),
        pages=tuple(p.path for p in pages),
    )
    if cache_dir is None:
        return mark_examples(api)
    marked = mark_examples(api, VerdictStore(cache_dir, name), memos)
    if memos is not None:
        next_memo(cache_dir, name, memos[1])
    return marked
