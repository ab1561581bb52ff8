"""Auto-paging iterators: which operations page, how, and what iterating yields.

The rules come from ``[tool.md2sdk.apis.NAME.pagination]`` (`generator.config_paging`).
An operation that pages gets a second method, ``<name>_iter``, with the same arguments,
returning a ``SyncPager``/``AsyncPager``: iterating it yields every item of every page
(``(key, value)`` pairs when a page is a map), ``.pages()`` each page as the operation
returns it. The runtime's ``Paging`` value (``Endpoint(paging=...)``) carries the
names; response paths stay wire names, which the runtime reads from models and dicts.

Without a pagination table, `detect` proposes one when query parameter names look like
paging (``start``/``limit``, ``page``, ``cursor``...): one warning per API, located at
the first such operation, with the TOML to add (or ``style = "none"`` to keep quiet).
"""

from __future__ import annotations

import re
import textwrap
from collections import Counter
from dataclasses import dataclass

from generator.config_paging import Pagination, PagingRule
from generator.diagnostics import Diagnostics
from generator.emit.pyshape import Atom, Call, Expr, Tuple
from generator.emit.python.types import TypeRenderer
from generator.emit.templating import pystr
from generator.model import Operation, ParameterIn

_LIST = re.compile(r"list\[(.+)\]")
_MAP = re.compile(r"dict\[str, (.+)\]")
_OFFSET = {"offset", "start", "skip", "from"}
_LIMIT = {"limit", "size", "count", "per_page", "perpage", "page_size", "pagesize",
          "max_results", "maxresults", "top", "max"}  # fmt: skip
_PAGE = {"page", "page_number", "pagenumber", "pageno", "page_no"}
_CURSOR = {"cursor", "after", "page_token", "pagetoken", "next_token", "nexttoken", "marker",
           "continuation_token", "continuationtoken", "starting_after", "continue"}  # fmt: skip


@dataclass(frozen=True)
class PagerView:
    """An operation's ``<name>_iter`` method: its types and the runtime's ``Paging``."""

    name: str
    page_hint: str
    item_hint: str
    paging: Expr
    description: str
    limit: str = ""
    """The page-size query parameter (wire name), when the style has one."""
    rule: PagingRule | None = None
    items: tuple[str, ...] = ()
    """Wire path to the items in a page (empty: the page itself)."""

    def return_hint(self, pager: str) -> str:
        return f"{pager}[{self.page_hint}, {self.item_hint}]"


def _strip(hint: str) -> str:
    return hint.removesuffix(" | None")


def _walk(hint: str, path: tuple[str, ...], renderer: TypeRenderer) -> str | None:
    """The hint at ``path`` (wire names) inside ``hint``, or None if it is not there."""
    for name in path:
        fields = renderer.field_hints.get(_strip(hint))
        if fields is None or name not in fields:
            return None
        hint = fields[name]
    return _strip(hint)


def _items(
    page: str, rule: PagingRule, renderer: TypeRenderer
) -> tuple[tuple[str, ...], str] | None:
    """(wire path to the items, the item hint), the path found when not configured."""
    path = tuple(rule.items.split(".")) if rule.items else ()
    found = _walk(page, path, renderer)
    if found is not None and not path:
        fields = renderer.field_hints.get(found, {})
        lists = [name for name, hint in fields.items() if _LIST.fullmatch(_strip(hint))]
        if len(lists) == 1:
            path, found = (lists[0],), _strip(fields[lists[0]])
    if found is None:
        return None
    listed, mapped = _LIST.fullmatch(found), _MAP.fullmatch(found)
    if listed:
        return path, listed.group(1)
    if mapped:
        return path, f"tuple[str, {mapped.group(1)}]"
    return None


