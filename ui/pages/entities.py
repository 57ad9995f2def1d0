"""A page per document, agency, region and regulation. Each opens on the entity the URL names
(`id=`, or `name=` resolved as the queries resolve names), else on the richest one."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from core.roles import DISPLAY, ROLE_NAMES
from ui import charts, data, nav
from ui.graph_view import graph_panel
from ui.present import NOT_STATED, table
from ui.widgets import downloads, highlighted

INDENT = "\u3000"


def pick(label: str, options: dict[str, str], help_text: str = "") -> str | None:
    """The entity to show: the one the URL names, else the first option (the richest). A selectbox
    of the options (name → id) changes the URL, so Back returns to the previous one."""
    wanted = nav.param("id")
    if wanted is None and nav.param("name"):
        wanted = data.entity(label, str(nav.param("name")))
    if wanted and wanted not in options.values():
        found = data.safely(data.rows, f"name_of_{label.lower()}", (("id", wanted),)) or []
        if found and found[0].get("name"):
            options = {found[0]["name"]: wanted, **options}
        else:
            st.warning(f"No {label.lower()} with id {wanted!r} in the graph; showing the first one instead.")
            wanted = None
    if not options:
        st.info(f"No {label.lower()} in the graph yet.")
        return None
    ids = list(options.values())
    current = wanted or ids[0]
    st.session_state[f"pick_{label}"] = next(name for name, i in options.items() if i == current)
    st.selectbox(
        label,
        list(options),
        key=f"pick_{label}",
        help=help_text or None,
        on_change=lambda: nav.set_param("id", options[st.session_state[f"pick_{label}"]]),
    )
    return current


# --- documents ---------------------------------------------------------------------------------


def inherit(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Owners and deadlines of an item apply to its sub-items that name none (the plans' own
    convention, the rule the task_gaps and tasks_due queries follow): filled in from the nearest item
    above that names them, and marked as inherited."""
    own: dict[str, tuple[list[str], str | None, str | None]] = {}
    out = []
    for row in rows:
        row = dict(row)
        own[row["path"]] = (list(row["owners"]), row["deadline"], row["due"])
        parts = row["path"].split("/")
        above = ["/".join(parts[:i]) for i in range(len(parts) - 1, 0, -1)]
        if not row["owners"]:
            carrier = next((p for p in above if p in own and own[p][0]), None)
            if carrier:
                row["owners"] = [f"{o} (inherited from {carrier})" for o in own[carrier][0]]
        if not row["deadline"]:
            carrier = next((p for p in above if p in own and own[p][1]), None)
            if carrier:
                row["deadline"] = f"{own[carrier][1]} (inherited from {carrier})"
                row["due"] = own[carrier][2]
        out.append(row)
    return out


def _focused_measure(doc: dict[str, Any], measures: list[dict[str, Any]], measure_id: str) -> int | None:
    """Show the measure a link opened, marked in its text, above the tree; its row index."""
    index = next((i for i, m in enumerate(measures) if m["id"] == measure_id), None)
    if index is None:
        st.warning(f"This document has no measure {measure_id.split('/', 1)[-1]!r}.")
        return None
    measure = measures[index]
    with st.container(border=True):
        st.markdown(f"**Measure {measure['path']}** · {measure['heading']}")
        owners = "、".join(measure["owners"]) or NOT_STATED
        st.markdown(f"Owners: {owners}  \nDeadline: {measure['deadline'] or NOT_STATED}")
        if measure.get("start") is not None:
            st.markdown(highlighted(doc["text"], measure["start"], measure["end"], 150), unsafe_allow_html=True)
    return index


