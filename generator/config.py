"""Project configuration: which APIs to generate, into what, with which names.

Read from ``[tool.md2sdk]`` in ``pyproject.toml`` (see `load_config`), or made up on the
spot for ad-hoc folders (`ApiConfig.for_folder`). Emitters receive an `ApiConfig` and
take every externally visible name (distribution, package, client class, env-var
prefix) from it, so a team can rename anything without touching templates.

Example::

    [tool.md2sdk]
    output = "generated"          # output root, relative to pyproject.toml
    templates = "my-templates"    # optional: user templates override built-in ones

    [tool.md2sdk.apis.catalog]
    specs = "specs/catalog"       # required
    package = "catalog_client"    # every other key is optional
    distribution = "catalog-client"
    client-class = "CatalogClient"
    env-prefix = "CATALOG"
    base-url = "https://platform.adobe.io/data/foundation/catalog"
    targets = ["openapi", "python"]
    openapi-version = "3.0.3"
    versioning = "semver"         # package version and CHANGELOG.md follow the docs

    [tool.md2sdk.apis.catalog.pagination]   # see generator.config_paging
    style = "offset"
    offset = "start"

Problems are ``config`` diagnostics located at the offending key in ``pyproject.toml``.
"""

from __future__ import annotations

import dataclasses
import keyword
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from generator.config_paging import Pagination, read_pagination
from generator.diagnostics import Diagnostics
from generator.location import SourceLocation
from generator.naming import api_names

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
    versioning: str | None = None
    """``"semver"``: package versions follow the docs' changes (`generator.diff.versioning`)."""
    published: bool = False
    """The config names the distribution: READMEs install it by that name (else from
    the package's folder, since a derived name may belong to someone else on PyPI)."""
    pagination: Pagination = field(default_factory=Pagination)
    """How list operations page (`generator.config_paging`)."""

    @classmethod
    def for_folder(cls, specs: Path, name: str | None = None) -> ApiConfig:
        """Defaults for an ad-hoc folder: everything derived from the folder name."""
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


OPENAPI_VERSIONS = {"3.1": "3.1.0", "3.1.0": "3.1.0", "3.0": "3.0.3", "3.0.3": "3.0.3"}
KNOWN_TARGETS: tuple[str, ...] = (*ALL_TARGETS, "model")
DEFAULT_OUTPUT = "generated"

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_API_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
_DISTRIBUTION = re.compile(r"[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?")
_ENV_PREFIX = re.compile(r"[A-Z][A-Z0-9_]*")
_TOML_POSITION = re.compile(r"at line (\d+), column (\d+)")

_PROJECT_KEYS = {"output", "templates", "apis"}
_API_KEYS = {
    "specs", "package", "distribution", "client-class", "env-prefix", "base-url",
    "version", "targets", "openapi-version", "versioning", "pagination",
}  # fmt: skip


class ConfigError(Exception):
    """Raised by `load_config` when no collector was given and the config is invalid."""

    def __init__(self, diagnostics: Diagnostics) -> None:
        super().__init__("\n".join(d.format() for d in diagnostics.sorted()))
        self.diagnostics = diagnostics


