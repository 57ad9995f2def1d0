"""Agencies through reorganisations (data/agency_lineage.csv → SUCCEEDED_BY, ownership through time) and
the co-issuing and lead → support networks per period, with their Gephi / UCINET exports."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest
from streamlit.testing.v1 import AppTest

from core.lineage import KINDS, LINEAGE_PATH, lineage, problems, steps
from core.regions import gazetteer
from graph.falkor_store import FalkorStore, stop_server
from graph.lineage import apply_lineage
from graph.networks import dated_edges, network_report, periods_of, to_edge_list, to_gexf
from ingest.run import ingest_paths
from queries.library import load_library
from tests.conftest import REPO, Cli

ZHEJIANG_2014 = """浙江省知识产权局关于印发2014年浙江省商标品牌工作要点的通知
浙知发〔2014〕9号
各市知识产权局:
一、加强商标保护
(一)开展商标专项整治行动。(省工商局牵头,省质监局、省知识产权局配合)
(二)推进地理标志保护。(省质监局负责)
(三)加强版权保护。(省新闻出版广电局负责)
浙江省知识产权局
2014年3月1日
"""
JOINT_2016 = """关于联合开展知识产权执法的通知
国知发管字〔2016〕5号
各省、自治区、直辖市知识产权局、公安厅:
一、开展专项行动
(一)联合查处假冒专利。(国家知识产权局牵头,公安部配合)
国家知识产权局 公安部
2016年5月1日
"""
JOINT_2019 = """关于加强知识产权协同保护的意见
国知发保字〔2019〕8号
各省、自治区、直辖市知识产权局、公安厅、商务主管部门:
一、强化协同
(一)建立信息共享机制。(国家知识产权局牵头,公安部、商务部配合)
国家知识产权局 公安部 商务部
2019年6月1日
"""


@pytest.fixture(scope="module")
def lineage_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[FalkorStore, Path]]:
    folder = tmp_path_factory.mktemp("lineage")
    texts = folder / "texts"
    texts.mkdir()
    for name, text in (("zj2014.txt", ZHEJIANG_2014), ("joint2016.txt", JOINT_2016), ("joint2019.txt", JOINT_2019)):
        (texts / name).write_text(text, encoding="utf-8")
    store = FalkorStore.open(folder / "store")
    outcomes = ingest_paths([texts], store, workers=1)
    assert {o.status for o in outcomes} == {"added"}
    try:
        yield store, folder / "store"
    finally:
        store.close()
        stop_server(folder / "store")


# --- the table ---------------------------------------------------------------------------------


def test_the_lineage_table_is_sound() -> None:
    rows = lineage()
    assert len(rows) >= 140 and problems(rows) == []
    assert {r.kind for r in rows} == set(KINDS)
    assert all(r.source for r in rows)


def test_a_cycle_or_a_bad_row_is_reported(tmp_path: Path) -> None:
    header = LINEAGE_PATH.read_text(encoding="utf-8").splitlines()[0]
    bad = tmp_path / "lineage.csv"
    bad.write_text(
        header
        + "\n甲局,乙局,merged_into,2018,,national,全国,某方案,,\n乙局,甲局,renamed_to,2019,,national,全国,某方案,,\n"
        "丙局,丁局,moved_to,1900,,national,全国,,,\n",
        encoding="utf-8",
    )
    found = problems(lineage(bad))
    assert any(p.startswith("cycle: 甲局 → 乙局 → 甲局") for p in found)
    assert (
        any("moved_to" in p for p in found) and any("1900" in p for p in found) and any("no source" in p for p in found)
    )


def test_patterns_fill_in_the_region_and_a_regions_own_rows_win() -> None:
    zhejiang, jilin = gazetteer().resolve("浙江省"), gazetteer().resolve("吉林省")
    (step,) = steps("浙江省工商行政管理局", zhejiang, "provincial")
    assert (step.successor, step.kind, step.year, step.main) == ("浙江省市场监督管理局", "merged_into", 2018, True)
    assert [s.successor for s in steps("吉林省工商行政管理局", jilin, "provincial")] == ["吉林省市场监督管理厅"]
    national = {s.successor: s.main for s in steps("国家工商行政管理总局", None, "national")}
    assert national == {"国家市场监督管理总局": True, "国家知识产权局": False}  # 部分职责：商标管理


# --- in the graph: who owns it today ------------------------------------------------------------


def test_successions_are_in_the_graph_once(lineage_store: tuple[FalkorStore, Path]) -> None:
    store, _ = lineage_store
    count = "MATCH (:Agency)-[r:SUCCEEDED_BY]->(:Agency) RETURN count(r) AS n"
    before = store.read(count)[0]["n"]
    apply_lineage(store)
    assert store.read(count)[0]["n"] == before >= 5  # idempotent
    row = store.read(
        "MATCH (a:Agency {name: '浙江省工商行政管理局'})-[r:SUCCEEDED_BY]->(b:Agency) "
        "RETURN b.name AS b, r.kind AS kind, r.year AS year, b.tasks AS tasks"
    )
    assert row == [{"b": "浙江省市场监督管理局", "kind": "merged_into", "year": 2018, "tasks": 0}]


def test_a_2014_task_of_a_body_merged_in_2018_is_owned_by_its_successor(
    lineage_store: tuple[FalkorStore, Path],
) -> None:
    store, _ = lineage_store
    query = load_library()["current_owners"]
    rows = {(r["path"], r["assigned_to"]): r for r in query.run(store, {"doc": "浙知发[2014]9号"})}
    lead = rows[("一/(一)", "浙江省工商行政管理局")]
    assert (lead["owner_now"], lead["successions"]) == ("浙江省市场监督管理局", ["merged_into 2018"])
    office = rows[("一/(一)", "浙江省知识产权局")]  # placed under the regulator: still its own owner
    assert (office["owner_now"], office["administered_by"]) == ("浙江省知识产权局", ["浙江省市场监督管理局"])
    split = rows[("一/(三)", "浙江省新闻出版广电局")]
    assert split["owner_now"] is None and set(split["split_into"]) == {"中共浙江省委宣传部", "浙江省广播电视局"}
    in_2017 = {
        r["assigned_to"]: r["owner_now"] for r in query.run(store, {"doc": "浙知发〔2014〕9号", "as_of": "2017"})
    }
    assert in_2017["浙江省工商行政管理局"] == "浙江省工商行政管理局"  # before the reform


def test_an_agency_inherits_its_predecessors_tasks(lineage_store: tuple[FalkorStore, Path]) -> None:
    store, _ = lineage_store
    rows = load_library()["inherited_tasks"].run(store, {"agency": "浙江省市场监管局"})
    held = {(r["how"], r["assigned_to"], r["path"]) for r in rows}
    assert ("inherited", "浙江省工商行政管理局", "一/(一)") in held
    assert ("inherited", "浙江省质量技术监督局", "一/(二)") in held
    assert ("administers", "浙江省知识产权局", "一/(一)") in held
    assert load_library()["inherited_tasks"].run(store, {"agency": "浙江省市场监督管理局", "as_of": "2016"}) == []


def test_tasks_still_assigned_to_bodies_that_are_gone(lineage_store: tuple[FalkorStore, Path]) -> None:
    store, _ = lineage_store
    rows = load_library()["defunct_owners"].run(store, {})
    assert {(r["assigned_to"], r["ended"], r["owner_now"]) for r in rows} >= {
        ("浙江省工商行政管理局", 2018, "浙江省市场监督管理局"),
        ("浙江省新闻出版广电局", 2018, None),
    }
    assert load_library()["defunct_owners"].run(store, {"as_of": "2017-12-31"}) == []


# --- networks through time ------------------------------------------------------------------------


def test_coissuing_network_per_year(lineage_store: tuple[FalkorStore, Path]) -> None:
    store, _ = lineage_store
    edges = dated_edges(store, "coissuing")
    pairs = {(e.source, e.target, e.year, e.lead_issuer) for e in edges}
    assert ("公安部", "国家知识产权局", 2016, "国家知识产权局") in pairs
    assert {(e.source, e.target) for e in edges if e.year == 2019} == {
        ("公安部", "国家知识产权局"), ("公安部", "商务部"), ("商务部", "国家知识产权局"),
    }  # fmt: skip
    report = {p["period"]: p for p in network_report(store, "coissuing")}
    assert (report["2016"]["nodes"], report["2016"]["density"]) == (2, 1.0)
    assert (report["2019"]["nodes"], report["2019"]["edges"], report["2019"]["components"]) == (3, 3, 1)
    assert report["2017"]["nodes"] == 0  # an empty year is a period too: the timeline has no holes
    whole = network_report(store, "coissuing", start=2016, end=2019)
    assert [(p["period"], p["nodes"], p["edges"]) for p in whole] == [("2016–2019", 3, 3)]
    assert periods_of(edges, span=2) == [(2016, 2017), (2018, 2019)]


def test_lead_support_network_is_directed(lineage_store: tuple[FalkorStore, Path]) -> None:
    store, _ = lineage_store
    edges = {(e.source, e.target, e.year) for e in dated_edges(store, "lead_support")}
    assert ("国家知识产权局", "商务部", 2019) in edges and ("商务部", "国家知识产权局", 2019) not in edges
    assert ("浙江省工商行政管理局", "浙江省质量技术监督局", 2014) in edges


def test_gexf_carries_spells_for_gephis_timeline(lineage_store: tuple[FalkorStore, Path]) -> None:
    store, _ = lineage_store
    data = to_gexf(dated_edges(store, "coissuing"), "coissuing")
    assert b'mode="dynamic"' in data and b'timeformat="date"' in data
    graph = nx.read_gexf(io.BytesIO(data))
    assert graph.nodes["国家知识产权局"]["spells"] == [("2016-01-01", "2016-12-31"), ("2019-01-01", "2019-12-31")]
    csv_text = to_edge_list(dated_edges(store, "coissuing"))
    assert csv_text.splitlines()[0] == "source,target,year,weight,lead_issuer,documents"


def test_networks_command_writes_gexf_and_csv(
    cli: Cli, lineage_store: tuple[FalkorStore, Path], tmp_path: Path
) -> None:
    _, folder = lineage_store
    result = cli(
        "graph", "networks", "coissuing", "--gexf", str(tmp_path / "n.gexf"), "--csv", str(tmp_path / "n.csv"),
        store=folder,
    )  # fmt: skip
    assert result.returncode == 0 and "2019" in result.stdout and "(4 dated edges)" in result.stdout
    assert (tmp_path / "n.gexf").stat().st_size > 500 and (tmp_path / "n.csv").read_text(encoding="utf-8-sig")
    assert cli("graph", "networks", "coissuing", "--from", "2016", store=folder).returncode == 2
    analysis = cli("graph", "analyze", store=folder)
    assert "coissuing network per period" in analysis.stdout and "lead_support network per period" in analysis.stdout


# --- in the app ------------------------------------------------------------------------------------


def test_the_agency_page_shows_lineage_and_inherited_tasks(
    lineage_store: tuple[FalkorStore, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, folder = lineage_store
    monkeypatch.setenv("KG_STORE", str(folder))
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=90)
    at.query_params.update({"page": "Agency", "name": "浙江省市场监督管理局"})
    at.run()
    assert not at.exception, at.exception
    frames = [df.value for df in at.dataframe]
    lineage_rows = next(f for f in frames if "kind" in f.columns)
    assert {"merged_into", "placed_under"} <= set(lineage_rows["kind"])
    assert "Relation: predecessor" in " ".join(c.value for c in at.caption)
    inherited = next(f for f in frames if "how" in f.columns)
    assert {"inherited", "administers"} <= set(inherited["how"])


def test_the_networks_page_charts_density_and_offers_the_files(
    lineage_store: tuple[FalkorStore, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, folder = lineage_store
    monkeypatch.setenv("KG_STORE", str(folder))
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=90)
    at.query_params.update({"page": "Networks"})
    at.run()
    at.radio(key="network").set_value("coissuing").run()
    assert not at.exception, at.exception
    assert len(at.get("vega_lite_chart")) >= 2  # density per period, centrality of a period
    assert [b.label for b in at.get("download_button")] == ["GEXF (Gephi, with timeline)", "Dated edge list (CSV)"]
    per_period = next(df.value for df in at.dataframe if "density" in df.value.columns)
    assert list(per_period["period"]) == ["2016", "2017", "2018", "2019"]
