"""Back-fills for stores written by earlier versions: facts the writer now keeps with every
document, computed once for what was written before, when a loader opens the store."""

from __future__ import annotations

from graph.counters import COUNT_TASKS, UNCOUNTED_AGENCIES
from graph.store import GraphStore

# Each measure carries its document's label (task lists sort by it: 1,000 rows needed 4,000 document
# lookups for a hub agency).
UNLABELLED_MEASURES = "MATCH (m:Measure) WHERE m.doc_label IS NULL RETURN count(m) AS n"
LABEL_MEASURES = (
    "MATCH (m:Measure) WHERE m.doc_label IS NULL MATCH (d:Document {id: m.doc_id}) "
    "SET m.doc_label = d.label RETURN count(m) AS labelled"
)
# (how many are missing, the write that fills them in)
MIGRATIONS: tuple[tuple[str, str], ...] = ((UNCOUNTED_AGENCIES, COUNT_TASKS), (UNLABELLED_MEASURES, LABEL_MEASURES))


def apply(store: GraphStore) -> None:
    for missing, backfill in MIGRATIONS:
        rows = store.read(missing)
        if rows and rows[0]["n"]:
            store.write(backfill)
