"""A process that resolves an API again takes what nothing changed for.

`generator.resolve.memo`: after a one-page edit, the operations and definitions of the
other pages are the objects the last run built (so emitters find their digests
again), the model equals a fresh resolution, and whatever a resolution reads (the
lookup tables, the marked definitions) changing makes it be done again.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.diagnostics import Diagnostics
from generator.kept import expect_more_runs, forget
from generator.load.sources import read_pages
from generator.model import Api, Definition, DocValue, Page
from generator.resolve import examples, memo, resolve_api
from generator.resolve.index import Index
from generator.resolve.memo import resolve_memo
from generator.resolve.placeholders import Placeholders
from generator.resolve.schemas import SchemaResolver
from generator.resolve.verdicts import VerdictStore
from tests.incremental_tree import (
    ANIMAL_PRINTED,
    Tree,
    placeholder_example,
    remove_definition,
    write_pages,
    zoo,
)
from tests.test_incremental import remove_prop, set_description


@pytest.fixture(autouse=True)
def _watching_process() -> None:
    """A new process that said it will run again (as ``generate --watch`` does)."""
    forget()
    expect_more_runs()


class Docs:
    """The zoo tree on disk, read again after each edit as a watching process does:
    the pages of unchanged files are the same objects as before."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.specs = root / "specs"
        self.cache = root / "cache"
        self.tree = zoo()
        placeholder_example(self.tree)  # a response example that is a placeholder
        write_pages(self.specs, self.tree.pages())
        self.pages = self._read()

    def _read(self) -> list[Page]:
        return read_pages([self.specs], Diagnostics())

    def edit(self, change: Callable[[Tree], None]) -> None:
        change(self.tree)
        before = self._texts()
        write_pages(self.specs, self.tree.pages())
        after = self._texts()
        known = {page.path: page for page in self.pages}
        self.pages = [
            known[page.path]
            if page.path in known and before.get(page.path) == after.get(page.path)
            else page
            for page in self._read()
        ]

    def _texts(self) -> dict[str, str]:
        return {str(p): p.read_text(encoding="utf-8") for p in self.specs.rglob("*.md")}

    def resolve(self) -> tuple[Api, list[str]]:
        diagnostics = Diagnostics()
        api = resolve_api("zoo", self.pages, diagnostics, cache_dir=self.cache)
        return api, [d.format() for d in diagnostics]

    def cold(self) -> tuple[Api, list[str]]:
        diagnostics = Diagnostics()
        api = resolve_api("zoo", self._read(), diagnostics)
        return api, [d.format() for d in diagnostics]


def _same(a: Api, b: Api) -> list[str]:
    """Paths of the operations of ``b`` that are the very objects of ``a``."""
    old = {(op.method, op.path): op for op in a.operations}
    return sorted(op.path for op in b.operations if old.get((op.method, op.path)) is op)


def test_operations_of_unchanged_pages_are_taken_again(tmp_path: Path) -> None:
    docs = Docs(tmp_path)
    first, _ = docs.resolve()
    docs.edit(set_description("getAnimal", "Gets one animal, with its keeper."))
    second, reported = docs.resolve()
    assert (second, reported) == docs.cold()
    assert _same(first, second) == ["/animals", "/animals", "/keepers"]
    edited = next(op for op in second.operations if op.path == "/animals/{animalId}")
    assert edited.description == "Gets one animal, with its keeper."
    assert all(a is b for a, b in zip(first.definitions, second.definitions, strict=True))


def test_an_edited_definition_is_resolved_named_and_marked_again(tmp_path: Path) -> None:
    """Keeper's page edited: Keeper is new, the other definitions are the last run's
    objects, and the marking of every definition and operation follows the new one."""
    docs = Docs(tmp_path)
    first, _ = docs.resolve()
    docs.edit(remove_prop("Keeper", "shift"))
    second, reported = docs.resolve()
    assert (second, reported) == docs.cold()
    kept = [a.key for a, b in zip(first.definitions, second.definitions, strict=True) if a is b]
    assert kept == ["animal", "animallist"]


