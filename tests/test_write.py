"""The writer: change-only writes, ownership manifest, confinement, atomicity, diffs."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from pipeline_fakes import snapshot_tree

from generator.diagnostics import Diagnostics
from generator.kept import expect_more_runs, forget
from generator.write import (
    JOURNAL,
    MANIFEST,
    Staged,
    apply_plan,
    plan_write,
    read_manifest,
    recover,
    stage_ahead,
)
from generator.write import commit as commit_module
from generator.write import plan as plan_module

OLD = {"a.py": "x = 1\n", "pkg/b.py": "y = 2\n", "pkg/data.json": "{}\n"}
NEW = {"a.py": "x = 1\n", "pkg/b.py": "y = 3\n", "pkg/c.py": "z = 4\n"}


def write(root: Path, outputs: dict[str, dict[str, str]]) -> Diagnostics:
    diagnostics = Diagnostics()
    plan = plan_write(root, outputs, diagnostics)
    assert not diagnostics.has_errors, diagnostics.sorted()
    apply_plan(plan)
    return diagnostics


def age(root: Path) -> None:
    """Move every mtime an hour back so a rewrite would be visible."""
    for path in root.rglob("*"):
        stat = path.stat()
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns - 3600 * 10**9))


def test_first_write_creates_files_and_manifest(tmp_path: Path) -> None:
    root = tmp_path / "out"
    write(root, {"demo": OLD})
    assert (root / "pkg" / "b.py").read_text() == "y = 2\n"
    assert read_manifest(root) == dict.fromkeys(sorted(OLD), "demo")
    manifest = json.loads((root / MANIFEST).read_text())
    assert list(manifest["files"]) == sorted(OLD)


def test_a_write_looks_at_each_folder_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Missing folders are made, parents first, and each folder is looked at once per
    write, not once per file below it (nor every folder up to ``/`` for every file)."""
    root = tmp_path / "out"
    files = {f"pkg/sub{i % 3}/deep/m{i}.py": f"x = {i}\n" for i in range(30)}
    files["top.py"] = "t = 1\n"
    looked: list[Path] = []
    real = Path.exists
    monkeypatch.setattr(Path, "exists", lambda self: looked.append(self) or real(self))
    write(root, {"demo": files})
    assert all((root / path).read_text() == text for path, text in files.items())
    folders = [p for p in looked if p != root / JOURNAL]  # recover's look at the journal
    assert root / "pkg/sub0/deep" in folders and len(folders) == len(set(folders))
    made = {(root / p).parent for p in files} | {root / "pkg"}
    assert set(folders) <= made | {root / f"pkg/sub{i}" for i in range(3)}


def test_rewrite_touches_only_changed_files_and_removes_stale_ones(tmp_path: Path) -> None:
    root = tmp_path / "out"
    write(root, {"demo": OLD})
    age(root)
    before = snapshot_tree(root)
    diagnostics = Diagnostics()
    plan = plan_write(root, {"demo": NEW}, diagnostics)
    assert sorted((c.path, c.kind) for c in plan.changes) == [
        (MANIFEST, "update"), ("pkg/b.py", "update"), ("pkg/c.py", "add"),
        ("pkg/data.json", "remove"),
    ]  # fmt: skip
    assert plan.unchanged == ["a.py"]
    apply_plan(plan)
    after = snapshot_tree(root)
    assert after["a.py"] == before["a.py"]  # same bytes, same mtime
    assert after["pkg/b.py"][1] > before["pkg/b.py"][1]
    assert not (root / "pkg" / "data.json").exists()
    assert read_manifest(root) == dict.fromkeys(NEW, "demo")


def test_identical_second_run_changes_nothing(tmp_path: Path) -> None:
    root = tmp_path / "out"
    write(root, {"demo": OLD})
    age(root)
    before = snapshot_tree(root)
    plan = plan_write(root, {"demo": OLD}, Diagnostics())
    assert plan.is_current and plan.diff() == ""
    apply_plan(plan)
    assert snapshot_tree(root) == before


def test_unowned_files_and_other_apis_are_never_touched(tmp_path: Path) -> None:
    root = tmp_path / "out"
    write(root, {"demo": OLD, "other": {"other/x.py": "o = 1\n"}})
    (root / "pkg" / "notes.txt").write_text("mine")
    (root / "README.md").write_text("hand written")
    write(root, {"demo": {}})  # regenerate only demo, which now produces nothing
    assert (root / "pkg" / "notes.txt").read_text() == "mine"
    assert (root / "README.md").read_text() == "hand written"
    assert (root / "other" / "x.py").read_text() == "o = 1\n"
    assert read_manifest(root) == {"other/x.py": "other"}
    assert not (root / "a.py").exists()


