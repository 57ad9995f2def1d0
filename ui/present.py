"""How a table of rows is shown: the decisive short columns first, readable labels, no column that
says the same on every row, "not stated" for a missing value, and every entity a link to its page.

Pure functions (rows in, a frame and its column settings out) plus `table`, which draws them; the
pages never lay out a result themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import streamlit as st

from core.ids import document_of
from ui import nav

NOT_STATED = "not stated"

# Short columns that decide what a row means come first, in this order; long texts come last.
FIRST = ("gap", "role", "due", "deadline", "depth", "path", "shared_measures", "documents", "tasks", "total",
         "lead", "responsible", "support", "n", "year", "level")  # fmt: skip
LAST = ("measure", "task", "text", "evidence", "document", "source", "document_a", "document_b", "shared", "steps")

LABELS = {
    "doc_number": "Number", "measure_id": "Measure id", "owners_from": "Owners from", "co_owner": "Co-owner",
    "shared_measures": "Shared measures", "their_roles": "Their roles", "first_year": "First year",
    "last_year": "Last year", "ingested_as": "Ingested as", "region_level": "Region level", "document_a": "Document A",
    "document_b": "Document B", "n": "Shared", "starts": "Starts", "implements": "Implements",
}  # fmt: skip

# A column naming an entity, the page that shows it, and the column holding its id (if any).
ENTITY_COLUMNS: dict[str, tuple[str, str | None]] = {
    "document": ("Document", "document_id"),
    "source": ("Document", None),
    "document_a": ("Document", "document_a_id"),
    "document_b": ("Document", "document_b_id"),
    "ingested_as": ("Document", None),
    "agency": ("Agency", "agency_id"),
    "co_owner": ("Agency", None),
    "region": ("Region", "region_id"),
    "regulation": ("Regulation", "regulation_id"),
    "measure": ("Document", "measure_id"),
    "task": ("Document", "measure_id"),
}


def label(column: str) -> str:
    return LABELS.get(column) or column.replace("_", " ").capitalize()


@dataclass
class Shown:
    """A result ready to draw: the frame, the link columns' settings, and what was left out."""

    frame: pd.DataFrame
    config: dict[str, Any] = field(default_factory=dict)
    constant: dict[str, str] = field(default_factory=dict)  # column label → the value every row has
    targets: list[dict[str, str] | None] = field(default_factory=list)  # per row: the view a click opens


def _text(value: Any) -> Any:
    if value is None or (isinstance(value, float) and pd.isna(value)) or value == "":
        return NOT_STATED
    if isinstance(value, list):
        return "、".join(map(str, value)) if value else NOT_STATED
    if isinstance(value, bool):
        return "yes" if value else "no"
    return value


def _target(column: str, row: dict[str, Any]) -> dict[str, str] | None:
    """The view the entity in `column` opens: {page, id | name, measure}."""
    page, id_column = ENTITY_COLUMNS[column]
    value = row.get(column)
    if value in (None, ""):
        return None
    entity_id = str(row[id_column]) if id_column and row.get(id_column) else None
    if column in ("measure", "task"):
        return {"page": "Document", "id": document_of(entity_id), "measure": entity_id} if entity_id else None
    if page == "Document" and not entity_id and column == "document" and row.get("measure_id"):
        entity_id = document_of(str(row["measure_id"]))
    return {"page": page, "id": entity_id} if entity_id else {"page": page, "name": str(value)}


def _link(column: str, row: dict[str, Any]) -> str | None:
    target = _target(column, row)
    if target is None:
        return None
    return nav.url(target.pop("page"), str(row[column]), **target)


def _order(columns: list[str]) -> list[str]:
    first = [c for c in FIRST if c in columns]
    last = [c for c in LAST if c in columns]
    middle = [c for c in columns if c not in first and c not in last]
    return first + middle + last


def prepare(rows: list[dict[str, Any]], columns: list[str] | None = None, links: bool = True) -> Shown:
    """The rows as shown. `columns` picks and orders them (else the decisive ones first); id columns
    are hidden, kept as the links of the entity columns they belong to."""
    if not rows:
        return Shown(pd.DataFrame())
    names = [c for c in (columns or _order(list(rows[0]))) if c in rows[0] and not c.endswith("_id") and c != "id"]
    constant: dict[str, str] = {}
    if len(rows) > 1:
        for column in list(names):
            values = {repr(r.get(column)) for r in rows}
            if len(values) == 1 and len(names) > 1:
                constant[label(column)] = str(_text(rows[0].get(column)))
                names.remove(column)
    data: dict[str, list[Any]] = {}
    config: dict[str, Any] = {}
    for column in names:
        if links and column in ENTITY_COLUMNS:
            data[column] = [_link(column, r) for r in rows]
            config[column] = st.column_config.LinkColumn(
                label(column), display_text=r"&n=(.*)$", help=f"Opens the {ENTITY_COLUMNS[column][0].lower()} page"
            )
        else:
            values = [_text(r.get(column)) for r in rows]
            if NOT_STATED in values and any(not isinstance(v, str) for v in values):
                values = [str(v) for v in values]  # one type per column: 2014 and "not stated" as text
            data[column] = values
            config[column] = st.column_config.Column(label(column))
    targets = [_row_target(r, names) for r in rows]
    return Shown(pd.DataFrame(data, columns=names), config, constant, targets)


def _row_target(row: dict[str, Any], names: list[str]) -> dict[str, str] | None:
    """What a click on the row opens: its measure, else its first entity."""
    if row.get("measure_id"):
        measure = str(row["measure_id"])
        return {"page": "Document", "id": document_of(measure) or "", "measure": measure}
    for column in names:
        if column in ENTITY_COLUMNS:
            target = _target(column, row)
            if target:
                return target
    return None


def _open_selected(key: str, targets: list[dict[str, str] | None]) -> None:
    rows = st.session_state[key]["selection"]["rows"]
    if rows and rows[0] < len(targets) and targets[rows[0]]:
        target = dict(targets[rows[0]] or {})
        nav.go(target.pop("page"), **target)


HIGHLIGHT = "background-color: #fff3bf"


def table(
    rows: list[dict[str, Any]], columns: list[str] | None = None, key: str | None = None, highlight: int | None = None
) -> Shown:
    """Draw the rows; a click on a row opens what it names in this tab, a link opens it in a new one.
    `highlight` marks one row (the measure a link opened)."""
    shown = prepare(rows, columns)
    if shown.constant:
        st.caption(" · ".join(f"{name}: {value}" for name, value in shown.constant.items()) + " (every row)")
    if shown.frame.empty:
        st.caption("No rows.")
        return shown
    clickable = key is not None and any(shown.targets)
    body: Any = shown.frame
    if highlight is not None and 0 <= highlight < len(shown.frame):
        body = shown.frame.style.apply(lambda row: [HIGHLIGHT if row.name == highlight else ""] * len(row), axis=1)
    st.dataframe(
        body,
        hide_index=True,
        width="stretch",
        column_config=shown.config,
        key=key,
        on_select=(lambda: _open_selected(str(key), shown.targets)) if clickable else "ignore",
        selection_mode="single-row",
    )
    return shown
