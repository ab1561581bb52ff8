"""The pipeline with injected loader and emitters: stages, timings, all-or-nothing writes."""

from __future__ import annotations

import dataclasses
import gc
from pathlib import Path

import pytest
from jinja2 import Environment
from pipeline_fakes import (
    failing_emitter,
    fake_loader,
    make_project,
    python_emitter,
    snapshot_tree,
    tiny_api,
)

from generator.config import ApiConfig, ProjectConfig
from generator.diagnostics import Diagnostics
from generator.emit import Emitter
from generator.model import Api
from generator.pipeline import EMITTERS, RunResult, emit_api, generate
from generator.write import MANIFEST

FAKES: dict[str, Emitter] = {"fake": python_emitter, "boom": failing_emitter}


def with_targets(project: ProjectConfig, *targets: str) -> ProjectConfig:
    apis = tuple(dataclasses.replace(api, targets=targets) for api in project.apis)
    return dataclasses.replace(project, apis=apis)


def run(project: ProjectConfig, **kwargs: object) -> tuple[RunResult, Diagnostics]:
    diagnostics = Diagnostics()
    result = generate(
        project, diagnostics, emitters=FAKES, loader=fake_loader, use_cache=False, **kwargs
    )  # type: ignore[arg-type]
    return result, diagnostics


def test_generate_writes_formatted_files_of_every_api(tmp_path: Path) -> None:
    project = with_targets(make_project(tmp_path, "alpha", "beta", pages=2), "fake")
    result, diagnostics = run(project)
    assert result.written and not diagnostics.sorted()
    out = tmp_path / "generated"
    assert (out / "fake/alpha/getThing1.py").read_text() == (
        "def getThing1(limit: int = 0):\n    return \"/things/1\"\n"
    )
    assert sorted(snapshot_tree(out)) == sorted(
        [MANIFEST] + [f"fake/{a}/{f}" for a in ("alpha", "beta")
                      for f in ("README.md", "getThing0.py", "getThing1.py")]
    )  # fmt: skip
    assert [(r.name, r.operations, r.models) for r in result.apis] == [
        ("alpha", 2, 1), ("beta", 2, 1)
    ]  # fmt: skip
    assert set(result.timings) == {"parse", "emit", "format", "plan", "write"}
    assert result.plan is not None and result.plan.written_by_api == {"alpha": 3, "beta": 3}


def test_emitter_failure_writes_nothing(tmp_path: Path) -> None:
    project = with_targets(make_project(tmp_path, "alpha"), "fake")
    run(project)
    before = snapshot_tree(tmp_path / "generated")
    (tmp_path / "specs/alpha/page9.md").write_text("more")  # would change the output
    result, diagnostics = run(with_targets(project, "fake", "boom"))
    [problem] = diagnostics.sorted()
    assert problem.code == "emit-failed"
    assert "'boom' failed: RuntimeError: template exploded" in problem.message
    assert str(problem.location).endswith("specs/alpha:1:1")
    assert not result.written
    assert snapshot_tree(tmp_path / "generated") == before


def test_errors_in_docs_write_nothing_warnings_do(tmp_path: Path) -> None:
    project = with_targets(make_project(tmp_path, "alpha"), "fake")
    (tmp_path / "specs/alpha/WARN").write_text("")
    result, diagnostics = run(project)
    assert result.written and [d.code for d in diagnostics] == ["unknown-section"]
    (tmp_path / "specs/alpha/ERROR").write_text("")
    (tmp_path / "specs/alpha/page5.md").write_text("")
    before = snapshot_tree(tmp_path / "generated")
    result, diagnostics = run(project)
    assert not result.written and diagnostics.has_errors
    assert snapshot_tree(tmp_path / "generated") == before


def test_strict_turns_warnings_into_no_write(tmp_path: Path) -> None:
    project = with_targets(make_project(tmp_path, "alpha"), "fake")
    (tmp_path / "specs/alpha/WARN").write_text("")
    result, _ = run(project, strict=True)
    assert not result.written
    assert not (tmp_path / "generated").exists()


