"""Graph statistics: node counts per label, relationship counts per type.

One count per label and per type (`MATCH (n:L) RETURN count(n)`) is answered from the engines'
label and type indexes; a single `MATCH ()-[r]->()` grouped by type scans every edge (1 s at
3,000 documents, on every page load of the app).
"""

from __future__ import annotations

import re

from graph.store import GraphStore

LABEL_NAMES = "CALL db.labels() YIELD label RETURN label ORDER BY label"
RELATIONSHIP_TYPE_NAMES = (
    "CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType ORDER BY relationshipType"
)
# Names come from the store itself (never from user input); backticks keep any name a name.
COUNT_LABEL = "MATCH (n:`{name}`) RETURN count(n) AS n"
COUNT_TYPE = "MATCH ()-[r:`{name}`]->() RETURN count(r) AS n"
# Kept for the catalog (and engines without the procedures): the whole-graph forms.
NODE_COUNTS = "MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n ORDER BY label"
RELATIONSHIP_COUNTS = "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type"
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def graph_stats(store: GraphStore) -> dict[str, dict[str, int]]:
    labels = [row["label"] for row in store.read(LABEL_NAMES) if _NAME.match(row["label"])]
    types = [
        row["relationshipType"] for row in store.read(RELATIONSHIP_TYPE_NAMES) if _NAME.match(row["relationshipType"])
    ]
    nodes = {label: store.read(COUNT_LABEL.format(name=label))[0]["n"] for label in labels}
    relationships = {name: store.read(COUNT_TYPE.format(name=name))[0]["n"] for name in types}
    return {
        "nodes": {label: n for label, n in nodes.items() if n},
        "relationships": {name: n for name, n in relationships.items() if n},
    }
