"""`generator.kept`: values kept for this run and the next, by key or by identity."""

from __future__ import annotations

from generator.kept import ByIdentity, Kept, next_run


def test_kept_values_last_one_unused_run() -> None:
    kept: Kept[str] = Kept()
    kept.put("a", "one")
    next_run()
    assert kept.get("a", lambda: None) == "one"  # used in this run: kept for the next
    next_run()
    assert kept.get("a", lambda: "again") == "one"
    next_run()
    next_run()
    assert kept.get("a", lambda: "made") == "made"


def test_by_identity_answers_the_same_object_only() -> None:
    made: list[list[int]] = []
    values: ByIdentity[int] = ByIdentity()

    def make(part: list[int]) -> int:
        made.append(part)
        return sum(part)

    part, equal = [1, 2], [1, 2]
    assert values.get(part, lambda: make(part)) == 3
    assert values.get(part, lambda: make(part)) == 3
    assert values.get(equal, lambda: make(equal)) == 3
    assert made == [part, equal] and made[1] is equal
    next_run()
    assert values.get(part, lambda: make(part)) == 3  # the next run, held with its value
    assert len(made) == 2


def test_by_identity_keeps_one_value_per_scope() -> None:
    values: ByIdentity[str] = ByIdentity()
    part = object()
    assert values.get(part, lambda: "a", scope="x") == "a"
    assert values.get(part, lambda: "b", scope="y") == "b"
    assert values.get(part, lambda: "c", scope="x") == "a"
