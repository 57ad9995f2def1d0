"""Agency networks through time, as researchers of 联合发文 and task divisions study them:

- **co-issuing**: two bodies are linked when they sign a document together (the first issuer leads:
  `lead_issuer` counts how often each side came first);
- **lead → support**: a directed link from the body leading a measure to each body supporting it.

Edges are dated by the document's year, so each period (a year, several years, or a range) has its
own network with the standard measures (density, components, degree and betweenness centrality),
and the whole history exports to GEXF with spells (Gephi's timeline plays it) and to a dated edge
list (UCINET, R, pandas read it).
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from graph.store import GraphStore

NETWORKS = ("coissuing", "lead_support")
EXACT_BETWEENNESS = 300  # nodes; larger period networks sample this many sources
ISSUERS = (
    "MATCH (d:Document)-[i:ISSUED_BY]->(a:Agency) WHERE d.year IS NOT NULL AND NOT coalesce(a.generic, false) "
    "RETURN d.id AS doc, d.year AS year, a.name AS agency, i.start AS position ORDER BY doc, position"
)
LEAD_SUPPORT = (
    "MATCH (l:Agency)-[:LEADS]->(m:Measure)<-[:SUPPORTS]-(s:Agency) "
    "WHERE l <> s AND NOT coalesce(l.generic, false) AND NOT coalesce(s.generic, false) "
    "MATCH (d:Document {id: m.doc_id}) WHERE d.year IS NOT NULL "
    "RETURN l.name AS source, s.name AS target, d.year AS year, count(DISTINCT m) AS weight, "
    "collect(DISTINCT d.id) AS documents"
)


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    year: int
    weight: int
    documents: tuple[str, ...]
    lead_issuer: str = ""  # co-issuing: who signed first


@dataclass
class PeriodMeasures:
    period: str
    nodes: int
    edges: int
    density: float
    components: int
    largest_component: int
    top_degree: list[tuple[str, float]] = field(default_factory=list)
    top_betweenness: list[tuple[str, float]] = field(default_factory=list)
    betweenness_sampled: bool = False


def dated_edges(store: GraphStore, network: str) -> list[Edge]:
    if network == "coissuing":
        return _coissuing(store.read(ISSUERS))
    if network == "lead_support":
        return [
            Edge(r["source"], r["target"], int(r["year"]), int(r["weight"]), tuple(r["documents"]))
            for r in store.read(LEAD_SUPPORT)
        ]
    raise ValueError(f"no network {network!r}: use {' or '.join(NETWORKS)}")


def _coissuing(rows: list[dict[str, Any]]) -> list[Edge]:
    """Every pair of a document's issuers, in signing order, summed per pair and year."""
    issuers: dict[tuple[str, int], list[str]] = defaultdict(list)
    for row in rows:
        names = issuers[(row["doc"], int(row["year"]))]
        if row["agency"] not in names:
            names.append(row["agency"])
    pairs: dict[tuple[str, str, int], list[str]] = defaultdict(list)
    leads: dict[tuple[str, str, int], list[str]] = defaultdict(list)
    for (doc, year), names in issuers.items():
        for i, a in enumerate(names):
            for b in names[i + 1 :]:
                key = (min(a, b), max(a, b), year)
                pairs[key].append(doc)
                leads[key].append(names[0])
    return [
        Edge(a, b, year, len(docs), tuple(docs), max(set(leads[(a, b, year)]), key=leads[(a, b, year)].count))
        for (a, b, year), docs in sorted(pairs.items())
    ]


def periods_of(
    edges: list[Edge], span: int = 1, start: int | None = None, end: int | None = None
) -> list[tuple[int, int]]:
    """The periods to measure: `span` years each from the first year with an edge, or the one range
    [start, end] when both are given."""
    if start is not None and end is not None:
        return [(start, end)]
    years = sorted({e.year for e in edges if (start is None or e.year >= start) and (end is None or e.year <= end)})
    if not years:
        return []
    first, last = years[0], years[-1]
    return [(y, min(y + span - 1, last)) for y in range(first, last + 1, span)]


def period_graph(edges: list[Edge], period: tuple[int, int], directed: bool) -> nx.Graph:
    graph: nx.Graph = nx.DiGraph() if directed else nx.Graph()
    for edge in edges:
        if period[0] <= edge.year <= period[1]:
            if graph.has_edge(edge.source, edge.target):
                graph[edge.source][edge.target]["weight"] += edge.weight
            else:
                graph.add_edge(edge.source, edge.target, weight=edge.weight)
    return graph


