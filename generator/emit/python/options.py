"""Client options: auth from security schemes, and headers every operation repeats.

Catalog's pages all list ``x-api-key`` and ``x-gw-ims-org-id`` as required headers and
name an apiKey scheme ``Bearer`` on ``Authorization``; a client that made users pass
those on every call would be worse than hand-written code. They become constructor
options (``api_key``, ``ims_org_id``, ``access_token``), read from ``<PREFIX>_<OPTION>``
environment variables when not given, and drop out of the method signatures.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.emit.pyshape import Atom, Tuple, render
from generator.emit.python.layout import call_in_parens, conditional_assignment
from generator.emit.templating import pystr
from generator.model import Api, Operation, ParameterIn
from generator.naming import env_var, option_name, unique_names

CLIENT_ATTRIBUTES = frozenset(
    {"base_url", "timeout", "max_retries", "default_headers", "http_client", "close",
     "request", "with_options", "with_raw_response", "idempotency_header", "aclose"}
)  # fmt: skip


@dataclass(frozen=True)
class OptionView:
    """One constructor option; ``kind`` says how the runtime sends it."""

    name: str
    env_var: str
    kind: str  # header | query | bearer | basic_username | basic_password
    wire_name: str
    required: bool
    description: str

    @property
    def init_code(self) -> str:
        """``self.<name> = <name> if ... else env(...)`` in ``__init__``, black-shaped."""
        env = f"env({pystr(self.env_var)})"
        return conditional_assignment(
            f"self.{self.name}", self.name, f"{self.name} is not None", env, indent=8
        )

    @property
    def auth_entry(self) -> Tuple:
        """``(option, kind, wire name, env var)``: how the runtime sends and names it."""
        values = (self.name, self.kind, self.wire_name, self.env_var)
        return Tuple(tuple(Atom(pystr(v)) for v in values))

    @property
    def auth_entry_code(self) -> str:
        """The option's line in the client's ``_AUTH`` tuple, black-shaped."""
        return render(self.auth_entry, indent=4, tail=",", inside_brackets=True)

    @property
    def missing_code(self) -> str:
        """The ``raise`` for a required option that was neither passed nor set."""
        message = f"Missing {self.name}: pass {self.name}= or set ${self.env_var}"
        return call_in_parens("raise ValueError", pystr(message), indent=12)


@dataclass(frozen=True)
class ClientOptions:
    options: tuple[OptionView, ...]
    header_names: frozenset[str]
    """Casefolded header names the options send (dropped from method parameters)."""
    scheme_options: dict[str, tuple[str, ...]]
    common: tuple[str, ...]
    """Options every request carries whatever its security says (repeated headers)."""

    def digest_parts(self) -> tuple[object, ...]:
        """The options as plain data in a stable order (a set's order is not), for
        cache keys (`generator.emit.python.reuse`)."""
        schemes = sorted(self.scheme_options.items())
        return self.options, sorted(self.header_names), schemes, self.common

    def header_option(self, wire_name: str) -> OptionView | None:
        """The header option sent as ``wire_name`` (any case), if there is one."""
        folded = wire_name.casefold()
        return next(
            (o for o in self.options if o.kind == "header" and o.wire_name.casefold() == folded),
            None,
        )

    def auth_for(self, operation: Operation) -> tuple[str, ...] | None:
        """Option names an operation sends, or None for "all" (no Security section)."""
        if not operation.security:
            return None
        documented = {
            p.name.casefold() for p in operation.parameters if p.place is ParameterIn.HEADER
        }
        names = list(self.common)
        names += [
            o.name
            for o in self.options
            if o.kind == "header" and o.wire_name.casefold() in documented and o.name not in names
        ]
        for requirement in operation.security:
            for name in self.scheme_options.get(requirement.scheme.target or "", ()):
                if name not in names:
                    names.append(name)
        return tuple(names)


def common_headers(operations: tuple[Operation, ...]) -> list[tuple[str, str]]:
    """(wire name, description) of required headers every operation documents."""
    if not operations:
        return []
    per_op = [
        {
            p.name.casefold()
            for p in op.parameters
            if p.place is ParameterIn.HEADER and p.required
        }
        for op in operations
    ]
    shared = per_op[0].intersection(*per_op[1:])
    first = operations[0].parameters
    return [
        (p.name, p.description)
        for p in first
        if p.place is ParameterIn.HEADER and p.name.casefold() in shared
    ]


@dataclass
class _Draft:
    seed: str
    kind: str
    wire: str
    required: bool
    description: str
    schemes: list[str]


def _scheme_drafts(api: Api) -> list[_Draft]:
    drafts: list[_Draft] = []
    for scheme in api.security_schemes:
        kind = scheme.type.casefold()
        keys, text = [scheme.key], scheme.description
        if kind == "apikey" and scheme.param_name:
            where = (scheme.param_in or "header").casefold()
            if where == "header" and scheme.param_name.casefold() == "authorization":
                drafts.append(_Draft("access_token", "bearer", "Authorization", False, text, keys))
            else:
                seed = option_name(scheme.param_name)
                kind_out = "query" if where == "query" else "header"
                drafts.append(_Draft(seed, kind_out, scheme.param_name, False, text, keys))
        elif kind == "basic":
            drafts.append(_Draft("username", "basic_username", "Authorization", False, text, keys))
            drafts.append(_Draft("password", "basic_password", "Authorization", False, text, keys))
        elif kind == "oauth2":
            drafts.append(_Draft("access_token", "bearer", "Authorization", False, text, keys))
    return drafts


def build_options(api: Api, env_prefix: str) -> ClientOptions:
    """Options in a stable order: repeated headers first, then schemes by document order."""
    drafts = [
        _Draft(option_name(wire), "header", wire, True, description, [])
        for wire, description in common_headers(api.operations)
    ]
    merged: dict[tuple[str, str], _Draft] = {}
    for draft in drafts + _scheme_drafts(api):
        key = (draft.kind, draft.wire.casefold())
        if key in merged:
            merged[key].required = merged[key].required or draft.required
            merged[key].schemes.extend(draft.schemes)
        else:
            merged[key] = draft
    ordered = list(merged.values())
    names = unique_names(
        [str(i) for i in range(len(ordered))],
        lambda i: ordered[int(i)].seed,
        reserved=CLIENT_ATTRIBUTES,
    )
    options: list[OptionView] = []
    scheme_options: dict[str, list[str]] = {}
    for i, d in enumerate(ordered):
        name = names[str(i)]
        options.append(
            OptionView(name, env_var(env_prefix, name), d.kind, d.wire, d.required, d.description)
        )
        for scheme_key in d.schemes:
            scheme_options.setdefault(scheme_key, []).append(name)
    return ClientOptions(
        options=tuple(options),
        header_names=frozenset(o.wire_name.casefold() for o in options if o.kind == "header"),
        scheme_options={k: tuple(v) for k, v in scheme_options.items()},
        common=tuple(o.name for o in options if o.required),
    )
