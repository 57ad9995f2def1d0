"""The app's pages. Each takes the graph statistics and draws itself."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st

from ui import data

ROLE_NAMES = {"lead": "牵头 lead", "responsible": "负责 responsible", "support": "配合 support"}


def overview(counts: dict[str, dict[str, int]]) -> None:
    st.title("Overview")
    nodes = counts["nodes"]
    columns = st.columns(6)
    for column, label in zip(columns, ["Document", "Measure", "Agency", "Region", "Regulation", "Target"], strict=True):
        column.metric(label, nodes.get(label, 0))
    left, right = st.columns(2)
    left.subheader("Nodes per label")
    left.bar_chart(pd.DataFrame({"count": nodes}), horizontal=True)
    right.subheader("Relationships per type")
    right.bar_chart(pd.DataFrame({"count": counts["relationships"]}), horizontal=True)
    st.subheader("Documents")
    docs = data.safely(
        data.read,
        "MATCH (d:Document) RETURN d.label AS title, d.doc_number AS number, d.level AS level, d.region AS region, "
        "d.issued AS issued, d.measure_count AS measures ORDER BY issued",
    )
    if docs is not None:
        st.dataframe(data.table(docs), hide_index=True, use_container_width=True)


def _document_choices() -> dict[str, str]:
    rows = data.safely(data.read, "MATCH (d:Document) RETURN d.id AS id, d.label AS label ORDER BY label") or []
    return {row["label"]: row["id"] for row in rows}


def document_page(_: dict[str, dict[str, int]]) -> None:
    st.title("Document")
    choices = _document_choices()
    if not choices:
        return
    label = st.selectbox("Document", list(choices), key="document")
    doc_id = choices[label]
    meta = data.safely(
        data.read,
        "MATCH (d:Document {id: $id}) RETURN d.title AS title, d.doc_number AS number, d.issuer_text AS issuer, "
        "d.issued AS issued, d.published AS published, d.level AS level, d.region AS region, d.script AS script, "
        "d.sources AS sources",
        (("id", doc_id),),
    )
    if meta:
        info = meta[0]
        cols = st.columns(4)
        cols[0].markdown(f"**Number**  \n{info['number'] or '—'}")
        cols[1].markdown(f"**Issuer**  \n{info['issuer'] or '—'}")
        cols[2].markdown(f"**Issued**  \n{info['issued'] or '—'}")
        cols[3].markdown(f"**Level / region**  \n{info['level'] or '—'} / {info['region'] or '—'}")
        st.caption("Sources: " + ", ".join(info["sources"] or []))
    st.subheader("Measures")
    rows = data.safely(data.named, "document_measures", (("doc", doc_id),))
    if rows is not None:
        for row in rows:
            row["agencies"] = "、".join(row["agencies"] or [])
        st.dataframe(
            data.table(rows, ["path", "measure", "agencies", "deadline"]), hide_index=True, use_container_width=True
        )
    st.subheader("Citations")
    cites = data.safely(data.named, "document_citations", (("doc", doc_id),))
    if cites is not None:
        st.dataframe(
            data.table(cites, ["regulation", "doc_number", "times", "ingested_as"]),
            hide_index=True,
            use_container_width=True,
        )


def agency_page(_: dict[str, dict[str, int]]) -> None:
    st.title("Agency")
    rows = (
        data.safely(
            data.read,
            "MATCH (a:Agency)-[r:LEADS|RESPONSIBLE_FOR|SUPPORTS]->(:Measure) RETURN a.name AS name, count(r) AS tasks "
            "ORDER BY tasks DESC, name",
        )
        or []
    )
    if not rows:
        st.info("No agency owns a task yet.")
        return
    names = [row["name"] for row in rows]
    name = st.selectbox("Agency", names, key="agency")
    tasks = data.safely(data.named, "agency_tasks", (("agency", name),))
    if not tasks:
        return
    frame = data.table(tasks)
    by_role = frame["role"].value_counts().rename(index=ROLE_NAMES)
    cols = st.columns(3)
    for col, role in zip(cols, ["lead", "responsible", "support"], strict=True):
        col.metric(ROLE_NAMES[role], int((frame["role"] == role).sum()))
    st.bar_chart(by_role)
    st.dataframe(
        data.table(tasks, ["role", "document", "path", "measure", "deadline"]),
        hide_index=True,
        use_container_width=True,
    )


PAGES: dict[str, Callable[[dict[str, dict[str, int]]], Any]] = {
    "Overview": overview,
    "Document": document_page,
    "Agency": agency_page,
}
