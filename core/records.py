"""Plain records passed between the stages (read → normalise → extract → resolve → write).

They hold only strings, numbers, lists of those and nested records, so they pickle cheaply
between worker processes and map one-to-one onto graph nodes and relationships.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
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

    @property
    def label(self) -> str:
        """How lists name the document: its title, else its first file's name."""
        return self.title or f"(无标题) {Path(self.sources[0]).stem}"


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
    # suggested codes of the content-analysis schemes, as node properties: suggested_tool, …_confidence,
    # …_cue, …_span (offsets in the measure's own text), …_rule
    suggested: dict[str, object] = field(default_factory=dict)


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


@dataclass
class ExtractionResult:
    document: DocumentRecord
    measures: list[MeasureRecord] = field(default_factory=list)
    agencies: list[AgencyRecord] = field(default_factory=list)
    regions: list[RegionRecord] = field(default_factory=list)
    regulations: list[RegulationRecord] = field(default_factory=list)
    targets: list[TargetRecord] = field(default_factory=list)
    relations: list[RelationRecord] = field(default_factory=list)

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


@dataclass
class ResolvedDocument:
    """A new document after identity resolution: its regulations carry the ids of the nodes already
    in the store for the same texts, its relations point at them, and the SAME_AS links to ingested
    documents are added. What the writer receives: nothing in it needs the store's state any more."""

    result: ExtractionResult
    regulations: list[RegulationRecord]
    relations: list[RelationRecord]
    title_keys: list[str]


@dataclass
class KnownDocument:
    """A document the store already holds (same number, or same body in another file, encoding or
    script): at most it gains a source."""

    doc_id: str
    new_sources: list[str]
    sha256: str
    changed: bool  # a new file or new bytes: the document gains a source


@dataclass(frozen=True)
class DocumentKeys:
    """What identifies a stored document: its number, title keys, file hashes and sources."""

    id: str
    doc_number: str | None
    title_keys: list[str]
    sha256s: list[str]
    sources: list[str]


@dataclass(frozen=True)
class RegulationKeys:
    id: str
    doc_number: str | None
    title_key: str | None
