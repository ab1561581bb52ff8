"""The SDK layer's model classes and type aliases: renamed, removed, fields changed.

Classes are matched by name; a class that disappears while one with the same fields
(wire names and types) or the same docs definition appears was renamed. Fields are
matched by wire name, so ``pet_id`` becoming ``pet_id_2`` (a naming collision) is a
rename. Models are both read (responses) and built (requests), so any type change of a
field breaks someone, except literal values of an open enum coming and going.

Each class has a ``<Model>Param`` TypedDict (its fields by wire name, for request
bodies) that comes, goes and is renamed with it, and whose keys follow its fields: a
change of either is one finding that names both (`Change.symbols`). What a TypedDict
changes on its own is compared in `generator.diff.sdk_params`.
"""

from __future__ import annotations

from typing import Any

from generator.diff.findings import Findings
from generator.diff.hints import compare_hints, members
from generator.diff.locate import Locator
from generator.diff.sdk_params import Covered, compare_params, param_name, with_param
from generator.diff.surface import Surface

_NONE = frozenset({"None"})


def compare_models(
    old: Surface, new: Surface, old_at: Locator, new_at: Locator, findings: Findings
) -> None:
    """Add the model-level changes from ``old`` to ``new`` to ``findings``."""
    ModelComparer(old, new, old_at, new_at, findings).run()


def _signature(model: dict[str, Any]) -> frozenset[tuple[str, str]]:
    return frozenset((f["wire"], f["hint"]) for f in model["fields"].values())


class ModelComparer:
    def __init__(
        self, old: Surface, new: Surface, old_at: Locator, new_at: Locator, findings: Findings
    ) -> None:
        self.old: dict[str, Any] = old["models"]
        self.new: dict[str, Any] = new["models"]
        self.old_aliases: dict[str, Any] = old["aliases"]
        self.new_aliases: dict[str, Any] = new["aliases"]
        self.old_at, self.new_at, self.findings = old_at, new_at, findings

    def run(self) -> None:
        gone = [n for n in self.old if n not in self.new and n not in self.new_aliases]
        fresh = [n for n in self.new if n not in self.old and n not in self.old_aliases]
        renames: dict[str, str] = {}
        for name in gone:
            model = self.old[name]
            twin = next(
                (f for f in fresh if f not in renames.values() and _same(model, self.new[f])),
                None,
            )
            if twin is not None:
                renames[name] = twin
        for name, model in self.old.items():
            own = (name, *param_name(model), f"module:{model['module']}")
            if name in renames:
                twin = renames[name]
                params = [f"`{p}`" for p in (*param_name(model), *param_name(self.new[twin]))]
                self.findings.add(
                    "sdk-model-renamed",
                    f"models.{twin}",
                    f"class `{name}` renamed to `{twin}`"
                    + (f" ({' to '.join(params)})" if len(params) == 2 else ""),
                    self.new_at.source(self.new[twin]["source"]),
                    old=name,
                    new=twin,
                    symbols=own,
                )
            elif name in self.new:
                covered = self.fields(name, model, self.new[name])
                compare_params(
                    name, old=model, new=self.new[name], covered=covered, new_at=self.new_at,
                    findings=self.findings,
                )  # fmt: skip
            elif name in self.new_aliases:
                self._alias_kind(
                    name, "class", "type alias", self.new_aliases[name], symbols=own[:-1]
                )
            else:
                self.findings.add(
                    "sdk-model-removed",
                    f"models.{name}",
                    with_param(name, "removed", model),
                    self.old_at.source(model["source"]),
                    side="old",
                    old=name,
                    symbols=own,
                )
        for name in fresh:
            if name not in renames.values():
                self.findings.add(
                    "sdk-model-added",
                    f"models.{name}",
                    with_param(name, "added", self.new[name]),
                    self.new_at.source(self.new[name]["source"]),
                    new=name,
                )
        self.aliases()

    def aliases(self) -> None:
        for name, alias in self.old_aliases.items():
            if name in self.new_aliases:
                twin = self.new_aliases[name]
                verdict, literals = compare_hints(alias["hint"], twin["hint"])
                if verdict == "enum":
                    self._literals(f"models.{name}", f"`{name}`", literals, twin, symbols=(name,))
                elif verdict != "same":
                    self.findings.add(
                        "sdk-alias-type-changed",
                        f"models.{name}",
                        f"`{name}` = {twin['hint']} (was {alias['hint']})",
                        self.new_at.source(twin["source"]),
                        old=alias["hint"],
                        new=twin["hint"],
                        symbols=(name,),
                    )
            elif name in self.new:
                self._alias_kind(name, "type alias", "class", self.new[name])
            else:
                self.findings.add(
                    "sdk-model-removed",
                    f"models.{name}",
                    f"type alias `{name}` removed",
                    self.old_at.source(alias["source"]),
                    side="old",
                    old=name,
                    symbols=(name, f"module:{alias['module']}"),
                )
        for name, alias in self.new_aliases.items():
            if name not in self.old_aliases and name not in self.old:
                self.findings.add(
                    "sdk-model-added",
                    f"models.{name}",
                    f"type alias `{name}` added",
                    self.new_at.source(alias["source"]),
                    new=name,
                )

    def _alias_kind(
        self,
        name: str,
        before: str,
        after: str,
        new: dict[str, Any],
        *,
        symbols: tuple[str, ...] = (),
    ) -> None:
        self.findings.add(
            "sdk-alias-type-changed",
            f"models.{name}",
            f"`{name}` is now a {after} ({before} before)",
            self.new_at.source(new["source"]),
            old=before,
            new=after,
            symbols=symbols or (name,),
        )

    def fields(self, cls: str, old: dict[str, Any], new: dict[str, Any]) -> Covered:
        """Compare the fields of a class present on both sides; returns what was said
        about which wire names, for its TypedDict's comparison."""
        subject = f"models.{cls}"
        by_wire = {f["wire"]: name for name, f in new["fields"].items()}
        matched: set[str] = set()
        covered: Covered = set()
        for name, item in old["fields"].items():
            twin = by_wire.get(item["wire"])
            symbols = (f"{cls}.{name}", *(f"{p}.{item['wire']}" for p in param_name(old)))
            covered |= {("removed", item["wire"])} if twin is None else set()
            if twin is None:
                self.findings.add(
                    "sdk-field-removed",
                    subject,
                    f"field `{name}` removed",
                    self.old_at.field(old["source"], item["wire"]),
                    side="old",
                    old=name,
                    context=self.new_at.source(new["source"]),
                    symbols=symbols,
                )
                continue
            matched.add(twin)
            covered |= self.field(
                cls, name, item, twin=twin, n=new["fields"][twin], source=new["source"],
                symbols=symbols,
            )  # fmt: skip
        for name, item in new["fields"].items():
            if name in matched:
                continue
            required = item["default"] is None and "None" not in members(item["hint"])
            at = self.new_at.field(new["source"], item["wire"])
            rule = "sdk-field-added-required" if required else "sdk-field-added"
            state = "required" if required else "optional"
            self.findings.add(rule, subject, f"field `{name}` added ({state})", at, new=name)
            covered.add(("added", item["wire"]))
        return covered

    def field(
        self,
        cls: str,
        name: str,
        o: dict[str, Any],
        *,
        twin: str,
        n: dict[str, Any],
        source: str,
        symbols: tuple[str, ...],
    ) -> Covered:
        """One field matched by wire name: its name, optionality, default and type."""
        subject, at = f"models.{cls}", self.new_at.field(source, n["wire"])
        covered: Covered = set()
        if twin != name:
            self.findings.add(
                "sdk-field-renamed",
                subject,
                f"field `{name}` renamed to `{twin}`",
                at,
                old=name,
                new=twin,
                symbols=symbols[:1],  # the TypedDict key stays
            )
        was_optional, is_optional = o["default"] is not None, n["default"] is not None
        if was_optional != is_optional:
            became = "optional" if is_optional else "required"
            covered.add(("required", n["wire"]))
            self.findings.add(
                f"sdk-field-became-{became}",
                subject,
                f"field `{twin}` became {became}",
                at,
                old=o["hint"],
                new=n["hint"],
                symbols=symbols,
            )
        elif o["default"] != n["default"]:
            self.findings.add(
                "sdk-field-default-changed",
                subject,
                f"field `{twin}`: default {o['default']} → {n['default']}",
                at,
                old=o["default"],
                new=n["default"],
                symbols=symbols,
            )
        drop = _NONE if was_optional != is_optional else frozenset()
        verdict, literals = compare_hints(o["hint"], n["hint"], drop=drop)
        if verdict != "same":
            covered.add(("type", n["wire"]))
        if verdict == "enum":
            self._literals(
                subject, f"field `{twin}`", literals, {"source": source}, symbols=symbols, at=at
            )
        elif verdict != "same":
            self.findings.add(
                "sdk-field-type-changed",
                subject,
                f"field `{twin}`: {o['hint']} → {n['hint']} ({verdict})",
                at,
                old=o["hint"],
                new=n["hint"],
                symbols=symbols,
            )
        return covered

    def _literals(
        self,
        subject: str,
        what: str,
        literals: list[str],
        new: dict[str, Any],
        *,
        symbols: tuple[str, ...],
        at: Any = None,
    ) -> None:
        at = at or self.new_at.source(new["source"])
        for change in literals:
            rule = "sdk-enum-member-removed" if change[0] == "-" else "sdk-enum-member-added"
            how = "removed from" if change[0] == "-" else "added to"
            self.findings.add(
                rule,
                subject,
                f"value {change[1:]} {how} {what}",
                at,
                old=change[1:] if change[0] == "-" else None,
                new=change[1:] if change[0] == "+" else None,
                symbols=symbols,
            )


def _same(old: dict[str, Any], new: dict[str, Any]) -> bool:
    """Two classes are one renamed: same docs definition, or the same non-empty fields."""
    if old["source"] and old["source"] == new["source"] and old["source"].startswith("def"):
        return True
    return bool(old["fields"]) and _signature(old) == _signature(new)
