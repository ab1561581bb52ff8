"""The SDK layer's ``<Model>Param`` TypedDicts: what changes in one beyond its model.

A model class's TypedDict has its fields by wire name (``Required[...]`` where the
field has no default), nested models as their own TypedDicts. The emitter derives it
from the class, so a field removed, made required or retyped changes both, and the
model's finding names both (`generator.diff.sdk_models`). What is left to say here is
what the TypedDict changes on its own: its name (``PetParam`` becomes ``PetParam2``
when a definition takes the name), and any key whose change the model's fields did not
already report (a nested TypedDict renamed; a surface recorded by another md2sdk).

A surface recorded before TypedDicts were part of it has no ``params``: nothing is said.
"""

from __future__ import annotations

from typing import Any

from generator.diff.findings import Findings
from generator.diff.hints import compare_hints
from generator.diff.locate import Locator

Covered = set[tuple[str, str]]
"""(``removed`` | ``added`` | ``required`` | ``type``, wire name): said of a model field."""


def param_name(model: dict[str, Any]) -> tuple[str, ...]:
    """``("PetParam",)``, or ``()`` when the surface records no TypedDict."""
    params = model.get("params")
    return (params["name"],) if params else ()


def with_param(name: str, what: str, model: dict[str, Any]) -> str:
    """``class `Pet` and its `PetParam` removed``: the TypedDict goes with its class."""
    names = param_name(model)
    return f"class `{name}`" + (f" and its `{names[0]}`" if names else "") + f" {what}"


def compare_params(
    cls: str,
    *,
    old: dict[str, Any],
    new: dict[str, Any],
    covered: Covered,
    new_at: Locator,
    findings: Findings,
) -> None:
    """Add what class ``cls``'s TypedDict changes beyond ``covered``."""
    if not old.get("params") or not new.get("params"):
        return
    before, after = old["params"], new["params"]
    name, subject = before["name"], f"models.{after['name']}"
    add = findings.add

    def at(wire: str = "") -> Any:
        return new_at.field(new["source"], wire) if wire else new_at.source(new["source"])

    if before["name"] != after["name"]:
        add(
            "sdk-model-renamed",
            subject,
            f"TypedDict `{name}` of `{cls}` renamed to `{after['name']}`",
            at(),
            old=name,
            new=after["name"],
            # Its keys go with the name (another class may take it, with other members).
            symbols=(name, *(f"{name}.{key}" for key in before["keys"])),
        )
    old_keys: dict[str, Any] = before["keys"]
    new_keys: dict[str, Any] = after["keys"]
    for key, item in old_keys.items():
        symbols = (f"{name}.{key}",)
        twin = new_keys.get(key)
        if twin is None:
            if ("removed", key) not in covered:
                add("sdk-field-removed", subject, f"key `{key}` removed", at(), old=key,
                    symbols=symbols)  # fmt: skip
            continue
        if item["required"] != twin["required"] and ("required", key) not in covered:
            became = "required" if twin["required"] else "optional"
            add(f"sdk-field-became-{became}", subject, f"key `{key}` became {became}", at(key),
                symbols=symbols)  # fmt: skip
        verdict, _ = compare_hints(item["hint"], twin["hint"])
        if verdict != "same" and ("type", key) not in covered:
            add(
                "sdk-field-type-changed",
                subject,
                f"key `{key}`: {item['hint']} → {twin['hint']} ({verdict})",
                at(key),
                old=item["hint"],
                new=twin["hint"],
                symbols=symbols,
            )
    for key, item in new_keys.items():
        if key not in old_keys and ("added", key) not in covered:
            rule = "sdk-field-added-required" if item["required"] else "sdk-field-added"
            state = "required" if item["required"] else "optional"
            add(rule, subject, f"key `{key}` added ({state})", at(key), new=key)
