"""Exports of the whole graph (or any sub-graph given as nodes + relationships): JSON, GraphML, CSV.

JSON: {"nodes": [{"id", "labels", "properties"}], "relationships": [{"id", "type", "start", "end", "properties"}]}
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import networkx as nx

from graph.store import GraphStore

Graph = dict[str, list[dict[str, Any]]]


def read_graph(store: GraphStore) -> Graph:
    nodes = [
        {"id": row["id"], "labels": row["labels"], "properties": row["props"]}
        for row in store.read("MATCH (n) RETURN n.id AS id, labels(n) AS labels, properties(n) AS props ORDER BY id")
    ]
    relationships = [
        {
            "id": f"{row['type']}:{row['start']}->{row['end']}",
            "type": row["type"],
            "start": row["start"],
            "end": row["end"],
            "properties": row["props"],
        }
        for row in store.read(
            "MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS start, b.id AS end, properties(r) AS props "
            "ORDER BY start, type, end"
        )
    ]
    return {"nodes": nodes, "relationships": relationships}


def _scalar(value: Any) -> Any:
    """GraphML attributes are scalars: lists and maps become JSON text."""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    if value is None:
        return ""
    return value


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for node in graph["nodes"]:
        attrs = {k: _scalar(v) for k, v in node["properties"].items()}
        attrs["labels"] = ":".join(node["labels"])
        g.add_node(node["id"], **attrs)
    for rel in graph["relationships"]:
        attrs = {k: _scalar(v) for k, v in rel["properties"].items()}
        g.add_edge(rel["start"], rel["end"], key=rel["id"], type=rel["type"], **attrs)
    return g


def write_json(graph: Graph, out: Path) -> None:
    out.write_text(json.dumps(graph, ensure_ascii=False, indent=1), encoding="utf-8")


def write_graphml(graph: Graph, out: Path) -> None:
    nx.write_graphml(to_networkx(graph), out, encoding="utf-8")


def write_csv(graph: Graph, out: Path) -> list[Path]:
    """One file per label and per relationship type in folder `out`; list and map values as JSON."""
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    by_label: dict[str, list[dict[str, Any]]] = {}
    for node in graph["nodes"]:
        by_label.setdefault(node["labels"][0] if node["labels"] else "Node", []).append(node)
    for label, nodes in sorted(by_label.items()):
        keys = sorted({k for n in nodes for k in n["properties"]} - {"id"})
        path = out / f"nodes_{label}.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["id", "labels", *keys])
            for node in nodes:
                writer.writerow(
                    [node["id"], ";".join(node["labels"]), *(_scalar(node["properties"].get(k)) for k in keys)]
                )
        written.append(path)
    by_type: dict[str, list[dict[str, Any]]] = {}
    for rel in graph["relationships"]:
        by_type.setdefault(rel["type"], []).append(rel)
    for rel_type, rels in sorted(by_type.items()):
        keys = sorted({k for r in rels for k in r["properties"]})
        path = out / f"relationships_{rel_type}.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["start", "end", "type", *keys])
            for rel in rels:
                writer.writerow(
                    [rel["start"], rel["end"], rel_type, *(_scalar(rel["properties"].get(k)) for k in keys)]
                )
        written.append(path)
    return written


def export(store: GraphStore, fmt: str, out: Path) -> None:
    graph = read_graph(store)
    if fmt == "json":
        write_json(graph, out)
    elif fmt == "graphml":
        write_graphml(graph, out)
    elif fmt == "csv":
        write_csv(graph, out)
    else:
        raise ValueError(f"unknown export format {fmt!r}: use json, graphml or csv")