def document_page() -> None:
    st.title("Document")
    docs = data.safely(data.rows, "documents") or []
    docs = sorted(docs, key=lambda d: (d["kind"] == "law", -(d["measures"] or 0), d["label"]))
    doc_id = pick("Document", {d["label"]: d["id"] for d in docs}, "plans with the most measures first")
    if doc_id is None:
        return
    found = data.safely(data.rows, "document", (("id", doc_id),)) or []
    if not found:
        return
    doc = found[0]
    cols = st.columns(4)
    cols[0].markdown(f"**Document number**  \n{doc['number'] or NOT_STATED}")
    cols[1].markdown(f"**Issuer**  \n{doc['issuer'] or NOT_STATED}")
    cols[2].markdown(f"**Issued / published**  \n{doc['issued'] or NOT_STATED} / {doc['published'] or NOT_STATED}")
    region = nav.anchor(nav.name_url("Region", doc["region"]), doc["region"]) if doc["region"] else NOT_STATED
    cols[3].markdown(
        f"**Level · region · script**  \n{doc['level'] or NOT_STATED} · {region} · {doc['script']}",
        unsafe_allow_html=True,
    )
    sources = "; ".join(doc["sources"])
    st.caption(f"{doc['measures']} measures, {doc['relationships']} relationships · sources: {sources}")

    measures = inherit(data.safely(data.rows, "document_tree", (("id", doc_id),)) or [])
    focus = _focused_measure(doc, measures, nav.param("measure")) if nav.param("measure") else None
    tree, citations, evidence, graph = st.tabs(["Measures", "Citations", "Source & evidence", "Graph"])
    with tree:
        for row in measures:
            row["measure"] = INDENT * row["path"].count("/") + f"{row['path'].split('/')[-1]} {row['heading']}"
            row["measure_id"] = row["id"]
        table(measures, ["measure", "owners", "deadline", "due", "targets"], key="doc_tree", highlight=focus)
        downloads(measures, "measures", "doc_tree")
    with citations:
        st.markdown("**Cites**")
        out = data.safely(data.named, "document_citations", (("doc", doc_id),)) or []
        table(out, ["regulation", "doc_number", "measures", "implements", "ingested_as"], key="doc_cites")
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


# --- agencies ----------------------------------------------------------------------------------


def agency_page() -> None:
    st.title("Agency")
    agencies = data.safely(data.rows, "agencies") or []
    agency_id = pick("Agency", {a["name"]: a["id"] for a in agencies}, "most tasks first")
    if agency_id is None:
        return
    info = (data.safely(data.rows, "agency", (("id", agency_id),)) or [{}])[0]
    name = info.get("name", "")
    details = [info.get("level") or "", info.get("region") or ""]
    if info.get("generic"):
        details.append("generic holder (a set of bodies named together)")
    if info.get("part_of"):
        details.append(f"part of {info['part_of']}")
    aliases = "  \nAlso written: " + "、".join(info["aliases"]) if info.get("aliases") else ""
    st.caption(" · ".join(d for d in details if d) + aliases)
    tasks = data.safely(data.named, "agency_tasks", (("agency", name),)) or []
    cols = st.columns(3)
    for col, role in zip(cols, ROLE_NAMES, strict=True):
        col.metric(DISPLAY[role], sum(1 for t in tasks if t["role"] == role))
    lineage = data.safely(data.rows, "agency_lineage", (("id", agency_id),)) or []
    lineage_title = f"Lineage ({len(lineage)})" if lineage else "Lineage"
    tab_tasks, tab_partners, tab_docs, tab_lineage, tab_graph = st.tabs(
        ["Tasks", "Co-owners", "Documents", lineage_title, "Graph"]
    )
    with tab_tasks:
        if len({t["document"] for t in tasks}) > 1:
            frame = pd.DataFrame(tasks).groupby(["document", "role"]).size().unstack(fill_value=0).reset_index()
            charts.bars(frame, "document", [r for r in ROLE_NAMES if r in frame], "Tasks per document", limit=15)
        table(tasks, ["role", "due", "deadline", "path", "measure", "document"], key="agency_tasks")
        downloads(tasks, "tasks", "agency_tasks")
    with tab_partners:
        partners = data.safely(data.named, "co_owners", (("agency", name),)) or []
        table(partners, ["co_owner", "shared_measures", "their_roles"], key="agency_partners")
    with tab_docs:
        docs = data.safely(data.rows, "agency_documents", (("id", agency_id),)) or []
        table(docs, ["tasks", "year", "document"], key="agency_docs")
    with tab_lineage:
        _lineage(name, lineage)
    with tab_graph:
        graph_panel(data.store(), agency_id, key=f"graph_{agency_id}")


