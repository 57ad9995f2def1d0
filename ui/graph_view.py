"""Interactive neighbourhood graph of one entity: read it, grow it by expanding nodes, download it.

Rendering uses `streamlit-cytoscape` (a maintained fork of st-link-analysis, Cytoscape.js bundled in
the wheel, so nothing is fetched from a CDN at run time). Its "expand" node action (double-click a
node, or select it and press the expand button) sends `{"action": "expand", "data": {"node_ids":
[id]}, "timestamp": ms}` back to Python; we answer with the merged graph in the same script run,
which is what lets the frontend add the new nodes around the expanded one instead of re-laying out
everything.

Graphs are plain dicts in the shape of the JSON export (graph/export.py) plus two display fields per
node (`label`, `name`), so graph.export's writers and `to_networkx` work on them unchanged.
"""

from __future__ import annotations

import html
import io
import json
from typing import Any

import networkx as nx
import streamlit as st
from streamlit_cytoscape import EdgeStyle, NodeStyle, streamlit_cytoscape
from streamlit_cytoscape.infopanel import InfopanelAction

from core.ids import label_of_id
from core.schema import RELATIONSHIP_TYPES
from core.settings import TIME_LIMIT_MS
from graph.export import to_networkx
from graph.store import GraphStore, StoreError
from queries.library import app
from ui import nav

Graph = dict[str, list[dict[str, Any]]]

MAX_DEPTH = 2  # depth 2 from a Document already reaches every agency, region and target it names
DEFAULT_LIMIT = 150  # Cytoscape stays responsive and the picture readable well past this
CAPTION_CHARS = 14  # node captions: Chinese names are dense, a longer caption covers its neighbours
VALUE_CHARS = 200  # property values sent to the browser's info panel (Document.text is whole texts)
HEIGHT = 600

# One colour per label (colour-blind-safe Okabe-Ito palette) and a Material icon bundled in the wheel.
LABEL_STYLES: dict[str, tuple[str, str]] = {
    "Document": ("#0072B2", "description"),
    "Measure": ("#E69F00", "assured_workload"),
    "Agency": ("#009E73", "account_balance"),
    "Region": ("#CC79A7", "place"),
    "Regulation": ("#D55E00", "request_quote"),
    "Target": ("#56B4E9", "analytics"),
}
OTHER_COLOUR = "#999999"
OPEN_PAGE = InfopanelAction("open_page", "Open its page", icon="link")
# The component's own font (Cairo) has no Chinese glyphs: name CJK fonts before the generic fallback.
FONTS = "Cairo, 'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif"


def display_name(properties: dict[str, Any], node_id: str) -> str:
    """coalesce(name, label, title, heading, id), skipping empty strings too (headings may be '')."""
    for key in ("name", "label", "title", "heading"):
        value = properties.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return node_id


def neighbourhood(store: GraphStore, node_id: str, depth: int = 1, limit: int = DEFAULT_LIMIT) -> Graph:
    """The node `node_id` and its neighbours up to `depth` hops (1 or 2), at most `limit` nodes in
    all, with the relationships among them; an unknown id gives an empty graph.

    One read query, so the picture is one consistent snapshot even while the ingester writes.
    """
    if depth not in range(1, MAX_DEPTH + 1):
        raise ValueError(f"depth must be 1..{MAX_DEPTH}, not {depth!r}")
    if limit < 1:
        raise ValueError(f"limit must be at least 1, not {limit!r}")
    label = label_of_id(node_id)
    if label is None:
        return {"nodes": [], "relationships": []}  # not an id this project mints: no such node
    rows = app("neighbourhood").run(
        store, {"id": node_id, "limit": limit}, timeout_ms=TIME_LIMIT_MS, label=label, depth=depth
    )
    nodes: dict[str, dict[str, Any]] = {}
    relationships: dict[str, dict[str, Any]] = {}
    for row in rows:
        if row["id"] not in nodes:
            props = dict(row["props"] or {})
            labels = list(row["labels"] or [])
            nodes[row["id"]] = {
                "id": row["id"],
                "label": labels[0] if labels else "Node",
                "labels": labels,
                "name": display_name(props, row["id"]),
                "properties": props,
            }
        if row["type"]:
            rel_id = f"{row['type']}:{row['id']}->{row['end']}"  # graph/export.py's relationship ids
            relationships.setdefault(
                rel_id,
                {
                    "id": rel_id,
                    "type": row["type"],
                    "start": row["id"],
                    "end": row["end"],
                    "properties": dict(row["rel_props"] or {}),
                },
            )
    return {"nodes": list(nodes.values()), "relationships": list(relationships.values())}


