"""The SDK layer's method arguments: positional (path) and keyword ones, matched by
where they go on the wire, then by name; renamed, removed, added, retyped, defaulted.

An argument is named for `Change.symbols` on the sync and async method and on its
``<name>_iter`` pager, which takes the same arguments (`argument_symbols`).
"""

from __future__ import annotations

from typing import Any

from generator.diff.findings import Findings
from generator.diff.hints import compare_hints
from generator.diff.locate import Locator
from generator.diff.sdk_pagers import method_names

_NOTGIVEN = frozenset({"NotGiven"})


class ArgumentComparer:
    """Fills a `Findings` with the argument changes of matched methods."""

    def __init__(self, old_at: Locator, new_at: Locator, findings: Findings) -> None:
        self.old_at, self.new_at = old_at, new_at
        self.findings = findings

    def positional(self, o: dict[str, Any], n: dict[str, Any], subject: str, at: Any) -> None:
        """Path arguments by wire name; one gone and one new at the same index is a rename.
        An added or removed one shifts the others, so it names them all."""
        old = [tuple(p) for p in o["positional"]]
        new = [tuple(p) for p in n["positional"]]
        sym = argument_symbols(o)
        old_wires, new_wires = [p[1] for p in old], [p[1] for p in new]
        every = tuple(dict.fromkeys(s for p in old + new for s in sym(p[0])))
        renamed: set[int] = set()
        for index, (python, wire, hint) in enumerate(old):
            if wire in new_wires:
                twin = new[new_wires.index(wire)]
            elif index < len(new) and new[index][1] not in old_wires:
                twin = new[index]
                renamed.add(index)
            else:
                self.findings.add(
                    "sdk-positional-removed",
                    subject,
                    f"positional argument `{python}` removed",
                    self._row(o, wire, old=True),
                    side="old",
                    context=at,
                    old=python,
                    symbols=every,
                )
                continue
            row = self._row(n, twin[1])
            if twin[0] != python:
                self._renamed(subject, python, twin[0], row, sym)
            self._argument_type(subject, twin[0], hint, twin[2], at=row, sym=sym)
        for index, (python, wire, _hint) in enumerate(new):
            if wire not in old_wires and index not in renamed:
                self.findings.add(
                    "sdk-positional-added",
                    subject,
                    f"positional argument `{python}` added",
                    self._row(n, wire),
                    new=python,
                    symbols=every,
                )
        common = [w for w in old_wires if w in new_wires]
        if common != [w for w in new_wires if w in old_wires]:
            before = ", ".join(p[0] for p in old)
            after = ", ".join(p[0] for p in new)
            self.findings.add(
                "sdk-positional-reordered",
                subject,
                f"positional arguments ({before}) → ({after})",
                at,
                old=before,
                new=after,
                symbols=every,
            )

    def _row(self, method: dict[str, Any], wire: str, *, old: bool = False) -> Any:
        locator = self.old_at if old else self.new_at
        return locator.parameter(method["operation"], wire)

    def keywords(self, o: dict[str, Any], n: dict[str, Any], subject: str, at: Any) -> None:
        """Keyword arguments matched by what they send (kind and wire name), then by
        name: an argument that keeps its name while its parameter moves (header to
        query) is the same argument to a caller."""
        old: dict[str, Any] = o["keyword"]
        new: dict[str, Any] = n["keyword"]
        sym = argument_symbols(o)
        by_wire = {(k["kind"], k["wire"]): name for name, k in new.items()}
        pairs = {
            name: by_wire[(a["kind"], a["wire"])]
            for name, a in old.items()
            if (a["kind"], a["wire"]) in by_wire
        }
        for name in old:
            if name not in pairs and name in new and name not in pairs.values():
                pairs[name] = name
        added = [name for name in new if name not in pairs.values()]
        for name, arg in old.items():
            twin = pairs.get(name)
            if twin is not None:
                row = self._row(n, new[twin]["wire"])
                if twin != name:
                    self._renamed(subject, name, twin, row, sym)
                self._keyword(subject, twin, arg, new[twin], at=row, sym=sym)
                continue
            guess = _look_alike(arg, [new[a] | {"name": a} for a in added])
            self.findings.add(
                "sdk-argument-removed",
                subject,
                f"keyword argument `{name}` removed"
                + (f" (renamed to `{guess}`?)" if guess else ""),
                self._row(o, arg["wire"], old=True),
                side="old",
                context=at,
                old=name,
                symbols=sym(name),
            )
        for name in added:
            arg = new[name]
            required = arg["default"] is None
            rule = "sdk-argument-added-required" if required else "sdk-argument-added-optional"
            message = f"keyword argument `{name}` added ({'required' if required else 'optional'})"
            if arg["kind"] == "option":
                # Optional in the signature, but the call now needs the client's option
                # (or this argument) or it raises before sending.
                rule = "sdk-option-required-by-method"
                option = arg.get("option") or name
                message = (
                    f"keyword argument `{name}` added: required unless the client has `{option}`"
                )
            self.findings.add(
                rule,
                subject,
                message,
                self._row(n, arg["wire"]),
                new=name,
                symbols=argument_symbols(n)(name),
            )

    def _keyword(
        self, subject: str, name: str, o: dict[str, Any], n: dict[str, Any], *, at: Any, sym: Any
    ) -> None:
        add = self.findings.add
        if (o["default"] is None) != (n["default"] is None):
            became = "required" if n["default"] is None else "optional"
            add(
                f"sdk-argument-became-{became}",
                subject,
                f"keyword argument `{name}` became {became}",
                at,
                symbols=sym(name),
            )
        elif o["default"] != n["default"]:
            add(
                "sdk-argument-default-changed",
                subject,
                f"keyword argument `{name}`: default {o['default']} → {n['default']}",
                at,
                old=o["default"],
                new=n["default"],
                symbols=sym(name),
            )
        self._argument_type(subject, name, o["hint"], n["hint"], at=at, sym=sym)

    def _renamed(self, subject: str, before: str, after: str, at: Any, sym: Any) -> None:
        self.findings.add(
            "sdk-argument-renamed",
            subject,
            f"argument `{before}` renamed to `{after}`",
            at,
            old=before,
            new=after,
            symbols=sym(before) + sym(after),
        )

    def _argument_type(
        self, subject: str, name: str, old: str, new: str, *, at: Any, sym: Any
    ) -> None:
        verdict, literals = compare_hints(old, new, drop=_NOTGIVEN)
        if verdict == "same":
            return
        if verdict == "enum":
            for change in literals:
                rule = "sdk-enum-member-removed" if change[0] == "-" else "sdk-enum-member-added"
                what = "removed from" if change[0] == "-" else "added to"
                self.findings.add(
                    rule,
                    subject,
                    f"value {change[1:]} {what} `{name}`",
                    at,
                    old=old,
                    new=new,
                    symbols=sym(name),
                )
            return
        rule = "sdk-argument-type-widened" if verdict == "widened" else "sdk-argument-type-narrowed"
        self.findings.add(
            rule,
            subject,
            f"argument `{name}`: {old} → {new}",
            at,
            old=old,
            new=new,
            symbols=sym(name),
        )


def _look_alike(gone: dict[str, Any], added: list[dict[str, Any]]) -> str:
    """The one added argument of the same kind and type as a removed one, if exactly one."""
    alike = [a["name"] for a in added if (a["kind"], a["hint"]) == (gone["kind"], gone["hint"])]
    return alike[0] if len(alike) == 1 else ""


def argument_symbols(method: dict[str, Any]) -> Any:
    """An argument as griffe names it: on the sync and async method and their pagers."""

    def symbols(argument: str) -> tuple[str, ...]:
        classes, names = method["classes"][:2], method_names(method)
        return tuple(f"{c}.{n}({argument})" for c in classes for n in names)

    return symbols
