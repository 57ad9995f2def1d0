"""Graph statistics: node counts per label, relationship counts per type."""

from __future__ import annotations

from graph.store import GraphStore


def graph_stats(store: GraphStore) -> dict[str, dict[str, int]]:
    nodes = store.read("MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n ORDER BY label")
    rels = store.read("MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type")
    return {
        "nodes": {row["label"]: row["n"] for row in nodes},
        "relationships": {row["type"]: row["n"] for row in rels},
    }