def merge(a: Graph, b: Graph) -> Graph:
    """`a` plus what `b` adds, as a new graph: `a`'s nodes keep their order (and so their place on
    screen), new ones are appended; nodes and relationships are matched by id."""
    nodes = {n["id"]: n for n in a.get("nodes", [])}
    for node in b.get("nodes", []):
        nodes.setdefault(node["id"], node)
    rels = {r["id"]: r for r in a.get("relationships", [])}
    for rel in b.get("relationships", []):
        rels.setdefault(rel["id"], rel)
    return {"nodes": list(nodes.values()), "relationships": list(rels.values())}


def json_bytes(graph: Graph) -> bytes:
    """The bytes graph.export.write_json would write (same json.dumps settings)."""
    return json.dumps(graph, ensure_ascii=False, indent=1).encode("utf-8")


def graphml_bytes(graph: Graph) -> bytes:
    """GraphML through graph.export.to_networkx, like `python -m graph export --format graphml`."""
    buffer = io.BytesIO()
    nx.write_graphml(to_networkx(graph), buffer, encoding="utf-8")
    return buffer.getvalue()


def _short(text: str, size: int) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def _panel_value(value: Any) -> str | int | float | bool:
    """Info-panel values: scalars as they are, lists/maps as JSON text, all of it cut to a size the
    browser does not choke on (a Document's `text` is the whole document)."""
    if isinstance(value, (bool, int, float)):
        return value
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return _short(text, VALUE_CHARS)


def to_elements(graph: Graph) -> dict[str, list[dict[str, Any]]]:
    """Cytoscape elements: `label` drives the per-label style, `_caption` (hidden from the info
    panel) is the truncated display name; other properties appear in the info panel."""
    reserved = {"id", "label", "name", "source", "target"}
    nodes = []
    for node in graph["nodes"]:
        data: dict[str, Any] = {
            "id": node["id"],
            "label": node["label"],
            "name": node["name"],
            "_caption": _short(node["name"], CAPTION_CHARS),
        }
        for key, value in node["properties"].items():
            if value is not None and key not in reserved:
                data[key] = _panel_value(value)
        nodes.append({"data": data})
    edges = []
    for rel in graph["relationships"]:
        data = {"id": rel["id"], "label": rel["type"], "source": rel["start"], "target": rel["end"]}
        for key, value in rel.get("properties", {}).items():
            if value is not None and key not in reserved:
                data[key] = _panel_value(value)
        edges.append({"data": data})
    return {"nodes": nodes, "edges": edges}


def _styles(graph: Graph) -> tuple[list[NodeStyle], list[EdgeStyle]]:
    labels = {n["label"] for n in graph["nodes"]}
    node_styles = [
        NodeStyle(
            label,
            LABEL_STYLES.get(label, (OTHER_COLOUR, ""))[0],
            "_caption",
            LABEL_STYLES.get(label, (OTHER_COLOUR, ""))[1] or None,
            custom_styles={"font-family": FONTS, "font-size": 11, "text-wrap": "ellipsis", "text-max-width": "120px"},
        )
        for label in sorted(labels | set(LABEL_STYLES))
    ]
    types = {r["type"] for r in graph["relationships"]} | set(RELATIONSHIP_TYPES)
    edge_styles = [
        EdgeStyle(t, caption="label", directed=True, custom_styles={"font-family": FONTS, "font-size": 8})
        for t in sorted(types)
    ]
    return node_styles, edge_styles


def _component_key(key: str) -> str:
    return f"{key}__component"


def _take_event(key: str, action: str) -> dict[str, Any] | None:
    """The data of a component event of `action` not handled yet, or None.

    A component's value stays in session state across reruns, so every later run would see the
    same event again; the event's timestamp marks it handled.
    """
    event = st.session_state.get(_component_key(key))
    if not isinstance(event, dict) or event.get("action") != action:
        return None
    stamp = event.get("timestamp")
    seen = f"{key}__seen"
    if st.session_state.get(seen) == stamp:
        return None
    st.session_state[seen] = stamp
    return dict(event.get("data") or {})


def _take_click(key: str) -> str | None:
    """The node id of an expand event not handled yet, or None."""
    ids = (_take_event(key, "expand") or {}).get("node_ids") or []
    return str(ids[0]) if ids else None


def _take_open(key: str) -> str | None:
    """The node id of an "Open its page" press (the info panel's action) not handled yet, or None."""
    event = _take_event(key, OPEN_PAGE.name)
    return str(event["element_id"]) if event and event.get("element_group") == "nodes" else None


