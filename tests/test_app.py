"""The Streamlit app, headless (streamlit.testing.v1.AppTest), page by page on the sample corpus."""

from __future__ import annotations

from typing import Any

import pandas as pd
from streamlit.testing.v1 import AppTest

from tests.conftest import REPO, Seeded

APP = str(REPO / "app.py")
GANSU_PLAN = "甘肃省知识产权战略实施暨强省建设工作领导小组办公室关于印发"


def _app() -> AppTest:
    return AppTest.from_file(APP, default_timeout=90)


def _open(page: str) -> AppTest:
    at = _app().run()
    at.sidebar.radio(key="page").set_value(page).run()
    assert not at.exception, at.exception
    return at


def _frames(at: AppTest) -> list[pd.DataFrame]:
    return [df.value for df in at.dataframe]


def _frame_with(at: AppTest, column: str) -> pd.DataFrame:
    return next(f for f in _frames(at) if column in f.columns)


def _texts(at: AppTest) -> str:
    parts: list[Any] = [m.value for m in at.markdown] + [c.value for c in at.caption]
    return "\n".join(str(p) for p in parts)


def test_overview_shows_counts_and_documents(seeded: Seeded) -> None:
    at = _app().run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Document"] == "9"
    assert int(metrics["Measure"]) > 300
    docs = _frame_with(at, "label")
    assert "靖政办发〔2017〕130号" in set(docs["number"])
    assert [b.label for b in at.get("download_button")][:2] == ["CSV", "JSON"]


def test_search_finds_the_same_things_in_both_scripts(seeded: Seeded) -> None:
    at = _open("Search")
    at.text_input(key="search_q").set_value("市場監管局").run()
    traditional = _texts(at)
    at.text_input(key="search_q").set_value("市场监管局").run()
    assert not at.exception
    assert "甘肃省市场监督管理局" in _texts(at)
    assert _texts(at) == traditional


def test_search_result_opens_the_agency_page(seeded: Seeded) -> None:
    at = _open("Search")
    at.text_input(key="search_q").set_value("甘肃省市场监督管理局").run()
    at.button(key="open_Agency_0").click().run()
    assert not at.exception
    assert at.sidebar.radio(key="page").value == "Agency"
    assert at.selectbox(key="pick_Agency").value == "甘肃省市场监督管理局"


def test_sidebar_search_goes_to_the_search_page(seeded: Seeded) -> None:
    at = _app().run()
    at.sidebar.text_input(key="sidebar_q").set_value("专利法").run()
    assert at.sidebar.radio(key="page").value == "Search"
    assert "中华人民共和国专利法" in _texts(at)


def test_document_page_tree_citations_and_evidence(seeded: Seeded) -> None:
    at = _open("Document")
    box = at.selectbox(key="pick_Document")
    box.set_value(next(o for o in box.options if o.startswith(GANSU_PLAN))).run()
    assert not at.exception
    tree = _frame_with(at, "owners")
    row = tree[tree["measure"].str.contains("貫徹落實中辦、國辦")].iloc[0]
    assert "甘肃省市场监督管理局（lead）" in row["owners"]
    cites = _frame_with(at, "implements")
    assert "关于强化知识产权保护的意见" in set(cites["regulation"])
    fact = at.selectbox(key="fact")
    assert fact.options  # facts with evidence offsets
    marked = [m.value for m in at.markdown if "<mark>" in m.value]
    assert marked and ("負責" in marked[0] or "牽頭" in marked[0])


def test_document_page_shows_who_cites_a_law(seeded: Seeded) -> None:
    at = _open("Document")
    at.selectbox(key="pick_Document").set_value("中华人民共和国专利法").run()
    assert not at.exception
    cited_by = _frame_with(at, "evidence")
    assert "专利代理条例" in set(cited_by["document"])


def test_agency_page_tasks_roles_and_co_owners(seeded: Seeded) -> None:
    at = _open("Agency")
    at.selectbox(key="pick_Agency").set_value("甘肃省市场监督管理局").run()
    assert not at.exception
    metrics = {m.label: int(m.value) for m in at.metric}
    assert metrics["牵头 lead"] >= 15 and metrics["负责 responsible"] >= 20
    tasks = _frame_with(at, "role")
    assert len(tasks) >= 40 and "一/(二)/5" in set(tasks["path"])
    partners = _frame_with(at, "co_owner")
    assert "甘肃省科学技术厅" in set(partners["co_owner"])
    assert "Aliases: 省市场监管局" in _texts(at)


def test_region_page_documents_tasks_and_sub_regions(seeded: Seeded) -> None:
    at = _open("Region")
    box = at.selectbox(key="pick_Region")
    box.set_value(next(o for o in box.options if o.startswith("江西省"))).run()
    assert not at.exception
    tasks = _frame_with(at, "task")
    assert set(tasks["path"]) == {"三/(二)/3", "三/(七)/3"}
    at.selectbox(key="pick_Region").set_value(next(o for o in box.options if o.startswith("江苏省"))).run()
    docs = _frame_with(at, "doc_number")
    assert list(docs["region"]) == ["靖江市"]


def test_regulation_page_timeline(seeded: Seeded) -> None:
    at = _open("Regulation")
    at.selectbox(key="pick_Regulation").set_value("企业知识产权管理规范").run()
    assert not at.exception
    citers = _frame_with(at, "evidence")
    assert sorted(citers["year"]) == [2017, 2020]
    assert len(at.get("arrow_vega_lite_chart")) >= 2 or len(at.get("vega_lite_chart")) >= 2


def test_queries_page_runs_a_named_query_with_its_example(seeded: Seeded) -> None:
    at = _open("Queries")
    at.selectbox(key="query_name").set_value("agency_workload").run()
    assert not at.exception
    result = _frame_with(at, "total")
    assert result.iloc[0]["agency"] == "甘肃省市场监督管理局"
    at.text_input(key="param_agency_workload_scope").set_value("浙江省").run()
    assert _frame_with(at, "total").iloc[0]["agency"] == "浙江省知识产权局"


def test_queries_page_shows_errors_as_messages(seeded: Seeded) -> None:
    at = _open("Queries")
    at.selectbox(key="query_name").set_value("most_cited").run()
    at.text_input(key="param_most_cited_limit").set_value("many").run()
    assert not at.exception
    assert any("whole number" in e.value for e in at.error)


def test_console_refuses_writes_and_runs_reads(seeded: Seeded) -> None:
    at = _open("Console")
    at.text_area(key="console_query").set_value("MATCH (n) /* x */ DeTaCh DELETE n").run()
    at.button(key="console_run").click().run()
    assert not at.exception
    assert any("read-only" in e.value for e in at.error)
    at.text_area(key="console_query").set_value("MATCH (d:Document) RETURN d.label AS label").run()
    at.button(key="console_run").click().run()
    assert len(_frame_with(at, "label")) == 9
