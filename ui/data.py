"""Data access for the app: one cached store connection, cached read results, friendly errors."""

from __future__ import annotations

from typing import Any

import streamlit as st

from core.settings import APP_CACHE_SECONDS
from graph.stats import graph_stats
from graph.store import GraphStore, StoreError, open_store
from queries.library import app, get
from queries.readonly import run_console


@st.cache_resource(show_spinner=False)
def store() -> GraphStore:
    return open_store()


@st.cache_data(ttl=APP_CACHE_SECONDS, show_spinner=False)
def rows(name: str, params: tuple[tuple[str, Any], ...] = ()) -> list[dict[str, Any]]:
    """The rows of one of the app's own queries (`queries/app/NAME.cypher`)."""
    return app(name).run(store(), dict(params))


@st.cache_data(ttl=APP_CACHE_SECONDS, show_spinner=False)
def named(name: str, params: tuple[tuple[str, Any], ...] = ()) -> list[dict[str, Any]]:
    return get(name).run(store(), dict(params))


@st.cache_data(ttl=APP_CACHE_SECONDS, show_spinner=False)
def stats() -> dict[str, dict[str, int]]:
    return graph_stats(store())


def console(query: str) -> tuple[list[dict[str, Any]], bool]:
    """The read-only console: never cached, refused before the store when it writes."""
    return run_console(store(), query)


def safely(action: Any, *args: Any) -> Any:
    """Run a data call; show a message (never a traceback) and return None when it fails."""
    try:
        return action(*args)
    except (StoreError, ValueError, KeyError) as error:
        st.error(f"{error}")
        return None
