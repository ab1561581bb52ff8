"""The Python package's identity: its names, version and default base URL.

Each comes from the API's config when it names one and it is usable, else from the
docs (the overview's version, host and base path) or from the API's name
(`generator.naming.api_names`); a configured value that cannot be used is warned
about where the docs' overview is, and the derived one is used instead.
"""

from __future__ import annotations

import keyword
import re

from generator.config import ApiConfig
from generator.diagnostics import Diagnostics
from generator.emit.python.operations import IDEMPOTENCY_HEADERS
from generator.model import NOWHERE, Api, ParameterIn
from generator.naming import api_names

_PACKAGE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*", re.ASCII)
_DISTRIBUTION = re.compile(r"[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?", re.ASCII)
_ENV = re.compile(r"[A-Z_][A-Z0-9_]*", re.ASCII)
_PEP440 = re.compile(r"\d+(\.\d+)*((a|b|rc)\d+)?(\.post\d+)?(\.dev\d+)?")


def package_names(api: Api, config: ApiConfig, diagnostics: Diagnostics) -> tuple[str, str, str]:
    """(import package, environment variable prefix, distribution) of the client."""
    names = api_names(config.name)
    package, env_prefix, distribution = (
        _checked(value, default, pattern, what, api=api, diagnostics=diagnostics)
        for value, default, pattern, what in (
            (config.package, names.package, _PACKAGE, "package"),
            (config.env_prefix, names.env_prefix, _ENV, "env-prefix"),
            (config.distribution, names.distribution, _DISTRIBUTION, "distribution"),
        )
    )
    return package, env_prefix, distribution


def _checked(
    value: str,
    default: str,
    pattern: re.Pattern[str],
    what: str,
    *,
    api: Api,
    diagnostics: Diagnostics,
) -> str:
    """A configured name if it is usable as one, else the derived default (warned)."""
    if not value:
        return default
    if pattern.fullmatch(value) and not (what == "package" and keyword.iskeyword(value)):
        return value
    location = api.overview.location if api.overview else NOWHERE
    message = f"{what} {value!r} is not a valid name; the Python client uses {default!r}"
    diagnostics.warning("config", message, location)
    return default


def package_version(api: Api, config: ApiConfig, diagnostics: Diagnostics) -> str:
    """A PEP 440 version from config or the docs; ``0.1.0`` with a warning otherwise."""
    raw = config.version or (api.overview.version if api.overview else None) or "0.1.0"
    text = raw.strip().removeprefix("v").removeprefix("V")
    if _PEP440.fullmatch(text):
        return text
    location = api.overview.location if api.overview else NOWHERE
    diagnostics.warning(
        "unsupported",
        f"version {raw!r} is not a PEP 440 version; the Python package uses 0.1.0",
        location,
    )
    return "0.1.0"


def default_base_url(api: Api, config: ApiConfig) -> str:
    """Config's base URL, else the overview's host + base path (https preferred)."""
    if config.base_url:
        return config.base_url
    overview = api.overview
    if overview is None or not overview.host:
        return ""
    schemes = [s.lower() for s in overview.schemes]
    scheme = "https" if "https" in schemes or not schemes else schemes[0]
    base_path = (overview.base_path or "").rstrip("/")
    if base_path and not base_path.startswith("/"):
        base_path = "/" + base_path
    return f"{scheme}://{overview.host}{base_path}"


def idempotency_header(api: Api) -> str:
    """The idempotency header the docs use, if any operation documents one."""
    for operation in api.operations:
        for param in operation.parameters:
            is_header = param.place is ParameterIn.HEADER
            if is_header and param.name.casefold() in IDEMPOTENCY_HEADERS:
                return param.name
    return ""
