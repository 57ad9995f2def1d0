"""policy-kg explorer: `streamlit run app.py` (or `make run`, which serves it on this machine only).

Reads the graph store configured by KG_STORE / KG_BACKEND (the embedded store under data/store by
default), live, while `python -m ingest` may be writing to it. The URL holds the view
(`?page=Agency&id=…`): links can be shared and the browser's Back button works.
"""

from __future__ import annotations

import streamlit as st

from ui import data, nav
from ui.pages import PAGES

st.set_page_config(page_title="policy-kg", page_icon="🗂️", layout="wide")


def _search_from_sidebar() -> None:
    words = st.session_state.get("sidebar_q", "").strip()
    st.session_state["search_q"] = words
    nav.go("Search", q=words)


st.sidebar.title("policy-kg")
st.sidebar.caption("Policy documents, their measures, the agencies that own them, regions and regulations.")
st.sidebar.text_input("Search", key="sidebar_q", on_change=_search_from_sidebar, placeholder="知识产权局、質押融資…")
page = nav.sidebar()

counts = data.safely(data.stats)
if counts is not None and not counts["nodes"].get("Document"):
    st.info("The graph is empty. Ingest documents first: `python -m ingest data/samples` (or `make run`).")
elif counts is not None:
    PAGES[page]()
