"""Compiling generated Python part by part, in a process that runs again (--watch) and,
through the parts store, in the next process: the verdict is always the whole file's,
and only parts not seen (or vouched for) before are compiled."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.diagnostics import Diagnostics
from generator.kept import expect_more_runs, forget
from generator.write import syntax
from generator.write.formatting import format_files


@pytest.fixture
def watching() -> Iterator[None]:
    forget()
    expect_more_runs()
    yield
    forget()


@pytest.fixture
def compiled(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    real = syntax._compiled

    def counted(source: str) -> str | None:
        seen.append(source)
        return real(source)

    monkeypatch.setattr(syntax, "_compiled", counted)
    return seen


MODULE = '''"""Doc."""

import x


@pytest.mark.a
@other
def test_one() -> None:
    assert 1


class Thing:
    def method(self) -> None:
        pass


async def test_two() -> None:
    await x()
'''


def _parts(source: str) -> tuple[bytes, ...]:
    """The digests of ``source``'s parts (each compiles alone: the modules here are
    cut only where top-level definitions start)."""
    return tuple(syntax._digest(part) for part in syntax.split(source))


def _vouched(source: str) -> tuple[bytes, ...]:
    """What the writer records for a file that compiled: the parts `check` vouches for."""
    return syntax.check(source)[1]


def test_parts_start_at_top_level_definitions_with_their_decorators() -> None:
    parts = syntax.split(MODULE)
    assert [p.split("\n")[0] for p in parts] == [
        '"""Doc."""',
        "@pytest.mark.a",
        "class Thing:",
        "async def test_two() -> None:",
    ]
    assert "".join(parts) == MODULE


def test_an_edit_compiles_only_the_part_it_changed(watching: None, compiled: list[str]) -> None:
    syntax.remember("key", _parts(MODULE))
    edited = MODULE.replace("assert 1", "assert 2")
    assert syntax.error(edited) is None
    assert compiled == [next(p for p in syntax.split(edited) if "assert 2" in p)]


def test_a_broken_part_is_reported_where_it_is_in_the_file(
    watching: None, compiled: list[str]
) -> None:
    syntax.remember("key", _parts(MODULE))
    broken = MODULE.replace("await x()", "await x(")
    assert syntax.error(broken) == syntax._compiled(broken)
    assert syntax.error(broken) is not None and syntax.error(broken).startswith(  # type: ignore[union-attr]
        f"Cannot parse: {broken.count(chr(10))}:"
    )


def test_what_looks_across_parts_compiles_the_whole(watching: None, compiled: list[str]) -> None:
    late_future = MODULE + "\n\nfrom __future__ import annotations\n"
    syntax.remember("key", _parts(MODULE))
    assert syntax.error(late_future) is not None  # each part compiles alone
    assert compiled[-1] == late_future


def test_a_one_off_process_compiles_whole_files(compiled: list[str]) -> None:
    forget()
    syntax.remember("key", _parts(MODULE))
    assert syntax.error(MODULE) is None and compiled == [MODULE]


SNIPPETS = [
    "x = 1\n",
    "def f():\n    return 1\n",
    "def g(:\n    pass\n",
    "@d\ndef h():\n    pass\n",
    "@d\n",
    "class C:\n    y = 2\n",
    "class D:\ndef broken(): pass\n",
    'S = """\ndef inside():\n    pass\n"""\n',
    'T = """\n',
    "def inside_string():\n",
    '"""\n',
    "return 1\n",
    "global z\n",
    "z = 3\n",
    "from __future__ import annotations\n",
    "if x:\n    pass\n",
    "else:\n    pass\n",
    "    indented = 1\n",
    "y = (\n",
    ")\n",
    "async def a():\n    await b()\n",
]


@settings(max_examples=400, derandomize=True)
@given(
    st.lists(st.sampled_from(SNIPPETS), max_size=8),
    st.lists(st.sampled_from(SNIPPETS), max_size=8),
)
def test_the_verdict_is_the_whole_files_whatever_was_seen_before(
    seen: list[str], chosen: list[str]
) -> None:
    forget()
    expect_more_runs()
    before = "".join(seen)
    if syntax._compiled(before) is None:
        syntax.remember(before, _vouched(before))
    source = "".join(chosen)
    assert (syntax.error(source) is None) == (syntax._compiled(source) is None), source
    forget()


DECORATED = MODULE + '''

@pytest.mark.parametrize(
    "value",
    [1, 2],
)
def test_three(value: int) -> None:
    assert value
'''


