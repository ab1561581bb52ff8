"""Where md2sdk's own data files are, in a source checkout and in an installed wheel.

md2sdk ships two kinds of data beside its code: the built-in Jinja templates and
Swagger2Markup's label files. Both are package data, found from the ``generator``
package, never from the working directory, so an installed md2sdk behaves like the
checkout from any folder:

- the label files live in the package (``generator/parse/labels/``, read by
  `generator.parse.labels`);
- the templates have one source, the top-level ``templates/`` folder of the
  repository; the wheel build ships it as ``generator/templates/`` (setuptools'
  ``package-dir`` in ``pyproject.toml``), so an installed md2sdk finds it inside the
  package and a checkout (or editable install) finds it beside the package.

The no-op fast path (`generator.stamp`) and the cache keys (`generator.cache`) use
these locations too, so the package's folder is this module's folder: what
``importlib.resources.files("generator")`` returns for an installed (never zipped:
pip unpacks wheels) or checked-out md2sdk, without the ~10 ms its import costs.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def package_root() -> Path:
    """The ``generator`` package's folder."""
    return Path(__file__).resolve().parent


@cache
def builtin_templates() -> Path:
    """The folder of the built-in templates (``openapi/``, ``python/``, ``tests/``)."""
    installed = package_root() / "templates"
    if installed.is_dir():
        return installed
    return package_root().parent / "templates"

