"""The spaCy pipeline as a whole: registered components, offsets, and no step failing a document."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.agencies import AgencyRegistry, Context
from ingest.furniture import PortalFields
from ingest.metadata import Metadata
from ingest.normalize import normalize
from ingest.outline import parse_outline
from ingest.pipeline import COMPONENTS, analyse, build_nlp, empty_results
from ingest.read import ReadWarning

HELDOUT5 = Path(__file__).resolve().parent / "fixtures" / "heldout5"


def test_components_are_registered_in_order() -> None:
    assert build_nlp().pipe_names == list(COMPONENTS)
    assert len(COMPONENTS) == 10 and next(iter(COMPONENTS)) == "page_furniture"


def test_a_failed_step_leaves_nothing_found() -> None:
    for name in COMPONENTS:
        if name in {"policy_metadata", "page_furniture"}:
            continue
        empty = empty_results(name)
        assert empty and all(value in ([], None) for value in empty.values()), name
    assert empty_results("page_furniture")["portal"] == PortalFields()
    metadata = empty_results("policy_metadata")
    assert metadata["meta"] == Metadata() and metadata["issuers"] == []
    assert metadata["context"] == Context() and metadata["registry"] == AgencyRegistry()
    assert empty_results("citation_matcher")["citations"] is not empty_results("citation_matcher")["citations"]


def test_a_failing_step_does_not_fail_the_document(monkeypatch: pytest.MonkeyPatch) -> None:
    import ingest.pipeline as pipeline

    def broken(*_: object) -> list:
        raise RuntimeError("boom")

    monkeypatch.setattr(pipeline, "find_citations", broken)
    with pytest.warns(ReadWarning, match="citation_matcher failed"):
        doc = analyse(normalize("一、总体要求\n（一）贯彻《专利法》。(省局负责)\n"))
    assert doc._.citations == [] and len(doc._.outline) == 2


def test_analysis_text_keeps_every_offset() -> None:
    text = normalize("一、总体要求\n（一）加强保护。(省局负责)\n")
    doc = analyse(text)
    assert doc.text == text and len(doc) == len(text) and doc._.text == text


def test_a_product_name_with_numerals_is_not_an_outline_marker() -> None:
    # 文山三七 (a herb) followed by 、 once crashed the outline parser (blind held-out set 5)
    text = normalize((HELDOUT5 / "e02_yanshan_2019.txt").read_text(encoding="utf-8"))
    paths = [item.path for item in parse_outline(text)]
    assert paths and all("三七" not in path for path in paths)
