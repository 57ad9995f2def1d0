"""The graph view: neighbourhood reads and merges on the sample store, and the panel under AppTest.

The Cytoscape component renders as an UnknownElement in AppTest: its arguments are readable from
the element's proto (`json_args`), and a click is simulated by putting the event the frontend would
send into session state under the component's key.
"""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path

import networkx as nx
import pytest
from streamlit.testing.v1 import AppTest

from graph.export import write_graphml, write_json
from tests.conftest import Seeded
from ui.graph_view import display_name, graphml_bytes, json_bytes, merge, neighbourhood

AGENCY = "agency:甘肃省市场监督管理局"
GANSU = "region:62"


def _ids(graph: dict) -> set[str]:
    return {n["id"] for n in graph["nodes"]}


def _closed(graph: dict) -> bool:
    """Every relationship joins two nodes of the graph (the component breaks on dangling edges)."""
    ids = _ids(graph)
    return all(r["start"] in ids and r["end"] in ids for r in graph["relationships"])


def test_agency_neighbourhood_has_its_measures_and_region(seeded: Seeded) -> None:
    graph = neighbourhood(seeded.store, AGENCY)
    nodes = {n["id"]: n for n in graph["nodes"]}
    assert graph["nodes"][0]["id"] == AGENCY
    assert nodes[AGENCY]["label"] == "Agency" and nodes[AGENCY]["name"] == "甘肃省市场监督管理局"
    assert nodes[GANSU]["label"] == "Region" and nodes[GANSU]["name"] == "甘肃省"
    by_type: dict[str, set[str]] = {}
    for rel in graph["relationships"]:
        assert rel["start"] == AGENCY
        by_type.setdefault(rel["type"], set()).add(nodes[rel["end"]]["label"])
    assert by_type["LEADS"] == by_type["RESPONSIBLE_FOR"] == by_type["SUPPORTS"] == {"Measure"}
    assert by_type["LOCATED_IN"] == {"Region"}
    assert any(r["type"] == "LOCATED_IN" and r["end"] == GANSU for r in graph["relationships"])
    assert sum(n["label"] == "Measure" for n in graph["nodes"]) >= 40
    assert "Document" not in {n["label"] for n in graph["nodes"]}  # documents are two hops away
    assert _closed(graph)
    # the export's shape: graph.export's writers take it as it is
    assert set(graph["nodes"][0]) >= {"id", "labels", "properties"}
    assert set(graph["relationships"][0]) >= {"id", "type", "start", "end", "properties"}


def test_measure_ids_and_lead_role_match_the_store(seeded: Seeded) -> None:
    lead = seeded.rows(
        "MATCH (:Agency {id: $a})-[:LEADS]->(m:Measure) WHERE m.path = '一/(二)/5' RETURN m.id AS id", a=AGENCY
    )
    assert len(lead) == 1
    graph = neighbourhood(seeded.store, AGENCY)
    assert f"LEADS:{AGENCY}->{lead[0]['id']}" in {r["id"] for r in graph["relationships"]}


def test_depth_two_reaches_the_document(seeded: Seeded) -> None:
    one = neighbourhood(seeded.store, AGENCY)
    two = neighbourhood(seeded.store, AGENCY, depth=2)
    # the Gansu plan (its measures); any other plan within two hops names Gansu (MENTIONS)
    documents = sorted((n for n in two["nodes"] if n["label"] == "Document"), key=lambda n: "甘肃省" not in n["name"])
    assert "甘肃省" in documents[0]["name"]
    assert all(f"MENTIONS:{d['id']}->{GANSU}" in {r["id"] for r in two["relationships"]} for d in documents[1:])
    doc_ids = {n["properties"]["doc_id"] for n in one["nodes"] if n["label"] == "Measure"}
    assert doc_ids == {documents[0]["id"]}
    assert _ids(one) < _ids(two)
    # two hops: the agency is LOCATED_IN Gansu, which the plan COVERS
    assert f"COVERS:{documents[0]['id']}->{GANSU}" in {r["id"] for r in two["relationships"]}
    assert _closed(two)


def test_limit_keeps_the_nearest_nodes(seeded: Seeded) -> None:
    one = neighbourhood(seeded.store, AGENCY)
    cut = neighbourhood(seeded.store, AGENCY, depth=2, limit=10)
    assert len(cut["nodes"]) == 10
    assert cut["nodes"][0]["id"] == AGENCY
    assert _ids(cut) <= _ids(one)  # depth-1 nodes come before depth-2 ones
    assert _closed(cut)
    assert neighbourhood(seeded.store, AGENCY, limit=1)["nodes"][0]["id"] == AGENCY
    assert len(neighbourhood(seeded.store, AGENCY, limit=1)["nodes"]) == 1


def test_unknown_node_and_bad_arguments(seeded: Seeded) -> None:
    assert neighbourhood(seeded.store, "agency:没有这个机构") == {"nodes": [], "relationships": []}
    with pytest.raises(ValueError):
        neighbourhood(seeded.store, AGENCY, depth=3)
    with pytest.raises(ValueError):
        neighbourhood(seeded.store, AGENCY, limit=0)


