"""The spaCy pipeline as a whole: registered components, offsets, and no step failing a document."""

from __future__ import annotations

from pathlib import Path

from ingest.normalize import normalize
from ingest.outline import parse_outline
from ingest.pipeline import COMPONENTS, _fallback, analyse, build_nlp

HELDOUT5 = Path(__file__).resolve().parent / "fixtures" / "heldout5"


def test_components_are_registered_in_order() -> None:
    assert build_nlp().pipe_names == list(COMPONENTS)


def test_every_step_has_an_empty_fallback() -> None:
    for name in COMPONENTS:
        fallback = _fallback(name)
        assert fallback and all(value in ([], False, None) or name == "policy_metadata" for value in fallback.values())


def test_analysis_text_keeps_every_offset() -> None:
    text = normalize("一、总体要求\n（一）加强保护。(省局负责)\n")
    doc = analyse(text)
    assert doc.text == text and len(doc) == len(text)


def test_a_product_name_with_numerals_is_not_an_outline_marker() -> None:
    # 文山三七 (a herb) followed by 、 once crashed the outline parser (blind held-out set 5)
    text = normalize((HELDOUT5 / "e02_yanshan_2019.txt").read_text(encoding="utf-8"))
    paths = [item.path for item in parse_outline(text)]
    assert paths and all("三七" not in path for path in paths)
