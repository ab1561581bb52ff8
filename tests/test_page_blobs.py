"""A parsed page's blob in the page cache: JSON examples are kept as their text.

Loading a blob must give back exactly the parsed page (equal, and pickling to the same
key bytes as a plain pickle of it), with the JSON value of a text read once per process and
shared; a blob whose text does not read as JSON must not load (the page is parsed
again), never load with a wrong value.
"""

from __future__ import annotations

import pickle
from pathlib import Path

from generator.diagnostics import Diagnostics
from generator.emit.incremental.keys import content_bytes, stable_bytes
from generator.kept import forget
from generator.load.blobs import page_blob, page_of
from generator.model import DocValue, Page
from generator.parse import parse_page

SPECS = Path(__file__).resolve().parents[1] / "specs" / "catalog"
PAGE = (SPECS / "operations" / "get_batch.md").read_text(encoding="utf-8")


def _parsed(shown: str) -> tuple[Page | None, list[object]]:
    diagnostics = Diagnostics()
    return parse_page(shown, PAGE, diagnostics), list(diagnostics)


def _doc_values(value: object) -> list[DocValue]:
    found: list[DocValue] = []
    if isinstance(value, DocValue):
        found.append(value)
    elif isinstance(value, (tuple, list)):
        for item in value:
            found.extend(_doc_values(item))
    elif hasattr(value, "__dataclass_fields__"):
        for name in value.__dataclass_fields__:
            found.extend(_doc_values(getattr(value, name)))
    return found


def test_a_blob_gives_back_the_parsed_page_with_shared_json_values() -> None:
    forget()
    one, other = _parsed("a.md"), _parsed("b.md")
    values = _doc_values(one[0])
    example = next(v for v in values if isinstance(v.value, dict) and v.value)
    assert example.is_json and any(not v.is_json for v in values)
    blobs = [page_blob(one), page_blob(other)]  # type: ignore[arg-type]
    assert all(blob is not None and len(blob) < len(pickle.dumps(one, 5)) for blob in blobs)
    back = [page_of(blob) for blob in blobs if blob is not None]
    assert back == [one, other]
    for fresh, loaded in zip((one, other), back, strict=True):
        # Keyed as before: as a whole pickle loads (which strings are one object can
        # differ from a fresh parse's, on this page; never on Kubernetes's).
        assert content_bytes(loaded) == content_bytes(pickle.loads(pickle.dumps(fresh, 5)))
        assert stable_bytes(fresh) == stable_bytes(loaded)
    loaded_one, loaded_other = (_doc_values(pair[0]) for pair in back if pair is not None)
    example_one = next(v for v in loaded_one if v.text == example.text)
    example_other = next(v for v in loaded_other if v.text == example.text)
    assert example_one.value == example.value and example_one.value is not example.value
    assert example_one.value is example_other.value  # read once, shared


def test_a_blob_whose_text_is_not_json_does_not_load() -> None:
    forget()
    parsed = _parsed("a.md")
    text = next(v.text for v in _doc_values(parsed[0]) if isinstance(v.value, dict) and v.value)
    blob = page_blob(parsed)  # type: ignore[arg-type]
    assert blob is not None and blob.count(text.encode()) == 1
    broken = blob.replace(text.encode(), text.replace("{", "<", 1).encode())
    assert len(broken) == len(blob) and page_of(broken) is None
    assert page_of(blob) == parsed
