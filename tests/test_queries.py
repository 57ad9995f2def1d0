"""Every named query on the sample corpus (five plans + four laws), each with a concrete answer."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from graph.falkor_store import FalkorStore
from ingest.run import ingest_paths
from queries.library import get, load_library
from tests.conftest import REPO, Seeded
from tests.samples import canonical_rows

GANSU = "甘肃省市场监督管理局"


def run(seeded: Seeded, name: str, **params: object) -> list[dict]:
    return load_library()[name].run(seeded.store, params)


def test_library_lists_at_least_14_documented_queries() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "queries", "list", "--json"], cwd=REPO, capture_output=True, text=True, check=True
    )
    listed = json.loads(result.stdout)
    assert len(listed) >= 14
    for query in listed:
        assert query["name"] and query["description"]
        for param in query["params"]:
            assert param["description"] and (param["example"] or param["optional"])


def test_every_query_uses_parameters_not_formatting() -> None:
    for query in load_library().values():
        for param in query.params:
            assert f"${param.name}" in query.cypher, (query.name, param.name)


def test_agency_tasks_by_alias_and_traditional_input(seeded: Seeded) -> None:
    canonical = run(seeded, "agency_tasks", agency=GANSU)
    assert len(canonical) >= 40
    by_alias = run(seeded, "agency_tasks", agency="省市場監管局")  # Traditional alias
    assert len(by_alias) == len(canonical)


def test_agency_role_tasks_leads(seeded: Seeded) -> None:
    rows = run(seeded, "agency_role_tasks", agency=GANSU, role="lead")
    assert {r["role"] for r in rows} == {"lead"}
    assert "一/(二)/5" in {r["path"] for r in rows}


def test_co_owners_of_the_gansu_regulator(seeded: Seeded) -> None:
    rows = run(seeded, "co_owners", agency=GANSU)
    by_name = {r["co_owner"]: r for r in rows}
    assert by_name["甘肃省科学技术厅"]["shared_measures"] >= 5
    assert by_name["各成员单位"]["generic"] is True


def test_tasks_due_in_the_first_half_of_2014(seeded: Seeded) -> None:
    rows = run(seeded, "tasks_due", start="2014-01-01", end="2014-06-30")
    assert rows and all(r["due"] >= "2014-01-01" for r in rows)
    assert any(r["path"] == "(十九)/19" for r in rows)


def test_tasks_due_finds_milestones_not_only_the_last_deadline(seeded: Seeded) -> None:
    # (一)/1 of the Zhejiang plan: 第一季度；第二季度；第三、四季度 — its last deadline is 2014-12-31
    rows = run(seeded, "tasks_due", start="2014-01-01", end="2014-03-31")
    first = next(r for r in rows if r["path"] == "(一)/1" and r["document"].startswith("浙江省2014年"))
    assert first["due"] == "2014-03-31"
    measures = seeded.rows(
        "MATCH (m:Measure) WHERE m.path = '(一)/1' AND m.doc_label STARTS WITH '浙江省2014年' "
        "RETURN m.deadline_end AS due"
    )
    assert measures[0]["due"] == "2014-12-31"  # the old test on the last deadline alone missed it


TREE_PLAN = (
    "常州市知识产权局关于印发2021年知识产权工作要点的通知\n"
    "一、加强保护\n(一)开展专项行动。(市知识产权局牵头,市公安局配合)\n"
    "1.开展电商领域专项整治,第二季度完成。\n2.开展展会执法,年底前完成。(市商务局负责)\n"
)


def test_tasks_due_shows_owners_inherited_from_the_item_above(tmp_path: Path, fresh_store: FalkorStore) -> None:
    (tmp_path / "plan.txt").write_text(TREE_PLAN, encoding="utf-8")
    ingest_paths([tmp_path / "plan.txt"], fresh_store, workers=1)
    rows = load_library()["tasks_due"].run(fresh_store, {"start": "2021-04-01", "end": "2021-06-30"})
    (task,) = rows
    assert (task["path"], task["owners_from"]) == ("一/(一)/1", "inherited from 一/(一)")
    assert sorted(task["owners"]) == ["常州市公安局（support）", "常州市知识产权局（lead）"]
    gaps = load_library()["task_gaps"].run(fresh_store, {"doc": "2021年知识产权工作要点"})
    # 2 names its own owner (市商务局负责) and no lead: the lead above (市知识产权局牵头) still leads it
    assert gaps == []


def test_tasks_due_reads_a_date_as_people_write_it(seeded: Seeded) -> None:
    iso = run(seeded, "tasks_due", start="2014-01-01", end="2014-06-30")
    assert run(seeded, "tasks_due", start="2014-1-1", end="2014-6-30") == iso
    assert run(seeded, "tasks_due", start="2014年1月1日", end="2014年6月30日") == iso
    assert run(seeded, "tasks_due", start="2014-01", end="2014-06") == iso


def test_task_gaps_finds_measures_without_a_lead(seeded: Seeded) -> None:
    rows = run(seeded, "task_gaps", doc="甘肃省")
    gaps = {r["path"]: r["gap"] for r in rows}
    assert gaps["一/(一)/1"] == "no lead"  # 省市场监管局负责: responsible, nobody leads
    assert "一/(二)/5" not in gaps  # led by the regulator


def test_task_gaps_count_owners_inherited_from_the_item_above(seeded: Seeded) -> None:
    rows = run(seeded, "task_gaps", doc="浙江省2014年专利事业发展战略推进工作组织实施方案")
    by_path = {r["path"]: r for r in rows}
    # (三)/3/1 names no body: (三)/3 above it does (省知识产权局负责, 地方局配合), so it has owners, no lead
    assert by_path["(三)/3/1"]["gap"] == "no lead" and by_path["(三)/3/1"]["owners_from"] == "inherited from (三)/3"
    assert all(r["gap"] != "no owner" or r["owners_from"] is None for r in rows)


def test_agency_workload_in_gansu(seeded: Seeded) -> None:
    rows = run(seeded, "agency_workload", scope="甘肃省")
    top = rows[0]
    assert top["agency"] == GANSU
    assert top["lead"] + top["responsible"] + top["support"] == top["total"] >= 40


def test_region_tasks_for_jiangxi(seeded: Seeded) -> None:
    rows = run(seeded, "region_tasks", region="江西")
    assert {r["path"] for r in rows} == {"三/(二)/3", "三/(七)/3"}
    assert any("省份传播利用能力培育" in r["task"] or "省份傳播利用能力培育" in r["task"] for r in rows)


def test_regulation_citers_timeline(seeded: Seeded) -> None:
    rows = run(seeded, "regulation_citers", regulation="企业知识产权管理规范")
    assert [r["year"] for r in rows] == [2017, 2020]
    assert {r["region"] for r in rows} == {"靖江市", "甘肃省"}


def test_most_cited_links_patent_law(seeded: Seeded) -> None:
    rows = run(seeded, "most_cited", limit=50)
    patent = next(r for r in rows if r["regulation"] == "专利法")
    assert patent["ingested_as"] == "中华人民共和国专利法"
    assert rows[0]["documents"] >= rows[-1]["documents"]


def test_shared_citations_pairs(seeded: Seeded) -> None:
    rows = run(seeded, "shared_citations")
    pairs = {(r["document_a"], r["document_b"]): r["shared"] for r in rows}
    assert any("企业知识产权管理规范" in shared for shared in pairs.values())
    assert any("国务院关于新形势下加快知识产权强国建设的若干意见" in shared for shared in pairs.values())


def test_implementation_chain_from_the_patent_law(seeded: Seeded) -> None:
    rows = run(seeded, "implementation_chain", doc="中华人民共和国专利法")
    documents = {r["document"] for r in rows}
    assert "专利代理条例" in documents  # the regulation cites the law
    assert any(d.startswith("(无标题) 004") for d in documents)  # the national plan cites 《专利法》


def test_region_documents_include_sub_regions(seeded: Seeded) -> None:
    rows = run(seeded, "region_documents", region="江苏省")
    assert [r["region"] for r in rows] == ["靖江市"]  # a county-level city of 泰州市, 江苏省


def test_targets_by_region_and_indicator(seeded: Seeded) -> None:
    rows = run(seeded, "targets_by_region", region="靖江市", indicator="万人发明专利")
    assert [(r["value"], r["unit"]) for r in rows] == [(13.0, "件")]
    assert len(run(seeded, "targets_by_region", region="靖江市", indicator="")) >= 15


def test_entity_path_between_an_agency_and_a_regulation(seeded: Seeded) -> None:
    rows = run(seeded, "entity_path", **{"from": "浙江省知识产权局", "to": "企业专利信息利用工作指南"})
    assert rows[0]["length"] == 2
    assert rows[0]["relationships"] == ["RESPONSIBLE_FOR", "CITES"]


def test_search_measures_in_both_scripts(seeded: Seeded) -> None:
    simplified = run(seeded, "search_measures", q="质押融资")
    traditional = run(seeded, "search_measures", q="質押融資")
    assert simplified == traditional
    assert {r["document"][:4] for r in simplified} >= {"浙江省2", "甘肃省知"}


def test_document_measures_and_citations(seeded: Seeded) -> None:
    measures = run(seeded, "document_measures", doc="靖政办发〔2017〕130号")
    assert len(measures) == 52 and measures[0]["path"] == "一"
    citations = run(seeded, "document_citations", doc="靖政办发〔2017〕130号")
    assert {c["regulation"] for c in citations} == {
        "关于加快建设知识产权强省的意见",
        "国家知识产权强县工程试点、示范县(区)评定管理办法",
        "企业知识产权管理规范",
    }


def test_missing_parameter_is_a_clear_error(seeded: Seeded) -> None:
    with pytest.raises(ValueError, match="needs a value for agency"):
        load_library()["agency_tasks"].run(seeded.store, {})
    with pytest.raises(ValueError, match="whole number"):
        load_library()["most_cited"].run(seeded.store, {"limit": "many"})


# The plain definitions of queries that were rewritten for speed on large stores (walk regions in
# name order and stop at the row cap; count co-owned measures before reading roles): the rewrites
# must give the same rows.
REFERENCE = {
    "agency_tasks": (
        "MATCH (a:Agency) "
        "WHERE a.name = $agency OR $agency IN a.aliases "
        "MATCH (a)-[r:LEADS|RESPONSIBLE_FOR|SUPPORTS]->(m:Measure) "
        "WITH a, r, m "
        "MATCH (d:Document {id: m.doc_id}) "
        "RETURN a.name AS agency, r.role AS role, d.label AS document, m.path AS path, m.heading AS measure, "
        "       m.deadline_text AS deadline, m.deadline_end AS due, m.id AS measure_id "
        "ORDER BY document, m.start "
        "LIMIT 1000"
    ),
    "targets_by_region": """
