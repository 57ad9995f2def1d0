"""What identity resolution needs to know of the store (numbers, title keys, files seen), and
the one write that gives a known document another source."""

from __future__ import annotations

from core.records import DocumentKeys, RegulationKeys
from graph.store import GraphStore

READ_DOCUMENT_KEYS = (
    "MATCH (d:Document) RETURN d.id AS id, d.doc_number AS num, d.title_keys AS keys, "
    "d.sha256s AS shas, d.sources AS sources"
)
READ_REGULATION_KEYS = "MATCH (r:Regulation) RETURN r.id AS id, r.doc_number AS num, r.title_key AS key"
ADD_SOURCE = (
    "MATCH (d:Document {id: $id}) "
    "SET d.sources = coalesce(d.sources, []) + [s IN $sources WHERE NOT s IN coalesce(d.sources, [])], "
    "d.sha256s = coalesce(d.sha256s, []) + [h IN [$sha] WHERE NOT h IN coalesce(d.sha256s, [])] "
    "RETURN d.id AS id"
)


def document_keys(store: GraphStore) -> list[DocumentKeys]:
    return [
        DocumentKeys(row["id"], row["num"], row["keys"] or [], row["shas"] or [], row["sources"] or [])
        for row in store.read(READ_DOCUMENT_KEYS)
    ]


def regulation_keys(store: GraphStore) -> list[RegulationKeys]:
    return [RegulationKeys(row["id"], row["num"], row["key"]) for row in store.read(READ_REGULATION_KEYS)]


def add_source(store: GraphStore, doc_id: str, sources: list[str], sha256: str) -> None:
    store.write(ADD_SOURCE, {"id": doc_id, "sources": sources, "sha": sha256})
