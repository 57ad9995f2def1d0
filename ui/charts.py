"""Bar charts people can read: Chinese labels whole (a prefix every label shares is said once, above
the chart, instead of five times), bars sorted by value, and only counts drawn as bar lengths."""

from __future__ import annotations

import os

import altair as alt
import pandas as pd
import streamlit as st

LABEL_WIDTH = 320  # pixels for a label before it wraps: 20 Chinese characters
BAR_HEIGHT = 22

# Columns that count things (a bar's length means "how many"); a year or a value of a target does not.
COUNT_WORDS = ("tasks", "measures", "documents", "shared", "total", "lead", "responsible", "support", "count",
               "citations", "cited", "owners", "n", "rows", "regions", "agencies")  # fmt: skip


def shared_prefix(labels: list[str]) -> str:
    """The prefix every label starts with, cut back to a whole name (国家知识产权局 in 国家知识产权局条法司,
    国家知识产权局办公室); empty when it would leave a label with nothing."""
    if len(labels) < 2:
        return ""
    prefix = os.path.commonprefix(labels)  # noqa: RUF071 - characters are what Chinese names share
    if len(prefix) < 3 or any(len(label) == len(prefix) for label in labels):
        return ""
    return prefix


def count_columns(frame: pd.DataFrame) -> list[str]:
    """The columns whose values are counts: whole numbers under a name that counts something."""
    found = []
    for column in frame.columns:
        name = str(column).lower()
        words = name.replace("-", "_").split("_")
        if not pd.api.types.is_integer_dtype(frame[column]):
            continue
        if any(word in COUNT_WORDS for word in words):
            found.append(str(column))
    return found


def bar_data(frame: pd.DataFrame, label: str, values: list[str], limit: int = 30) -> tuple[pd.DataFrame, str]:
    """The bars to draw, largest total first, labels without the prefix they all share; the prefix."""
    data = frame[[label, *values]].copy()
    data[label] = data[label].astype(str)
    data["_total"] = data[values].sum(axis=1)
    data = data.groupby(label, as_index=False).sum(numeric_only=True).sort_values("_total", ascending=False)
    data = data.head(limit).reset_index(drop=True)
    prefix = shared_prefix(list(data[label]))
    if prefix:
        data[label] = data[label].str[len(prefix) :]
    return data, prefix


def bars(frame: pd.DataFrame, label: str, values: list[str], title: str = "", limit: int = 30) -> None:
    """Horizontal bars of `values` (stacked when several) per `label`, largest first."""
    if frame.empty or not values:
        st.caption("Nothing to chart.")
        return
    data, prefix = bar_data(frame, label, values, limit)
    if prefix:
        st.caption(f"All names start with {prefix}: shown without it.")
    long = data.melt(id_vars=[label, "_total"], value_vars=values, var_name="series", value_name="count")
    order = list(data[label])
    chart = (
        alt.Chart(long, title=title or "")
        .mark_bar()
        .encode(
            y=alt.Y(f"{label}:N", sort=order, title=None, axis=alt.Axis(labelLimit=LABEL_WIDTH, labelOverlap=False)),
            x=alt.X("count:Q", title="count"),
            color=alt.Color("series:N", title=None, legend=alt.Legend(orient="bottom"))
            if len(values) > 1
            else alt.value("#0072B2"),
            tooltip=[alt.Tooltip(f"{label}:N", title=label), "series:N", "count:Q"],
        )
        .properties(height=alt.Step(BAR_HEIGHT))  # a row per label, whatever their number
    )
    st.altair_chart(chart, width="stretch")


def columns_over_time(frame: pd.DataFrame, time: str, series: str, title: str = "") -> None:
    """Counts of rows per `time` (a year), stacked by `series`, in time order."""
    data = frame.dropna(subset=[time]).groupby([time, series]).size().reset_index(name="count")
    if data.empty:
        st.caption("No dates to chart.")
        return
    data[time] = data[time].astype(int).astype(str)
    chart = (
        alt.Chart(data, title=title or "")
        .mark_bar()
        .encode(
            x=alt.X(f"{time}:O", title=None),
            y=alt.Y("count:Q", title="documents"),
            color=alt.Color(f"{series}:N", title=None, legend=alt.Legend(orient="bottom")),
            tooltip=[f"{time}:O", f"{series}:N", "count:Q"],
        )
    )
    st.altair_chart(chart, width="stretch")
