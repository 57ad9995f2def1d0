"""Network analytics with networkx on graphs read from the store.

- The agency co-responsibility network: agencies are linked when they own the same measure
  (any role), weighted by how many measures they share. Degree and betweenness centrality tell
  who sits at the centre of the work; communities tell which agencies work together.
- The citation network: documents → the regulations they cite (a regulation that is itself an
  ingested document is merged into it). In-degree and PageRank tell which texts are central.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import networkx as nx

from graph.store import GraphStore

CO_OWNERSHIP = (
    "MATCH (a:Agency)-[:LEADS|RESPONSIBLE_FOR|SUPPORTS]->(m:Measure)<-[:LEADS|RESPONSIBLE_FOR|SUPPORTS]-(b:Agency) "
    "WHERE a.id < b.id RETURN a.name AS a, b.name AS b, count(DISTINCT m) AS weight"
)
AGENCY_TASKS = (
    "MATCH (a:Agency)-[r:LEADS|RESPONSIBLE_FOR|SUPPORTS]->(:Measure) "
    "RETURN a.name AS name, a.generic AS generic, count(r) AS tasks"
)
CITATIONS = (
    "MATCH (d:Document)-[:CITES]->(r:Regulation) OPTIONAL MATCH (r)-[:SAME_AS]->(t:Document) "
    "RETURN d.id AS doc, d.label AS doc_label, r.id AS reg, coalesce(r.title, r.doc_number) AS reg_label, "
    "t.id AS same_as, t.label AS same_as_label"
)


@dataclass(frozen=True)
class AgencyScore:
    name: str
    tasks: int
    degree: int
    weighted_degree: int
    betweenness: float
    community: int
    generic: bool


@dataclass(frozen=True)
class RegulationScore:
    title: str
    citing_documents: int
    pagerank: float
    ingested: bool


def agency_network(store: GraphStore, include_generic: bool = False) -> nx.Graph:
    tasks = {row["name"]: row for row in store.read(AGENCY_TASKS)}
    graph = nx.Graph()
    for name, row in tasks.items():
        if include_generic or not row["generic"]:
            graph.add_node(name, tasks=row["tasks"], generic=bool(row["generic"]))
    for row in store.read(CO_OWNERSHIP):
        if row["a"] in graph and row["b"] in graph:
            graph.add_edge(row["a"], row["b"], weight=row["weight"])
    return graph


def agency_scores(graph: nx.Graph) -> tuple[list[AgencyScore], list[list[str]]]:
    """Scores per agency, best connected first, and the communities (largest first)."""
    if graph.number_of_nodes() == 0:
        return [], []
    # betweenness on distances: a strong tie (many shared measures) is a short distance
    for _, _, data in graph.edges(data=True):
        data["distance"] = 1.0 / data["weight"]
    betweenness = nx.betweenness_centrality(graph, weight="distance", normalized=True)
    communities = sorted(
        (sorted(c) for c in nx.community.louvain_communities(graph, weight="weight", seed=7)),
        key=lambda c: (-len(c), c),
    )
    community_of = {name: index for index, members in enumerate(communities) for name in members}
    scores = [
        AgencyScore(
            name=name,
            tasks=int(graph.nodes[name].get("tasks", 0)),
            degree=int(graph.degree(name)),
            weighted_degree=int(graph.degree(name, weight="weight")),
            betweenness=round(float(betweenness[name]), 4),
            community=community_of[name],
            generic=bool(graph.nodes[name].get("generic", False)),
        )
        for name in graph.nodes
    ]
    scores.sort(key=lambda s: (-s.weighted_degree, -s.betweenness, s.name))
    return scores, communities


def citation_network(store: GraphStore) -> nx.DiGraph:
    graph = nx.DiGraph()
    for row in store.read(CITATIONS):
        target = row["same_as"] or row["reg"]
        label = row["same_as_label"] or row["reg_label"]
        graph.add_node(row["doc"], label=row["doc_label"], kind="document")
        if target not in graph or graph.nodes[target].get("kind") != "document":
            graph.add_node(target, label=label, kind="document" if row["same_as"] else "regulation")
        graph.add_edge(row["doc"], target)
    return graph


def regulation_scores(graph: nx.DiGraph, limit: int = 20) -> list[RegulationScore]:
    if graph.number_of_nodes() == 0:
        return []
    pagerank = _pagerank(graph)
    cited = [n for n in graph.nodes if graph.in_degree(n) > 0]
    scores = [
        RegulationScore(
            title=graph.nodes[n]["label"] or n,
            citing_documents=int(graph.in_degree(n)),
            pagerank=round(float(pagerank[n]), 4),
            ingested=graph.nodes[n].get("kind") == "document",
        )
        for n in cited
    ]
    scores.sort(key=lambda s: (-s.citing_documents, -s.pagerank, s.title))
    return scores[:limit]


def _pagerank(graph: nx.DiGraph, damping: float = 0.85, iterations: int = 100, tol: float = 1e-10) -> dict[str, float]:
    """PageRank by power iteration (networkx's own needs scipy, which we do not ship for this alone)."""
    nodes = list(graph.nodes)
    size = len(nodes)
    rank = dict.fromkeys(nodes, 1.0 / size)
    for _ in range(iterations):
        dangling = damping * sum(rank[n] for n in nodes if graph.out_degree(n) == 0) / size
        new = dict.fromkeys(nodes, (1.0 - damping) / size + dangling)
        for node in nodes:
            out = graph.out_degree(node)
            if out:
                share = damping * rank[node] / out
                for target in graph.successors(node):
                    new[target] += share
        if sum(abs(new[n] - rank[n]) for n in nodes) < tol:
            return new
        rank = new
    return rank


def analyze(store: GraphStore, include_generic: bool = False, limit: int = 20) -> dict[str, Any]:
    agencies, communities = agency_scores(agency_network(store, include_generic))
    return {
        "agencies": [asdict(a) for a in agencies[:limit]],
        "communities": communities,
        "regulations": [asdict(r) for r in regulation_scores(citation_network(store), limit)],
    }
