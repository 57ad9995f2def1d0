"""The scoring rules of `ingest.evaluate`, on hand-made documents (no store, no extractor).

The evaluation is only worth something if its counting is exact, so every rule of
tests/gold/README.md that the scorer implements gets a case with its tp/fp/fn spelled out.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ingest import evaluate as ev
from ingest.evaluate import BARS, TYPES, Counts, Evaluation, empty_prediction, predicted_from_graph, score

GOLD_DIR = Path(__file__).resolve().parent / "gold"


def counts(result: dict[str, Counts], name: str) -> tuple[int, int, int]:
    c = result[name]
    return c.tp, c.fp, c.fn


def doc(**parts: Any) -> dict[str, Any]:
    """A document dict of the gold shape: empty everywhere except the parts given."""
    base = empty_prediction()
    metadata = parts.pop("metadata", None)
    if metadata is not None:
        base["metadata"] = {**base["metadata"], **metadata}
    base.update(parts)
    return base


META = {
    "title": "关于印发2020年推进计划的通知",
    "doc_number": "知战办发〔2020〕3号",
    "issuer": ["甘肃省知识产权局"],
    "issued": "2020-06-04",
    "level": "provincial",
    "region": "甘肃省",
    "script": "hans",
}


# --- Counts --------------------------------------------------------------------------------------


def test_counts_ratios_and_empty_type_is_perfect() -> None:
    c = Counts(tp=3, fp=1, fn=2)
    assert c.p == pytest.approx(0.75)
    assert c.r == pytest.approx(0.6)
    assert c.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert Counts().f1 == 1.0  # correctly empty
    assert Counts(fp=2).f1 == 0.0
    assert Counts(fn=2).f1 == 0.0
    total = Counts(tp=1, fp_items=["a"]).add(Counts(tp=2, fn=1, fn_items=["b"]))
    assert (total.tp, total.fp, total.fn, total.fp_items, total.fn_items) == (3, 0, 1, ["a"], ["b"])
    assert set(Counts(tp=1).as_json()) == {"p", "r", "f1", "tp", "fp", "fn"}


# --- metadata ------------------------------------------------------------------------------------


def test_metadata_exact_match_is_seven_true_positives() -> None:
    assert counts(score(doc(metadata=META), doc(metadata=META)), "metadata") == (7, 0, 0)


def test_metadata_null_rules() -> None:
    gold = doc(metadata={**META, "title": None, "doc_number": None, "issuer": []})
    predicted = doc(
        metadata={
            **META,
            "title": "《某方案》",
            "doc_number": None,
            "issuer": [],
            "issued": "2020-06-05",
            "level": None,
        }
    )
    fields = ev.metadata_fields(gold["metadata"], predicted["metadata"])
    assert (fields["title"].tp, fields["title"].fp, fields["title"].fn) == (0, 1, 0)  # null gold, invented title
    assert (fields["doc_number"].tp, fields["doc_number"].fp, fields["doc_number"].fn) == (1, 0, 0)  # both null
    assert (fields["issuer"].tp, fields["issuer"].fp, fields["issuer"].fn) == (1, 0, 0)  # both empty
    assert (fields["issued"].tp, fields["issued"].fp, fields["issued"].fn) == (0, 1, 1)  # wrong value
    assert (fields["level"].tp, fields["level"].fp, fields["level"].fn) == (0, 0, 1)  # missed
    # title fp + issued fp/fn + level fn; region, script, doc_number, issuer right
    assert counts(score(gold, predicted), "metadata") == (4, 2, 2)


def test_metadata_title_ignores_spaces_brackets_and_script() -> None:
    predicted = doc(
        metadata={**META, "title": "《关于印发2020年 推进计划的通知》", "doc_number": "知戰辦發〔2020〕3號"}
    )
    assert counts(score(doc(metadata=META), predicted), "metadata") == (7, 0, 0)


def test_metadata_issuer_is_one_item_per_gold_issuer() -> None:
    gold = doc(metadata={**META, "issuer": ["甘肃省知识产权局", "甘肃省财政厅"]})
    predicted = doc(metadata={**META, "issuer": ["甘肃省财政厅", "甘肃省科学技术厅"]})
    fields = ev.metadata_fields(gold["metadata"], predicted["metadata"])
    assert (fields["issuer"].tp, fields["issuer"].fp, fields["issuer"].fn) == (1, 1, 1)
    assert counts(score(gold, predicted), "metadata") == (7, 1, 1)


# --- measures ------------------------------------------------------------------------------------


def test_measures_need_path_and_opening_words() -> None:
    gold = doc(
        measures=[
            {"path": "(一)", "first_words": "完善专利法规政策"},
            {"path": "(一)/1", "first_words": "工作目标:推动专"},
            {"path": "(一)/2", "first_words": "加强专利政策体系"},
        ]
    )
    predicted = doc(
        measures=[
            {"path": "（一）", "first_words": "完善專利法規政策體系建設"},  # Traditional, full-width brackets
            {"path": "(一)/1", "first_words": "工作目標：推動專利信息"},  # full-width colon
            {"path": "(一)/2", "first_words": "另一项内容"},  # right path, wrong item
            {"path": "(二)", "first_words": "不在金标准"},
        ]
    )
    result = score(gold, predicted)
    assert counts(result, "measures") == (2, 2, 1)
    assert any("(一)/2" in item for item in result["measures"].fn_items)


def test_measures_short_gold_words_compare_their_length() -> None:
    gold = doc(measures=[{"path": "三/(一)/2", "first_words": "工作内容:"}])
    predicted = doc(measures=[{"path": "三/(一)/2", "first_words": "工作内容：（1）加大对基地"}])
    assert counts(score(gold, predicted), "measures") == (1, 0, 0)


def test_measures_duplicate_prediction_is_a_false_positive() -> None:
    gold = doc(measures=[{"path": "一", "first_words": "指导思想"}])
    predicted = doc(measures=[{"path": "一", "first_words": "指导思想"}, {"path": "一", "first_words": "指导思想"}])
    assert counts(score(gold, predicted), "measures") == (1, 1, 0)


# --- assignments, regions, deadlines, targets ----------------------------------------------------


def test_assignments_key_on_measure_agency_role_with_ascii_brackets() -> None:
    gold = doc(
        assignments=[
            {"measure": "三/(三)/3", "agency": "各省(区、市)", "mention": "各省(区、市)", "role": "responsible"},
            {"measure": "(一)/1", "agency": "浙江省知识产权局", "mention": "省局", "role": "lead"},
            {"measure": "(一)/1", "agency": "地方局", "mention": "地方局", "role": "support"},
        ]
    )
    predicted = doc(
        assignments=[
            {"measure": "三/(三)/3", "agency": "各省（区、市）", "role": "responsible"},
            {"measure": "(一)/1", "agency": "浙江省知识产权局", "role": "responsible"},  # wrong role
            {"measure": "(一)/1", "agency": "地方局", "role": "support"},
            {"measure": "(一)/1", "agency": "地方局", "role": "support"},  # same edge twice: one fact
        ]
    )
    assert counts(score(gold, predicted), "assignments") == (2, 1, 1)


def test_regions_covers_ignores_measure_and_assigned_needs_it() -> None:
    gold = doc(
        regions=[
            {"name": "中国", "relation": "covers", "measure": None},
            {"name": "江西省", "relation": "assigned", "measure": "三/(二)/3"},
            {"name": "河南省", "relation": "assigned", "measure": "三/(二)/3"},
        ]
    )
    predicted = doc(
        regions=[
            {"name": "中国", "relation": "covers", "measure": "ignored"},
            {"name": "江西省", "relation": "assigned", "measure": "三/(二)/3"},
            {"name": "河南省", "relation": "assigned", "measure": "三/(二)"},  # wrong measure
        ]
    )
    assert counts(score(gold, predicted), "regions") == (2, 1, 1)


def test_deadlines_open_bounds_and_gold_duplicates() -> None:
    gold = doc(
        deadlines=[
            {"measure": "(一)/1", "text": "第一季度", "start": "2014-01-01", "end": "2014-03-31"},
            {"measure": "(一)/1", "text": "一季度", "start": "2014-01-01", "end": "2014-03-31"},  # same range
            {"measure": "(一)/2", "text": "6月底前", "start": None, "end": "2014-06-30"},
            {"measure": "(一)/3", "text": "年内", "start": None, "end": None},
        ]
    )
    predicted = doc(
        deadlines=[
            {"measure": "(一)/1", "start": "2014-01-01", "end": "2014-03-31"},
            {"measure": "(一)/2", "start": "..", "end": "2014-06-30"},
            {"measure": "(一)/3", "start": "2014-01-01", "end": "2014-12-31"},
        ]
    )
    assert counts(score(gold, predicted), "deadlines") == (2, 1, 1)


def test_targets_compare_value_as_number_and_unit() -> None:
    gold = doc(
        targets=[
            {"measure": "(十三)/13", "value": 50, "unit": "家", "indicator": "x", "comparator": ">="},
            {"measure": "二", "value": 13, "unit": "件", "indicator": "y", "comparator": "="},
            {"measure": "二", "value": 20, "unit": "%", "indicator": "z", "comparator": ">="},
        ]
    )
    predicted = doc(
        targets=[
            {"measure": "(十三)/13", "value": 50.0, "unit": "家", "indicator": "other", "comparator": "="},
            {"measure": "二", "value": 13.0, "unit": "个", "indicator": "y", "comparator": "="},
            {"measure": "二", "value": 20.0, "unit": "%", "indicator": "z", "comparator": ">="},
        ]
    )
    assert counts(score(gold, predicted), "targets") == (2, 1, 1)


# --- citations -----------------------------------------------------------------------------------


def test_citations_match_on_title_key_or_number() -> None:
    gold = doc(
        citations=[
            {"title": "中华人民共和国专利法", "doc_number": None, "measure": None},
            {"title": "知识产权人才“十三五”规划", "doc_number": "国知发人字〔2017〕12号", "measure": None},
            {"title": "关于印发2014年计划的通知", "doc_number": None, "measure": None},
        ]
    )
    predicted = doc(
        citations=[
            {"title": "专利法", "doc_number": None},  # title key drops 中华人民共和国
            {"title": None, "doc_number": "国知发人字〔2017〕12号"},  # number alone
            {"title": "《全国专利信息传播利用2018》", "doc_number": None},
        ]
    )
    assert counts(score(gold, predicted), "citations") == (2, 1, 1)


def test_citations_are_matched_one_to_one() -> None:
    gold = doc(citations=[{"title": "专利法", "doc_number": "国发〔2020〕1号", "measure": None}])
    predicted = doc(
        citations=[
            {"title": "专利法", "doc_number": None},
            {"title": "另一个文件", "doc_number": "国发〔2020〕1号"},
        ]
    )
    assert counts(score(gold, predicted), "citations") == (1, 1, 0)


def test_citation_matching_is_maximal_not_greedy() -> None:
    # P1 meets G1 (number) and G2 (title); P2 meets only G1. Greedy G1→P1 would leave G2 alone.
    gold = doc(
        citations=[
            {"title": "甲办法", "doc_number": "国发〔2020〕1号", "measure": None},
            {"title": "乙规划", "doc_number": None, "measure": None},
        ]
    )
    predicted = doc(
        citations=[
            {"title": "乙规划", "doc_number": "国发〔2020〕1号"},
            {"title": "甲办法", "doc_number": None},
        ]
    )
    assert counts(score(gold, predicted), "citations") == (2, 0, 0)


# --- whole documents -----------------------------------------------------------------------------


def test_score_returns_the_seven_types() -> None:
    assert set(score(doc(), doc())) == set(TYPES) == set(BARS)


def test_empty_prediction_misses_everything_but_null_metadata() -> None:
    gold = doc(
        metadata={**META, "doc_number": None},
        measures=[{"path": "一", "first_words": "指导思想"}],
        targets=[{"measure": "一", "value": 1, "unit": "家"}],
    )
    result = score(gold, empty_prediction())
    assert counts(result, "metadata") == (1, 0, 6)  # only the null doc_number is right
    assert counts(result, "measures") == (0, 0, 1)
    assert counts(result, "targets") == (0, 0, 1)
    assert result["citations"].empty


@pytest.mark.parametrize("path", sorted(GOLD_DIR.glob("*.json")), ids=lambda p: p.stem)
def test_every_gold_file_scores_perfectly_against_itself(path: Path) -> None:
    """The normalisation is symmetric: a prediction equal to the gold file has no fp and no fn."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    for name, c in score(gold, gold).items():
        assert (c.fp, c.fn) == (0, 0), (name, c.fp_items, c.fn_items)


