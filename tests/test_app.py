"""The Streamlit app, headless (streamlit.testing.v1.AppTest), page by page on the sample corpus: what a
researcher sees, the links between pages (the URL holds the view), parameters read as people write
them, and errors as messages."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from graph.falkor_store import FalkorStore, stop_server
from ingest.run import ingest_paths
from tests.conftest import REPO, Seeded
from tests.samples import SAMPLES

APP = str(REPO / "app.py")
GANSU = "甘肃省市场监督管理局"
GANSU_PLAN = "甘肃省知识产权战略实施暨强省建设工作领导小组办公室关于印发"
ZHEJIANG_PLAN = "浙江省2014年专利事业发展战略推进工作组织实施方案"
LINK_TEXT = re.compile(r"&n=(.*)$")


def _open(page: str = "Overview", **params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params.update({"page": page, **params})
    at.run()
    assert not at.exception, at.exception
    return at


def _frames(at: AppTest) -> list[pd.DataFrame]:
    return [df.value for df in at.dataframe]


def _frame_with(at: AppTest, column: str) -> pd.DataFrame:
    return next(f for f in _frames(at) if column in f.columns)


def shown(cell: Any) -> Any:
    """What a link cell shows (the entity's name), or the cell itself."""
    match = LINK_TEXT.search(cell) if isinstance(cell, str) else None
    return match.group(1) if match else cell


def _column(frame: pd.DataFrame, column: str) -> list[Any]:
    return [shown(v) for v in frame[column]]


def _texts(at: AppTest) -> str:
    parts: list[Any] = [m.value for m in at.markdown] + [c.value for c in at.caption] + [i.value for i in at.info]
    return "\n".join(str(p) for p in parts)


def _query(name: str, **values: str) -> AppTest:
    at = _open("Queries", query=name)
    for key, value in values.items():
        at.text_input(key=f"param_{name}_{key}").set_value(value)
    at.run()
    assert not at.exception, at.exception
    return at


# --- 7. an Overview that orients --------------------------------------------------------------


def test_overview_separates_plans_laws_and_cited_regulations(seeded: Seeded) -> None:
    at = _open()
    metrics = {m.label: m.value for m in at.metric}
    assert (metrics["Plans and notices"], metrics["Laws ingested"]) == ("5", "4")
    assert metrics["Regulations cited"] == "52"
    assert "52 regulations are titles the documents cite; 2 of them are ingested as full texts." in _texts(at)
    plans = _frame_with(at, "document")
    assert "靖政办发〔2017〕130号" in set(plans["number"]) and "中华人民共和国专利法" not in _column(plans, "document")
    laws = _frames(at)[1]
    assert "中华人民共和国专利法" in _column(laws, "document")


def test_overview_questions_open_the_view_that_answers_them(seeded: Seeded) -> None:
    at = _open()
    button = next(b for b in at.button if b.label == "What is due in a period?")
    button.click().run()
    assert at.query_params["page"] == "Queries" and at.query_params["query"] == "tasks_due"
    assert at.selectbox(key="query_name").value == "tasks_due"


def test_pickers_open_on_the_richest_entity(seeded: Seeded) -> None:
    assert _open("Document").selectbox(key="pick_Document").value.startswith(GANSU_PLAN)  # 118 measures
    assert _open("Agency").selectbox(key="pick_Agency").value == GANSU
    assert _open("Region").selectbox(key="pick_Region").value.startswith("中国")


# --- 1. natural input: resolved, said, or refused with a reason --------------------------------


def test_an_agencys_short_form_is_read_as_its_name(seeded: Seeded) -> None:
    at = _query("agency_tasks", agency="甘肃省市场监管局")
    assert any("甘肃省市场监管局 → 甘肃省市场监督管理局" in i.value for i in at.info)
    assert len(_frame_with(at, "role")) >= 40


def test_a_document_number_in_square_brackets(seeded: Seeded) -> None:
    at = _query("task_gaps", doc="靖政办发[2017]130号")
    assert any("靖政办发[2017]130号 →" in i.value for i in at.info)
    assert len(_frame_with(at, "gap")) > 0


def test_a_role_is_chosen_by_its_chinese_word(seeded: Seeded) -> None:
    at = _query("agency_role_tasks", agency=GANSU)
    role = at.selectbox(key="param_agency_role_tasks_role")
    assert role.options == ["牵头 lead", "负责 responsible", "配合 support"]
    role.set_value("lead").run()
    assert len(_frame_with(at, "path")) > 0 and not at.warning


def test_dates_as_people_write_them_give_the_same_answer(seeded: Seeded) -> None:
    iso = _frame_with(_query("tasks_due", start="2014-01-01", end="2014-06-30"), "due")
    loose = _query("tasks_due", start="2014-1-1", end="2014年6月30日")
    assert _frame_with(loose, "due").equals(iso)
    assert any("2014-1-1 → 2014-01-01" in i.value for i in loose.info)


def test_the_patent_law_is_not_the_decision_that_amends_it(seeded: Seeded) -> None:
    at = _query("regulation_citers", regulation="中华人民共和国专利法")
    texts = _texts(at)
    assert re.search(r"Regulation: (中华人民共和国)?专利法 · .*\(every row\)", texts), texts
    assert "关于修改" not in texts


def test_an_unknown_name_is_said_not_shown_as_an_empty_table(seeded: Seeded) -> None:
    at = _query("agency_tasks", agency="火星省知识产权局")
    assert any("no agency named '火星省知识产权局'" in w.value for w in at.warning)
    assert not at.dataframe


def test_an_ambiguous_name_offers_its_candidates(seeded: Seeded) -> None:
    at = _query("agency_tasks", agency="知识产权局")
    assert any("names" in w.value and "give one of them" in w.value for w in at.warning)
    candidate = next(b for b in at.button if b.key and b.key.startswith("candidate_agency_tasks_"))
    candidate.click().run()
    assert not at.warning and len(_frame_with(at, "role")) > 0


def test_an_empty_parameter_is_asked_for_in_words_not_command_line_syntax(seeded: Seeded) -> None:
    at = _query("agency_tasks", agency="")
    messages = " ".join(w.value for w in at.warning)
    assert "needs a value for agency" in messages and "--param" not in messages + _texts(at)


# --- 2. every entity a link; the URL follows navigation -----------------------------------------


def test_entities_in_tables_link_to_their_pages(seeded: Seeded) -> None:
    at = _open("Agency", id=f"agency:{GANSU}")
    tasks = _frame_with(at, "role")
    assert "&measure=doc:" in tasks["measure"].iloc[0]
    documents = _frame_with(at, "tasks")
    link = documents["document"].iloc[0]
    assert link.startswith("?page=Document&id=doc:") and shown(link).startswith(GANSU_PLAN)
    partners = _frame_with(at, "co_owner")
    assert partners["co_owner"].iloc[0].startswith("?page=Agency&name=")


def test_a_name_in_the_url_opens_that_entity(seeded: Seeded) -> None:
    at = _open("Agency", name="甘肃省市场监管局")
    assert at.selectbox(key="pick_Agency").value == GANSU


def test_a_measure_link_shows_and_marks_the_measure(seeded: Seeded) -> None:
    at = _open("Agency", id=f"agency:{GANSU}")
    tasks = _frame_with(at, "role")
    row = tasks[[shown(p) == "一/(二)/5" for p in tasks["path"]]].iloc[0]
    params = dict(part.split("=", 1) for part in row["measure"][1:].split("&") if not part.startswith("n="))
    from urllib.parse import unquote

    at = _open("Document", id=unquote(params["id"]), measure=unquote(params["measure"]))
    assert "**Measure 一/(二)/5**" in _texts(at)
    assert any("<mark>" in m.value for m in at.markdown)
    styles = [df.proto.arrow_data.styler.styles for df in at.dataframe]
    assert any("background-color" in s for s in styles)  # the opened measure's row is marked in the tree


def test_choosing_an_entity_puts_it_in_the_url(seeded: Seeded) -> None:
    at = _open("Agency")
    at.selectbox(key="pick_Agency").set_value("甘肃省科学技术厅").run()
    assert at.query_params["id"] == "agency:甘肃省科学技术厅"
    at.sidebar.radio(key="nav_page").set_value("Region").run()
    assert at.query_params == {"page": "Region"}


# --- 3. decisive columns first, readable, no constant columns, "not stated" ----------------------


def test_constant_columns_are_said_once_and_decisive_ones_come_first(seeded: Seeded) -> None:
    at = _query("task_gaps", doc="甘肃省")
    gaps = _frame_with(at, "measure")
    assert list(gaps.columns) == ["path", "measure"]  # every gap is `no lead` in this plan: said once
    assert "Gap: no lead · " in _texts(at) and f"Document: {GANSU_PLAN}" in _texts(at)
    tasks = _frame_with(_open("Agency", id="agency:浙江省知识产权局"), "role")
    assert list(tasks.columns[:3]) == ["role", "due", "deadline"]
    assert "not stated" in set(tasks["due"]) and None not in set(tasks["due"])


# --- 4. owners and deadlines of an item apply to its sub-items ---------------------------------


def test_the_tree_shows_owners_inherited_from_the_item_above(seeded: Seeded) -> None:
    at = _open("Document", name=ZHEJIANG_PLAN)
    tree = _frame_with(at, "owners")
    row = tree[tree["measure"].str.contains("蹲点调研")].iloc[0]
    assert "浙江省知识产权局（responsible） (inherited from (三)/3)" in row["owners"]


def test_task_gaps_count_inherited_owners(seeded: Seeded) -> None:
    at = _query("task_gaps", doc=ZHEJIANG_PLAN)
    gaps = _frame_with(at, "path")
    row = gaps[[shown(p) == "(三)/3/1" for p in gaps["path"]]].iloc[0]
    assert row["owners_from"] == "inherited from (三)/3"


# --- 5. search ---------------------------------------------------------------------------------


def test_search_words_all_match_with_marked_snippets(seeded: Seeded) -> None:
    at = _open("Search", q="质押 融资")
    hits = [m.value for m in at.markdown if "<mark>质押</mark>" in m.value]
    assert hits and all("<mark>融资</mark>" in h for h in hits)
    assert all('target="_self"' in h and "&amp;measure=doc:" in h for h in hits)
    none = _open("Search", q="质押 火星")
    assert any("Nothing contains all of" in w.value for w in none.warning)


def test_search_in_traditional_finds_the_same(seeded: Seeded) -> None:
    simplified = _texts(_open("Search", q="质押 融资"))
    assert _texts(_open("Search", q="質押 融資")) == simplified


def test_search_ranks_agencies_by_tasks_and_shows_all_on_request(seeded: Seeded) -> None:
    at = _open("Search", q="局")
    agencies = [m.value for m in at.markdown if "page=Agency" in m.value]
    tasks = [int(re.search(r"(\d+) tasks", a).group(1)) for a in agencies]
    assert tasks == sorted(tasks, reverse=True) and len(agencies) == 20
    at.toggle(key="all_Agency").set_value(True).run()
    assert len([m for m in at.markdown if "page=Agency" in m.value]) > 20


def test_sidebar_search_goes_to_the_search_page(seeded: Seeded) -> None:
    at = _open()
    at.sidebar.text_input(key="sidebar_q").set_value("专利法").run()
    assert at.query_params["page"] == "Search" and at.query_params["q"] == "专利法"
    assert "中华人民共和国专利法" in _texts(at)


# --- 6. charts ---------------------------------------------------------------------------------


def test_result_charts_draw_counts_only(seeded: Seeded) -> None:
    from ui.charts import count_columns

    citers = pd.DataFrame([{"document": "a", "year": 2017, "level": "city"}])
    assert count_columns(citers) == []  # a year is not a bar length
    workload = pd.DataFrame([{"agency": "x", "lead": 1, "responsible": 2, "support": 0, "total": 3}])
    assert count_columns(workload) == ["lead", "responsible", "support", "total"]
    at = _query("regulation_citers", regulation="企业知识产权管理规范")
    assert any("No count to chart" in c.value for c in at.caption)


def test_chart_labels_lose_the_prefix_they_share_and_bars_are_sorted(seeded: Seeded) -> None:
    from ui.charts import bar_data, shared_prefix

    assert shared_prefix(["国家知识产权局条法司", "国家知识产权局办公室"]) == "国家知识产权局"
    assert shared_prefix(["国家知识产权局", "国家知识产权局办公室"]) == ""  # no label left empty
    frame = pd.DataFrame(
        [
            {"agency": "国家知识产权局条法司", "lead": 1, "support": 1},
            {"agency": "国家知识产权局规划司", "lead": 5, "support": 0},
        ]
    )
    data, prefix = bar_data(frame, "agency", ["lead", "support"])
    assert prefix == "国家知识产权局" and list(data["agency"]) == ["规划司", "条法司"]
    at = _open("Overview")
    assert at.get("vega_lite_chart")  # the overview's charts are drawn


def test_query_graph_picker_shows_names(seeded: Seeded) -> None:
    at = _query("agency_tasks", agency=GANSU)
    picker = at.selectbox(key="graph_start_agency_tasks")
    assert picker.value.startswith("doc:") and not any(o.startswith("doc:") for o in picker.options)


# --- 8. errors a person can act on -------------------------------------------------------------


def test_a_stopped_store_server_is_started_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "store"
    store = FalkorStore.open(folder)
    ingest_paths([SAMPLES], store, workers=1)
    store.close()
    monkeypatch.setenv("KG_STORE", str(folder))
    try:
        at = _open()
        stop_server(folder)  # the server goes away under the running app
        at.query_params["page"] = "Agency"
        at.run()
        assert not at.exception and not at.error
        assert at.selectbox(key="pick_Agency").value == GANSU
    finally:
        stop_server(folder)


def test_console_syntax_errors_point_at_the_place(seeded: Seeded) -> None:
    at = _open("Console")
    at.text_area(key="console_query").set_value("MATCH (n RETURN n").run()
    at.button(key="console_run").click().run()
    assert not at.exception
    assert any(e.value.startswith("Syntax error at line 1, column 10: Invalid input 'R'") for e in at.error)
    assert any(c.value == "MATCH (n RETURN n\n         ^" for c in at.code)


def test_console_refuses_writes_and_runs_reads(seeded: Seeded) -> None:
    at = _open("Console")
    at.text_area(key="console_query").set_value("MATCH (n) /* x */ DeTaCh DELETE n").run()
    at.button(key="console_run").click().run()
    assert any("read-only" in e.value for e in at.error)
    at.text_area(key="console_query").set_value("MATCH (d:Document) RETURN d.label AS label").run()
    at.button(key="console_run").click().run()
    assert len(_frame_with(at, "label")) == 9


def test_pages_of_each_entity_render(seeded: Seeded) -> None:
    at = _open("Document", name="中华人民共和国专利法")
    assert "专利代理条例" in _column(_frame_with(at, "evidence"), "document")
    at = _open("Region", name="江西省")
    assert {shown(p) for p in _frame_with(at, "task")["path"]} == {"三/(二)/3", "三/(七)/3"}
    at = _open("Regulation", name="企业知识产权管理规范")
    citers = _frame_with(at, "evidence")
    assert sorted(int(y) for y in citers["year"]) == [2017, 2020]
    assert len(at.get("vega_lite_chart")) >= 2


# --- 9. safe by default -------------------------------------------------------------------------


def test_make_run_serves_on_this_machine_only() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    run = makefile[makefile.index("\nrun:") :].split("\n\n")[0]
    assert "--server.address 127.0.0.1" in run
