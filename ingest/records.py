"""Plain records passed between the ingest stages (read → normalise → extract → load).

They hold only strings, numbers, lists of those and nested records, so they pickle cheaply
between worker processes and map one-to-one onto graph nodes and relationships.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class SourceText:
    """A file's text as read, before any normalisation."""

    path: str
    text: str
    sha256: str
    encoding: str
    fmt: str


@dataclass
class DocumentRecord:
    id: str
    title: str | None
    doc_number: str | None
    issuer_text: str | None
    issued: str | None
    published: str | None
    level: str | None
    region: str | None
    script: str
    year: int | None
    sources: list[str]
    sha256: str
    text: str
    fingerprint: str
    alt_titles: list[str] = field(default_factory=list)
    kind: str = "plan"


@dataclass
class MeasureRecord:
    id: str
    doc_id: str
    path: str
    parent_path: str | None
    heading: str
    text: str
    start: int
    end: int
    search_text: str = ""  # Simplified, for search whatever the script of the source
    unit_path: str | None = None
    deadline_text: str | None = None
    deadline_start: str | None = None
    deadline_end: str | None = None
    # ISO 8601 intervals, ".." for an open start: ["2014-01-01/2014-03-31", "../2014-06-30"]
    deadline_ranges: list[str] = field(default_factory=list)


@dataclass
class AgencyRecord:
    id: str
    name: str
    aliases: list[str]
    level: str | None
    region: str | None
    generic: bool = False
    parent_id: str | None = None
    region_id: str | None = None


@dataclass
class RegionRecord:
    id: str
    name: str
    level: str
    parent_id: str | None
    code: str


@dataclass
class RegulationRecord:
    id: str
    title: str | None
    doc_number: str | None
    issuer_text: str | None = None


@dataclass
class TargetRecord:
    id: str
    doc_id: str
    measure_id: str
    indicator: str
    value: float
    unit: str
    comparator: str
    text: str


@dataclass
class RelationRecord:
    """A typed edge. Extracted edges carry provenance: doc_id, evidence, start, end."""

    type: str
    src_label: str
    src_id: str
    dst_label: str
    dst_id: str
    props: dict[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> str:
        role = self.props.get("role", "")
        return f"{self.type}|{self.src_id}|{self.dst_id}|{role}"


@dataclass
class ExtractionResult:
    document: DocumentRecord
    measures: list[MeasureRecord] = field(default_factory=list)
    agencies: list[AgencyRecord] = field(default_factory=list)
    regions: list[RegionRecord] = field(default_factory=list)
    regulations: list[RegulationRecord] = field(default_factory=list)
    targets: list[TargetRecord] = field(default_factory=list)
    relations: list[RelationRecord] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {
            "measures": len(self.measures),
            "agencies": len(self.agencies),
            "regions": len(self.regions),
            "regulations": len(self.regulations),
            "targets": len(self.targets),
            "relationships": len(self.relations),
        }


def as_props(record: Any, drop: tuple[str, ...] = ()) -> dict[str, Any]:
    """Record → property map without None values (neither store keeps nulls as properties).
    Shallow on purpose: records hold only plain values and lists of them (asdict deep-copies)."""
    return {k: v for k, v in vars(record).items() if v is not None and k not in drop}


def label_of_id(node_id: str) -> str | None:
    """The label of a node from its id (ids are minted in ingest/extract.py and ingest/agencies.py), so
    a lookup by id can use that label's index instead of scanning every node."""
    if node_id.startswith("agency:"):
        return "Agency"
    if node_id.startswith("region:"):
        return "Region"
    if node_id.startswith("reg:"):
        return "Regulation"
    if node_id.startswith("doc:"):
        if "#t" in node_id:
            return "Target"
        return "Measure" if "/" in node_id else "Document"
    return None
