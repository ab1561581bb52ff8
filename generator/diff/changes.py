"""What one difference between two versions of an API is: a rule, a level, a place.

Every finding of `md2sdk diff` is a `Change` named by a stable kebab-case rule id from
`RULES`. A rule fixes its level once and for all (the id says the direction:
``request-property-removed`` is a warning, ``response-required-property-removed``
breaks), so a CI job can rely on an id meaning the same thing release after release.
The levels follow the contract rule oasdiff uses: what narrows what a client may send,
or widens what it may receive, breaks; what the docs cannot settle is a warning.

Each rule also says which release it calls for (`Bump`): breaking changes a major,
new surface a minor, docs-only text a patch. The verdict of a report is the largest.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum, StrEnum

from generator.location import SourceLocation


class Level(StrEnum):
    BREAKING = "breaking"
    WARNING = "warning"
    INFO = "info"


LEVEL_ORDER = {Level.BREAKING: 0, Level.WARNING: 1, Level.INFO: 2}


class Bump(IntEnum):
    """The release a change calls for, comparable: ``max()`` over a report is its verdict."""

    NONE = 0
    PATCH = 1
    MINOR = 2
    MAJOR = 3

    @property
    def label(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Rule:
    level: Level
    bump: Bump
    layer: str  # wire | sdk
    title: str


_B, _W, _I = Level.BREAKING, Level.WARNING, Level.INFO
_MAJ, _MIN, _PAT = Bump.MAJOR, Bump.MINOR, Bump.PATCH


def _wire(level: Level, bump: Bump, title: str) -> Rule:
    return Rule(level, bump, "wire", title)


def _sdk(level: Level, bump: Bump, title: str) -> Rule:
    return Rule(level, bump, "sdk", title)


RULES: dict[str, Rule] = {
    # ------------------------------------------------------------- operations
    "api-removed-without-deprecation": _wire(_B, _MAJ, "operation removed, not deprecated before"),
    "api-removed-with-deprecation": _wire(_I, _MAJ, "operation removed after being deprecated"),
    "api-path-changed": _wire(_B, _MAJ, "operation moved to another path"),
    "api-method-changed": _wire(_B, _MAJ, "operation moved to another HTTP method"),
    "endpoint-added": _wire(_I, _MIN, "operation added"),
    "api-deprecated": _wire(_I, _MIN, "operation deprecated"),
    "api-reactivated": _wire(_I, _MIN, "operation no longer deprecated"),
    "api-operation-id-changed": _wire(_I, _PAT, "operation id changed"),
    "api-tag-changed": _wire(_I, _PAT, "operation tag changed"),
    "api-summary-changed": _wire(_I, _PAT, "operation summary changed"),
    "api-description-changed": _wire(_I, _PAT, "operation description changed"),
    # ------------------------------------------------------------- parameters
    "new-required-request-parameter": _wire(_B, _MAJ, "required parameter added"),
    "new-optional-request-parameter": _wire(_I, _MIN, "optional parameter added"),
    "request-parameter-removed": _wire(_W, _MIN, "parameter removed"),
    "request-parameter-became-required": _wire(_B, _MAJ, "parameter became required"),
    "request-parameter-became-optional": _wire(_I, _MIN, "parameter became optional"),
    "request-parameter-location-changed": _wire(_B, _MAJ, "parameter moved to another place"),
    "request-path-parameter-renamed": _wire(_I, _PAT, "path parameter renamed"),
    "request-parameter-type-changed": _wire(_B, _MAJ, "parameter type changed"),
    "request-parameter-type-generalized": _wire(_I, _MIN, "parameter type widened"),
    "request-parameter-format-changed": _wire(_W, _MIN, "parameter format changed"),
    "request-parameter-collection-format-changed": _wire(
        _W, _MIN, "parameter collection format changed"
    ),
    "request-parameter-default-value-changed": _wire(_B, _MAJ, "parameter default changed"),
    "request-parameter-default-value-added": _wire(_W, _MIN, "parameter default added"),
    "request-parameter-default-value-removed": _wire(_W, _MIN, "parameter default removed"),
    "request-parameter-enum-value-removed": _wire(_B, _MAJ, "parameter enum value removed"),
    "request-parameter-enum-value-added": _wire(_I, _MIN, "parameter enum value added"),
    "request-parameter-constraint-tightened": _wire(_B, _MAJ, "parameter constraint tightened"),
    "request-parameter-constraint-loosened": _wire(_I, _MIN, "parameter constraint loosened"),
    "request-parameter-pattern-changed": _wire(_W, _MIN, "parameter pattern changed"),
    "request-parameter-description-changed": _wire(_I, _PAT, "parameter description changed"),
    # ----------------------------------------------------------- request body
    "request-body-added-required": _wire(_B, _MAJ, "required request body added"),
    "request-body-added-optional": _wire(_I, _MIN, "optional request body added"),
    "request-body-removed": _wire(_W, _MIN, "request body removed"),
    "request-body-became-required": _wire(_B, _MAJ, "request body became required"),
    "request-body-became-optional": _wire(_I, _MIN, "request body became optional"),
    "request-body-type-changed": _wire(_B, _MAJ, "request body type changed"),
    "request-media-type-removed": _wire(_B, _MAJ, "request media type removed"),
    "request-media-type-added": _wire(_I, _MIN, "request media type added"),
    # ----------------------------------------------------- request properties
    "new-required-request-property": _wire(_B, _MAJ, "required request property added"),
    "new-optional-request-property": _wire(_I, _MIN, "optional request property added"),
    "request-property-removed": _wire(_W, _MIN, "request property removed"),
    "request-property-became-required": _wire(_B, _MAJ, "request property became required"),
    "request-property-became-optional": _wire(_I, _MIN, "request property became optional"),
    "request-property-type-changed": _wire(_B, _MAJ, "request property type changed"),
    "request-property-type-generalized": _wire(_I, _MIN, "request property type widened"),
    "request-property-format-changed": _wire(_W, _MIN, "request property format changed"),
    "request-property-enum-value-removed": _wire(_B, _MAJ, "request property enum value removed"),
    "request-property-enum-value-added": _wire(_I, _MIN, "request property enum value added"),
    "request-property-constraint-tightened": _wire(
        _B, _MAJ, "request property constraint tightened"
    ),
    "request-property-constraint-loosened": _wire(_I, _MIN, "request property constraint loosened"),
    "request-property-pattern-changed": _wire(_W, _MIN, "request property pattern changed"),
    "request-property-default-value-changed": _wire(_W, _MIN, "request property default changed"),
    # -------------------------------------------------------------- responses
    "response-success-status-removed": _wire(_B, _MAJ, "success status removed"),
    "response-success-status-added": _wire(_I, _MIN, "success status added"),
    "response-non-success-status-removed": _wire(_I, _PAT, "error status removed"),
    "response-non-success-status-added": _wire(_I, _PAT, "error status added"),
    "response-body-removed": _wire(_B, _MAJ, "success response body removed"),
    "response-body-added": _wire(_I, _MIN, "success response body added"),
    "response-body-type-changed": _wire(_B, _MAJ, "response body type changed"),
    "response-media-type-removed": _wire(_B, _MAJ, "response media type removed"),
    "response-media-type-added": _wire(_I, _MIN, "response media type added"),
    "response-header-removed": _wire(_W, _MIN, "response header removed"),
    "response-header-added": _wire(_I, _MIN, "response header added"),
    # ---------------------------------------------------- response properties
    "response-required-property-removed": _wire(_B, _MAJ, "required response property removed"),
    "response-optional-property-removed": _wire(_W, _MIN, "optional response property removed"),
    "response-property-became-optional": _wire(_B, _MAJ, "response property became optional"),
    "response-property-became-required": _wire(_I, _MIN, "response property became required"),
    "response-property-added": _wire(_I, _MIN, "response property added"),
    "response-property-type-changed": _wire(_B, _MAJ, "response property type changed"),
    "response-property-type-specialized": _wire(_I, _MIN, "response property type narrowed"),
    "response-property-format-changed": _wire(_W, _MIN, "response property format changed"),
    "response-property-enum-value-added": _wire(_W, _MIN, "response property enum value added"),
    "response-property-enum-value-removed": _wire(_I, _MIN, "response property enum value removed"),
    "response-property-constraint-loosened": _wire(
        _W, _MIN, "response property constraint loosened"
    ),
    "response-property-constraint-tightened": _wire(
        _I, _MIN, "response property constraint tightened"
    ),
    "response-property-pattern-changed": _wire(_W, _MIN, "response property pattern changed"),
    # --------------------------------------------------------------- security
    "api-security-added": _wire(_B, _MAJ, "security requirement added to an operation"),
    "api-security-removed": _wire(_I, _MIN, "security requirement removed from an operation"),
    "api-security-scope-added": _wire(_B, _MAJ, "security scope added to an operation"),
    "api-security-scope-removed": _wire(_I, _MIN, "security scope removed from an operation"),
    "security-scheme-type-changed": _wire(_B, _MAJ, "security scheme type changed"),
    "security-scheme-location-changed": _wire(_B, _MAJ, "security scheme location changed"),
    "security-scheme-name-changed": _wire(_B, _MAJ, "security scheme parameter name changed"),
    # -------------------------------------------------------------- overview
    "api-base-path-changed": _wire(_B, _MAJ, "base path changed"),
    "api-host-changed": _wire(_W, _MIN, "host changed"),
    "api-version-changed": _wire(_I, _PAT, "documented version changed"),
    "api-info-description-changed": _wire(_I, _PAT, "overview description changed"),
    "schema-description-changed": _wire(_I, _PAT, "schema description changed"),
    "property-description-changed": _wire(_I, _PAT, "property description changed"),
    # ------------------------------------------------------------ SDK surface
    "sdk-method-removed": _sdk(_B, _MAJ, "client method removed"),
    "sdk-method-renamed": _sdk(_B, _MAJ, "client method renamed"),
    "sdk-method-moved": _sdk(_B, _MAJ, "client method moved to another resource"),
    "sdk-method-added": _sdk(_I, _MIN, "client method added"),
    "sdk-resource-removed": _sdk(_B, _MAJ, "client resource removed"),
    "sdk-resource-added": _sdk(_I, _MIN, "client resource added"),
    "sdk-argument-removed": _sdk(_B, _MAJ, "keyword argument removed"),
    "sdk-argument-renamed": _sdk(_B, _MAJ, "argument renamed"),
    "sdk-argument-added-required": _sdk(_B, _MAJ, "required keyword argument added"),
    "sdk-argument-added-optional": _sdk(_I, _MIN, "optional keyword argument added"),
    "sdk-argument-became-required": _sdk(_B, _MAJ, "keyword argument became required"),
    "sdk-argument-became-optional": _sdk(_I, _MIN, "keyword argument became optional"),
    "sdk-argument-default-changed": _sdk(_B, _MAJ, "keyword argument default changed"),
    "sdk-argument-type-narrowed": _sdk(_B, _MAJ, "argument type narrowed"),
    "sdk-argument-type-widened": _sdk(_I, _MIN, "argument type widened"),
    "sdk-positional-added": _sdk(_B, _MAJ, "positional argument added"),
    "sdk-positional-removed": _sdk(_B, _MAJ, "positional argument removed"),
    "sdk-positional-reordered": _sdk(_B, _MAJ, "positional arguments re-ordered"),
    "sdk-return-type-changed": _sdk(_B, _MAJ, "return type changed"),
    "sdk-return-type-narrowed": _sdk(_I, _MIN, "return type narrowed"),
    "sdk-return-value-added": _sdk(_I, _MIN, "method returns a value (returned None)"),
    "sdk-pager-removed": _sdk(_B, _MAJ, "auto-paging method removed"),
    "sdk-pager-added": _sdk(_I, _MIN, "auto-paging method added"),
    "sdk-option-required-by-method": _sdk(_B, _MAJ, "method requires a client option"),
    "sdk-method-error-added": _sdk(_I, _PAT, "method documents a new error"),
    "sdk-method-error-removed": _sdk(_I, _PAT, "method no longer documents an error"),
    "sdk-model-removed": _sdk(_B, _MAJ, "model class removed"),
    "sdk-model-renamed": _sdk(_B, _MAJ, "model class renamed"),
    "sdk-model-added": _sdk(_I, _MIN, "model class added"),
    "sdk-field-removed": _sdk(_B, _MAJ, "model field removed"),
    "sdk-field-renamed": _sdk(_B, _MAJ, "model field renamed"),
    "sdk-field-added": _sdk(_I, _MIN, "optional model field added"),
    "sdk-field-added-required": _sdk(_B, _MAJ, "required model field added"),
    "sdk-field-became-optional": _sdk(_B, _MAJ, "model field became optional"),
    "sdk-field-became-required": _sdk(_B, _MAJ, "model field became required"),
    "sdk-field-type-changed": _sdk(_B, _MAJ, "model field type changed"),
    "sdk-field-default-changed": _sdk(_W, _MIN, "model field default changed"),
    "sdk-alias-type-changed": _sdk(_B, _MAJ, "type alias changed"),
    "sdk-enum-member-removed": _sdk(_W, _MIN, "enum member removed from a type"),
    "sdk-enum-member-added": _sdk(_I, _MIN, "enum member added to a type"),
    "sdk-exception-removed": _sdk(_B, _MAJ, "exception class removed"),
    "sdk-client-option-removed": _sdk(_B, _MAJ, "client option removed"),
    "sdk-client-option-renamed": _sdk(_B, _MAJ, "client option renamed"),
    "sdk-client-option-added": _sdk(_I, _MIN, "client option added"),
    "sdk-client-option-became-required": _sdk(_B, _MAJ, "client option became required"),
}


@dataclass(frozen=True)
class Change:
    """One finding. ``location`` is in NEW, or in OLD when ``side == "old"`` (a
    removal); ``context`` is the NEW location of the enclosing operation or schema
    when there is one, so an annotation on a removal still lands in NEW's docs.
    ``old``/``new`` are display texts of the two values (``None`` where absent);
    ``used_by`` lists the operations that reach a change inside a shared schema."""

    rule: str
    subject: str
    message: str
    location: SourceLocation
    side: str = "new"
    old: str | None = None
    new: str | None = None
    context: SourceLocation | None = None
    used_by: tuple[str, ...] = ()
    symbols: tuple[str, ...] = ()
    """SDK changes: the Python names touched (``PetsResource.get_pet(pet_id)``)."""

    @property
    def level(self) -> Level:
        return RULES[self.rule].level

    @property
    def bump(self) -> Bump:
        return RULES[self.rule].bump

    @property
    def layer(self) -> str:
        return RULES[self.rule].layer

    def sort_key(self) -> tuple[int, str, str, str, str]:
        return (LEVEL_ORDER[self.level], self.layer, self.subject, self.rule, self.message)
