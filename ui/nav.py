"""Navigation through the URL: the page, the entity it shows and a measure to focus live in the query
string (`?page=Agency&id=agency:…`, `?page=Document&id=doc:…&measure=doc:…/一/(二)`), so a view can be
shared, reloaded and left with the browser's Back button (Streamlit pushes each change onto the
history and re-runs the script when the user goes back).
"""

from __future__ import annotations

import html
from urllib.parse import quote

import streamlit as st

from core.ids import document_of, label_of_id

PAGE_NAMES = (
    "Overview",
    "Search",
    "Document",
    "Agency",
    "Region",
    "Regulation",
    "Networks",
    "Coding",
    "Queries",
    "Console",
)
ENTITY_PAGES = ("Document", "Agency", "Region", "Regulation")
_VIEW_KEYS = ("id", "name", "measure", "query", "q")  # what a page reads from the URL besides `page`


def page() -> str:
    wanted = st.query_params.get("page", "Overview")
    return wanted if wanted in PAGE_NAMES else "Overview"


def param(name: str) -> str | None:
    value = st.query_params.get(name)
    return value or None


def go(page_name: str, **params: str | None) -> None:
    """Open a page (callbacks and event handlers: the script re-runs on the new URL)."""
    st.query_params.from_dict({"page": page_name, **{k: v for k, v in params.items() if v}})


def go_to_entity(entity_id: str, measure: str | None = None) -> None:
    label = label_of_id(entity_id)
    if label in ("Measure", "Target"):
        go("Document", id=document_of(entity_id), measure=entity_id.split("#")[0])
    elif label in ENTITY_PAGES:
        go(label, id=entity_id, measure=measure)


def set_param(name: str, value: str | None) -> None:
    """Change one view parameter of the current page (a picker's choice), keeping the page."""
    params = {k: st.query_params.get(k) for k in ("page", *_VIEW_KEYS) if st.query_params.get(k)}
    params[name] = value
    if name == "id":
        params.pop("measure", None)
        params.pop("name", None)
    st.query_params.from_dict({k: v for k, v in params.items() if v})


def url(page_name: str, caption: str = "", **params: str | None) -> str:
    """A relative link to a view; `caption` rides at the end (`&n=…`) for the tables' link columns to
    show, unencoded so that a regular expression can read it back."""
    query = "&".join(f"{k}={quote(str(v), safe=':/')}" for k, v in {"page": page_name, **params}.items() if v)
    shown = caption.replace("&", "＆").replace("#", "＃").replace("\n", " ")
    return f"?{query}&n={shown}" if caption else f"?{query}"


def entity_url(entity_id: str, caption: str = "") -> str | None:
    label = label_of_id(entity_id)
    if label in ("Measure", "Target"):
        return url("Document", caption, id=document_of(entity_id), measure=entity_id.split("#")[0])
    if label in ENTITY_PAGES:
        return url(label, caption, id=entity_id)
    return None


def name_url(page_name: str, name: str) -> str:
    """A link to an entity known by its name only (a query's agency or region column): the page
    resolves the name as the queries do."""
    return url(page_name, name, name=name)


def sidebar() -> str:
    """The page menu, kept in step with the URL; choosing a page starts it afresh."""
    current = page()
    st.session_state["nav_page"] = current
    st.sidebar.radio("Page", PAGE_NAMES, key="nav_page", on_change=lambda: go(st.session_state["nav_page"]))
    return current


def anchor(href: str | None, text: str) -> str:
    """HTML of a link that opens in this tab (markdown links open new tabs): for st.markdown with
    unsafe_allow_html. The text is escaped."""
    if not href:
        return html.escape(text)
    return f'<a href="{html.escape(href, quote=True)}" target="_self">{html.escape(text)}</a>'
