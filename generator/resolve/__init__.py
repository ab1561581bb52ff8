"""Resolving: the parsed pages of one API merged into one `Api`, every reference resolved.

`api` merges pages and drives the resolution, `index` finds what a link names (by page,
anchor or name), `schemas` rebuilds schemas with their references resolved, and
`examples` marks the examples Swagger2Markup generated (by the rules in `placeholders`).
"""

from generator.resolve.api import resolve_api

__all__ = ["resolve_api"]