def pager_for(
    operation: Operation,
    name: str,
    page_hint: str,
    *,
    pagination: Pagination,
    renderer: TypeRenderer,
    diagnostics: Diagnostics,
) -> PagerView | None:
    """The pager of ``operation`` under ``pagination``, or None (warned when the config
    names the operation, or its style's parameters are there, but it cannot page)."""
    rule, explicit = pagination.rule_for(operation.method, operation.path, operation.operation_id)
    if rule is None or rule.style == "none":
        return None
    query = {p.name for p in operation.parameters if p.place is ParameterIn.QUERY}
    missing = [n for n in rule.request_params if n not in query]
    if not explicit and (operation.method.upper() != "GET" or missing or not rule.request_params):
        return None
    where = f"{operation.method.upper()} {operation.path}"
    problem = ""
    items = _items(page_hint, rule, renderer)
    if missing:
        problem = f"it has no query parameter {missing[0]!r}"
    elif items is None:
        problem = (
            f"its response has no list or map at items = {rule.items!r}"
            if rule.items
            else "its response is not a list or map and has no single list property "
            '(set items = "<response field>")'
        )
    next_path = rule.next_cursor if rule.style == "cursor" else rule.next_link
    next_hint = _walk(page_hint, tuple(next_path.split(".")), renderer) if next_path else ""
    if not problem and next_hint is None:
        problem = f"its response has no field {next_path!r}"
    if problem or items is None:
        diagnostics.warning(
            "pagination",
            f"{where}: {rule.style} pagination is configured but {problem}; "
            "no auto-paging iterator is generated for it",
            operation.location,
        )
        return None
    path, item_hint = items
    kwargs: list[tuple[str, Expr]] = []
    if path:
        kwargs.append(("items", Tuple(tuple(Atom(pystr(p)) for p in path))))
    names = {"offset": (("offset", rule.offset), ("limit", rule.limit)),
             "page": (("page", rule.page), ("limit", rule.limit)),
             "cursor": (("cursor", rule.cursor),)}.get(rule.style, ())  # fmt: skip
    kwargs += [(k, Atom(pystr(v))) for k, v in names if v in query]
    if rule.style == "page" and rule.first_page != 1:
        kwargs.append(("first_page", Atom(str(rule.first_page))))
    if next_path:
        kwargs.append(("next", Tuple(tuple(Atom(pystr(p)) for p in next_path.split(".")))))
    paging = Call("Paging", (Atom(pystr(rule.style)),), tuple(kwargs))
    description = _description(rule, name, item_hint)
    limit = rule.limit if rule.style in {"offset", "page"} and rule.limit in query else ""
    return PagerView(
        f"{name}_iter", page_hint, item_hint, paging, description, limit, rule, path
    )


def _description(rule: PagingRule, name: str, item_hint: str) -> str:
    yields = (
        "(key, value) pairs of each page's map"
        if item_hint.startswith("tuple[str, ")
        else "each page's items"
    )
    how = {
        "offset": f"moving {rule.offset} on by the items received; stops at an empty page "
        f"or one shorter than {rule.limit} (or than the first page)",
        "page": f"counting {rule.page} up; stops at an empty page or one shorter than "
        "the first",
        "cursor": f"passing each page's {rule.next_cursor} as {rule.cursor}; stops at an "
        "empty page or when there is no next cursor",
        "next-link": "following each page's "
        + (rule.next_link if rule.next_link else 'Link: rel="next" header')
        + "; stops at an empty page or when there is no next link",
    }[rule.style]
    text = (
        f"Takes the arguments of `{name}`; each page is requested when iteration reaches "
        f"it ({rule.style} paging: {how}). Iterating yields {yields}; `.pages()` yields "
        "the pages themselves."
    )
    return f"Every item of `{name}`, page after page.\n\n" + textwrap.fill(text, 80)


def detect(operations: tuple[Operation, ...], api_name: str, diagnostics: Diagnostics) -> None:
    """Propose a pagination config when GET operations take paging-like parameters."""
    found: list[tuple[Operation, str, tuple[str, ...]]] = []
    for operation in operations:
        if operation.method.upper() != "GET":
            continue
        names = {p.name.casefold(): p.name for p in operation.parameters
                 if p.place is ParameterIn.QUERY}  # fmt: skip
        guess = _guess(names)
        if guess is not None:
            found.append((operation, *guess))
    if not found:
        return
    style, keys = Counter((s, k) for _, s, k in found).most_common(1)[0][0]
    first = next(op for op, s, k in found if (s, k) == (style, keys))
    settings = [f'style = "{style}"']
    labels = {"offset": ("offset", "limit"), "page": ("page",), "cursor": ("cursor",)}[style]
    settings += [f'{label} = "{key}"' for label, key in zip(labels, keys, strict=True)]
    if style == "cursor":
        settings.append('next-cursor = "<response field holding the next cursor>"')
    diagnostics.warning(
        "pagination-hint",
        f"{len(found)} GET operation(s) look paged ({first.method.upper()} {first.path} "
        f"takes {'/'.join(keys)}); to generate auto-paging iterators add "
        f"[tool.md2sdk.apis.{api_name}.pagination] with {', '.join(settings)} "
        '(or style = "none" to keep them plain)',
        first.location,
    )


def _guess(names: dict[str, str]) -> tuple[str, tuple[str, ...]] | None:
    """(style, its parameter names) when ``names`` (casefolded → as written) page."""
    limit = next((names[n] for n in sorted(_LIMIT) if n in names), None)
    offset = next((names[n] for n in sorted(_OFFSET) if n in names), None)
    if offset and limit:
        return "offset", (offset, limit)
    page = next((names[n] for n in sorted(_PAGE) if n in names), None)
    if page:
        return "page", (page,)
    cursor = next((names[n] for n in sorted(_CURSOR) if n in names), None)
    return ("cursor", (cursor,)) if cursor else None
