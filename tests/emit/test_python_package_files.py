"""The README and the models' index are keyed by exactly the view fields they read.

`generator.emit.python.package_files` lets the python target take those files from
the last run while the fields their built-in templates read are unchanged; an
overridden template may read anything, so it gets no key.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from generator.diagnostics import Diagnostics
from generator.emit.python.package import PackageView, build_package
from generator.emit.python.package_files import READS, kept_key
from generator.emit.templating import make_environment
from tests.emit import python_build

README = "README.md.jinja"
INDEX = "src/models/__init__.py.jinja"


def _view() -> PackageView:
    api = python_build.load_spec("catalog")
    return build_package(api, python_build.project_config("catalog"), Diagnostics())


def test_a_file_is_keyed_by_the_fields_its_template_reads() -> None:
    env = make_environment()
    view = _view()
    readme, index = kept_key(env, README, view), kept_key(env, INDEX, view)
    assert readme and index and readme != index
    # Fields the README reads change its key, not the index's.
    assert view.tour
    toured = replace(view, tour=view.tour[:-1])
    assert kept_key(env, README, toured) != readme
    assert kept_key(env, INDEX, toured) == index
    # A model export changes the index's key, not the README's.
    exported = replace(view, model_exports=(*view.model_exports, ("Extra", "extra")))
    assert kept_key(env, INDEX, exported) != index
    assert kept_key(env, README, exported) == readme
    # Fields neither reads (every resource's view) change neither key.
    hollow = replace(view, resources=(), groups=(), models=())
    assert (kept_key(env, README, hollow), kept_key(env, INDEX, hollow)) == (readme, index)


def test_an_overridden_template_gets_no_key(tmp_path: Path) -> None:
    (tmp_path / "python").mkdir()
    (tmp_path / "python" / README).write_text("{{ view.resources | length }}\n")
    env = make_environment(tmp_path)
    view = _view()
    assert kept_key(env, README, view) == b""
    assert kept_key(env, INDEX, view) != b""  # not overridden
    assert kept_key(env, "src/_client.py.jinja", view) == b""  # not keyed at all
    assert set(READS) == {README, INDEX}
