"""The named queries with their parameters read as a person writes them, and the read-only console."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from core.roles import DISPLAY, ROLE_NAMES
from core.settings import ROW_CAP, TIME_LIMIT_MS
from graph.store import CypherSyntaxError, StoreError
from queries.library import NamedQuery, app, load_library
from queries.resolve import AmbiguousEntity, UnknownEntity
from ui import charts, data, nav
from ui.graph_view import graph_panel
from ui.present import ENTITY_COLUMNS, label, table
from ui.widgets import downloads

KIND_HELP = {
    "agency": "as written anywhere: full name, a short form with its region (甘肃省市场监管局), Traditional",
    "document": "its number in any brackets (京政办发[2021]12号), words of its title",
    "regulation": "its title, with or without 中华人民共和国, or its number",
    "region": "full or short name (江苏省, 江苏)",
    "date": "2014-01-01, 2014-1-1, 2014年1月1日, 2014-01 or 2014",
    "entity": "an agency, region, regulation or document, by name",
    "scope": "a document (number or title words) or a region",
}


def _param_input(query: NamedQuery, param: Any) -> Any:
    key = f"param_{query.name}_{param.name}"
    title = param.name.replace("_", " ") + (" (optional)" if param.optional else "")
    hint = " · ".join(h for h in (param.description, KIND_HELP.get(param.kind, "")) if h)
    if param.kind == "role":
        options = list(ROLE_NAMES)
        if st.session_state.get(key) not in options:
            st.session_state.pop(key, None)
        return st.selectbox(title, options, key=key, format_func=lambda r: DISPLAY[r], help=hint)
    if key not in st.session_state:
        st.session_state[key] = param.example or ""
    return st.text_input(title, key=key, help=hint)


def _resolution(query: NamedQuery, values: dict[str, Any]) -> dict[str, Any] | None:
    """The values as the graph names them, with what each was read as; None (and a message, with the
    candidates to choose from) when a name fits nothing or several things."""
    try:
        resolution = data.resolved(query.name, tuple(sorted(values.items())))
    except AmbiguousEntity as error:
        st.warning(str(error))
        param = next((p for p in query.params if values.get(p.name) == error.written), None)
        if param is not None:
            st.caption("Choose one:")
            for index, (caption, value) in enumerate(error.candidates[:10]):
                st.button(
                    caption,
                    key=f"candidate_{query.name}_{index}",
                    on_click=st.session_state.__setitem__,
                    args=(f"param_{query.name}_{param.name}", value),
                )
        return None
    except UnknownEntity as error:
        st.warning(str(error))
        return None
    except ValueError as error:
        st.warning(str(error))
        return None
    for note in resolution.notes:
        st.info(f"Read as: {note}")
    return dict(values)


def queries_page() -> None:
    st.title("Named queries")
    library = load_library()
    names = list(library)
    wanted = nav.param("query")
    st.session_state["query_name"] = wanted if wanted in library else st.session_state.get("query_name", names[0])
    name = st.selectbox(
        "Question",
        names,
        key="query_name",
        format_func=lambda n: f"{library[n].description.split(' (at most')[0][:110]} ({n})",
        on_change=lambda: nav.go("Queries", query=st.session_state["query_name"]),
    )
    query = library[name]
    st.caption(query.description)
    values = {param.name: _param_input(query, param) for param in query.params}
    with st.expander("Cypher"):
        st.code(query.cypher, language="cypher")
    if _resolution(query, values) is None:
        return
    rows = data.safely(data.named, name, tuple(sorted(values.items())))
    if rows is None:
        return
    if not rows:
        st.info("No rows: the graph holds nothing that answers this question for these values.")
        return
    st.caption(f"{len(rows)} rows" + (f" (the row cap is {ROW_CAP})" if len(rows) >= ROW_CAP else ""))
    result_views(rows, name)


def _chart(rows: list[dict[str, Any]]) -> None:
    frame = pd.DataFrame(rows)
    counts = charts.count_columns(frame)
    names = [c for c in frame.columns if c in ENTITY_COLUMNS or (frame[c].map(lambda v: isinstance(v, str)).all())]
    names = [c for c in names if not c.endswith("_id")]
    if not counts or not names:
        st.caption("No count to chart: the bars of a chart are counts (tasks, documents, measures…).")
        return
    charts.bars(frame, names[0], counts[:3], f"{', '.join(label(c) for c in counts[:3])} by {label(names[0])}")


def _graph(rows: list[dict[str, Any]], name: str) -> None:
    entities: dict[str, str] = {}
    for row in rows:
        for column, value in row.items():
            if column.endswith("_id") and isinstance(value, str):
                shown = row.get(column[: -len("_id")]) or value
                entities.setdefault(value, f"{shown}")
    if not entities:
        st.caption("The rows name no entity to draw.")
        return
    ids = list(entities)[:50]
    choice = st.selectbox("Start from", ids, key=f"graph_start_{name}", format_func=lambda i: entities[i])
    graph_panel(data.store(), choice, key=f"graph_q_{name}_{choice}")


def result_views(rows: list[dict[str, Any]], name: str) -> None:
    tab_table, tab_chart, tab_graph = st.tabs(["Table", "Chart", "Graph"])
    with tab_table:
        table(rows, key=f"result_{name}")
        downloads(rows, name, f"result_{name}")
    with tab_chart:
        _chart(rows)
    with tab_graph:
        _graph(rows, name)


def console_page() -> None:
    st.title("Cypher console")
    st.caption(
        f"Read-only: write clauses are refused before they reach the store, and the store runs the query in a "
        f"read-only transaction. At most {ROW_CAP} rows, {TIME_LIMIT_MS / 1000:.0f} s."
    )
    text = st.text_area("Query", value=app("console_example").cypher, height=120, key="console_query")
    if not st.button("Run", key="console_run", type="primary"):
        return
    try:
        rows, truncated = data.console(text)
    except CypherSyntaxError as error:
        _syntax_error(text, error)
        return
    except (StoreError, ValueError) as error:
        st.error(str(error))
        return
    if truncated:
        st.warning(f"Stopped at the row cap of {ROW_CAP} rows: add LIMIT or narrow the query to see the rest.")
    st.caption(f"{len(rows)} rows")
    result_views(rows, "console")


def _syntax_error(text: str, error: CypherSyntaxError) -> None:
    st.error(f"Syntax error at line {error.line}, column {error.column}: {error.reason}")
    lines = text.split("\n")
    if 0 < error.line <= len(lines):
        st.code(lines[error.line - 1] + "\n" + " " * max(0, error.column - 1) + "^", language=None)
