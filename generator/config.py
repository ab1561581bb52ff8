"""Project configuration: which APIs to generate, into what, with which names.

Read from ``[tool.md2sdk]`` in ``pyproject.toml`` (see `load_config`), or made up on the
spot for ad-hoc folders (`ApiConfig.for_folder`). Emitters receive an `ApiConfig` and
take every externally visible name (distribution, package, client class, env-var
prefix) from it, so a team can rename anything without touching templates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

ALL_TARGETS: tuple[str, ...] = ("openapi", "python", "tests")


@dataclass(frozen=True)
class ApiConfig:
    """Settings for one API. ``name`` is the API's short name (its specs folder name)."""

    name: str
    specs: Path
    package: str = ""
    distribution: str = ""
    client_class: str = "Client"
    env_prefix: str = ""
    base_url: str | None = None
    version: str | None = None
    targets: tuple[str, ...] = ALL_TARGETS
    openapi_version: str = "3.1.0"

    @classmethod
    def for_folder(cls, specs: Path, name: str | None = None) -> ApiConfig:
        """Defaults for an ad-hoc folder: everything derived from the folder name."""
        from generator.naming import api_names

        api = name or specs.name
        names = api_names(api)
        return cls(
            name=api,
            specs=specs,
            package=names.package,
            distribution=names.distribution,
            env_prefix=names.env_prefix,
        )


@dataclass(frozen=True)
class ProjectConfig:
    """The whole project: its APIs, output root and optional template overrides."""

    root: Path
    output: Path
    apis: tuple[ApiConfig, ...] = ()
    templates: Path | None = None
    extra: dict[str, object] = field(default_factory=dict)