def test_a_changed_lookup_table_resolves_every_operation_again(tmp_path: Path) -> None:
    """AnimalList's page removed: listAnimals, whose page did not change, links to a
    stand-in now (and says so)."""
    docs = Docs(tmp_path)
    first, _ = docs.resolve()
    docs.edit(lambda tree: remove_definition(tree, "AnimalList"))
    second, reported = docs.resolve()
    assert (second, reported) == docs.cold()
    assert _same(first, second) == []
    assert any("unresolved-ref" in line and "AnimalList" in line for line in reported)


def test_an_operation_linking_to_a_stand_in_is_taken_again(tmp_path: Path) -> None:
    """AnimalList's page gone: listAnimals links to a stand-in. After another page's
    edit listAnimals and the stand-in are the last run's objects, and the warning about
    the link is reported again."""
    docs = Docs(tmp_path)
    docs.edit(lambda tree: remove_definition(tree, "AnimalList"))
    first, _ = docs.resolve()
    docs.edit(set_description("getAnimal", "Gets one animal, with its keeper."))
    second, reported = docs.resolve()
    assert (second, reported) == docs.cold()
    assert any("unresolved-ref" in line and "AnimalList" in line for line in reported)
    assert "/animals" in _same(first, second)
    stand_in = next(d for d in second.definitions if d.unresolved)
    assert stand_in is next(d for d in first.definitions if d.unresolved)


def test_a_stand_in_key_taken_since_resolves_the_link_again(tmp_path: Path) -> None:
    """The key listAnimals' stand-in got is a definition's now: its resolution from the
    last run does not hold."""
    docs = Docs(tmp_path)
    docs.edit(lambda tree: remove_definition(tree, "AnimalList"))
    docs.resolve()
    kept = resolve_memo(docs.cache, "zoo").operations.values()
    ((reference, missing, key),) = {s for k in kept for s in k.stand_ins}
    resolver = SchemaResolver(
        schemas=Index(), schemes=Index(), definitions=[], security=[], inline={},
        diagnostics=Diagnostics(),
    )  # fmt: skip
    assert memo._same_keys(resolver, ((reference, missing, key),))
    resolver.taken.add(key)
    assert not memo._same_keys(resolver, ((reference, missing, key),))


def test_changed_definitions_mark_the_operations_again(tmp_path: Path) -> None:
    """Keeper's shift removed: getAnimal's page is as it was, but its example (which
    prints an Animal, Keeper written out) is no longer Swagger2Markup's placeholder."""
    docs = Docs(tmp_path)
    first, _ = docs.resolve()
    docs.edit(remove_prop("Keeper", "shift"))
    second, reported = docs.resolve()
    assert (second, reported) == docs.cold()
    before, after = (_example(api) for api in (first, second))
    assert (before.generated, after.generated) == (True, False)


def test_an_operation_is_marked_again_only_when_a_definition_it_read_changed(
    tmp_path: Path,
) -> None:
    """AnimalList edited: getAnimal's marked example walked Animal and Keeper only, so
    its marking (a new object each time it is made) is the last run's; the other
    definitions' markings are the last run's objects too."""
    docs = Docs(tmp_path)
    first, _ = docs.resolve()
    docs.edit(remove_prop("AnimalList", "total"))
    second, reported = docs.resolve()
    assert (second, reported) == docs.cold()
    assert _example(second).generated
    assert "/animals/{animalId}" in _same(first, second)
    kept = [a.key for a, b in zip(first.definitions, second.definitions, strict=True) if a is b]
    assert kept == ["animal", "keeper"]


def _shared_example(tmp_path: Path) -> Docs:
    """The zoo with createAnimal's 201 example the same placeholder as getAnimal's."""
    docs = Docs(tmp_path)
    docs.tree.operations["createAnimal"].examples = [("201", ANIMAL_PRINTED)]
    write_pages(docs.specs, docs.tree.pages())
    docs.pages = docs._read()
    return docs


def _generated(first: Api, second: Api) -> list[list[bool]]:
    return [[_example(api, m).generated for api in (first, second)] for m in ("POST", "GET")]


def test_definitions_a_verdict_decided_earlier_in_the_run_read_count_as_read(
    tmp_path: Path,
) -> None:
    """getAnimal's verdict is the one createAnimal's marking decided just before (the
    same example): getAnimal's marking read Animal and Keeper through it, so Keeper's
    edit marks it again."""
    docs = _shared_example(tmp_path)
    first, _ = docs.resolve()
    docs.edit(remove_prop("Keeper", "shift"))
    second, reported = docs.resolve()
    assert (second, reported) == docs.cold()
    assert _generated(first, second) == [[True, False], [True, False]]


