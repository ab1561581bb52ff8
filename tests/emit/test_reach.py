"""`generator.emit.reach`: the link graph every target's keys read. An operation's
links include its response headers' and links the docs lack a page for (by anchor),
each once, in document order; a definition's closure follows links through others;
links are kept by identity, so a part taken again is not walked again, and an equal
copy is."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest

from generator import model
from generator.emit import reach
from generator.kept import forget

sys.path.insert(0, str(Path(__file__).parent))

from python_build import load_spec

HERE = model.SourceLocation("test.md", 1, 1)


def _ref(anchor: str, target: str | None) -> model.RefSchema:
    return model.RefSchema(model.Reference(anchor, f"#{anchor}", None, anchor, HERE, target))


def _find_by_status(api: model.Api) -> model.Operation:
    return next(o for o in api.operations if o.path == "/pets/findByStatus")


def test_operation_links_take_headers_and_missing_pages_once_in_order() -> None:
    forget()
    api = load_spec("petstore")
    op = _find_by_status(api)
    assert reach.operation_links(op) == ("pet",)
    ok = op.responses[0]
    headers = (
        *ok.headers,
        model.Header("X-Owner", _ref("user", "user")),
        model.Header("X-Missing", _ref("gone", None)),
        model.Header("X-Again", _ref("pet", "pet")),
    )
    edited = replace(op, responses=(replace(ok, headers=headers), *op.responses[1:]))
    assert reach.operation_links(edited) == ("pet", "user", "gone")


def test_closure_and_reached_follow_links_through_definitions() -> None:
    forget()
    api = load_spec("petstore")
    graph = reach.LinkGraph(api)
    assert graph.closure("pet") == {"pet", "category", "tag"}
    assert graph.closure("gone") == {"gone"}
    assert graph.reached([_find_by_status(api)]) == ["category", "pet", "tag"]
    assert graph.digest("gone") != graph.digest("pet")
    edited = replace(api, definitions=tuple(
        replace(d, description=d.description + "!") if d.key == "tag" else d
        for d in api.definitions
    ))  # fmt: skip
    assert reach.LinkGraph(edited).digest("tag") != graph.digest("tag")
    assert reach.LinkGraph(edited).digest("pet") == graph.digest("pet")


def test_links_are_kept_by_identity(monkeypatch: pytest.MonkeyPatch) -> None:
    forget()
    op = _find_by_status(load_spec("petstore"))
    walked: list[object] = []
    real = reach.references

    def counted(schema: model.Schema) -> list[model.Reference]:
        walked.append(schema)
        return real(schema)

    monkeypatch.setattr(reach, "references", counted)
    first = reach.operation_links(op)
    assert walked
    walked.clear()
    assert reach.operation_links(op) is first
    assert not walked
    assert reach.operation_links(replace(op)) == first
    assert walked


def test_one_graph_per_api_object() -> None:
    api = load_spec("petstore")
    assert reach.link_graph(api) is reach.link_graph(api)
    assert reach.link_graph(replace(api)) is not reach.link_graph(api)


def test_first_links_leave_headers_out_and_are_kept_by_identity() -> None:
    """The link that names a missing page: the first to each key in an operation's
    parameters and response bodies (a header's link is not one), or in a definition."""
    forget()
    api = load_spec("petstore")
    op = _find_by_status(api)
    ok = op.responses[0]
    header = model.Header("X-Missing", _ref("gone", None))
    edited = replace(op, responses=(replace(ok, headers=(*ok.headers, header)), *op.responses[1:]))
    assert [key for key, _ in reach.first_links(edited)] == ["pet"]
    pet = next(d for d in api.definitions if d.key == "pet")
    links = reach.first_links(pet)
    assert [key for key, _ in links] == ["category", "tag"]
    assert all(ref.target == key for key, ref in links)
    assert reach.first_links(pet) is links
    assert reach.first_links(replace(pet)) == links
    assert reach.first_links(replace(pet)) is not links