def show(graph: Graph, key: str) -> str | None:
    """Render `graph` (colour per label, relationship types on edges, truncated names as captions)
    and return the id of the node the user expanded (double-click, or select + expand button)
    since the last call, else None. `key` keeps the component's identity across reruns."""
    node_styles, edge_styles = _styles(graph)
    streamlit_cytoscape(
        to_elements(graph),
        layout="fcose",
        node_styles=node_styles,
        edge_styles=edge_styles,
        height=HEIGHT,
        key=_component_key(key),
        node_actions=["expand"],
        infopanel_actions=[OPEN_PAGE],
    )
    return _take_click(key)


def legend(graph: Graph) -> None:
    """Colour key of the labels on screen (the component draws no legend of its own)."""
    labels = sorted({n["label"] for n in graph["nodes"]})
    chips = " ".join(
        f"<span style='color:{LABEL_STYLES.get(label, (OTHER_COLOUR, ''))[0]}'>●</span> {html.escape(label)}"
        for label in labels
    )
    st.markdown(chips or "—", unsafe_allow_html=True)


def _reset(store: GraphStore, start_id: str, key: str, depth: int, limit: int) -> bool:
    """Put the start node's neighbourhood in session state; a store problem becomes one message in
    the page, never a traceback (also used as the Reset button's callback)."""
    try:
        st.session_state[key] = neighbourhood(store, start_id, depth, limit)
    except (StoreError, ValueError) as error:
        st.error(f"Graph view: {error}")
        return False
    return True


def _expand(store: GraphStore, key: str, node_id: str, limit: int) -> None:
    try:
        st.session_state[key] = merge(st.session_state[key], neighbourhood(store, node_id, 1, limit))
    except (StoreError, ValueError) as error:
        st.error(f"Graph view: could not expand {node_id}: {error}")


def graph_panel(store: GraphStore, start_id: str, key: str, *, depth: int = 1, limit: int = DEFAULT_LIMIT) -> None:
    """The whole panel for a page: the neighbourhood of `start_id`, grown by expanding nodes, kept in
    st.session_state[key]; Reset, JSON / GraphML downloads of what is on screen, and a legend.

    A pending expand event is merged in *before* the component is drawn, so the browser receives the
    grown graph in the same run as the click (no second rerun, and the frontend animates the new
    nodes around the expanded one). A new `start_id` under the same key starts over.
    """
    start_key, seen_key = f"{key}__start", f"{key}__seen"
    if key not in st.session_state or st.session_state.get(start_key) != start_id:
        if not _reset(store, start_id, key, depth, limit):
            return
        st.session_state[start_key] = start_id
        event = st.session_state.get(_component_key(key))
        # an event left over from the previous start node must not expand the new graph
        st.session_state[seen_key] = event.get("timestamp") if isinstance(event, dict) else None
    opened = _take_open(key)
    if opened:
        nav.go_to_entity(opened)  # the URL changes: the script re-runs on that page
        st.rerun()
    clicked = _take_click(key)
    if clicked:
        _expand(store, key, clicked, limit)
    graph: Graph = st.session_state[key]
    if not graph["nodes"]:
        st.info(f"No node with id {start_id!r} in the graph.")
        return

    reset_col, json_col, graphml_col, count_col = st.columns([1, 1, 1, 4], vertical_alignment="center")
    reset_col.button(
        "Reset",
        key=f"{key}__reset",
        on_click=_reset,
        args=(store, start_id, key, depth, limit),
        help="Back to the neighbourhood of the start node",
    )
    stem = start_id.replace(":", "_").replace("/", "_")
    json_col.download_button(
        "JSON",
        json_bytes(graph),
        file_name=f"{stem}.json",
        mime="application/json",
        key=f"{key}__json",
        on_click="ignore",
    )
    graphml_col.download_button(
        "GraphML",
        graphml_bytes(graph),
        file_name=f"{stem}.graphml",
        mime="application/xml",
        key=f"{key}__graphml",
        on_click="ignore",
    )
    count_col.caption(
        f"{len(graph['nodes'])} nodes, {len(graph['relationships'])} relationships · "
        "double-click a node (or select it and press its expand button) to add its neighbours; "
        "select a node and press “Open its page” to go to it"
    )
    late = show(graph, key)  # normally consumed above; kept so no click is ever dropped
    legend(graph)
    if late:
        _expand(store, key, late, limit)
        st.rerun()
