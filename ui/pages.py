"""The app's pages. Each draws itself from cached reads; failures show as messages, never tracebacks."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st

from core.roles import DISPLAY, ROLE_NAMES
from core.schema import LABELS
from core.settings import ROW_CAP, TIME_LIMIT_MS
from queries.library import app, load_library
from ui import data
from ui.graph_view import graph_panel
from ui.widgets import downloads, highlighted, open_button, picker, selected, table

Stats = dict[str, dict[str, int]]


def overview(counts: Stats) -> None:
    st.title("Overview")
    columns = st.columns(len(LABELS))
    for column, label in zip(columns, LABELS, strict=True):
        column.metric(label, counts["nodes"].get(label, 0))
    left, right = st.columns(2)
    left.subheader("Documents per year")
    per_year = data.safely(data.rows, "docs_per_year") or []
    if per_year:
        frame = pd.DataFrame(per_year).pivot_table(index="year", columns="level", values="documents", fill_value=0)
        left.bar_chart(frame)
    right.subheader("Busiest agencies (tasks by role)")
    top = data.safely(data.rows, "top_agencies") or []
    if top:
        frame = pd.DataFrame(top).pivot_table(index="agency", columns="role", values="tasks", fill_value=0)
        frame = frame.loc[frame.sum(axis=1).sort_values(ascending=False).index[:12]]
        right.bar_chart(frame, horizontal=True)
    left, right = st.columns(2)
    left.subheader("Nodes per label")
    left.bar_chart(pd.DataFrame({"count": counts["nodes"]}), horizontal=True)
    right.subheader("Relationships per type")
    right.bar_chart(pd.DataFrame({"count": counts["relationships"]}), horizontal=True)
    st.subheader("Documents")
    docs = data.safely(data.rows, "documents") or []
    table(docs, ["label", "number", "level", "region", "year", "issued", "kind", "measures"], key="overview_docs")
    downloads(docs, "documents", "overview")


def search(_: Stats) -> None:
    st.title("Search")
    query = st.text_input(
        "Find documents, agencies, regions, regulations and measures (简体或繁體)", key="search_q"
    ).strip()
    if not query:
        st.caption("Try 知识产权局, 質押融資, 甘肃, 专利法 or a document number such as 靖政办发〔2017〕130号.")
        return
    found = 0
    for label in ("Document", "Agency", "Region", "Regulation", "Measure"):
        rows = data.safely(data.rows, f"search_{label.lower()}", (("q", query),)) or []
        if not rows:
            continue
        found += len(rows)
        st.subheader(f"{label} ({len(rows)})")
        for index, row in enumerate(rows[:20]):
            left, right = st.columns([5, 1])
            detail = f" · {row['detail']}" if row.get("detail") not in (None, "") else ""
            left.markdown(f"**{row['name']}**{detail}")
            with right:
                if label == "Measure":
                    open_button("Document", row["document_id"], "Open", f"open_{label}_{index}")
                else:
                    open_button(label, row["id"], "Open", f"open_{label}_{index}")
    if not found:
        st.warning(f"Nothing matches “{query}”.")


def document_page(_: Stats) -> None:
    st.title("Document")
    docs = data.safely(data.rows, "documents") or []
    doc_id = picker("Document", {f"{d['label']}": d["id"] for d in docs})
    if doc_id is None:
        return
    rows = data.safely(data.rows, "document", (("id", doc_id),)) or []
    if not rows:
        return
    doc = rows[0]
    cols = st.columns(4)
    cols[0].markdown(f"**Document number**  \n{doc['number'] or '—'}")
    cols[1].markdown(f"**Issuer**  \n{doc['issuer'] or '—'}")
    cols[2].markdown(f"**Issued / published**  \n{doc['issued'] or '—'} / {doc['published'] or '—'}")
    cols[3].markdown(f"**Level · region · script**  \n{doc['level'] or '—'} · {doc['region'] or '—'} · {doc['script']}")
    sources = "; ".join(doc["sources"])
    st.caption(f"{doc['measures']} measures, {doc['relationships']} relationships · sources: {sources}")

    tree, citations, evidence, graph = st.tabs(["Measures", "Citations", "Source & evidence", "Graph"])
    with tree:
        measures = data.safely(data.rows, "document_tree", (("id", doc_id),)) or []
        for row in measures:
            depth = row["path"].count("/")
            row["measure"] = "\u3000" * depth + f"{row['path'].split('/')[-1]} {row['heading']}"
        table(measures, ["measure", "owners", "deadline", "due", "targets"], key="doc_tree")
        downloads(measures, "measures", "doc_tree")
    with citations:
        st.markdown("**Cites**")
        out = data.safely(data.named, "document_citations", (("doc", doc_id),)) or []
        table(out, ["regulation", "doc_number", "measures", "implements", "ingested_as"], key="doc_cites")
        for index, row in enumerate(out[:30]):
            if row.get("regulation_id"):
                open_button("Regulation", row["regulation_id"], f"→ {row['regulation'][:40]}", f"doc_reg_{index}")
        st.markdown("**Cited by**")
        cited_by = data.safely(data.rows, "cited_by", (("id", doc_id),)) or []
        if cited_by:
            table(cited_by, ["document", "year", "region", "evidence"], key="doc_cited_by")
        else:
            st.caption("No ingested document cites this one.")
    with evidence:
        facts = data.safely(data.rows, "document_facts", (("id", doc_id),)) or []
        facts = [f for f in facts if f["start"] is not None and f["end"] is not None and f["end"] > f["start"]]
        if facts:
            labels = [f"{f['type']}: {f['subject']} → {f['object']}" for f in facts]
            choice = st.selectbox("Fact", range(len(facts)), format_func=lambda i: labels[i], key="fact")
            fact = facts[choice]
            st.markdown(highlighted(doc["text"], fact["start"], fact["end"]), unsafe_allow_html=True)
        with st.expander("Full source text"):
            st.text(doc["text"])
    with graph:
        graph_panel(data.store(), doc_id, key=f"graph_{doc_id}")


def _with_selected(label: str, options: dict[str, str]) -> dict[str, str]:
    """The picker's options plus the entity opened from search or a link when the list omits it."""
    wanted = selected(label)
    if wanted and wanted not in options.values():
        rows = data.safely(data.rows, f"name_of_{label.lower()}", (("id", wanted),)) or []
        if rows and rows[0]["name"]:
            return {rows[0]["name"]: wanted, **options}
    return options


