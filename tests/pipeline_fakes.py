"""Hand-made models, a fake loader and fake emitters for the writer/pipeline/CLI tests.

They keep those tests independent of parser details: the pipeline is exercised with
models built here and emitters whose output is easy to predict.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment

from generator.config import ApiConfig, ProjectConfig
from generator.diagnostics import Diagnostics
from generator.load.sources import Stage
from generator.model import (
    Api,
    Definition,
    ObjectSchema,
    Operation,
    Parameter,
    ParameterIn,
    PrimitiveSchema,
    Property,
    Response,
    SourceLocation,
)


def tiny_api(name: str = "demo", operations: int = 1) -> Api:
    """An API with ``operations`` GET operations and one definition."""
    page = f"specs/{name}/paths.md"
    ops = tuple(
        Operation(
            method="GET",
            path=f"/things/{i}",
            location=SourceLocation(page, 3 + i * 10, 1),
            operation_id=f"getThing{i}",
            summary=f"Get thing {i}",
            parameters=(
                Parameter(
                    "limit", ParameterIn.QUERY, PrimitiveSchema("integer", "int64"),
                    SourceLocation(page, 8 + i * 10, 1),
                ),
            ),
            responses=(Response("200", "OK", None, SourceLocation(page, 12 + i * 10, 1)),),
        )
        for i in range(operations)
    )
    thing = Definition(
        key="thing",
        name="Thing",
        schema=ObjectSchema(
            (Property("id", PrimitiveSchema("string"), SourceLocation(page, 40, 1)),)
        ),
        location=SourceLocation(page, 38, 1),
    )
    return Api(name, None, ops, (thing,), (), (page,))


def fake_loader(
    config: ApiConfig,
    root: Path,
    diagnostics: Diagnostics,
    stage: Stage,
    cache_dir: Path | None = None,
) -> Api:
    """Loads `tiny_api`; a ``WARN`` file in the specs folder adds a warning. Takes the
    real loader's arguments, so it can stand in for `generator.load.sources.load_api`."""
    with stage("parse"):
        count = len(list(config.specs.glob("*.md"))) or 1
        if (config.specs / "WARN").exists():
            diagnostics.warning(
                "unknown-section", "section 'Foo' is unknown",
                SourceLocation(f"specs/{config.name}/paths.md", 5, 1),
            )
        if (config.specs / "ERROR").exists():
            diagnostics.error(
                "bad-operation", "no METHOD /path",
                SourceLocation(f"specs/{config.name}/paths.md", 7, 1),
            )
    return tiny_api(config.name, count)


def python_emitter(
    api: Api, config: ApiConfig, diagnostics: Diagnostics, env: Environment
) -> dict[str, str]:
    """One unformatted module per operation plus a README, under ``fake/<api>/``."""
    files = {f"fake/{api.name}/README.md": f"# {api.name}\n"}
    for op in api.operations:
        files[f"fake/{api.name}/{op.operation_id}.py"] = (
            f"def {op.operation_id}( limit:int=0 ):\n  return {op.path!r}\n"
        )
    return files


def failing_emitter(
    api: Api, config: ApiConfig, diagnostics: Diagnostics, env: Environment
) -> dict[str, str]:
    raise RuntimeError("template exploded")


def make_project(tmp_path: Path, *names: str, pages: int = 1) -> ProjectConfig:
    """A project under ``tmp_path`` with one specs folder (of ``pages`` pages) per name."""
    apis = []
    for name in names:
        specs = tmp_path / "specs" / name
        specs.mkdir(parents=True, exist_ok=True)
        for i in range(pages):
            (specs / f"page{i}.md").write_text(f"# page {i}\n")
        apis.append(ApiConfig.for_folder(specs, name))
    return ProjectConfig(root=tmp_path, output=tmp_path / "generated", apis=tuple(apis))


def snapshot_tree(root: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under ``root`` with its bytes and mtime (ns), by relative path."""
    return {
        p.relative_to(root).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }
