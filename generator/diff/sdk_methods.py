"""The SDK layer's methods: each matched through the operation it calls, then its
name, resource, positional and keyword arguments, return type, auto-paging twin and
documented errors.

A method's ``<name>_iter`` pager takes the same arguments, so whatever touches an
argument touches it too (`method_names`); the pager itself is compared in
`generator.diff.sdk_pagers`.
"""

from __future__ import annotations

from typing import Any

from generator.diff.findings import Findings
from generator.diff.hints import compare_hints
from generator.diff.locate import Locator
from generator.diff.sdk_arguments import ArgumentComparer
from generator.diff.sdk_pagers import compare_pagers, method_names
from generator.diff.surface import Surface


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
        """The method on its four classes, its pager on the two that have one, and its
        resource module (which goes with it when the method was the last of its
        resource)."""
        module = self.old["resources"].get(method["resource"], {}).get("module", "")
        own = tuple(f"{c}.{method['name']}" for c in method["classes"])
        own += tuple(f"{c}.{n}" for c in method["classes"][:2] for n in method_names(method)[1:])
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
        arguments = ArgumentComparer(self.old_at, self.new_at, self.findings)
        arguments.positional(o, n, subject, at)
        arguments.keywords(o, n, subject, at)
        verdict, _ = compare_hints(o["returns"], n["returns"])
        if verdict != "same":
            rule = (
                "sdk-return-type-narrowed" if verdict == "narrowed" else "sdk-return-type-changed"
            )
            if o["returns"] == "None":
                # Nothing could use the old result: a value now is new surface.
                rule = "sdk-return-value-added"
            add(
                rule,
                subject,
                f"returns {n['returns']} (was {o['returns']})",
                at,
                old=o["returns"],
                new=n["returns"],
            )
        compare_pagers(o, n_call, n, at, self.findings, returns_changed=verdict != "same")
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