def test_emptied_folders_are_pruned_but_root_kept(tmp_path: Path) -> None:
    root = tmp_path / "out"
    write(root, {"demo": {"deep/er/f.py": "f = 1\n"}})
    write(root, {"demo": {}})
    assert not (root / "deep").exists()
    assert root.is_dir()


@pytest.mark.parametrize(
    "bad", ["../escape.py", "/etc/passwd", "a//b.py", "a/./b.py", "a\\b.py", "", MANIFEST,
            "x/.f.py.md2sdk-tmp", "nul\0.py"],
)  # fmt: skip
def test_paths_outside_the_root_are_errors(tmp_path: Path, bad: str) -> None:
    diagnostics = Diagnostics()
    plan_write(tmp_path / "out", {"demo": {bad: "x", "ok.py": "x = 1\n"}}, diagnostics)
    codes = [d.code for d in diagnostics.sorted()]
    assert codes == ["bad-output-path"]
    assert "demo" in diagnostics.sorted()[0].message


def test_symlinked_folder_leading_outside_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "out"
    root.mkdir()
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (root / "link").symlink_to(outside, target_is_directory=True)
    diagnostics = Diagnostics()
    plan_write(root, {"demo": {"link/f.py": "x"}}, diagnostics)
    assert [d.code for d in diagnostics.sorted()] == ["bad-output-path"]


def test_only_regular_files_count_as_the_old_bytes(tmp_path: Path) -> None:
    """The plan reads what is at an output path only when it is a regular file: a
    symlink to the very bytes (inside the root), a folder, a FIFO (opened without
    waiting for a writer) are replaced like a missing file, never "unchanged"."""
    root = tmp_path / "out"
    write(root, {"demo": {"same.py": "x = 1\n"}})
    (root / "linked.py").symlink_to(root / "same.py")
    (root / "folder.py").mkdir()
    os.mkfifo(root / "fifo.py")
    outputs = dict.fromkeys(["same.py", "linked.py", "fifo.py"], "x = 1\n")
    plan = plan_write(root, {"demo": outputs}, Diagnostics())
    assert plan.unchanged == ["same.py"]
    assert sorted((c.path, c.kind) for c in plan.changes) == [
        (".md2sdk-manifest.json", "update"), ("fifo.py", "add"), ("linked.py", "add")
    ]  # fmt: skip
    plan = plan_write(root, {"demo": {"folder.py": "x = 1\n"}}, Diagnostics())
    assert [(c.path, c.old) for c in plan.changes if c.path == "folder.py"] == [("folder.py", None)]


def test_two_apis_producing_one_path_conflict(tmp_path: Path) -> None:
    diagnostics = Diagnostics()
    plan_write(tmp_path, {"a": {"x.py": "1"}, "b": {"x.py": "2"}}, diagnostics)
    [problem] = diagnostics.sorted()
    assert problem.code == "output-conflict" and "'a'" in problem.message


def test_diff_is_unified_and_short(tmp_path: Path) -> None:
    root = tmp_path / "out"
    write(root, {"demo": OLD})
    plan = plan_write(root, {"demo": NEW | {"long.txt": "".join(f"{i}\n" for i in range(200))}},
                      Diagnostics())  # fmt: skip
    diff = plan.diff(max_lines=20)
    assert "--- a/pkg/b.py\n+++ b/pkg/b.py\n" in diff
    assert "-y = 2\n+y = 3\n" in diff
    assert f"--- {os.devnull}\n+++ b/pkg/c.py\n" in diff
    assert "--- a/pkg/data.json\n" in diff
    assert "more diff lines in long.txt" in diff
    assert "+199" not in diff


def test_crash_while_staging_leaves_previous_output_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "out"
    write(root, {"demo": OLD})
    before = snapshot_tree(root)
    real_stage = commit_module._stage
    calls = []

    def crashing_stage(root: Path, path: str, data: bytes) -> str:
        calls.append(path)
        if len(calls) == 2:
            raise KeyboardInterrupt  # Ctrl-C half way through
        return real_stage(root, path, data)

    monkeypatch.setattr(commit_module, "_stage", crashing_stage)
    plan = plan_write(root, {"demo": NEW | {"new/deep/d.py": "d = 1\n"}}, Diagnostics())
    with pytest.raises(KeyboardInterrupt):
        apply_plan(plan)
    assert snapshot_tree(root) == before  # no temp files, no new folders, nothing changed
    assert not (root / "new").exists()


