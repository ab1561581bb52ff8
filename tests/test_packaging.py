"""md2sdk installed like any tool behaves exactly like the checkout.

The slow tests build md2sdk from a clean export of this working tree (the files git
tracks or would track, nothing ignored: no ``.venv``, caches or build leftovers) the
way a user would: ``python -m build`` (an sdist, then the wheel built from that
sdist), ``pip install`` of the wheel into a fresh venv, then ``md2sdk generate`` from
a temporary folder that holds only petstore's docs and its ``[tool.md2sdk]`` entry.
The output must equal the committed ``generated/`` files petstore owns. The
pre-commit hooks are tried the same way, from the export, with ``pre-commit
try-repo``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
import venv
from pathlib import Path

import pytest
from owned import differences

from generator.resources import builtin_templates, package_root

ROOT = Path(__file__).resolve().parents[1]
# One worker for the whole module: its tests share the export (and the installed wheel).
pytestmark = pytest.mark.xdist_group("packaging")
GIT_USER = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t"}
GIT_USER |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _folders(root: Path, prefix: str) -> set[str]:
    found = {prefix}
    for folder in root.rglob("*"):
        if folder.is_dir() and folder.name != "__pycache__":
            found.add(".".join([prefix, *folder.relative_to(root).parts]))
    return found


def test_setuptools_lists_every_package_and_data_folder() -> None:
    """The templates mapping makes the package list explicit; it must stay complete."""
    setuptools = PYPROJECT["tool"]["setuptools"]
    assert setuptools["package-dir"] == {"generator.templates": "templates"}
    expected = _folders(ROOT / "generator", "generator")
    expected |= _folders(ROOT / "templates", "generator.templates")
    listed = set(setuptools["packages"])
    assert sorted(expected - listed) == [], "add these to [tool.setuptools] packages"
    assert sorted(listed - expected) == [], "remove these from [tool.setuptools] packages"


def test_the_checkout_finds_its_data_beside_the_package() -> None:
    assert package_root() == ROOT / "generator"
    assert builtin_templates() == ROOT / "templates"


def run(*args: object, cwd: Path, env: dict[str, str] | None = None) -> str:
    """Run a command; fail with its whole output when it fails; return its output."""
    result = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"{' '.join(map(str, args))} failed:\n{output}"
    return output


def clean_env(**extra: str) -> dict[str, str]:
    """This environment minus what would let the checkout leak into a subprocess."""
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    return {**env, **extra}


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A clean copy of the working tree, as a git repository of one commit."""
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: nothing to export")
    listed = run("git", "ls-files", "-co", "--exclude-standard", "-z", cwd=ROOT)
    target = tmp_path_factory.mktemp("export") / "md2sdk"
    for name in listed.split("\0"):
        source = ROOT / name
        if name and source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    env = clean_env(**GIT_USER)
    run("git", "init", "-q", cwd=target)
    run("git", "add", "-A", cwd=target)
    run("git", "commit", "-q", "-m", "export", cwd=target, env=env)
    return target


