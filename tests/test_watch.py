"""``md2sdk generate --watch`` as a real process, on a temp project, with real saves."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator import resume
from generator.cache import RESUME, Cache
from generator.pipeline import CACHE_FOLDER
from tests.incremental_tree import CONFIG, zoo

PAGE = "specs/zoo/operations/getAnimal.md"
RESOURCE = "out/python/zoo/src/zoo_client/resources/animals.py"


class Watcher:
    """The watching process; its output goes to files the test polls."""

    def __init__(self, root: Path) -> None:
        self.out = root / "watch.out"
        self.err = root / "watch.err"
        command = [sys.executable, "-m", "generator.cli", "generate", "--watch"]
        with self.out.open("wb") as out, self.err.open("wb") as err:
            self.process = subprocess.Popen(command, cwd=root, stdout=out, stderr=err)

    def lines(self) -> list[str]:
        return self.out.read_text(encoding="utf-8").splitlines()

    def wait_for(self, count: int, text: str, timeout: float = 120) -> str:
        """The ``count``-th output line that contains ``text`` (waiting for it)."""
        deadline = time.monotonic() + timeout
        while True:
            found = [line for line in self.lines() if text in line]
            if len(found) >= count:
                return found[count - 1]
            assert self.process.poll() is None, self.err.read_text(encoding="utf-8")
            assert time.monotonic() < deadline, f"no {text!r} in {self.lines()}"
            time.sleep(0.05)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").write_text(CONFIG, encoding="utf-8")
    zoo().write(tmp_path / "specs" / "zoo")
    return tmp_path


def _save(page: Path, text: str | bytes) -> None:
    time.sleep(0.3)  # a distinct batch for the watcher (its debounce is 0.2 s)
    if isinstance(text, bytes):
        page.write_bytes(text)
    else:
        page.write_text(text, encoding="utf-8")


def test_watch_regenerates_on_save_survives_a_broken_save_and_stops_on_ctrl_c(
    project: Path,
) -> None:
    watcher = Watcher(project)
    try:
        assert "files written" in watcher.wait_for(1, "first run: ")
        watcher.wait_for(1, "watching ")
        page = project / PAGE
        good = page.read_text(encoding="utf-8")

        _save(page, good.replace("Gets one animal.", "Gets one animal by its id."))
        line = watcher.wait_for(1, f"{PAGE} changed: ")
        assert " files written" in line and not line.split(": ")[1].startswith("0 files")
        assert "Gets one animal by its id." in (project / RESOURCE).read_text(encoding="utf-8")
        last_good = (project / RESOURCE).read_bytes()

        _save(page, good.encode("utf-8") + b"\n\xff broken save\n")
        line = watcher.wait_for(2, f"{PAGE} changed: ")
        assert "1 error; nothing written, the last good output is kept" in line
        assert f"{PAGE}:" in watcher.err.read_text(encoding="utf-8")  # its diagnostic
        assert "error[read-error]" in watcher.err.read_text(encoding="utf-8")
        assert (project / RESOURCE).read_bytes() == last_good

        _save(page, good.replace("Gets one animal.", "Gets one animal again."))
        line = watcher.wait_for(3, f"{PAGE} changed: ")
        assert " files written" in line and "error" not in line
        assert "Gets one animal again." in (project / RESOURCE).read_text(encoding="utf-8")

        state = Cache(project / CACHE_FOLDER, RESUME)
        assert state.load(None, slot=resume.SLOT) is None  # a watch saves only when it stops
        watcher.process.send_signal(signal.SIGINT)
        assert watcher.process.wait(timeout=60) == 0
        assert watcher.lines()[-1] == "stopped watching"
        assert "Traceback" not in watcher.err.read_text(encoding="utf-8")
        resume.wait_for_save(project / CACHE_FOLDER)  # left for the next process
        assert state.load(None, slot=resume.SLOT) is not None
    finally:
        watcher.stop()