def find_pyproject(start: Path) -> Path | None:
    """The nearest ``pyproject.toml`` at or above ``start`` with a ``[tool.md2sdk]`` table."""
    for folder in (start.resolve(), *start.resolve().parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            try:
                text = candidate.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            if "[tool.md2sdk" in text:
                return candidate
    return None


def display_path(path: Path, base: Path | None = None) -> str:
    """``path`` relative to ``base`` (default: the working directory) when it is below it."""
    base = base or Path.cwd()
    # Symlinks in ``path`` are kept as written (a link is shown where it sits, not where
    # it leads); resolving both sides is the fallback for a base reached through links.
    mine, theirs = os.path.abspath(path), os.path.abspath(base)
    if mine == theirs:
        return "."
    prefix = theirs.rstrip(os.sep) + os.sep
    if mine.startswith(prefix):  # both normalised: the rest is the relative path
        return mine[len(prefix) :].replace(os.sep, "/")
    real, real_base = path.resolve(), base.resolve()
    if real.is_relative_to(real_base):
        return real.relative_to(real_base).as_posix() or "."
    return path.as_posix()


def load_config(pyproject: Path, diagnostics: Diagnostics | None = None) -> ProjectConfig:
    """Read and validate ``[tool.md2sdk]``; every problem is a located ``config`` error.

    With a ``diagnostics`` collector the (possibly partial) config is returned and the
    caller checks ``diagnostics.has_errors``; without one, `ConfigError` is raised.
    """
    own = diagnostics is None
    diags = Diagnostics() if diagnostics is None else diagnostics
    reader = _Reader(pyproject, diags)
    config = reader.read()
    if own and diags.has_errors:
        raise ConfigError(diags)
    return config


class _Reader:
    """Validates the table value by value, locating each problem at its key's line."""

    def __init__(self, pyproject: Path, diagnostics: Diagnostics) -> None:
        self.path = pyproject
        self.root = pyproject.resolve().parent
        self.diagnostics = diagnostics
        self.shown = display_path(pyproject)
        self.lines: list[str] = []

    def error(self, message: str, table: str = "tool.md2sdk", key: str | None = None) -> None:
        self.diagnostics.error("config", message, self._locate(table, key))

    def read(self) -> ProjectConfig:
        empty = ProjectConfig(root=self.root, output=self.root / DEFAULT_OUTPUT)
        try:
            text = self.path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            self.error(f"cannot read {self.shown}: {exc}")
            return empty
        self.lines = text.splitlines()
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            found = _TOML_POSITION.search(str(exc))
            line, col = (int(found[1]), int(found[2])) if found else (1, 1)
            self.diagnostics.error(
                "config", f"invalid TOML: {exc}", SourceLocation(self.shown, line, col)
            )
            return empty
        table = data.get("tool", {}).get("md2sdk")
        if not isinstance(table, dict):
            self.error("no [tool.md2sdk] table")
            return empty
        for key in sorted(set(table) - _PROJECT_KEYS):
            self.error(f"unknown key {key!r} (expected one of {sorted(_PROJECT_KEYS)})", key=key)
        output = self._relative(table, "output", "tool.md2sdk") or DEFAULT_OUTPUT
        templates = self._relative(table, "templates", "tool.md2sdk")
        if templates is not None and not (self.root / templates).is_dir():
            self.error(f"templates folder {templates!r} does not exist", key="templates")
        apis_table = table.get("apis", {})
        apis: list[ApiConfig] = []
        if not isinstance(apis_table, dict) or not apis_table:
            self.error("no APIs configured: add a [tool.md2sdk.apis.<name>] table")
        else:
            for name, api_table in apis_table.items():
                api = self._api(name, api_table)
                if api is not None:
                    apis.append(api)
        return ProjectConfig(
            root=self.root,
            output=self.root / output,
            apis=tuple(apis),
            templates=None if templates is None else self.root / templates,
        )

    def _api(self, name: str, table: object) -> ApiConfig | None:
        where = f"tool.md2sdk.apis.{name}"
        if not _API_NAME.fullmatch(name):
            self.error(f"API name {name!r} must be letters, digits, '_', '.', '-'", where)
            return None
        if not isinstance(table, dict):
            self.error(f"[{where}] must be a table", where)
            return None
        values = {key.replace("_", "-"): value for key, value in table.items()}
        for key in sorted(set(values) - _API_KEYS):
            self.error(f"unknown key {key!r} (expected one of {sorted(_API_KEYS)})", where, key)
        specs = self._relative(values, "specs", where)
        if specs is None:
            if "specs" not in values:
                self.error(f"[{where}] needs specs = \"<folder of markdown pages>\"", where)
            return None
        if not (self.root / specs).is_dir():
            self.error(f"specs folder {specs!r} does not exist", where, "specs")
        api = ApiConfig.for_folder(self.root / specs, name)
        checks: dict[str, tuple[str, re.Pattern[str] | None, str]] = {
            "package": ("package", _IDENTIFIER, "a Python identifier"),
            "distribution": ("distribution", _DISTRIBUTION, "a distribution name"),
            "client-class": ("client_class", _IDENTIFIER, "a Python identifier"),
            "env-prefix": ("env_prefix", _ENV_PREFIX, "upper-case letters, digits and '_'"),
            "base-url": ("base_url", None, "a URL"),
            "version": ("version", None, "a version string"),
        }
        changes: dict[str, object] = {}
        for key, (attr, pattern, what) in checks.items():
            value = values.get(key)
            if value is None:
                continue
            if not isinstance(value, str) or (pattern is not None and not pattern.fullmatch(value)):
                self.error(f"{key} = {value!r} must be {what}", where, key)
            elif attr in {"package", "client_class"} and keyword.iskeyword(value):
                self.error(f"{key} = {value!r} is a Python keyword", where, key)
            else:
                changes[attr] = value
        if "distribution" in changes:
            changes["published"] = True
        if "pagination" in values:
            changes["pagination"] = read_pagination(
                values["pagination"], f"{where}.pagination", self.error
            )
        targets = values.get("targets")
        if targets is not None:
            if (
                not isinstance(targets, list)
                or not targets
                or any(t not in KNOWN_TARGETS for t in targets)
                or len(set(targets)) != len(targets)
            ):
                self.error(
                    f"targets = {targets!r} must be a non-empty list of distinct names "
                    f"from {list(KNOWN_TARGETS)}",
                    where,
                    "targets",
                )
            else:
                changes["targets"] = tuple(targets)
        version = values.get("openapi-version")
        if version is not None:
            if version not in OPENAPI_VERSIONS:
                self.error(
                    f"openapi-version = {version!r} must be one of {sorted(OPENAPI_VERSIONS)}",
                    where,
                    "openapi-version",
                )
            else:
                changes["openapi_version"] = OPENAPI_VERSIONS[str(version)]
        versioning = values.get("versioning")
        if versioning is not None:
            if versioning != "semver":
                self.error(f"versioning = {versioning!r} must be \"semver\"", where, "versioning")
            else:
                changes["versioning"] = versioning
        return dataclasses.replace(api, **changes)  # type: ignore[arg-type]

    def _relative(self, table: dict[str, object], key: str, where: str) -> str | None:
        """A relative folder path that stays inside the project, or None."""
        value = table.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            self.error(f"{key} must be a folder path string", where, key)
            return None
        path = PurePosixPath(value)
        if path.is_absolute() or ".." in path.parts or "\\" in value:
            self.error(f"{key} = {value!r} must be a relative path inside the project", where, key)
            return None
        return path.as_posix()

    def _locate(self, table: str, key: str | None) -> SourceLocation:
        """The line of ``key`` inside ``[table]`` (or of the header), else 1:1."""
        header = f"[{table}]"
        start = next(
            (i for i, line in enumerate(self.lines) if line.strip().replace(" ", "") == header),
            None,
        )
        if start is None:
            return SourceLocation(self.shown, 1, 1)
        if key is not None:
            for offset, line in enumerate(self.lines[start + 1 :], start + 2):
                stripped = line.lstrip()
                if stripped.startswith("["):
                    break
                name = stripped.split("=", 1)[0].strip().strip("\"'")
                if "=" in stripped and name.replace("_", "-") == key.replace("_", "-"):
                    return SourceLocation(self.shown, offset, len(line) - len(stripped) + 1)
        return SourceLocation(self.shown, start + 1, 1)