def test_definitions_a_stored_verdict_read_count_as_read(tmp_path: Path) -> None:
    """After its own page's edit getAnimal's verdict comes from the store: its marking
    read Animal and Keeper through it, so Keeper's edit marks it again."""
    docs = _shared_example(tmp_path)
    docs.resolve()
    docs.edit(set_description("getAnimal", "Gets one animal, with its keeper."))
    first, _ = docs.resolve()
    docs.edit(remove_prop("Keeper", "shift"))
    second, reported = docs.resolve()
    assert (second, reported) == docs.cold()
    assert _generated(first, second) == [[True, False], [True, False]]


def _example(api: Api, method: str = "GET") -> DocValue:
    path = "/animals/{animalId}" if method == "GET" else "/animals"
    op = next(op for op in api.operations if (op.method, op.path) == (method, path))
    return op.response_examples[0].example.value


def test_verdicts_of_operations_taken_again_are_kept_for_a_new_process(tmp_path: Path) -> None:
    """getAnimal (whose example asked for a verdict) is taken from the memo after
    another page's edit; the store must still hold its verdict for the next process."""
    docs = Docs(tmp_path)
    docs.resolve()
    kept = VerdictStore(docs.cache, "zoo").known
    assert kept
    docs.edit(set_description("listKeepers", "Lists every keeper."))
    first, _ = docs.resolve()
    assert "/animals/{animalId}" in _same(first, docs.resolve()[0])
    forget()
    assert VerdictStore(docs.cache, "zoo").known == kept


def test_a_run_with_a_cache_keeps_its_memo_and_one_without_keeps_none(tmp_path: Path) -> None:
    """A process that does not say it will run again keeps its memo too: a new process
    may resume from it (`generator.resume`). A run without a cache folder keeps none."""
    forget()  # not a watching process
    docs = Docs(tmp_path)
    first, _ = docs.resolve()
    docs.edit(set_description("getAnimal", "Gets one animal, with its keeper."))
    second, reported = docs.resolve()
    assert (second, reported) == docs.cold()
    assert "/animals" in _same(first, second)
    uncached = resolve_api("zoo", docs.pages, Diagnostics())
    assert _same(uncached, resolve_api("zoo", docs.pages, Diagnostics())) == []


def test_a_definition_whose_marking_read_another_is_not_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A definition's marking is kept by the definition alone: one whose marking read
    another definition (none does today) is marked again every run."""
    marking = examples._definition

    def reading(definition: Definition, rules: Placeholders) -> Definition:
        if definition.key == "animal":
            rules.verdicts.definition("keeper")
        return marking(definition, rules)

    monkeypatch.setattr(examples, "_definition", reading)
    docs = Docs(tmp_path)
    for _ in range(2):
        docs.resolve()
        kept = resolve_memo(docs.cache, "zoo").marked_definition.values()
        assert sorted(named.key for named, _ in kept) == ["animallist", "keeper"]


SORT_ORDER = """
<a name="sortorder"></a>
### Order in which results come back
Named by the links to it: its page gives no name.

*Type* : enum (ASC, DESC)
"""


SORT_LINK = "[sortOrder](../definitions/SortOrder.md#sortorder)"


def _inline_op(name: str, response: str, anchor: str = "template", link: str = SORT_LINK) -> str:
    """An operation page that prints an inline schema ``anchor`` (whose one property
    links ``link``: SortOrder, labelled ``sortOrder``, by default) and answers 200 with
    ``response``."""
    return f"""
<a name="{name}"></a>
### Op {name}
```
GET /{name}
```

#### Responses

|HTTP Code|Description|Schema|
|---|---|---|
|**200**|ok|{response}|

<a name="{anchor}"></a>
**Template**