# --- reading the graph ---------------------------------------------------------------------------


class FakeStore:
    """Answers the evaluator's read queries from canned rows, keyed on a fragment of the query."""

    backend = "fake"

    def __init__(self, answers: dict[str, list[dict[str, Any]]]) -> None:
        self.answers = answers

    def read(self, query: str, params: dict[str, Any] | None = None, timeout_ms: int | None = None) -> list[dict]:
        for fragment, rows in self.answers.items():
            if fragment in query:
                return rows
        return []


def test_predicted_from_graph_maps_documents_to_source_stems() -> None:
    store = FakeStore(
        {
            "MATCH (d:Document) RETURN": [
                {
                    "id": "doc:1",
                    "title": "某方案",
                    "doc_number": None,
                    "issued": "2014-04-21",
                    "level": "provincial",
                    "region": "浙江省",
                    "script": "hans",
                    "sources": ["/data/a/000_x.txt", "/data/b/000_x_copy.txt"],
                }
            ],
            "ISSUED_BY": [{"doc": "doc:1", "name": "浙江省知识产权局"}],
            "MATCH (m:Measure) RETURN": [
                {"doc": "doc:1", "path": "(一)/1", "text": "加强专利政策", "ranges": ["../2014-06-30", "../.."]},
                {"doc": "doc:other", "path": "一", "text": "不属于", "ranges": []},
            ],
            "LEADS|RESPONSIBLE_FOR|SUPPORTS": [
                {"doc": "doc:1", "path": "(一)/1", "agency": "地方局", "type": "SUPPORTS", "role": None}
            ],
            "(d:Document)-[:CITES]": [
                {"doc": "doc:1", "path": None, "reg": "reg:1", "title": "专利法", "doc_number": None}
            ],
            "(m:Measure)-[:CITES]": [
                {"doc": "doc:1", "path": "(一)/1", "reg": "reg:1", "title": "专利法", "doc_number": None}
            ],
            "COVERS": [{"doc": "doc:1", "name": "浙江省"}],
            "ASSIGNED_TO": [{"doc": "doc:1", "path": "(一)/1", "name": "义乌市"}],
            "HAS_TARGET": [
                {"doc": "doc:1", "path": "(一)/1", "value": 20.0, "unit": "家", "indicator": "i", "comparator": "="}
            ],
        }
    )
    predicted = predicted_from_graph(store)  # type: ignore[arg-type]
    assert set(predicted) == {"000_x", "000_x_copy"}
    got = predicted["000_x"]
    assert got["metadata"]["issuer"] == ["浙江省知识产权局"]
    assert got["measures"] == [{"path": "(一)/1", "first_words": "加强专利政策"}]
    assert got["deadlines"] == [
        {"measure": "(一)/1", "start": None, "end": "2014-06-30"},
        {"measure": "(一)/1", "start": None, "end": None},
    ]
    assert got["assignments"] == [{"measure": "(一)/1", "agency": "地方局", "role": "support"}]
    assert len(got["citations"]) == 1  # cited by the document and a measure: one regulation
    assert {r["relation"] for r in got["regions"]} == {"covers", "assigned"}
    assert got["targets"][0]["value"] == 20.0


# --- command line --------------------------------------------------------------------------------


def test_json_output_is_exactly_the_seven_types(monkeypatch: pytest.MonkeyPatch, capsys: Any) -> None:
    totals = {name: Counts(tp=9, fp=1) for name in TYPES}
    canned = Evaluation(totals=totals, documents={"000": totals}, fields={f: Counts(tp=1) for f in ev.METADATA_FIELDS})
    monkeypatch.setattr(ev, "evaluate", lambda gold_dir: canned)
    assert ev.main(["--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert list(out) == list(TYPES)
    assert out["targets"] == {"p": 0.9, "r": 1.0, "f1": round(2 * 0.9 / 1.9, 4), "tp": 9, "fp": 1, "fn": 0}

    assert ev.main([]) == 0
    table = capsys.readouterr().out
    assert "assignments" in table and "000" in table

    totals["targets"] = Counts(fn=5)
    assert ev.main(["--json", "--check"]) == 1
