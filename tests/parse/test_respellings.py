"""The same Swagger2Markup page, re-spelled the ways converters, formatters and docs
sites re-spell it, or with a page heading dropped or named otherwise, reads into the
same model with no word said.

Each re-spelling is applied to the whole English page of `test_languages` (overview,
operations with every section, definitions, security); only source lines may differ.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from generator.diagnostics import Diagnostics
from generator.emit.model_json import dumps
from generator.parse import parse_page
from generator.resolve import resolve_api
from tests.parse.test_languages import page_in

ENGLISH = page_in("en")


def _seps(text: str, cell: str) -> str:
    return re.sub(r"^\|(---\|)+$", lambda m: "|" + cell * m.group(0).count("---"), text,
                  flags=re.M)


def _reference_links(text: str) -> str:
    """Every inline link as a reference link, the definitions at the bottom (pandoc
    ``--reference-links``)."""
    targets: dict[str, str] = {}

    def ref(m: re.Match[str]) -> str:
        label = m.group(2).lstrip("#")
        targets[label] = m.group(2)
        return f"[{m.group(1)}]" if m.group(1) == label else f"[{m.group(1)}][{label}]"

    body = re.sub(r"\[([^\]]+)\]\((#[^)]+)\)", ref, text)
    return body + "\n" + "".join(f"[{k}]: {v}\n" for k, v in targets.items())


def _setext(m: re.Match[str]) -> str:
    return m.group(2) + "\n" + ("=" if len(m.group(1)) == 1 else "-") * max(3, len(m.group(2)))


RESPELLINGS: dict[str, Callable[[str], str]] = {
    "<br/>": lambda t: t.replace("<br>", "<br/>"),
    "<br />": lambda t: t.replace("<br>", "<br />"),
    "aligned delimiter rows": lambda t: _seps(t, ":---|"),
    "padded delimiter rows (prettier)": lambda t: _seps(t, " --- |"),
    "padded cells": lambda t: t.replace("|", " | "),
    "tables without outer pipes": lambda t: re.sub(r"^\|(.*)\|$", r"\1", t, flags=re.M),
    "no blank line before tables": lambda t: re.sub(r"\n\n\|", "\n|", t),
    "closing hashes": lambda t: re.sub(r"^(#+) (.*)$", r"\1 \2 \1", t, flags=re.M),
    "setext headings": lambda t: re.sub(r"^(#{1,2}) (.*)$", _setext, t, flags=re.M),
    "headings one level up": lambda t: re.sub(
        r"^(#{2,6}) ", lambda m: "#" * (len(m.group(1)) - 1) + " ", t, flags=re.M),
    "headings one level down": lambda t: re.sub(
        r"^(#{2,5}) ", lambda m: "#" * (len(m.group(1)) + 1) + " ", t, flags=re.M),
    "bold section labels": lambda t: re.sub(
        r"^#### (Parameters|Responses|Consumes|Produces|Tags|Security|Description)$",
        r"**\1**", t, flags=re.M),
    "labels with colons": lambda t: re.sub(r"^(#### [A-Za-z ]+)$", r"\1:", t, flags=re.M),
    "lower-case labels": lambda t: re.sub(
        r"^(#### )([A-Z])", lambda m: m.group(1) + m.group(2).lower(), t, flags=re.M),
    "<a id>": lambda t: t.replace("<a name=", "<a id="),
    "anchors inside headings": lambda t: re.sub(r'(<a name="[^"]+"></a>)\n(#+ )', r"\2\1", t),
    "heading attributes": lambda t: re.sub(
        r'<a name="([^"]+)"></a>\n(#+ [^\n]+)', r"\2 {#\1}", t),
    "~~~ fences": lambda t: re.sub(r"^```", "~~~", t, flags=re.M),
    "http fences": lambda t: re.sub(r"```\n(POST|GET) ", r"```http\n\1 ", t),
    "indented METHOD /path": lambda t: re.sub(r"```\n((?:POST|GET) /pets)\n```", r"    \1", t),
    "backslash line breaks": lambda t: t.replace("  \n", "\\\n"),
    "trailing spaces trimmed": lambda t: re.sub(r"[ \t]+$", "", t, flags=re.M),
    "CRLF": lambda t: t.replace("\n", "\r\n"),
    "byte-order mark": lambda t: "\ufeff" + t,
    "front matter": lambda t: "---\ntitle: Petstore\nlayout: api\n---\n" + t,
    "_emphasis_ labels": lambda t: re.sub(r"^\*([^*\n]+)\* :", r"_\1_ :", t, flags=re.M),
    "__bold__ locations": lambda t: t.replace("**Query**", "__Query__"),
    "<strong> locations": lambda t: t.replace("**Header**", "<strong>Header</strong>"),
    "escaped < >": lambda t: t.replace("< ", "\\< ").replace(" >", " \\>"),
    "&lt; &gt;": lambda t: t.replace("< ", "&lt; ").replace(" > ", " &gt; "),
    "escaped underscores": lambda t: t.replace("write_pets", "write\\_pets"),
    "reference links": _reference_links,
    "- lists": lambda t: re.sub(r"^\* ", "- ", t, flags=re.M),
    "blank lines collapsed": lambda t: re.sub(r"\n{3,}", "\n\n", t),
    "no blank line after headings": lambda t: re.sub(r"^(#+ .*)\n\n+", r"\1\n", t, flags=re.M),
}


def _drop(heading: str) -> Callable[[str], str]:
    return lambda t: t.replace(heading, "")


# The page's own sections with their heading dropped or named otherwise.
STRUCTURES: dict[str, Callable[[str], str]] = {
    "no Paths heading": _drop('<a name="paths"></a>\n## Paths\n'),
    "no Definitions heading": _drop('<a name="definitions"></a>\n## Definitions\n'),
    "no Security heading": _drop('<a name="securityscheme"></a>\n## Security\n'),
    "no Overview heading": _drop('<a name="overview"></a>\n## Overview\n'),
    "## Endpoints": lambda t: t.replace("\n## Paths\n", "\n## Endpoints\n"),
    "## API Reference": lambda t: t.replace("\n## Paths\n", "\n## API Reference\n"),
    "## Models": lambda t: t.replace("\n## Definitions\n", "\n## Models\n"),
    "## Authentication": lambda t: t.replace("\n## Security\n", "\n## Authentication\n"),
    "## Introduction": lambda t: t.replace("\n## Overview\n", "\n## Introduction\n"),
}


def model_of(text: str) -> tuple[str, list[str]]:
    diagnostics = Diagnostics()
    api = resolve_api("petstore", [parse_page("api.md", text, diagnostics)], diagnostics)
    return re.sub(r'"location": "[^"]*"', "", dumps(api)), [d.format() for d in diagnostics]


@pytest.mark.parametrize("name", sorted(RESPELLINGS))
def test_a_respelled_page_reads_the_same(name: str) -> None:
    respelled = RESPELLINGS[name](ENGLISH)
    assert respelled != ENGLISH
    model, said = model_of(respelled)
    assert said == []
    assert model == model_of(ENGLISH)[0]


@pytest.mark.parametrize("name", sorted(STRUCTURES))
def test_a_page_whose_headings_differ_reads_the_same(name: str) -> None:
    restructured = STRUCTURES[name](ENGLISH)
    assert restructured != ENGLISH
    model, said = model_of(restructured)
    assert said == []
    assert model == model_of(ENGLISH)[0]


def test_without_markup_variants_a_table_without_outer_pipes_is_reported() -> None:
    diagnostics = Diagnostics()
    text = RESPELLINGS["tables without outer pipes"](ENGLISH)
    parse_page("api.md", text, diagnostics, recoveries_off=["markup-variants"])
    found = [(d.code, d.location.line) for d in diagnostics if d.code == "ignored-content"]
    assert found[:2] == [("ignored-content", 57), ("ignored-content", 80)]
