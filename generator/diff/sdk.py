"""The SDK layer: two surfaces of the generated client compared as a caller sees them.

Wire-neutral doc edits can still break callers: a new operation id renames a method, a
new tag moves it to another resource, a renamed path variable renames a positional
argument, a renamed definition renames a model class. Methods are matched through the
operation they call (by wire identity, then operation id), arguments by where they go
on the wire, fields by their wire name, so each of those shows as a rename of the same
thing rather than a removal plus an addition.
"""

from __future__ import annotations

from generator.diff.findings import Findings
from generator.diff.locate import Locator
from generator.diff.sdk_methods import MethodComparer
from generator.diff.sdk_models import compare_models
from generator.diff.surface import Surface


class SdkComparer:
    """Fills a `Findings` with the SDK-level changes from one surface to another."""

    def __init__(
        self,
        old: Surface,
        new: Surface,
        old_at: Locator,
        new_at: Locator,
        findings: Findings,
    ) -> None:
        self.old, self.new = old, new
        self.old_at, self.new_at = old_at, new_at
        self.findings = findings

    def run(self) -> None:
        self.options()
        self.resources()
        MethodComparer(self.old, self.new, self.old_at, self.new_at, self.findings).run()
        compare_models(self.old, self.new, self.old_at, self.new_at, self.findings)
        for name in self.old["exceptions"]:
            if name not in self.new["exceptions"]:
                self.findings.add(
                    "sdk-exception-removed",
                    f"exceptions.{name}",
                    f"class `{name}` removed",
                    self.old_at.source(""),
                    side="old",
                    old=name,
                    symbols=(name,),
                )

    # ------------------------------------------------------------------ client

    def options(self) -> None:
        """Options matched by name, then by what they send (kind and wire name), then
        one left on each side with the same kind (the scheme's parameter was renamed)."""
        client, old, new = self.new["client"], self.old["options"], self.new["options"]
        at = self.new_at.source("")
        clients = (client, self.new["async_client"])
        pairs = {name: name for name in old if name in new}
        by_wire = {(o["kind"], o["wire"].casefold()): name for name, o in new.items()}
        for name, option in old.items():
            twin = by_wire.get((option["kind"], option["wire"].casefold()))
            if name not in pairs and twin is not None and twin not in pairs.values():
                pairs[name] = twin
        for kind in {o["kind"] for o in old.values()}:
            gone = [n for n, o in old.items() if o["kind"] == kind and n not in pairs]
            fresh = [n for n, o in new.items() if o["kind"] == kind and n not in pairs.values()]
            if len(gone) == 1 and len(fresh) == 1:
                pairs[gone[0]] = fresh[0]
        for name in old:
            symbols = tuple(
                f"{c}.{m}({name})" for c in clients for m in ("__init__", "with_options")
            )
            symbols += tuple(f"{c}.{name}" for c in clients)
            twin = pairs.get(name)
            if twin is None:
                self.findings.add(
                    "sdk-client-option-removed",
                    client,
                    f"option `{name}` removed",
                    at,
                    old=name,
                    symbols=symbols,
                )
            elif twin != name:
                self.findings.add(
                    "sdk-client-option-renamed",
                    client,
                    f"option `{name}` renamed to `{twin}`",
                    at,
                    old=name,
                    new=twin,
                    symbols=symbols,
                )
            if twin is not None and new[twin]["required"] and not old[name]["required"]:
                self.findings.add(
                    "sdk-client-option-became-required",
                    client,
                    f"option `{twin}` became required",
                    at,
                )
        for name in new:
            if name not in pairs.values():
                self.findings.add(
                    "sdk-client-option-added", client, f"option `{name}` added", at, new=name
                )

    def resources(self) -> None:
        old, new = self.old["resources"], self.new["resources"]
        for attribute, resource in old.items():
            if attribute not in new:
                symbols = (
                    *resource["classes"],
                    f"{self.old['client']}.{attribute}",
                    f"{self.old['async_client']}.{attribute}",
                    f"module:{resource['module']}",
                )
                self.findings.add(
                    "sdk-resource-removed",
                    f"client.{attribute}",
                    "resource removed",
                    self.old_at.source(""),
                    side="old",
                    symbols=symbols,
                )
        for attribute in new:
            if attribute not in old:
                self.findings.add(
                    "sdk-resource-added",
                    f"client.{attribute}",
                    "resource added",
                    self.new_at.source(""),
                )