def test_merge_adds_an_expansion(seeded: Seeded) -> None:
    start = neighbourhood(seeded.store, AGENCY)
    before = copy.deepcopy(start)
    measure = next(n["id"] for n in start["nodes"] if n["label"] == "Measure")
    grown = merge(start, neighbourhood(seeded.store, measure))
    assert start == before  # inputs untouched
    ids = [n["id"] for n in grown["nodes"]]
    assert ids[: len(start["nodes"])] == [n["id"] for n in start["nodes"]]  # old nodes keep their place
    assert len(ids) == len(set(ids))
    assert len({r["id"] for r in grown["relationships"]}) == len(grown["relationships"])
    # the measure's parent (a Measure, or the Document for a top-level one) came in
    assert any(r["type"] == "HAS_MEASURE" and r["end"] == measure for r in grown["relationships"])
    assert _closed(grown)
    assert merge(grown, grown) == grown
    assert merge({"nodes": [], "relationships": []}, start) == start


def test_display_name_coalesces_skipping_empty_values() -> None:
    assert display_name({"name": "甘肃省", "title": "x"}, "region:62") == "甘肃省"
    assert display_name({"name": "", "label": "文件", "title": "标题"}, "doc:1") == "文件"
    assert display_name({"heading": " 一、总体要求 "}, "m") == "一、总体要求"
    assert display_name({}, "doc:1") == "doc:1"


def test_downloads_match_the_export_writers(seeded: Seeded, tmp_path: Path) -> None:
    graph = neighbourhood(seeded.store, AGENCY, depth=2)
    write_json(graph, tmp_path / "g.json")
    assert json_bytes(graph) == (tmp_path / "g.json").read_bytes()
    assert json.loads(json_bytes(graph)) == graph
    write_graphml(graph, tmp_path / "g.graphml")
    from_bytes = nx.read_graphml(io.BytesIO(graphml_bytes(graph)))
    from_file = nx.read_graphml(tmp_path / "g.graphml")
    assert from_bytes.number_of_nodes() == from_file.number_of_nodes() == len(graph["nodes"])
    assert from_bytes.number_of_edges() == len(graph["relationships"])
    assert from_bytes.nodes[AGENCY]["labels"] == "Agency"


def _panel_script() -> None:
    from ui.data import store
    from ui.graph_view import graph_panel

    graph_panel(store(), "agency:甘肃省市场监督管理局", key="g")


def _component(at: AppTest) -> dict:
    (element,) = at.get("component_instance")
    assert element.key == "g__component"
    return json.loads(element.proto.json_args)


def test_panel_renders_expands_and_resets(seeded: Seeded) -> None:
    at = AppTest.from_function(_panel_script, default_timeout=60).run()
    assert not at.exception
    args = _component(at)
    node_ids = {n["data"]["id"] for n in args["elements"]["nodes"]}
    assert AGENCY in node_ids and GANSU in node_ids
    assert args["nodeActions"] == ["expand"]
    styled = {s["selector"] for s in args["style"]}
    assert {"node[label='Agency']", "node[label='Measure']", "edge[label='LEADS']"} <= styled
    assert {b.label for b in at.download_button} == {"JSON", "GraphML"}
    assert at.button(key="g__reset").label == "Reset"
    start_count = len(at.session_state["g"]["nodes"])
    assert start_count == len(node_ids)

    # a double-click on Gansu, as the frontend reports it: the plan that COVERS it comes in
    at.session_state["g__component"] = {"action": "expand", "data": {"node_ids": [GANSU]}, "timestamp": 1}
    at.run()
    assert not at.exception
    labels = {n["data"]["label"] for n in _component(at)["elements"]["nodes"]}
    assert "Document" in labels
    grown = len(at.session_state["g"]["nodes"])
    assert grown > start_count

    at.run()  # the same event again (component values persist): handled once only
    assert len(at.session_state["g"]["nodes"]) == grown

    at.button(key="g__reset").click().run()
    assert not at.exception
    assert len(at.session_state["g"]["nodes"]) == start_count


def _show_script() -> None:
    import streamlit as st

    from ui.graph_view import show

    graph = {
        "nodes": [
            {"id": "a", "label": "Agency", "labels": ["Agency"], "name": "甲", "properties": {"id": "a"}},
            {"id": "r", "label": "Region", "labels": ["Region"], "name": "乙", "properties": {"id": "r"}},
        ],
        "relationships": [{"id": "LOCATED_IN:a->r", "type": "LOCATED_IN", "start": "a", "end": "r", "properties": {}}],
    }
    st.text(f"clicked={show(graph, key='s')}")


def test_show_returns_each_click_once() -> None:
    at = AppTest.from_function(_show_script, default_timeout=30).run()
    assert not at.exception and at.text[0].value == "clicked=None"
    at.session_state["s__component"] = {"action": "expand", "data": {"node_ids": ["r"]}, "timestamp": 7}
    assert at.run().text[0].value == "clicked=r"
    assert at.run().text[0].value == "clicked=None"
    at.session_state["s__component"] = {"action": "expand", "data": {"node_ids": ["r"]}, "timestamp": 8}
    assert at.run().text[0].value == "clicked=r"
