"""The coding workbench: go through measures with their suggested policy-tool and value-chain codes,
accept or change them with a note (each code kept with coder, time and source), and read the
tool × axis matrix of any selection as a table, a heat map, CSV and XLSX; agreement between coders.

This page is the app's one write path: it writes only Coding nodes, only through graph/coding.py,
and only when a coder has named themselves. The Cypher console stays read-only.
"""

from __future__ import annotations

import html
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from core.schemes import schemes
from graph.coding import SOURCES, Selection, agreement, coders, matrix, matrix_csv, matrix_xlsx, save_code
from graph.store import StoreError
from ui import data, nav

PAGE_SIZE = 10


def _selection() -> tuple[Selection, str, float]:
    """The filters: documents, region, years, a suggested code, a confidence ceiling."""
    docs = [d for d in data.safely(data.rows, "documents") or [] if d["kind"] != "law"]
    regions = data.safely(data.rows, "regions") or []
    left, middle, right = st.columns(3)
    chosen = left.multiselect(
        "Documents", [d["id"] for d in docs], format_func=lambda i: _label(docs, i), key="code_docs"
    )
    names = {r["id"]: r["name"] for r in regions}
    region = middle.selectbox(
        "Region (and inside it)", [None, *names], format_func=lambda i: names.get(i, "all"), key="code_region"
    )
    years = sorted({d["year"] for d in docs if d["year"]})
    span = (
        right.select_slider("Years", options=years, value=(years[0], years[-1]), key="code_years")
        if len(years) > 1
        else None
    )
    left, middle, right = st.columns(3)
    tools = [c for s in schemes() if s.axis == "tool" for c in s.code_names]
    suggested = left.selectbox("Suggested tool", ["any", *tools], key="code_suggested")
    ceiling = middle.slider("Confidence at most", 0.0, 1.0, 1.0, 0.05, key="code_confidence")
    selection = Selection(tuple(chosen), region, span[0] if span else None, span[1] if span else None)
    return selection, suggested, ceiling


def _label(docs: list[dict[str, Any]], doc_id: str) -> str:
    return next((d["label"] for d in docs if d["id"] == doc_id), doc_id)[:60]


def _marked(text: str, cue: str | None) -> str:
    body = html.escape(text or "")
    if cue:
        body = body.replace(html.escape(cue), f"<mark>{html.escape(cue)}</mark>", 1)
    return f'<div style="line-height:1.7">{body}</div>'


def _save(measure_id: str, coder: str, key: str, accept: bool) -> None:
    """Button callback: store this measure's codes (the suggestions, or what the selectboxes say)."""
    try:
        for scheme in schemes():
            code = (
                st.session_state[f"{key}_{scheme.axis}_suggested"]
                if accept
                else st.session_state[f"{key}_{scheme.axis}"]
            )
            save_code(data.store(), measure_id, scheme.axis, code, coder, st.session_state.get(f"{key}_note", ""))
        st.session_state["coding_saved"] = measure_id
        data.clear()
    except (StoreError, ValueError) as error:
        st.session_state["coding_error"] = str(error)


