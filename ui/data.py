"""Data access for the app: one cached store connection, cached read results, friendly errors."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from graph.stats import graph_stats
from graph.store import GraphStore, StoreError, open_store
from queries.library import get
from queries.readonly import run_console

CACHE_SECONDS = 10  # short: the ingester may be writing while the app reads


@st.cache_resource(show_spinner=False)
def store() -> GraphStore:
    return open_store()


@st.cache_data(ttl=CACHE_SECONDS, show_spinner=False)
def read(query: str, params: tuple[tuple[str, Any], ...] = ()) -> list[dict[str, Any]]:
    return store().read(query, dict(params))


@st.cache_data(ttl=CACHE_SECONDS, show_spinner=False)
def named(name: str, params: tuple[tuple[str, Any], ...] = ()) -> list[dict[str, Any]]:
    return get(name).run(store(), dict(params))


@st.cache_data(ttl=CACHE_SECONDS, show_spinner=False)
def stats() -> dict[str, dict[str, int]]:
    return graph_stats(store())


def console(query: str) -> tuple[list[dict[str, Any]], bool]:
    """The read-only console: never cached, refused before the store when it writes."""
    return run_console(store(), query)


def table(rows: list[dict[str, Any]], columns: list[str] | None = None) -> pd.DataFrame:
    frame = pd.DataFrame(rows)
    if columns and not frame.empty:
        frame = frame[[c for c in columns if c in frame.columns]]
    return frame


def safely(action: Any, *args: Any) -> Any:
    """Run a data call; show a message (never a traceback) and return None when it fails."""
    try:
        return action(*args)
    except (StoreError, ValueError, KeyError) as error:
        st.error(f"{error}")
        return None