def agency_page(_: Stats) -> None:
    st.title("Agency")
    agencies = data.safely(data.rows, "agencies") or []
    agency_id = picker("Agency", _with_selected("Agency", {a["name"]: a["id"] for a in agencies}), "busiest first")
    if agency_id is None:
        return
    info = (data.safely(data.rows, "agency", (("id", agency_id),)) or [{}])[0]
    name = info.get("name", "")
    details = [info.get("level") or "", info.get("region") or ""]
    if info.get("generic"):
        details.append("generic holder")
    if info.get("part_of"):
        details.append(f"part of {info['part_of']}")
    aliases = "  \nAliases: " + "、".join(info["aliases"]) if info.get("aliases") else ""
    st.caption(" · ".join(d for d in details if d) + aliases)
    tasks = data.safely(data.named, "agency_tasks", (("agency", name),)) or []
    cols = st.columns(3)
    for col, role in zip(cols, ROLE_NAMES, strict=True):
        col.metric(DISPLAY[role], sum(1 for t in tasks if t["role"] == role))
    tab_tasks, tab_partners, tab_docs, tab_graph = st.tabs(["Tasks", "Co-owners", "Documents", "Graph"])
    with tab_tasks:
        if tasks:
            chart = pd.DataFrame(tasks).groupby(["document", "role"]).size().unstack(fill_value=0)
            chart.index = [label[:30] for label in chart.index]
            st.bar_chart(chart, horizontal=True)
        table(tasks, ["role", "document", "path", "measure", "deadline", "due"], key="agency_tasks")
        downloads(tasks, "tasks", "agency_tasks")
    with tab_partners:
        partners = data.safely(data.named, "co_owners", (("agency", name),)) or []
        table(partners, ["co_owner", "shared_measures", "their_roles"], key="agency_partners")
    with tab_docs:
        docs = data.safely(data.rows, "agency_documents", (("id", agency_id),)) or []
        table(docs, ["document", "year", "tasks"], key="agency_docs")
        for index, row in enumerate(docs[:20]):
            open_button("Document", row["id"], f"→ {row['document'][:40]}", f"agency_doc_{index}")
    with tab_graph:
        graph_panel(data.store(), agency_id, key=f"graph_{agency_id}")


def region_page(_: Stats) -> None:
    st.title("Region")
    regions = data.safely(data.rows, "regions") or []
    options = {f"{r['name']} ({r['level']})": r["id"] for r in regions}
    region_id = picker("Region", options)
    if region_id is None:
        return
    info = (data.safely(data.rows, "region", (("id", region_id),)) or [{}])[0]
    name = info.get("name", "")
    st.caption(f"{info.get('level')} · code {info.get('code')} · part of {info.get('parent') or '—'}")
    tab_docs, tab_tasks, tab_sub, tab_graph = st.tabs(["Documents", "Tasks assigned", "Sub-regions", "Graph"])
    with tab_docs:
        docs = data.safely(data.named, "region_documents", (("region", name),)) or []
        table(docs, ["document", "region", "level", "year", "doc_number"], key="region_docs")
        downloads(docs, "region_documents", "region_docs")
    with tab_tasks:
        tasks = data.safely(data.named, "region_tasks", (("region", name),)) or []
        table(tasks, ["region", "document", "path", "task", "measure"], key="region_tasks")
        downloads(tasks, "region_tasks", "region_tasks")
    with tab_sub:
        subs = data.safely(data.rows, "sub_regions", (("id", region_id),)) or []
        table(subs, ["region", "level", "documents"], key="region_subs")
    with tab_graph:
        graph_panel(data.store(), region_id, key=f"graph_{region_id}")


