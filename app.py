"""policy-kg explorer: `streamlit run app.py`.

Reads the graph store configured by KG_STORE / KG_BACKEND (the embedded store under data/store by
default), live, while `python -m ingest` may be writing to it.
"""

from __future__ import annotations

import streamlit as st

from ui import data
from ui.pages import PAGES

st.set_page_config(page_title="policy-kg", page_icon="🗂️", layout="wide")

st.sidebar.title("policy-kg")
st.sidebar.caption("A knowledge graph of policy documents, their measures, agencies, regions and regulations.")
page = st.sidebar.radio("Page", list(PAGES), key="page")

counts = data.safely(data.stats)
if counts is not None and not counts["nodes"].get("Document"):
    st.info("The graph is empty. Ingest documents first: `python -m ingest data/samples` (or `make run`).")
elif counts is not None:
    PAGES[page](counts)
