"""Everything that differs between the embedded engine (FalkorDB) and Neo4j 5, in one place.

Named queries and the loader are written in the Cypher both engines accept; what cannot be shared
(schema statements, full-text procedures) lives here.
"""

from __future__ import annotations

LABELS = ("Document", "Measure", "Agency", "Region", "Regulation", "Target")

# Property lookups that queries and the loader make, per label (each gets an index).
LOOKUP_KEYS: dict[str, tuple[str, ...]] = {
    "Document": ("id", "doc_number", "title_key", "year", "level"),
    "Measure": ("id", "doc_id", "deadline_end"),
    "Agency": ("id", "name"),
    "Region": ("id", "name", "level"),
    "Regulation": ("id", "doc_number", "title_key"),
    "Target": ("id", "indicator"),
}

# FalkorDB: `CREATE INDEX FOR (n:L) ON (n.p)` (no names, no IF NOT EXISTS; "already indexed" is ignored).
FALKOR_SCHEMA: tuple[str, ...] = tuple(
    f"CREATE INDEX FOR (n:{label}) ON (n.{key})" for label, keys in LOOKUP_KEYS.items() for key in keys
)

# Neo4j 5: named, idempotent constraints and indexes, plus a full-text index for search.
NEO4J_SCHEMA: tuple[str, ...] = (
    *(f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE" for label in LABELS),
    *(
        f"CREATE INDEX {label.lower()}_{key} IF NOT EXISTS FOR (n:{label}) ON (n.{key})"
        for label, keys in LOOKUP_KEYS.items()
        for key in keys
        if key != "id"
    ),
    "CREATE FULLTEXT INDEX measure_text IF NOT EXISTS FOR (n:Measure) ON EACH [n.search_text, n.heading]",
)
