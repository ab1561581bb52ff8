"""``[tool.md2sdk.apis.NAME.pagination]``: how an API's list operations page.

Example (the catalog's ``GET /batches`` pages with ``start``/``limit``)::

    [tool.md2sdk.apis.catalog.pagination]
    style = "offset"        # offset | page | cursor | next-link | none
    offset = "start"        # offset: the query parameter holding the offset
    limit = "limit"         # offset, page: the page-size query parameter
    # page = "page"         # page: the page-number query parameter
    # first-page = 1        # page: the number of the first page
    # cursor = "cursor"     # cursor: the query parameter taking the cursor
    # next-cursor = "meta.next"   # cursor: where the response holds the next cursor
    # next-link = "links.next"    # next-link: where it holds the next page's URL
    #                             # (left out: the Link header's rel="next")
    # items = "data"        # where the items are (left out: the body itself when it is
    #                       # a list or map, else its only list property)

    [tool.md2sdk.apis.catalog.pagination.operations."GET /other"]
    style = "none"          # per operation ("METHOD /path" or operationId): same keys

Without ``operations`` entries the API-wide rule applies to every ``GET`` whose query
parameters include the style's (``start`` and ``limit`` here). Response paths are
dotted wire names. Problems are ``config`` errors located at the offending key.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

STYLES = ("offset", "page", "cursor", "next-link", "none")
_NAMES = {"offset": "offset", "limit": "limit", "page": "page", "cursor": "cursor",
          "next-cursor": "next_cursor", "next-link": "next_link", "items": "items"}  # fmt: skip
KEYS = frozenset({"style", "first-page", "operations", *_NAMES})
_BARE = re.compile(r"[A-Za-z0-9_-]+")

ErrorAt = Callable[[str, str, str | None], None]
"""``error(message, table, key)``: reports a located ``config`` error."""


@dataclass(frozen=True)
class PagingRule:
    """One paging scheme: the style and the names it reads and writes."""

    style: str
    offset: str = "offset"
    limit: str = "limit"
    page: str = "page"
    first_page: int = 1
    cursor: str = "cursor"
    next_cursor: str = ""
    next_link: str = ""
    items: str = ""

    @property
    def request_params(self) -> tuple[str, ...]:
        """Query parameters an operation needs for this style to apply to it."""
        return {
            "offset": (self.offset, self.limit),
            "page": (self.page,),
            "cursor": (self.cursor,),
        }.get(self.style, ())


@dataclass(frozen=True)
class Pagination:
    """An API's paging: a default rule and per-operation ones."""

    default: PagingRule | None = None
    operations: tuple[tuple[str, PagingRule], ...] = ()

    @property
    def configured(self) -> bool:
        return self.default is not None or bool(self.operations)

    def rule_for(self, method: str, path: str, operation_id: str) -> tuple[PagingRule | None, bool]:
        """(the rule for an operation, whether the config names that operation)."""
        for key, rule in self.operations:
            if key in {f"{method.upper()} {path}", operation_id} and key:
                return rule, True
        return self.default, False


def read_pagination(value: object, where: str, error: ErrorAt) -> Pagination:
    """Validate a ``pagination`` table (``where`` is its TOML table name)."""
    if not isinstance(value, dict):
        error("pagination must be a table", where, None)
        return Pagination()
    table = {key.replace("_", "-"): item for key, item in value.items()}
    default = _rule(table, where, error, None) if "style" in table else None
    if "style" not in table and set(table) - {"operations"}:
        error('pagination needs style = "offset" | "page" | "cursor" | "next-link" | "none"',
              where, None)  # fmt: skip
    operations: list[tuple[str, PagingRule]] = []
    given = table.get("operations", {})
    if not isinstance(given, dict):
        error("pagination.operations must be a table of operations", where, "operations")
        given = {}
    for key, sub in given.items():
        written = key if _BARE.fullmatch(key) else f'"{key}"'  # as TOML writes the header
        sub_where = f"{where}.operations.{written}".replace(" ", "")
        if not isinstance(sub, dict):
            error(f"pagination.operations.{key!r} must be a table", where, "operations")
            continue
        sub_table = {k.replace("_", "-"): v for k, v in sub.items()}
        if "operations" in sub_table:
            error("operations cannot be nested", sub_where, "operations")
        rule = _rule(sub_table, sub_where, error, default)
        if rule is not None:
            operations.append((key, rule))
    return Pagination(default, tuple(operations))


def _rule(
    table: dict[str, object], where: str, error: ErrorAt, base: PagingRule | None
) -> PagingRule | None:
    for key in sorted(set(table) - KEYS):
        error(f"unknown pagination key {key!r} (expected one of {sorted(KEYS)})", where, key)
    style = table.get("style", base.style if base else None)
    if style not in STYLES:
        error(f"style = {style!r} must be one of {list(STYLES)}", where, "style")
        return None
    rule = replace(base, style=str(style)) if base else PagingRule(str(style))
    changes: dict[str, object] = {}
    for key, attr in _NAMES.items():
        item = table.get(key)
        if item is None:
            continue
        if not isinstance(item, str) or not item.strip():
            error(f"{key} must be a non-empty name", where, key)
        else:
            changes[attr] = item.strip()
    first = table.get("first-page")
    if first is not None:
        if isinstance(first, bool) or not isinstance(first, int) or first < 0:
            error("first-page must be a whole number (0 or more)", where, "first-page")
        else:
            changes["first_page"] = first
    rule = replace(rule, **changes)  # type: ignore[arg-type]
    if rule.style == "cursor" and not rule.next_cursor:
        error('cursor paging needs next-cursor = "<response field>"', where, "style")
        return None
    return rule
