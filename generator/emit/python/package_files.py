"""The README and the models package's index kept whole while what they read is unchanged.

Both are rendered from the whole `PackageView`, which changes with every edit (it holds
every resource's view), yet each reads a small part of it: the README the package's
names, options and example calls (the quick start, one tour call per resource, the
pager example), ``models/__init__.py`` the title and every model's export. On
Kubernetes rendering them took ~0.1 s of a one-page edit, which rarely changes any of
that. `kept_key` keys such a file by exactly the view fields its built-in template
reads (`READS`), in their stable bytes (`generator.emit.incremental.keys.stable_bytes`;
the template and its filters are md2sdk's sources, inputs of every emit cache key),
and the python target takes the file from the last run when the key is unchanged
(`generator.emit.python.reuse.ModelReuse.file`).

A template override may read any other field, so an overridden template (or one that
is not md2sdk's own, whatever the reason) gets no key and is rendered every run.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, TemplateNotFound

from generator.emit.incremental.keys import stable_bytes
from generator.emit.python.package import PackageView
from generator.emit.templating import BUILTIN_TEMPLATES
from generator.hashing import hash_parts


def _readme(view: PackageView) -> object:
    return (
        view.title, view.description, view.published, view.distribution, view.package,
        view.client_class, view.async_client_class, view.quick_start, view.tour,
        view.root is not None, view.pager_example, view.options, view.base_url_env,
        view.base_url, view.log_env, view.idempotency_header, view.test_live_env,
    )  # fmt: skip


def _models_index(view: PackageView) -> object:
    return view.title, view.model_exports


READS = {"README.md.jinja": _readme, "src/models/__init__.py.jinja": _models_index}
"""Template (under ``templates/python/``) → the view fields it reads, keyed (the
``view.`` names its text uses; properties derived from them, such as
``model_import_lines`` from ``model_exports``, follow)."""


def kept_key(env: Environment, template: str, view: PackageView) -> bytes:
    """The key of the file ``template`` renders from ``view``, or ``b""`` (render it)
    when the template is not md2sdk's own or the fields cannot be keyed."""
    reads = READS.get(template)
    if reads is None or not _builtin(env, f"python/{template}"):
        return b""
    material = stable_bytes(reads(view))
    return b"" if material is None else hash_parts(b"package-file", template.encode(), material)


def _builtin(env: Environment, name: str) -> bool:
    """Whether ``name`` loads from md2sdk's built-in templates (not an override)."""
    try:
        filename = env.get_template(name).filename
    except TemplateNotFound:
        return False
    return filename is not None and Path(filename).resolve() == (BUILTIN_TEMPLATES / name).resolve()
