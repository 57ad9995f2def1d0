"""Graph statistics: node counts per label, relationship counts per type."""

from __future__ import annotations

from graph.store import GraphStore

NODE_COUNTS = "MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n ORDER BY label"
RELATIONSHIP_COUNTS = "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type"


def graph_stats(store: GraphStore) -> dict[str, dict[str, int]]:
    nodes = store.read(NODE_COUNTS)
    rels = store.read(RELATIONSHIP_COUNTS)
    return {
        "nodes": {row["label"]: row["n"] for row in nodes},
        "relationships": {row["type"]: row["n"] for row in rels},
    }
