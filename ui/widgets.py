"""Small building blocks shared by the pages: downloads and evidence highlighting."""

from __future__ import annotations

import html
import io
import json
from typing import Any

import pandas as pd
import streamlit as st

from graph.export import to_networkx


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
