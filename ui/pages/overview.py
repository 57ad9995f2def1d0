"""The Overview: what the corpus holds for a person, and where to start for each kind of question."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ui import charts, data, nav
from ui.present import table
from ui.widgets import downloads

# Entry points: the question as a person asks it → the view that answers it.
QUESTIONS: tuple[tuple[str, str, dict[str, str]], ...] = (
    ("Which agency owns the most tasks in a plan?", "Queries", {"query": "agency_workload"}),
    ("What does one agency lead, and with whom?", "Agency", {}),
    ("What is due in a period?", "Queries", {"query": "tasks_due"}),
    ("Which tasks have no lead?", "Queries", {"query": "task_gaps"}),
    ("Who cites a law or a national plan?", "Regulation", {}),
    ("How does a national plan reach provinces and counties?", "Queries", {"query": "implementation_chain"}),
    ("What does a region's government plan?", "Region", {}),
    ("Find a measure by its words (简体 / 繁體)", "Search", {}),
)


def overview() -> None:
    st.title("Overview")
    summary = (data.safely(data.rows, "corpus_summary") or [{}])[0]
    cols = st.columns(6)
    cols[0].metric("Plans and notices", summary.get("plans", 0), help="Policy documents with measures")
    cols[1].metric("Laws ingested", summary.get("laws", 0), help="Laws and regulations ingested as full texts")
    cols[2].metric(
        "Regulations cited",
        summary.get("regulations", 0),
        help=f"Titles the documents cite; {summary.get('regulations_ingested', 0)} of them are ingested as texts",
    )
    cols[3].metric("Measures", summary.get("measures", 0))
    cols[4].metric("Agencies holding tasks", summary.get("agencies", 0))
    cols[5].metric("Regions covered", summary.get("regions", 0))
    st.caption(
        f"{summary.get('regulations', 0)} regulations are titles the documents cite; "
        f"{summary.get('regulations_ingested', 0)} of them are ingested as full texts."
    )

    st.subheader("Start from a question")
    left, right = st.columns(2)
    for index, (question, page, params) in enumerate(QUESTIONS):
        column = left if index % 2 == 0 else right
        column.button(question, key=f"question_{index}", on_click=nav.go, args=(page,), kwargs=params)

    left, right = st.columns(2)
    with left:
        st.subheader("Documents per year")
        per_year = data.safely(data.rows, "docs_per_year") or []
        if per_year:
            frame = pd.DataFrame(per_year)
            frame = frame.loc[frame.index.repeat(frame["documents"])]
            charts.columns_over_time(frame, "year", "level")
    with right:
        st.subheader("Busiest agencies")
        top = data.safely(data.rows, "top_agencies") or []
        if top:
            frame = pd.DataFrame(top).pivot_table(index="agency", columns="role", values="tasks", fill_value=0)
            frame = frame.reset_index()
            charts.bars(frame, "agency", [c for c in ("lead", "responsible", "support") if c in frame], limit=12)

    docs = data.safely(data.rows, "documents") or []
    plans = [d for d in docs if d["kind"] != "law"]
    laws = [d for d in docs if d["kind"] == "law"]
    tab_plans, tab_laws = st.tabs([f"Plans and notices ({len(plans)})", f"Laws and regulations ({len(laws)})"])
    for tab, rows, key in ((tab_plans, plans, "plans"), (tab_laws, laws, "laws")):
        with tab:
            shown = [{**d, "document": d["label"], "document_id": d["id"]} for d in rows]
            table(shown, ["document", "number", "level", "region", "year", "issued", "measures"], key=f"overview_{key}")
            downloads(rows, key, f"overview_{key}")