def test_crash_while_renaming_is_finished_by_the_next_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "out"
    write(root, {"demo": OLD})
    real_replace = os.replace
    count = 0

    def dying_replace(src: str | Path, dst: str | Path) -> None:
        nonlocal count
        count += 1
        if count == 3:  # the journal (1), one file (2), then the process dies
            raise SystemExit("killed")
        real_replace(src, dst)

    monkeypatch.setattr(commit_module.os, "replace", dying_replace)
    plan = plan_write(root, {"demo": NEW}, Diagnostics())
    with pytest.raises(SystemExit):
        apply_plan(plan)
    monkeypatch.setattr(commit_module.os, "replace", real_replace)
    assert (root / JOURNAL).exists()
    recover(root)
    assert not (root / JOURNAL).exists()
    assert not list(root.rglob("*.md2sdk-tmp"))
    assert {p: b.decode() for p, (b, _) in snapshot_tree(root).items() if p != MANIFEST} == NEW
    assert read_manifest(root) == dict.fromkeys(NEW, "demo")


def test_leftover_temp_files_of_a_killed_run_are_cleaned(tmp_path: Path) -> None:
    root = tmp_path / "out"
    write(root, {"demo": OLD})
    (root / "pkg" / ".b.py.abc123.md2sdk-tmp").write_text("half")
    write(root, {"demo": OLD})
    assert not list(root.rglob("*.md2sdk-tmp"))


def test_new_files_get_umask_permissions_and_changed_files_keep_theirs(tmp_path: Path) -> None:
    root = tmp_path / "out"
    write(root, {"demo": OLD})
    umask = os.umask(0)
    os.umask(umask)
    assert (root / "a.py").stat().st_mode & 0o777 == 0o666 & ~umask
    (root / "pkg" / "b.py").chmod(0o755)
    write(root, {"demo": NEW})
    assert (root / "pkg" / "b.py").stat().st_mode & 0o777 == 0o755


def test_unreadable_manifest_owns_nothing(tmp_path: Path) -> None:
    root = tmp_path / "out"
    write(root, {"demo": OLD})
    (root / MANIFEST).write_text("{not json")
    write(root, {"demo": {}})
    assert (root / "a.py").exists()  # not known to be ours any more: left alone


def test_a_watching_process_reads_no_file_it_found_holding_the_same_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A watching process's plan takes a file as unchanged without reading it when the
    last plan found it holding this very string and the file is as it was then. A file
    modified in the last seconds (racy), an edit of the file on disk, an equal string
    made anew, or a one-off process read it."""
    root = tmp_path / "out"
    outputs = {"demo": dict(OLD)}
    write(root, outputs)
    read: list[str] = []
    real = plan_module.read_regular
    monkeypatch.setattr(plan_module, "read_regular", lambda path: read.append(path) or real(path))

    def files_read() -> list[str]:
        found = sorted(os.path.relpath(p, root) for p in read if not p.endswith(MANIFEST))
        read.clear()
        return found

    expect_more_runs()
    for _ in range(2):  # just written: its times could not show an edit in the same tick
        assert plan_write(root, outputs, Diagnostics()).is_current
        assert files_read() == sorted(OLD)
    age(root)
    for expected in (sorted(OLD), []):
        assert plan_write(root, outputs, Diagnostics()).is_current
        assert files_read() == expected
    (root / "a.py").write_text("x = 2\n")  # an edit by hand, of the same size
    plan = plan_write(root, outputs, Diagnostics())
    assert [(c.path, c.kind) for c in plan.changes] == [("a.py", "update")]
    assert files_read() == ["a.py"]
    fresh = {"demo": {**OLD, "pkg/b.py": "".join(["y = ", "2\n"])}}
    plan_write(root, fresh, Diagnostics())
    assert files_read() == ["a.py", os.path.join("pkg", "b.py")]
    forget()  # a one-off process
    for _ in range(2):
        plan_write(root, outputs, Diagnostics())
        assert "a.py" in files_read()


def temps(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*.md2sdk-tmp"))


def test_files_staged_ahead_are_taken_by_the_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`stage_ahead` stages the files the disk does not hold yet; the write takes them
    (renames them) instead of staging them again, and stages only the rest."""
    root = tmp_path / "out"
    write(root, {"demo": OLD})
    early = {"a.py": "x = 1\n", "pkg/b.py": "y = 3\n", "new/deep/c.py": "z = 4\n"}
    staged = stage_ahead(root, early)
    assert sorted(staged.temps) == ["new/deep/c.py", "pkg/b.py"]  # a.py is on disk already
    assert staged.folders == [root / "new", root / "new/deep"]
    assert len(temps(root)) == 2
    real_stage = commit_module._stage
    later: list[str] = []

    def staging(at: Path, path: str, data: bytes) -> str:
        later.append(path)
        return real_stage(at, path, data)

    monkeypatch.setattr(commit_module, "_stage", staging)
    outputs = {"demo": {**early, "pkg/d.py": "d = 1\n"}}
    plan = plan_write(root, outputs, Diagnostics())
    with staged:
        apply_plan(plan, staged)
    assert later == ["pkg/d.py", MANIFEST]
    written = {p: b.decode() for p, (b, _) in snapshot_tree(root).items() if p != MANIFEST}
    assert written == outputs["demo"]
    assert temps(root) == [] and staged.temps == {}


