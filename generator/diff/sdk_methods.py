"""The SDK layer's methods: each matched through the operation it calls, then its
name, resource, positional and keyword arguments, return type and documented errors."""

from __future__ import annotations

from typing import Any

from generator.diff.findings import Findings
from generator.diff.hints import compare_hints
from generator.diff.locate import Locator
from generator.diff.surface import Surface

_NOTGIVEN = frozenset({"NotGiven"})


class MethodComparer:
    """Fills a `Findings` with the method-level changes from one surface to another."""

    def __init__(
        self, old: Surface, new: Surface, old_at: Locator, new_at: Locator, findings: Findings
    ) -> None:
        self.old, self.new = old, new
        self.old_at, self.new_at = old_at, new_at
        self.findings = findings

    def run(self) -> None:
        old: dict[str, Any] = self.old["methods"]
        new: dict[str, Any] = self.new["methods"]
        pairs = _match_methods(old, new)
        matched_new = {n for _, n in pairs if n is not None}
        for o, n in pairs:
            if n is None:
                assert o is not None
                m = old[o]
                self.findings.add(
                    "sdk-method-removed",
                    f"client.{o}",
                    "method removed",
                    self.old_at.operation(m["operation"]),
                    side="old",
                    symbols=self._method_symbols(m),
                )
            elif o is not None:
                self.method(o, old[o], n, new[n])
        for call, m in new.items():
            if call not in matched_new:
                self.findings.add(
                    "sdk-method-added",
                    f"client.{call}",
                    "method added",
                    self.new_at.operation(m["operation"]),
                )

    def _method_symbols(self, method: dict[str, Any]) -> tuple[str, ...]:
        """The method on its four classes, and its resource module (which goes with it
        when the method was the last of its resource)."""
        module = self.old["resources"].get(method["resource"], {}).get("module", "")
        own = tuple(f"{c}.{method['name']}" for c in method["classes"])
        return (*own, f"module:{module}") if module else own

    def method(self, o_call: str, o: dict[str, Any], n_call: str, n: dict[str, Any]) -> None:
        subject, at = f"client.{n_call}", self.new_at.operation(n["operation"])
        add = self.findings.add
        old_symbols = self._method_symbols(o)
        if o["resource"] != n["resource"]:
            add(
                "sdk-method-moved",
                subject,
                f"`client.{o_call}` moved to `client.{n_call}`",
                at,
                old=f"client.{o_call}",
                new=f"client.{n_call}",
                symbols=old_symbols,
            )
            return  # every caller changes anyway; argument details would only repeat it
        if o["name"] != n["name"]:
            add(
                "sdk-method-renamed",
                subject,
                f"`client.{o_call}` renamed to `client.{n_call}`",
                at,
                old=f"client.{o_call}",
                new=f"client.{n_call}",
                symbols=old_symbols,
            )
            return
        self.positional(o, n, subject, at)
        self.keywords(o, n, subject, at)
        verdict, _ = compare_hints(o["returns"], n["returns"])
        if verdict != "same":
            rule = (
                "sdk-return-type-narrowed" if verdict == "narrowed" else "sdk-return-type-changed"
            )
            add(
                rule,
                subject,
                f"returns {n['returns']} (was {o['returns']})",
                at,
                old=o["returns"],
                new=n["returns"],
            )
        for error in o["errors"]:
            if error not in n["errors"]:
                add(
                    "sdk-method-error-removed",
                    subject,
                    f"no longer documents {error}",
                    at,
                    old=error,
                )
        for error in n["errors"]:
            if error not in o["errors"]:
                add("sdk-method-error-added", subject, f"documents {error}", at, new=error)

    def positional(self, o: dict[str, Any], n: dict[str, Any], subject: str, at: Any) -> None:
        """Path arguments by wire name; one gone and one new at the same index is a rename.
        An added or removed one shifts the others, so it names them all."""
        old = [tuple(p) for p in o["positional"]]
        new = [tuple(p) for p in n["positional"]]
        sym = _symbols(o)
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
        sym = _symbols(o)
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
            state = "required" if required else "optional"
            self.findings.add(
                rule,
                subject,
                f"keyword argument `{name}` added ({state})",
                self._row(n, arg["wire"]),
                new=name,
                symbols=_symbols(n)(name),
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


def _symbols(method: dict[str, Any]) -> Any:
    def symbols(argument: str) -> tuple[str, ...]:
        return tuple(f"{c}.{method['name']}({argument})" for c in method["classes"][:2])

    return symbols


def _match_methods(old: dict[str, Any], new: dict[str, Any]) -> list[tuple[str | None, str | None]]:
    """(old call, new call) pairs: by operation, then operation id, then call name."""
    pairs: list[tuple[str | None, str | None]] = []
    left_new = dict(new)
    left_old: list[str] = []
    by_operation = {m["operation"]: call for call, m in new.items()}
    for call, m in old.items():
        twin = by_operation.get(m["operation"])
        if twin is not None and twin in left_new:
            del left_new[twin]
            pairs.append((call, twin))
        else:
            left_old.append(call)
    for call in left_old:
        m = old[call]
        twin = next(
            (
                c
                for c, t in left_new.items()
                if m["operation_id"] and t["operation_id"] == m["operation_id"]
            ),
            call if call in left_new else None,
        )
        if twin is not None:
            del left_new[twin]
        pairs.append((call, twin))
    return pairs
