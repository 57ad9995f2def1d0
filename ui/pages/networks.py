"""Agency networks through time: who signs documents together (联合发文) and who leads whom, per
period, with the measures researchers report, and the files Gephi and UCINET open."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from graph.networks import NETWORKS, to_edge_list, to_gexf
from ui import charts, data

TITLES = {"coissuing": "Co-issuing (documents signed together)", "lead_support": "Lead → support (within measures)"}


def networks_page() -> None:
    st.title("Networks")
    network = st.radio("Network", NETWORKS, index=1, format_func=TITLES.__getitem__, horizontal=True, key="network")
    span = st.select_slider("Years per period", options=[1, 2, 3, 5, 10], value=1, key="network_span")
    found = data.safely(data.network, network, span)
    if found is None:
        return
    report, edges = found
    if not report:
        st.info(
            "No dated links yet: co-issuing needs documents signed by two bodies or more, lead → support "
            "needs measures with a lead and a supporting body."
        )
        return
    frame = pd.DataFrame(report)
    left, right = st.columns(2)
    with left:
        st.subheader("Density per period")
        chart = (
            alt.Chart(frame)
            .mark_line(point=True)
            .encode(
                x=alt.X("period:O", title=None),
                y=alt.Y("density:Q", title="density"),
                tooltip=["period", "nodes", "edges", "density", "components"],
            )
        )
        st.altair_chart(chart, width="stretch")
    with right:
        st.subheader("Most central agencies")
        central = pd.DataFrame(
            [{"period": p["period"], "agency": n, "betweenness": v} for p in report for n, v in p["top_betweenness"]]
        )
        if central.empty or not central["betweenness"].any():
            central = pd.DataFrame(
                [{"period": p["period"], "agency": n, "degree": v} for p in report for n, v in p["top_degree"]]
            )
        value = "betweenness" if "betweenness" in central else "degree"
        periods = list(dict.fromkeys(central["period"]))
        shown = st.selectbox("Period", periods, index=len(periods) - 1, key="network_period")
        charts.bars(central[central["period"] == shown], "agency", [value], f"{value} centrality, {shown}")
    st.subheader("Per period")
    table = frame.assign(
        top_degree=frame["top_degree"].map(lambda xs: "、".join(n for n, _ in xs)),
        top_betweenness=frame["top_betweenness"].map(lambda xs: "、".join(n for n, _ in xs)),
    )
    st.dataframe(table, hide_index=True, width="stretch")
    left, right, _ = st.columns([1, 1, 4])
    left.download_button("GEXF (Gephi, with timeline)", to_gexf(edges, network), f"{network}.gexf", "application/xml")
    right.download_button(
        "Dated edge list (CSV)", to_edge_list(edges).encode("utf-8-sig"), f"{network}.csv", "text/csv"
    )