def test_a_file_staged_ahead_with_other_bytes_is_staged_again(tmp_path: Path) -> None:
    root = tmp_path / "out"
    staged = stage_ahead(root, {"pkg/b.py": "y = 2\n", "gone.py": "g = 1\n"})
    first = dict(staged.temps)
    plan = plan_write(root, {"demo": {"pkg/b.py": "y = 3\n"}}, Diagnostics())
    apply_plan(plan, staged)
    assert (root / "pkg/b.py").read_text() == "y = 3\n"
    assert not (root / "gone.py").exists()
    assert temps(root) == []
    assert all(not (root / temp).exists() for temp, _ in first.values())


def test_a_run_that_does_not_write_deletes_what_it_staged_ahead(tmp_path: Path) -> None:
    """Leaving `Staged`'s block without a write (an error, Ctrl-C) deletes the staged
    files and the folders made for them; folders that were there stay."""
    root = tmp_path / "out"
    write(root, {"demo": OLD})
    before = snapshot_tree(root)
    with pytest.raises(KeyboardInterrupt), Staged(root) as staged:
        staged.add(stage_ahead(root, {"pkg/b.py": "y = 3\n", "new/deep/c.py": "z = 4\n"}))
        assert len(temps(root)) == 2
        raise KeyboardInterrupt
    assert snapshot_tree(root) == before
    assert not (root / "new").exists() and (root / "pkg").is_dir()


def test_recover_keeps_this_runs_staged_files_only(tmp_path: Path) -> None:
    root = tmp_path / "out"
    write(root, {"demo": OLD})
    (root / "pkg" / ".b.py.abc123.md2sdk-tmp").write_text("a killed run's")
    staged = stage_ahead(root, {"pkg/b.py": "y = 3\n"})
    recover(root, keep={temp for temp, _ in staged.temps.values()})
    assert temps(root) == [temp for temp, _ in staged.temps.values()]


@pytest.mark.parametrize("bad", ["../escape.py", "/abs.py", MANIFEST, "a/./b.py", "x.md2sdk-tmp"])
def test_paths_outside_the_root_are_never_staged_ahead(tmp_path: Path, bad: str) -> None:
    root = tmp_path / "out"
    staged = stage_ahead(root, {bad: "x = 1\n", "ok.py": "y = 1\n"})
    assert list(staged.temps) == ["ok.py"]
    assert not (tmp_path / "escape.py").exists()
    staged.discard()
    assert not root.exists()


def test_a_file_that_cannot_be_staged_ahead_ends_the_staging_and_the_write_stages_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`stage_ahead` stops at the first file it cannot stage (keeping what it staged);
    the write stages the rest itself and writes everything."""
    root = tmp_path / "out"
    real_stage = commit_module._stage

    def full_disk(at: Path, path: str, data: bytes) -> str:
        if path == "b.py":
            raise OSError(28, "No space left on device")
        return real_stage(at, path, data)

    monkeypatch.setattr(commit_module, "_stage", full_disk)
    files = {"a.py": "a = 1\n", "b.py": "b = 2\n", "c.py": "c = 3\n"}
    staged = stage_ahead(root, files)
    assert list(staged.temps) == ["a.py"]
    monkeypatch.setattr(commit_module, "_stage", real_stage)
    with staged:
        apply_plan(plan_write(root, {"demo": files}, Diagnostics()), staged)
    written = {p: b.decode() for p, (b, _) in snapshot_tree(root).items() if p != MANIFEST}
    assert written == files and temps(root) == []
