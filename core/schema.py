"""The graph's schema, one object: node labels, relationship types with their ends, the property
lookups that get an index, and the administrative levels. Stores, queries and the app read it
from here (the dialect builds each engine's schema statements from it)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Relationship:
    type: str
    ends: tuple[tuple[str, str], ...]  # (start label, end label) pairs it may join
    extracted: bool = True  # carries provenance (doc_id, evidence, start, end); structural ones do not


@dataclass(frozen=True)
class Schema:
    labels: tuple[str, ...]
    relationships: tuple[Relationship, ...]
    # property lookups that queries and the writer make, per label (each gets an index)
    lookups: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # properties searched with CONTAINS (Neo4j: a TEXT index serves CONTAINS / STARTS WITH)
    contains: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # full-text indexes, Neo4j names them: name -> (label, properties)
    fulltext: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)

    @property
    def relationship_types(self) -> tuple[str, ...]:
        return tuple(r.type for r in self.relationships)

    def relationship(self, rel_type: str) -> Relationship:
        return next(r for r in self.relationships if r.type == rel_type)


SCHEMA = Schema(
    labels=("Document", "Measure", "Agency", "Region", "Regulation", "Target", "Coding"),
    relationships=(
        Relationship("ISSUED_BY", (("Document", "Agency"),)),
        Relationship("COVERS", (("Document", "Region"),)),
        Relationship("HAS_MEASURE", (("Document", "Measure"), ("Measure", "Measure"))),
        Relationship("LEADS", (("Agency", "Measure"),)),
        Relationship("RESPONSIBLE_FOR", (("Agency", "Measure"),)),
        Relationship("SUPPORTS", (("Agency", "Measure"),)),
        Relationship("ASSIGNED_TO", (("Measure", "Region"),)),
        Relationship("MENTIONS", (("Document", "Region"),)),
        Relationship("CITES", (("Document", "Regulation"), ("Measure", "Regulation"))),
        Relationship("IMPLEMENTS", (("Document", "Regulation"), ("Measure", "Regulation"))),
        Relationship("SAME_AS", (("Regulation", "Document"),), extracted=False),
        Relationship("HAS_TARGET", (("Measure", "Target"),)),
        Relationship("PART_OF", (("Agency", "Agency"), ("Region", "Region")), extracted=False),
        Relationship("LOCATED_IN", (("Agency", "Region"),), extracted=False),
        # from the lineage table (data/agency_lineage.csv): {year, kind, source, note, main}
        Relationship("SUCCEEDED_BY", (("Agency", "Agency"),), extracted=False),
    ),
    lookups={
        "Document": ("id", "doc_number", "title_key", "year", "level", "label", "region"),
        "Measure": ("id", "doc_id", "deadline_end"),
        "Agency": ("id", "name", "aliases"),  # FalkorDB indexes array members: `$x IN a.aliases` is a lookup
        "Region": ("id", "name", "level"),
        "Regulation": ("id", "doc_number", "title_key", "title"),
        "Target": ("id", "indicator", "doc_id"),
        "Coding": ("id", "measure_id", "coder"),  # human codes, joined to measures by id (survive re-ingest)
    },
    contains={"Document": ("label",), "Measure": ("search_text",)},
    fulltext={"measure_text": ("Measure", ("search_text", "heading"))},
)

LABELS = SCHEMA.labels
RELATIONSHIP_TYPES = SCHEMA.relationship_types
OWN_LABELS = frozenset({"Measure", "Target"})  # nodes that belong to one document

# Administrative levels: a region's level and the level of the documents and agencies it governs.
REGION_LEVELS = ("country", "province", "city", "county")
LEVEL_OF_REGION = {"country": "national", "province": "provincial", "city": "city", "county": "county"}
DOCUMENT_LEVELS = tuple(LEVEL_OF_REGION.values())