def regulation_page(_: Stats) -> None:
    st.title("Regulation")
    regulations = data.safely(data.rows, "regulations") or []
    options = _with_selected("Regulation", {r["title"]: r["id"] for r in regulations})
    reg_id = picker("Regulation", options, "most cited first")
    if reg_id is None:
        return
    info = (data.safely(data.rows, "regulation", (("id", reg_id),)) or [{}])[0]
    st.caption(f"Document number: {info.get('number') or '—'}")
    if info.get("document_id"):
        open_button("Document", info["document_id"], f"Ingested as: {info['document']}", "reg_same_as")
    citers = data.safely(data.rows, "regulation_citers", (("id", reg_id),)) or []
    if citers:
        frame = pd.DataFrame(citers)
        left, right = st.columns(2)
        left.subheader("Citing documents per year")
        timeline = frame.dropna(subset=["year"]).groupby(["year", "level"]).size().unstack(fill_value=0)
        if not timeline.empty:
            left.bar_chart(timeline)
        right.subheader("By region")
        right.bar_chart(frame.groupby("region").size().rename("documents"), horizontal=True)
    table(citers, ["document", "year", "level", "region", "evidence"], key="reg_citers")
    downloads(citers, "citing_documents", "reg_citers")
    graph_panel(data.store(), reg_id, key=f"graph_{reg_id}")


def queries_page(_: Stats) -> None:
    st.title("Named queries")
    library = load_library()
    name = st.selectbox(
        "Query", list(library), key="query_name", format_func=lambda n: f"{n} — {library[n].description[:60]}"
    )
    query = library[name]
    st.caption(query.description)
    values: dict[str, Any] = {}
    for param in query.params:
        values[param.name] = st.text_input(
            f"{param.name}" + (" (optional)" if param.optional else ""),
            value=param.example or "",
            help=param.description,
            key=f"param_{name}_{param.name}",
        )
    with st.expander("Cypher"):
        st.code(query.cypher, language="cypher")
    rows = data.safely(data.named, name, tuple(sorted(values.items())))
    if rows is None:
        return
    st.caption(f"{len(rows)} rows")
    _result_views(rows, name)


def _result_views(rows: list[dict[str, Any]], name: str) -> None:
    tab_table, tab_chart, tab_graph = st.tabs(["Table", "Chart", "Graph"])
    with tab_table:
        table(rows, key=f"result_{name}")
        downloads(rows, name, f"result_{name}")
    with tab_chart:
        frame = pd.DataFrame(rows)
        numeric = [c for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c]) and frame[c].notna().any()]
        labels = [c for c in frame.columns if frame[c].map(lambda v: isinstance(v, str)).all()]
        if numeric and labels and not frame.empty:
            st.bar_chart(frame.set_index(labels[0])[numeric[:3]].head(40), horizontal=True)
        else:
            st.caption("No numeric column to chart.")
    with tab_graph:
        ids = [v for row in rows for k, v in row.items() if k.endswith("_id") and isinstance(v, str)]
        if ids:
            choice = st.selectbox("Start from", list(dict.fromkeys(ids))[:50], key=f"graph_start_{name}")
            graph_panel(data.store(), choice, key=f"graph_q_{name}_{choice}")
        else:
            st.caption("The rows name no entity to draw.")


def console_page(_: Stats) -> None:
    st.title("Cypher console")
    st.caption(
        f"Read-only: write clauses are refused before they reach the store, and the store runs the query in a "
        f"read-only transaction. At most {ROW_CAP} rows, {TIME_LIMIT_MS / 1000:.0f} s."
    )
    text = st.text_area(
        "Query",
        value=app("console_example").cypher,
        height=120,
        key="console_query",
    )
    if not st.button("Run", key="console_run", type="primary"):
        return
    result = data.safely(data.console, text)
    if result is None:
        return
    rows, truncated = result
    if truncated:
        st.warning(f"Stopped at the row cap of {ROW_CAP} rows.")
    st.caption(f"{len(rows)} rows")
    _result_views(rows, "console")


PAGES: dict[str, Callable[[Stats], Any]] = {
    "Overview": overview,
    "Search": search,
    "Document": document_page,
    "Agency": agency_page,
    "Region": region_page,
    "Regulation": regulation_page,
    "Queries": queries_page,
    "Console": console_page,
}