def _lineage(name: str, lineage: list[dict[str, Any]]) -> None:
    """Predecessors and successors (data/agency_lineage.csv), and the tasks held through predecessors."""
    if not lineage:
        st.caption(f"The lineage table names no predecessor or successor of {name}.")
        return
    table(lineage, ["relation", "year", "kind", "agency", "takes_tasks", "source", "note"], key="agency_lineage")
    inherited = data.safely(data.named, "inherited_tasks", (("agency", name), ("as_of", ""))) or []
    if inherited:
        st.markdown(f"**Tasks {name} holds through its predecessors** ({len(inherited)})")
        table(inherited, ["how", "assigned_to", "role", "successions", "path", "measure", "document"], key="inherited")
        downloads(inherited, "inherited_tasks", "inherited")


# --- regions -----------------------------------------------------------------------------------


def region_page() -> None:
    st.title("Region")
    regions = data.safely(data.rows, "regions") or []
    options = {f"{r['name']} ({r['level']}, {r['documents']} documents)": r["id"] for r in regions}
    region_id = pick("Region", options, "most documents first")
    if region_id is None:
        return
    info = (data.safely(data.rows, "region", (("id", region_id),)) or [{}])[0]
    parent = nav.anchor(nav.name_url("Region", info["parent"]), info["parent"]) if info.get("parent") else "—"
    st.markdown(f"{info.get('level')} · code {info.get('code')} · part of {parent}", unsafe_allow_html=True)
    tab_docs, tab_tasks, tab_sub, tab_graph = st.tabs(["Documents", "Tasks assigned", "Sub-regions", "Graph"])
    with tab_docs:
        docs = data.safely(data.named, "region_documents", (("region", region_id),)) or []
        table(docs, ["year", "level", "region", "doc_number", "document"], key="region_docs")
        downloads(docs, "region_documents", "region_docs")
    with tab_tasks:
        tasks = data.safely(data.named, "region_tasks", (("region", region_id),)) or []
        table(tasks, ["region", "path", "task", "measure", "document"], key="region_tasks")
        downloads(tasks, "region_tasks", "region_tasks")
    with tab_sub:
        subs = data.safely(data.rows, "sub_regions", (("id", region_id),)) or []
        table([{**s, "region_id": s["id"]} for s in subs], ["region", "level", "documents"], key="region_subs")
    with tab_graph:
        graph_panel(data.store(), region_id, key=f"graph_{region_id}")


# --- regulations -------------------------------------------------------------------------------


def regulation_page() -> None:
    st.title("Regulation")
    regulations = data.safely(data.rows, "regulations") or []
    reg_id = pick("Regulation", {r["title"]: r["id"] for r in regulations}, "most cited first")
    if reg_id is None:
        return
    info = (data.safely(data.rows, "regulation", (("id", reg_id),)) or [{}])[0]
    ingested = (
        "ingested as " + nav.anchor(nav.entity_url(info["document_id"]), info["document"])
        if info.get("document_id")
        else "cited only (its text is not ingested)"
    )
    st.markdown(f"Document number: {info.get('number') or NOT_STATED} · {ingested}", unsafe_allow_html=True)
    citers = data.safely(data.rows, "regulation_citers", (("id", reg_id),)) or []
    if citers:
        frame = pd.DataFrame(citers)
        left, right = st.columns(2)
        with left:
            charts.columns_over_time(frame, "year", "level", "Citing documents per year")
        with right:
            by_region = frame.fillna({"region": NOT_STATED}).groupby("region").size().reset_index(name="documents")
            charts.bars(by_region, "region", ["documents"], "Citing documents by region")
    table(citers, ["year", "level", "region", "document", "evidence"], key="reg_citers")
    downloads(citers, "citing_documents", "reg_citers")
    graph_panel(data.store(), reg_id, key=f"graph_{reg_id}")
