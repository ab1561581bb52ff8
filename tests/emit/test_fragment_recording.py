"""`FragmentMemo.recording`: the fragment keys asked for inside a block, also when
recordings nest (a resource module's head recorded while its operations' texts are
recorded on their own, a unit built inside another's recording)."""

from __future__ import annotations

from pathlib import Path

from generator.emit.incremental.session import Session


def test_an_inner_recording_that_ends_leaves_an_equal_outer_one_recording(tmp_path: Path) -> None:
    """Two recordings still empty are equal sets: ending the inner one must end that
    one (by identity), not the first equal one, which is the outer recording."""
    memo = Session(tmp_path, "api", "python").fragments
    with memo.recording() as outer:
        with memo.recording() as inner:
            pass
        memo.call("upper", str.upper, ("zebra",))
    assert len(outer) == 1
    assert inner == set()
    with memo.recording() as again:
        memo.call("upper", str.upper, ("zebra",))
    assert again == outer
