"""Every language Swagger2Markup writes reads into the same model.

One Swagger2Markup 1.3 page set (overview, an operation with every section, a
deprecated one with parameters and annotations, definitions with polymorphism and
every annotation, a security page) is written in each language from that language's
own label file, as Swagger2Markup would print it; each must parse, with no word, into
exactly the model the English page gives. This found the Brazilian ``Padrão`` (both
Default and Pattern) and the Russian Max count label, which Swagger2Markup prints as
the hex codes its properties file garbles.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.diagnostics import Diagnostics
from generator.emit.model_json import dumps
from generator.parse import parse_page
from generator.parse.labels import _DIR, _read_properties
from generator.resolve import resolve_api

TEMPLATE = (Path(__file__).parent / "templates" / "s2m13_page.md.txt").read_text("utf-8")
LANGUAGES = sorted(
    p.name.removeprefix("labels_").removesuffix(".properties")
    for p in _DIR.iterdir() if p.name.startswith("labels_")
)


def page_in(language: str) -> str:
    labels = _read_properties(_DIR / f"labels_{language}.properties")
    return TEMPLATE.format(**{key.replace(".", "_"): value for key, value in labels.items()})


def model_of(language: str) -> tuple[str, list[str]]:
    diagnostics = Diagnostics()
    page = parse_page("api.md", page_in(language), diagnostics)
    api = resolve_api("petstore", [page], diagnostics)
    return dumps(api), [d.format() for d in diagnostics]


def test_every_label_file_is_tested() -> None:
    assert LANGUAGES == ["de", "en", "es", "fr", "ja", "pl", "pt_BR", "ru", "tr", "zh"]


@pytest.mark.parametrize("language", [lang for lang in LANGUAGES if lang != "en"])
def test_each_language_reads_like_english(language: str) -> None:
    english, _ = model_of("en")
    model, said = model_of(language)
    assert said == []
    assert model == english


def test_the_english_page_reads_in_full() -> None:
    model, said = model_of("en")
    assert said == []
    for expected in ('"pattern": "^[a-z]+$"', '"max_items": 5', '"min_length": 1',
                     '"exclusive_minimum": true', '"deprecated": true',
                     '"discriminator": "kind"', '"token_url": "http://example.com/oauth/token"'):
        assert expected in model


def test_a_lone_padrao_is_a_default_unless_it_reads_as_a_pattern() -> None:
    def annotated(cell: str) -> tuple[object, object]:
        text = (
            "### Pet\n\n|Nome|Descrição|Esquema|\n|---|---|---|\n"
            f"|**name**  <br>*Opcional*|{cell}|string|\n"
        )
        page = parse_page("p.md", text, Diagnostics())
        prop = page.definitions[0].schema.properties[0]  # type: ignore[union-attr]
        return prop.default and prop.default.value, prop.constraints.pattern

    assert annotated('**Padrão** : `"rex"`') == ("rex", None)
    assert annotated('**Padrão** : `"^[a-z]+$"`') == (None, "^[a-z]+$")
    assert annotated('**Padrão** : `"rex"`  <br>**Padrão** : `"r.x"`') == ("rex", "r.x")


def test_the_russian_max_count_label_in_words() -> None:
    text = (
        "### Pet\n\n|Имя|Описание|Схема|\n|---|---|---|\n"
        "|**tags**  <br>*Необязательно*|**Максимальное количество** : `5`|< string > array|\n"
    )
    page = parse_page("p.md", text, Diagnostics())
    prop = page.definitions[0].schema.properties[0]  # type: ignore[union-attr]
    assert (prop.description, prop.constraints.max_items) == ("", 5)


@pytest.mark.parametrize("part", ["overview", "paths", "definitions", "security"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_page_heading_dropped_in_any_language(language: str, part: str) -> None:
    """``## Paths`` (in the page's language) deleted, its anchor left standing: the
    sections under it are still read for what they are, and the next heading keeps
    its own anchor (the last one before it)."""
    page = page_in(language)
    heading = _read_properties(_DIR / f"labels_{language}.properties")[part]
    dropped = page.replace(f"\n## {heading}\n", "\n", 1)
    assert dropped != page
    diagnostics = Diagnostics()
    api = resolve_api("petstore", [parse_page("api.md", dropped, diagnostics)], diagnostics)
    assert [d.format() for d in diagnostics] == []
    assert _located(dumps(api)) == _located(model_of(language)[0])


def _located(model: str) -> str:
    return re.sub(r'"location": "[^"]*"', "", model)