@pytest.fixture(scope="module")
def installed(export: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The ``bin`` folder of a fresh venv with md2sdk's wheel (built from its sdist)."""
    dist = tmp_path_factory.mktemp("dist")
    run(sys.executable, "-m", "build", "--outdir", dist, export, cwd=dist, env=clean_env())
    [wheel] = dist.glob("md2sdk-*.whl")
    [_sdist] = dist.glob("md2sdk-*.tar.gz")
    env_dir = tmp_path_factory.mktemp("venv")
    venv.EnvBuilder(with_pip=False, symlinks=True).create(env_dir)
    python = env_dir / "bin" / "python"
    run(sys.executable, "-m", "pip", "--python", python, "install", "-q", wheel, cwd=dist,
        env=clean_env())  # fmt: skip
    return env_dir / "bin"


def petstore_project(folder: Path) -> Path:
    """``folder`` holding petstore's docs and its ``[tool.md2sdk]`` entry from this
    project's pyproject.toml, so names and targets are exactly the committed ones."""
    shutil.copytree(ROOT / "specs" / "petstore", folder / "specs" / "petstore")
    entry = PYPROJECT["tool"]["md2sdk"]["apis"]["petstore"]
    lines = ['[tool.md2sdk]', 'output = "generated"', "", "[tool.md2sdk.apis.petstore]"]
    for key, value in entry.items():
        shown = f'"{value}"' if isinstance(value, str) else str(value).replace("'", '"')
        lines.append(f"{key} = {shown}")
    (folder / "pyproject.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


@pytest.mark.toolchain
def test_the_installed_wheel_generates_what_the_checkout_committed(
    installed: Path, tmp_path: Path
) -> None:
    where = run(installed / "python", "-c", "import generator; print(generator.__file__)",
                cwd=tmp_path, env=clean_env())  # fmt: skip
    assert str(installed.parent) in where and "site-packages" in where
    project = petstore_project(tmp_path / "docs-repo")
    summary = run(installed / "md2sdk", "generate", cwd=project, env=clean_env())
    assert summary.startswith("petstore: 18 operations, 5 models, 26 files written"), summary
    problems = differences(project / "generated", ROOT / "generated", api="petstore")
    assert not problems, "\n\n".join(problems)
    checked = run(installed / "md2sdk", "check", "--config", project / "pyproject.toml",
                  cwd=tmp_path, env=clean_env())  # fmt: skip
    assert "petstore: 18 operations, 5 models, 0 files stale, 26 up to date" in checked


@pytest.mark.toolchain
def test_the_pre_commit_hooks_check_and_regenerate_a_docs_repository(
    export: Path, tmp_path: Path
) -> None:
    project = petstore_project(tmp_path / "docs-repo")
    run(sys.executable, "-m", "generator.cli", "generate", "-q", cwd=project,
        env=clean_env(PYTHONPATH=str(ROOT)))  # fmt: skip
    env = clean_env(PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"), **GIT_USER)
    run("git", "init", "-q", cwd=project)
    run("git", "add", "-A", cwd=project)
    run("git", "commit", "-q", "-m", "docs and SDK", cwd=project, env=env)

    def try_repo(*hook: str) -> subprocess.CompletedProcess[str]:
        # Each try-repo call installs the hooks' environment afresh (~20 s): two calls.
        command = [sys.executable, "-m", "pre_commit", "try-repo", str(export), *hook]
        return subprocess.run(
            [*command, "--all-files"], cwd=project, env=env, capture_output=True, text=True,
            check=False,
        )  # fmt: skip

    current = try_repo("md2sdk-check")
    assert current.returncode == 0, current.stdout + current.stderr
    assert "md2sdk check (generated SDKs are current)" in current.stdout

    page = project / "specs" / "petstore" / "definitions.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("The name of the category", "The category's name"))
    both = try_repo()  # every hook of the repository: check, then generate
    output = both.stdout + both.stderr
    assert both.returncode == 1, output
    check, generate = output.split("md2sdk generate (regenerate stale SDKs)")
    assert "Failed" in check and "models/category.py" in check and "is stale" in check
    assert "Failed" in generate and "files were modified by this hook" in generate
    category = project / "generated/python/petstore/src/petstore_client/models/category.py"
    assert "The category's name" in category.read_text(encoding="utf-8")


@pytest.mark.toolchain
def test_the_generated_package_installs_and_passes_its_tests_as_its_readme_says(
    installed: Path, tmp_path: Path
) -> None:
    """The generated README's Tests section, followed to the letter in a fresh venv:
    ``pip install '.[test]'`` in the package folder, then ``pytest``."""
    project = petstore_project(tmp_path / "docs-repo")
    run(installed / "md2sdk", "generate", "-q", cwd=project, env=clean_env())
    package = project / "generated" / "python" / "petstore"
    readme = (package / "README.md").read_text(encoding="utf-8")
    assert "pip install '.[test]'\npytest\n" in readme
    env_dir = tmp_path / "sdk-venv"
    venv.EnvBuilder(with_pip=False, symlinks=True).create(env_dir)
    python = env_dir / "bin" / "python"
    run(sys.executable, "-m", "pip", "--python", python, "install", "-q", ".[test]",
        cwd=package, env=clean_env())  # fmt: skip
    done = subprocess.run(
        [python, "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=package,
        env=clean_env(), capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert " passed" in done.stdout and "failed" not in done.stdout, done.stdout