def test_check_plans_without_writing(tmp_path: Path) -> None:
    project = with_targets(make_project(tmp_path, "alpha"), "fake")
    result, _ = run(project, check=True)
    assert not result.written and not (tmp_path / "generated").exists()
    assert result.plan is not None and not result.plan.is_current
    run(project)
    result, _ = run(project, check=True)
    assert result.plan is not None and result.plan.is_current


def test_emitter_returning_wrong_shape_is_an_error(tmp_path: Path) -> None:
    def bad(api: Api, config: ApiConfig, d: Diagnostics, env: Environment) -> dict[str, str]:
        return {"x.py": 3}  # type: ignore[dict-item]

    diagnostics = Diagnostics()
    config = ApiConfig(name="x", specs=tmp_path, targets=("bad", "missing"))
    files = emit_api(fake_api(), config, None, diagnostics, {"bad": bad})
    assert files == {}
    assert sorted(d.message for d in diagnostics) == [
        "no emitter for target 'missing'",
        "target 'bad' did not return {path: text}",
    ]


def test_unavailable_target_module_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(EMITTERS, "python", ("generator.emit.nonexistent", "emit_python"))
    diagnostics = Diagnostics()
    config = ApiConfig(name="x", specs=tmp_path, targets=("python",))
    assert emit_api(fake_api(), config, None, diagnostics) == {}
    [problem] = diagnostics.sorted()
    assert problem.code == "emit-failed" and "'python' is not available" in problem.message


def test_model_target_writes_the_model_as_json(tmp_path: Path) -> None:
    project = with_targets(make_project(tmp_path, "alpha"), "model")
    diagnostics = Diagnostics()
    result = generate(project, diagnostics, loader=fake_loader, use_cache=False)
    assert result.written
    text = (tmp_path / "generated/model/alpha.json").read_text()
    assert text.startswith('{\n  "kind": "Api",\n  "name": "alpha",')


def test_template_override_reaches_emitters(tmp_path: Path) -> None:
    def templated(api: Api, config: ApiConfig, d: Diagnostics, env: Environment) -> dict[str, str]:
        return {"t.txt": env.get_template("custom/header.txt.jinja").render(name=api.name)}

    overrides = tmp_path / "mine"
    (overrides / "custom").mkdir(parents=True)
    (overrides / "custom/header.txt.jinja").write_text("{# view: name #}\nhello {{ name }}\n")
    config = ApiConfig(name="x", specs=tmp_path, targets=("t",))
    diagnostics = Diagnostics()
    assert emit_api(fake_api(), config, overrides, diagnostics, {"t": templated}) == {
        "t.txt": "hello demo\n"
    }
    emit_api(fake_api(), config, None, diagnostics, {"t": templated})
    assert [d.code for d in diagnostics] == ["emit-failed"]  # not found without the override


def fake_api() -> Api:
    return tiny_api()


@pytest.mark.parametrize("collect", [True, False])
def test_the_collector_is_off_during_a_run_and_back_on_only_when_asked(
    tmp_path: Path, collect: bool
) -> None:
    seen: list[bool] = []

    def watching(
        api: Api, config: ApiConfig, diagnostics: Diagnostics, env: Environment
    ) -> dict[str, str]:
        seen.append(gc.isenabled())
        return python_emitter(api, config, diagnostics, env)

    project = with_targets(make_project(tmp_path, "alpha"), "fake")
    assert gc.isenabled()
    diagnostics = Diagnostics()
    try:
        result = generate(
            project, diagnostics, emitters={"fake": watching}, loader=fake_loader,
            use_cache=False, collect=collect,
        )  # fmt: skip
        assert result.written and seen == [False]
        assert gc.isenabled() is collect
    finally:
        gc.enable()
