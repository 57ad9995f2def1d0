"""Small building blocks shared by the pages: navigation between entities, downloads, highlighting."""

from __future__ import annotations

import html
import io
import json
from typing import Any

import pandas as pd
import streamlit as st

from graph.export import to_networkx

# entity label → the page that shows it and the session key holding the selected id
ENTITY_PAGES = {
    "Document": "Document",
    "Agency": "Agency",
    "Region": "Region",
    "Regulation": "Regulation",
}


def selected(label: str) -> str | None:
    return st.session_state.get(f"selected_{label}")


def go_to(label: str, entity_id: str) -> None:
    """Open an entity's page (used as a button callback, so it runs before the next render)."""
    st.session_state["page"] = ENTITY_PAGES[label]
    st.session_state[f"selected_{label}"] = entity_id
    st.session_state.pop(f"pick_{label}", None)


def open_button(label: str, entity_id: str, text: str, key: str) -> None:
    st.button(text, key=key, on_click=go_to, args=(label, entity_id), help=f"Open this {label.lower()}")


def picker(label: str, options: dict[str, str], help_text: str = "") -> str | None:
    """A selectbox of entities (display → id) that follows navigation from other pages."""
    if not options:
        st.info(f"No {label.lower()} in the graph yet.")
        return None
    ids = list(options.values())
    names = list(options)
    wanted = selected(label)
    index = ids.index(wanted) if wanted in ids else 0
    choice = st.selectbox(label, names, index=index, key=f"pick_{label}", help=help_text or None)
    entity_id = options[choice]
    st.session_state[f"selected_{label}"] = entity_id
    return entity_id


def downloads(rows: list[dict[str, Any]], name: str, key: str) -> None:
    """CSV and JSON of a table as shown."""
    if not rows:
        return
    frame = pd.DataFrame(rows)
    left, right, _ = st.columns([1, 1, 6])
    left.download_button(
        "CSV", frame.to_csv(index=False).encode("utf-8-sig"), f"{name}.csv", "text/csv", key=f"{key}_csv"
    )
    right.download_button(
        "JSON",
        json.dumps(rows, ensure_ascii=False, indent=1, default=str).encode("utf-8"),
        f"{name}.json",
        "application/json",
        key=f"{key}_json",
    )


def graph_downloads(graph: dict[str, list[dict[str, Any]]], name: str, key: str) -> None:
    """JSON (the export format) and GraphML of a sub-graph as shown."""
    import networkx as nx

    buffer = io.BytesIO()
    nx.write_graphml(to_networkx(graph), buffer, encoding="utf-8")
    left, right, _ = st.columns([1, 1, 6])
    left.download_button(
        "Graph JSON",
        json.dumps(graph, ensure_ascii=False, indent=1).encode("utf-8"),
        f"{name}.json",
        "application/json",
        key=f"{key}_gjson",
    )
    right.download_button("GraphML", buffer.getvalue(), f"{name}.graphml", "application/xml", key=f"{key}_graphml")


def highlighted(text: str, start: int, end: int, context: int = 400) -> str:
    """HTML of the original text around [start, end) with the evidence marked."""
    left = max(0, start - context)
    right = min(len(text), end + context)
    before = html.escape(text[left:start])
    marked = html.escape(text[start:end])
    after = html.escape(text[end:right])
    prefix = "… " if left else ""
    suffix = " …" if right < len(text) else ""
    body = f"{prefix}{before}<mark>{marked}</mark>{after}{suffix}".replace("\n", "<br>")
    return f'<div style="line-height:1.7;font-size:0.95rem">{body}</div>'


def table(rows: list[dict[str, Any]], columns: list[str] | None = None, key: str | None = None) -> None:
    frame = pd.DataFrame(rows)
    if columns and not frame.empty:
        frame = frame[[c for c in columns if c in frame.columns]]
    for column in frame.columns:
        if frame[column].map(lambda v: isinstance(v, list)).any():
            frame[column] = frame[column].map(lambda v: "、".join(map(str, v)) if isinstance(v, list) else v)
    st.dataframe(frame, hide_index=True, use_container_width=True, key=key)