MATCH (top:Region)
WHERE top.name = $region OR top.name STARTS WITH $region
MATCH (r:Region)-[:PART_OF*0..3]->(top)
MATCH (d:Document)-[:COVERS]->(r)
WITH r, d
MATCH (t:Target {doc_id: d.id})
WHERE t.indicator CONTAINS $indicator
WITH r, d, t
MATCH (m:Measure {id: t.measure_id})
RETURN r.name AS region, d.label AS document, t.indicator AS indicator, t.comparator AS comparator,
       t.value AS value, t.unit AS unit, m.path AS path, t.text AS text, d.id AS document_id, m.id AS measure_id
ORDER BY region, indicator
LIMIT 1000""",
    "co_owners": """
MATCH (a:Agency)
WHERE a.name = $agency OR $agency IN a.aliases
MATCH (a)-[:LEADS|RESPONSIBLE_FOR|SUPPORTS]->(m:Measure)<-[r:LEADS|RESPONSIBLE_FOR|SUPPORTS]-(other:Agency)
WHERE other <> a
RETURN other.name AS co_owner, count(DISTINCT m) AS shared_measures, collect(DISTINCT r.role) AS their_roles,
       other.generic AS generic
ORDER BY shared_measures DESC, co_owner
LIMIT 200""",
}


def test_rewritten_queries_match_their_plain_definitions(seeded: Seeded) -> None:
    library = load_library()
    regions = [r["v"] for r in seeded.rows("MATCH (:Document)-[:COVERS]->(r:Region) RETURN DISTINCT r.name AS v")]
    agencies = [r["v"] for r in seeded.rows("MATCH (a:Agency)-[:LEADS]->(:Measure) RETURN DISTINCT a.name AS v")]
    places = [*regions, "中国", "江苏"]
    cases = [("targets_by_region", {"region": r, "indicator": i}) for r in places for i in ("", "专利")]
    cases += [("co_owners", {"agency": a}) for a in [*agencies, "各成员单位"]]
    cases += [("agency_tasks", {"agency": a}) for a in [*agencies, "各成员单位"]]
    assert len(cases) > 10
    for name, params in cases:
        query = library[name]
        expected = seeded.store.read(REFERENCE[name], query.coerce(params))
        got = query.run(seeded.store, params)
        assert [list(r) for r in got[:1]] == [list(r) for r in expected[:1]], name  # same columns
        assert canonical_rows(got) == canonical_rows(expected), (name, params)
        if name == "targets_by_region":
            assert [(r["region"], r["indicator"]) for r in got] == [(r["region"], r["indicator"]) for r in expected]


def test_a_pattern_test_respects_its_bound_end_node(fresh_store: FalkorStore) -> None:
    """FalkorDB evaluates exists((d)-[:IMPLEMENTS]->(r)) as true whenever d implements anything: the
    project writes size([...]) > 0, which both engines get right (document_citations gave a wrong
    `implements` column before)."""
    fresh_store.write(
        "CREATE (d:Document {id: 'd'}), (r:Regulation {id: 'r'}), (x:Regulation {id: 'x'}), "
        "(d)-[:CITES]->(r), (d)-[:CITES]->(x), (d)-[:IMPLEMENTS]->(x)"
    )
    rows = fresh_store.read(
        "MATCH (d:Document)-[:CITES]->(g:Regulation) "
        "RETURN g.id AS g, size([(d)-[:IMPLEMENTS]->(g) | 1]) > 0 AS implements ORDER BY g"
    )
    assert rows == [{"g": "r", "implements": False}, {"g": "x", "implements": True}]


def test_document_citations_says_which_citations_it_implements(seeded: Seeded) -> None:
    rows = get("document_citations").run(seeded.store, {"doc": "2018年度全国专利信息传播利用工作计划"})
    implements = {row["regulation"]: row["implements"] for row in rows}
    assert implements["企业专利信息利用工作指南"] is False  # 参考《…》: cited, not implemented
    assert True in implements.values()