|Name|Description|Schema|
|---|---|---|
|**sort**  <br>*optional*|s|{link}|
"""


class InlineDocs:
    """Operation pages holding inline schemas, read again after each edit as a
    watching process reads them (unchanged files keep their page objects)."""

    def __init__(self, root: Path, pages: dict[str, str]) -> None:
        self.root = root
        self.specs = root / "specs"
        self.cache = root / "cache"
        self.write({"definitions/SortOrder.md": SORT_ORDER, **pages})
        self.pages = read_pages([self.specs], Diagnostics())

    def write(self, pages: dict[str, str]) -> None:
        for name, text in pages.items():
            (self.specs / name).parent.mkdir(parents=True, exist_ok=True)
            (self.specs / name).write_text(text, encoding="utf-8")

    def edit(self, pages: dict[str, str]) -> None:
        self.write(pages)
        edited = {str(self.specs / name) for name in pages}
        old = {page.path: page for page in self.pages}
        self.pages = [
            page if page.path in edited or page.path not in old else old[page.path]
            for page in read_pages([self.specs], Diagnostics())
        ]

    def resolve(self) -> Api:
        return self.resolve_reporting()[0]

    def resolve_reporting(self) -> tuple[Api, list[str]]:
        diagnostics = Diagnostics()
        api = resolve_api("inline", self.pages, diagnostics, cache_dir=self.cache)
        return api, [d.format() for d in diagnostics]

    def cold(self) -> Api:
        return self.cold_reporting()[0]

    def cold_reporting(self) -> tuple[Api, list[str]]:
        diagnostics = Diagnostics()
        api = resolve_api("inline", read_pages([self.specs], Diagnostics()), diagnostics)
        return api, [d.format() for d in diagnostics]


def test_an_inline_schema_gives_its_labels_once_whoever_reads_it_first(tmp_path: Path) -> None:
    """The links inside an inline schema give their labels where the schema is first
    read in the run. Pages a and c print the same template (one schema, read by both
    operations); a stops reading it while c's resolution is kept: its links' label
    must now come with c's, as in a cold run (it names SortOrder ``sortOrder``)."""
    docs = InlineDocs(tmp_path, {
        "operations/a.md": _inline_op("a", "[Template](#template)"),
        "operations/c.md": _inline_op("c", "[Template](#template)"),
    })  # fmt: skip
    first = docs.resolve()
    assert first == docs.cold()
    docs.edit({"operations/a.md": _inline_op("a", "string")})  # the same lines
    second = docs.resolve()
    assert "/c" in _same(first, second)  # kept, the template as it was
    sort = second.definition("sortorder")
    assert sort is not None and sort.name == "sortOrder"
    assert second == docs.cold()


def test_an_edit_moving_an_inline_schema_keeps_the_values_that_do_not_read_it(
    tmp_path: Path,
) -> None:
    """A page's inline schema moves (a line added above it): the operations that read
    another page's inline schema are the last run's objects; the moved one's readers
    are resolved again, all as a cold run resolves them."""
    docs = InlineDocs(tmp_path, {
        "operations/a.md": _inline_op("a", "[Template](#a-template)", "a-template"),
        "operations/b.md": _inline_op("b", "[Template](#b-template)", "b-template"),
    })  # fmt: skip
    first = docs.resolve()
    moved = _inline_op("a", "[Template](#a-template)", "a-template").replace(
        "#### Responses", "A longer description.\n\n#### Responses"
    )
    docs.edit({"operations/a.md": moved})
    second = docs.resolve()
    assert _same(first, second) == ["/b"]
    assert second == docs.cold()


def test_a_stand_in_inside_an_inline_schema_is_made_where_a_cold_run_makes_it(
    tmp_path: Path,
) -> None:
    """The template links a page the docs lack: the value that reads it first makes
    the stand-in and reports it. When that reader changes, the values that read the
    template are resolved again (none is kept), so the report comes from the new first
    reader, as in a cold run."""
    missing = "[Gone](../definitions/Gone.md#gone)"
    docs = InlineDocs(tmp_path, {
        "operations/a.md": _inline_op("a", "[Template](#template)", link=missing),
        "operations/c.md": _inline_op("c", "[Template](#template)", link=missing),
    })  # fmt: skip
    first, reported = docs.resolve_reporting()
    assert (first, reported) == docs.cold_reporting()
    assert any("unresolved-ref" in line for line in reported), reported
    docs.edit({"operations/a.md": _inline_op("a", "string", link=missing)})
    assert docs.resolve_reporting() == docs.cold_reporting()