def _workbench(rows: list[dict[str, Any]], coder: str) -> None:
    if not coder:
        st.info("Give your name or initials above to code: each code is kept with its coder and time.")
    problem = st.session_state.pop("coding_error", None)
    if problem:
        st.error(f"Not stored: {problem}")
    saved = st.session_state.pop("coding_saved", None)
    if saved:
        st.success(f"Saved {saved.split('/', 1)[-1]}.")
    pages = max(1, -(-len(rows) // PAGE_SIZE))
    page = st.number_input(f"Page (of {pages}, {len(rows)} measures)", 1, pages, 1, key="code_page")
    for row in rows[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]:
        key = f"m_{row['id']}"
        with st.container(border=True):
            link = nav.anchor(nav.entity_url(row["id"]), f"{row['path']} {row['heading'] or ''}"[:80])
            st.markdown(f"{link} · {html.escape(row['document'] or '')}", unsafe_allow_html=True)
            st.markdown(_marked(row.get("text") or "", row.get("suggested_tool_cue")), unsafe_allow_html=True)
            columns = st.columns(len(schemes()) + 1)
            for column, scheme in zip(columns, schemes(), strict=False):
                options = list(scheme.code_names)
                current = row.get(scheme.axis) or scheme.none_code
                st.session_state[f"{key}_{scheme.axis}_suggested"] = (
                    row.get(f"suggested_{scheme.axis}") or scheme.none_code
                )
                by = row.get(f"{scheme.axis}_by") or "suggested"
                confidence = row.get(f"suggested_{scheme.axis}_confidence")
                cue = row.get(f"suggested_{scheme.axis}_cue") or "—"
                help_text = f"suggested {row.get(f'suggested_{scheme.axis}')} ({confidence}); cue: {cue}"
                column.selectbox(
                    f"{scheme.axis} ({by})", options, index=options.index(current) if current in options else 0,
                    key=f"{key}_{scheme.axis}", help=help_text,
                )  # fmt: skip
            columns[-1].text_input("Note", key=f"{key}_note")
            left, right, _ = st.columns([1, 1, 4])
            left.button("Accept suggestion", key=f"{key}_accept", disabled=not coder,
                        on_click=_save, args=(row["id"], coder, key, True))  # fmt: skip
            right.button("Save my codes", key=f"{key}_save", disabled=not coder, type="primary",
                         on_click=_save, args=(row["id"], coder, key, False))  # fmt: skip


def _analysis(selection: Selection, coder: str) -> None:
    axes = [s.axis for s in schemes()]
    left, middle, right, last = st.columns(4)
    rows_axis = left.selectbox("Rows", axes, index=axes.index("tool") if "tool" in axes else 0, key="mx_rows")
    cols_axis = middle.selectbox(
        "Columns", axes, index=axes.index("value_chain") if "value_chain" in axes else 0, key="mx_cols"
    )
    by = right.selectbox(
        "One matrix per",
        ["", "year", "region", "document"],
        format_func=lambda b: b or "the whole selection",
        key="mx_by",
    )
    source = last.selectbox(
        "Codes", SOURCES, key="mx_source", help="final: a person's code where there is one, else the suggestion"
    )
    rows = data.safely(data.coded, selection, source, "") or []
    cells = matrix(rows, rows_axis, cols_axis, by)
    if not cells:
        st.info("No coded measures in this selection.")
        return
    frame = pd.DataFrame(cells)
    groups = list(dict.fromkeys(frame[by])) if by else [None]
    group = st.selectbox(f"{by.capitalize()}", groups, key="mx_group") if by else None
    shown = frame[frame[by] == group] if by else frame
    heat = (
        alt.Chart(shown)
        .mark_rect()
        .encode(
            x=alt.X(f"{cols_axis}:N", title=cols_axis),
            y=alt.Y(f"{rows_axis}:N", title=rows_axis),
            color=alt.Color("measures:Q", scale=alt.Scale(scheme="blues")),
            tooltip=[rows_axis, cols_axis, "measures", "share"],
        )
    )
    text = heat.mark_text(baseline="middle").encode(text="measures:Q", color=alt.value("black"))
    st.altair_chart(heat + text, width="stretch")
    table = shown.pivot_table(index=rows_axis, columns=cols_axis, values="measures", aggfunc="sum", fill_value=0)
    table["total"] = table.sum(axis=1)
    st.dataframe(table, width="stretch")
    left, right, _ = st.columns([1, 1, 4])
    left.download_button(
        "CSV", ("\ufeff" + matrix_csv(cells)).encode("utf-8"), "tool_matrix.csv", "text/csv", key="mx_csv"
    )
    right.download_button(
        "XLSX", matrix_xlsx(cells, rows_axis, cols_axis), "tool_matrix.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key="mx_xlsx",
    )  # fmt: skip


def _agreement() -> None:
    names = data.safely(lambda: coders(data.store())) or []
    if len(names) < 2:
        st.caption("Agreement needs two coders who coded the same measures.")
        return
    left, right = st.columns(2)
    a = left.selectbox("Coder", names, key="kappa_a")
    b = right.selectbox("and coder", [n for n in names if n != a], key="kappa_b")
    for scheme in schemes():
        found = data.safely(lambda axis=scheme.axis: agreement(data.store(), a, b, axis))
        if found is not None:
            st.metric(
                f"{scheme.axis}: Cohen's κ",
                f"{found.kappa:.3f}",
                help=f"{found.units} measures coded by both; agreement {found.observed:.3f}",
            )


def coding_page() -> None:
    st.title("Coding")
    st.caption(
        "Policy-tool content analysis: each measure has a suggested code per scheme (data/schemes/*.toml), "
        "with the cue that decided it. A code you save is kept with your name, the time and its source, "
        "and survives re-ingesting the documents."
    )
    coder = st.text_input("Coder (your name or initials)", key="coder").strip()
    selection, suggested, ceiling = _selection()
    tab_code, tab_matrix, tab_kappa = st.tabs(["Code measures", "Matrix", "Agreement"])
    with tab_code:
        rows = data.safely(data.coded, selection, "final", coder) or []
        rows = [
            r for r in rows
            if (suggested == "any" or r.get("suggested_tool") == suggested)
            and (r.get("suggested_tool_confidence") or 0) <= ceiling
        ]  # fmt: skip
        _workbench(rows, coder)
    with tab_matrix:
        _analysis(selection, coder)
    with tab_kappa:
        _agreement()