def measures(graph: nx.Graph, period: tuple[int, int], top: int = 5) -> PeriodMeasures:
    label = str(period[0]) if period[0] == period[1] else f"{period[0]}–{period[1]}"
    if graph.number_of_nodes() == 0:
        return PeriodMeasures(label, 0, 0, 0.0, 0, 0)
    undirected = graph.to_undirected() if graph.is_directed() else graph
    components = list(nx.connected_components(undirected))
    degree = nx.degree_centrality(graph)
    # exact up to EXACT_BETWEENNESS nodes; above, Brandes–Pich sampling of that many sources (fixed seed:
    # the same store gives the same ranking), which keeps a 4,000-body year under a second
    sample = None if graph.number_of_nodes() <= EXACT_BETWEENNESS else EXACT_BETWEENNESS
    betweenness = nx.betweenness_centrality(graph, k=sample, weight=None, seed=0)

    def best(scores: dict[str, float]) -> list[tuple[str, float]]:
        return [(name, round(score, 4)) for name, score in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:top]]

    return PeriodMeasures(
        label, graph.number_of_nodes(), graph.number_of_edges(), round(nx.density(graph), 4), len(components),
        max(len(c) for c in components), best(degree), best(betweenness), sample is not None,
    )  # fmt: skip


def network_report(
    store: GraphStore, network: str, span: int = 1, start: int | None = None, end: int | None = None, top: int = 5
) -> list[dict[str, Any]]:
    edges = dated_edges(store, network)
    directed = network == "lead_support"
    return [asdict(measures(period_graph(edges, p, directed), p, top)) for p in periods_of(edges, span, start, end)]


def to_gexf(edges: list[Edge], network: str) -> bytes:
    """A dynamic GEXF: nodes and edges carry spells (the years they are active, as dates), edges their
    total weight and their weight per year (`per_year`, a dynamic attribute), so Gephi's timeline shows
    the network change."""
    directed = network == "lead_support"
    graph: nx.Graph = nx.DiGraph() if directed else nx.Graph()
    graph.graph["mode"] = "dynamic"
    years_of_node: dict[str, set[int]] = defaultdict(set)
    per_edge: dict[tuple[str, str], dict[int, int]] = defaultdict(dict)
    for edge in edges:
        key = (edge.source, edge.target)
        per_edge[key][edge.year] = per_edge[key].get(edge.year, 0) + edge.weight
        years_of_node[edge.source].add(edge.year)
        years_of_node[edge.target].add(edge.year)
    for node, years in years_of_node.items():
        graph.add_node(node, label=node, spells=_spells(years))
    for (source, target), weights in per_edge.items():
        graph.add_edge(
            source, target,
            weight=float(sum(weights.values())),
            per_year=[(float(w), f"{y}-01-01", f"{y}-12-31") for y, w in sorted(weights.items())],
            spells=_spells(set(weights)),
        )  # fmt: skip
    buffer = io.BytesIO()
    nx.write_gexf(graph, buffer)
    return buffer.getvalue()


def _spells(years: set[int]) -> list[tuple[str, str]]:
    """Consecutive years joined into one spell: {2014, 2015, 2018} → 2014-01-01…2015-12-31, 2018…"""
    spells: list[tuple[str, str]] = []
    run: list[int] = []
    for year in sorted(years):
        if run and year != run[-1] + 1:
            spells.append((f"{run[0]}-01-01", f"{run[-1]}-12-31"))
            run = []
        run.append(year)
    if run:
        spells.append((f"{run[0]}-01-01", f"{run[-1]}-12-31"))
    return spells


def to_edge_list(edges: list[Edge]) -> str:
    """source,target,year,weight,lead_issuer,documents — one row per pair and year."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["source", "target", "year", "weight", "lead_issuer", "documents"])
    for edge in edges:
        writer.writerow([edge.source, edge.target, edge.year, edge.weight, edge.lead_issuer, ";".join(edge.documents)])
    return out.getvalue()


def export_network(store: GraphStore, network: str, gexf: Path | None, csv_path: Path | None) -> int:
    """Write the network's files (whole: a temporary file renamed into place); the number of edges."""
    edges = dated_edges(store, network)
    for path, data in ((gexf, to_gexf(edges, network) if gexf else b""), (csv_path, to_edge_list(edges).encode())):
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_name(path.name + ".part")
            partial.write_bytes(data if path != csv_path else b"\xef\xbb\xbf" + data)
            partial.replace(path)
    return len(edges)