def test_a_decorator_over_several_lines_stays_with_its_definition() -> None:
    parts = syntax.split(DECORATED)
    assert parts[-1].startswith("@pytest.mark.parametrize(\n") and "def test_three" in parts[-1]
    assert "".join(parts) == DECORATED
    first = "@d\ndef f():\n    pass\n\n\ndef g():\n    pass\n"
    assert syntax.split(first) == ["@d\ndef f():\n    pass\n\n\n", "def g():\n    pass\n"]


@pytest.fixture
def split_small(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(syntax, "SPLIT_FROM", 0)  # these modules are small


def test_the_next_process_compiles_only_the_parts_that_changed(
    split_small: None, compiled: list[str]
) -> None:
    forget()  # a one-off process: nothing seen in this one
    problem, digests = syntax.check(DECORATED)
    assert problem is None and len(digests) == len(syntax.split(DECORATED)) == 5
    compiled.clear()
    edited = DECORATED.replace("assert value", "assert value > 0")
    problem, now = syntax.check(edited, frozenset(digests))
    assert problem is None and compiled == [syntax.split(edited)[-1]]
    assert now == syntax.check(edited)[1]  # what compiling it whole vouches for


def test_a_cut_inside_a_string_gives_no_digests(split_small: None) -> None:
    source = 'S = """\ndef inside():\n    pass\n"""\n\n\ndef f():\n    return 1\n'
    assert len(syntax.split(source)) == 3  # one cut falls inside the string
    assert syntax.check(source) == (None, ())


def test_the_parts_store_keeps_each_files_digests_for_the_next_process(tmp_path: Path) -> None:
    store = syntax.PartsStore(tmp_path)
    assert store.known("python/a.py") == frozenset()
    digests = (b"a" * 16, b"b" * 16)
    store.record("python/a.py", digests)
    store.save()
    forget()  # a new process: the map slot is read from disk
    assert syntax.PartsStore(tmp_path).known("python/a.py") == frozenset(digests)


def test_format_files_compiles_only_the_changed_parts_in_the_next_process(
    tmp_path: Path, split_small: None, compiled: list[str]
) -> None:
    forget()
    files = {"python/x/big.py": DECORATED}
    assert format_files(files, Diagnostics(), cache_dir=tmp_path, shaped=True) == files
    forget()
    compiled.clear()
    edited = {"python/x/big.py": DECORATED.replace("assert 1", "assert 2")}
    assert format_files(edited, Diagnostics(), cache_dir=tmp_path, shaped=True) == edited
    assert compiled == [next(p for p in syntax.split(edited["python/x/big.py"]) if "assert 2" in p)]


def test_a_watch_learns_the_parts_of_files_it_takes_from_the_cache(
    tmp_path: Path, split_small: None, compiled: list[str]
) -> None:
    forget()
    files = {"python/x/big.py": DECORATED}
    format_files(files, Diagnostics(), cache_dir=tmp_path, shaped=True)
    forget()
    expect_more_runs()  # a watch's first run: the file comes from the format cache
    assert format_files(files, Diagnostics(), cache_dir=tmp_path, shaped=True) == files
    compiled.clear()
    # Another file with the same parts but one: what the watch learned vouches for them.
    source = DECORATED.replace("assert 1", "assert 2")
    edited = {"python/x/copy.py": source}
    assert format_files(edited, Diagnostics(), cache_dir=tmp_path, shaped=True) == edited
    assert compiled == [next(p for p in syntax.split(source) if "assert 2" in p)]
    forget()


RESOURCE = '''"""Doc."""


class Resource(Base):
    """A resource."""

    kind = "x"

    def one(self) -> int:
        return 1

    @overload
    def two(self, a: int) -> int: ...

    @property
    async def three(self) -> None:
        await x()

    limit = 3
'''


@pytest.fixture
def members_small(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(syntax, "SPLIT_FROM", 0)
    monkeypatch.setattr(syntax, "MEMBERS_FROM", 0)


def test_a_big_class_is_cut_before_each_member_with_its_decorators(members_small: None) -> None:
    pieces, _ = syntax._pieces(RESOURCE)
    assert [(p.alone or "").split("\n")[0] for p in pieces] == [
        '"""Doc."""',
        "class Resource(Base):",
        "def one(self) -> int:",
        "@overload",
        "@property",
    ]
    assert pieces[1].alone is not None and pieces[1].alone.endswith('    kind = "x"\n\n    pass\n')
    moved = "@property\nasync def three(self) -> None:\n    await x()\n\nlimit = 3\n"
    assert pieces[-1].alone == moved
    assert [(p.line, p.owner) for p in pieces] == [(1, 0), (4, 0), (9, 4), (12, 4), (15, 4)]
    assert all(syntax._compiled(p.alone or "") is None for p in pieces)


def test_an_edit_of_one_member_compiles_that_member_only(
    members_small: None, compiled: list[str]
) -> None:
    forget()
    problem, digests = syntax.check(RESOURCE)
    assert problem is None and len(digests) == 5  # the cuts start the class's code objects
    compiled.clear()
    problem, _ = syntax.check(RESOURCE.replace("return 1", "return 2"), frozenset(digests))
    assert problem is None and compiled == ["def one(self) -> int:\n    return 2\n\n"]


def test_a_class_with_a_star_import_or_a_shallow_line_is_compiled_whole(
    members_small: None, compiled: list[str]
) -> None:
    """``import *`` compiles in a module, not in a class; a member with a line indented
    less than four spaces (here in a string) cannot be moved out of its class."""
    forget()
    starred = RESOURCE.replace('    kind = "x"', "    from os import *")
    assert [p.owner for p in syntax._pieces(starred)[0]] == [0, 0]
    assert syntax.check(starred, frozenset(syntax.check(RESOURCE)[1]))[0] is not None
    shallow = RESOURCE.replace("return 1", 'return """\nx"""')
    assert syntax.check(shallow) == (None, ())
    expect_more_runs()
    compiled.clear()
    assert syntax.check(shallow) == (None, ()) and compiled == []  # compiled whole


def test_a_member_cut_inside_a_string_gives_no_digests(members_small: None) -> None:
    source = 'class S:\n    text = """\n    def inside(self):\n        pass\n    """\n'
    assert [p.owner for p in syntax._pieces(source)[0]] == [0, 1]  # the cut is in the string
    assert syntax.check(source) == (None, ())


CONSTANTS = """from typing import Any

_FIRST: Any = {
    "a": [1, 2],
}
_SECOND: Any = "x"


def test_it() -> None:
    assert _FIRST and _SECOND
"""


def test_constants_are_cut_and_vouched_for_by_the_names_the_module_stores(
    split_small: None,
) -> None:
    forget()
    assert [p.split("\n")[0] for p in syntax.split(CONSTANTS)] == [
        "from typing import Any",
        "_FIRST: Any = {",
        "_SECOND: Any = \"x\"",
        "def test_it() -> None:",
    ]
    assert len(syntax.check(CONSTANTS)[1]) == 4


def test_a_constant_cut_that_starts_no_statement_gives_no_digests(split_small: None) -> None:
    """A parameter with a default at column 0 and a line in a string look like constants
    but the module stores no such name on that line."""
    forget()
    parameter = "from typing import Any\n\n\ndef f(\n_LIMIT: Any = 1,\n) -> None:\n    pass\n"
    assert len(syntax.split(parameter)) == 3 and syntax._compiled(parameter) is None
    assert syntax.check(parameter) == (None, ())
    text = 'T = """\n_X: Any = 1\n"""\n_X: Any = 2\n'
    assert len(syntax.split(text)) == 3 and syntax.check(text) == (None, ())


MEMBER_SNIPPETS = [
    "class E:\n",
    "class F:\n    x = 1\n",
    "    def m(self):\n        return 1\n",
    "    def n(self):\n    return 1\n",
    "    @property\n",
    "    async def a(self):\n        await b()\n",
    "    y = 2\n",
    "    return 3\n",
    "    from os import *\n",
    "    yield 4\n",
    '    s = """\n',
    '    """\n',
    '"""\n',
    "    def broken(:\n",
    "        pass\n",
    "def g():\n    pass\n",
    "_A: Any = 1\n",
    "_B: Any = {\n",
    "}\n",
    "def p(\n",
    "_C: Any = 2,\n",
    "):\n    pass\n",
    "Any = 0\n",
]


@pytest.mark.parametrize("members_from", [0, 10**9], ids=["classes-cut", "classes-whole"])
@settings(max_examples=300, derandomize=True)
@given(
    st.lists(st.sampled_from(MEMBER_SNIPPETS + SNIPPETS), max_size=10),
    st.lists(st.sampled_from(MEMBER_SNIPPETS + SNIPPETS), max_size=10),
)
def test_the_verdict_with_an_earlier_process_digests_is_the_whole_files(
    members_from: int, seen: list[str], chosen: list[str]
) -> None:
    forget()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(syntax, "SPLIT_FROM", 0)
        patch.setattr(syntax, "MEMBERS_FROM", members_from)
        _, known = syntax.check("".join(seen))
        source = "".join(chosen)
        problem, digests = syntax.check(source, frozenset(known))
        assert (problem is None) == (syntax._compiled(source) is None), source
        if digests:  # each piece it vouches for compiles alone
            pieces, _ = syntax._pieces(source)
            assert all(syntax._compiled(p.alone or "") is None for p in pieces), source
        expect_more_runs()
        assert (syntax.error(source) is None) == (syntax._compiled(source) is None), source
    forget()
