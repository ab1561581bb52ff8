"""The SDK layer's auto-paging twins: ``<name>_iter`` coming, going, or yielding another type.

An operation that pages (``[tool.md2sdk.apis.NAME.pagination]``) has a second method,
``<name>_iter``, on the sync and async resource classes, with the method's arguments
and a ``SyncPager[Page, Item]`` / ``AsyncPager[Page, Item]`` result. A docs edit makes
it appear or disappear (the operation gains or loses the paging parameters, or its
response the items list), renames it (another method takes its name) or changes what
iterating yields. Its page type is the method's return type, reported with the method;
the item type is reported here only when the method's return type did not change.

A surface recorded before pagers were part of it has no ``pager`` key: nothing is said.
"""

from __future__ import annotations

from typing import Any

from generator.diff.findings import Findings
from generator.diff.hints import compare_hints
from generator.location import SourceLocation


def method_names(method: dict[str, Any]) -> tuple[str, ...]:
    """The method's name, then its pager's when it has one."""
    pager = method.get("pager")
    return (method["name"], pager["name"]) if pager else (method["name"],)


def compare_pagers(
    o: dict[str, Any],
    n_call: str,
    n: dict[str, Any],
    at: SourceLocation,
    findings: Findings,
    *,
    returns_changed: bool,
) -> None:
    """Add the pager changes of one matched method (``n_call`` its NEW call name)."""
    if "pager" not in o or "pager" not in n:
        return
    old, new = o["pager"], n["pager"]
    prefix = n_call[: len(n_call) - len(n["name"])]
    if old is None and new is None:
        return
    if new is None:
        findings.add(
            "sdk-pager-removed",
            f"client.{prefix}{old['name']}",
            f"`{old['name']}` removed: `{n['name']}` no longer pages",
            at,
            old=old["name"],
            symbols=tuple(f"{c}.{old['name']}" for c in o["classes"][:2]),
        )
        return
    if old is None:
        findings.add(
            "sdk-pager-added",
            f"client.{prefix}{new['name']}",
            f"`{new['name']}` added: iterates {new['item']} over every page of `{n['name']}`",
            at,
            new=new["name"],
        )
        return
    subject = f"client.{prefix}{new['name']}"
    if old["name"] != new["name"]:
        findings.add(
            "sdk-method-renamed",
            subject,
            f"`client.{prefix}{old['name']}` renamed to `{subject}`",
            at,
            old=f"client.{prefix}{old['name']}",
            new=subject,
            symbols=tuple(f"{c}.{old['name']}" for c in o["classes"][:2]),
        )
    if returns_changed:
        return
    verdict, _ = compare_hints(old["item"], new["item"])
    if verdict != "same":
        rule = "sdk-return-type-narrowed" if verdict == "narrowed" else "sdk-return-type-changed"
        findings.add(
            rule,
            subject,
            f"iterates {new['item']} (was {old['item']})",
            at,
            old=old["item"],
            new=new["item"],
        )
