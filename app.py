"""policy-kg explorer: `streamlit run app.py`.

Reads the graph store configured by KG_STORE / KG_BACKEND (the embedded store under data/store by
default), live, while `python -m ingest` may be writing to it.
"""

from __future__ import annotations

import streamlit as st

from ui import data
from ui.pages import PAGES

st.set_page_config(page_title="policy-kg", page_icon="🗂️", layout="wide")


def _search_from_sidebar() -> None:
    st.session_state["search_q"] = st.session_state.get("sidebar_q", "")
    st.session_state["page"] = "Search"


def _open_deep_link() -> None:
    """`?page=Agency&id=agency:…` opens an entity's page directly (shareable links, browser tests)."""
    params = st.query_params
    if "deep_link_done" in st.session_state or "page" not in params:
        return
    st.session_state["deep_link_done"] = True
    if params["page"] in PAGES:
        st.session_state["page"] = params["page"]
        if "id" in params:
            st.session_state[f"selected_{params['page']}"] = params["id"]


_open_deep_link()
st.sidebar.title("policy-kg")
st.sidebar.caption("Policy documents, their measures, the agencies that own them, regions and regulations.")
st.sidebar.text_input("Search", key="sidebar_q", on_change=_search_from_sidebar, placeholder="知识产权局、質押融資…")
page = st.sidebar.radio("Page", list(PAGES), key="page")

counts = data.safely(data.stats)
if counts is not None and not counts["nodes"].get("Document"):
    st.info("The graph is empty. Ingest documents first: `python -m ingest data/samples` (or `make run`).")
elif counts is not None:
    PAGES[page](counts)
