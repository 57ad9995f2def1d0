"""Identity resolution, a stage of its own: extraction results in, resolved records out.

What the extractor cannot know from one file alone, resolved against what the store already holds
(its keys, read once by `graph.keys`) and against the documents resolved before in this run:
- a document seen before (same number, or same body in another file, encoding or script) only
  gains a source: a `KnownDocument`;
- a regulation cited by number in one plan and by title in another is one node: later citations
  take the id of the node already there;
- a cited regulation that is itself an ingested document is linked to it by SAME_AS (both ways
  round: cited first and ingested later, or ingested first and cited later).
Pure: no store, no Cypher; the load stage feeds it keys and writes what it returns.
"""

from __future__ import annotations

from collections.abc import Iterable

from core.records import (
    DocumentKeys,
    ExtractionResult,
    KnownDocument,
    RegulationKeys,
    RegulationRecord,
    RelationRecord,
    ResolvedDocument,
)
from core.text import title_key


class Resolver:
    """The identity keys of the store and of this run's documents so far (one writer at a time)."""

    def __init__(self, documents: Iterable[DocumentKeys] = (), regulations: Iterable[RegulationKeys] = ()) -> None:
        self.doc_shas: dict[str, set[str]] = {}
        self.doc_sources: dict[str, list[str]] = {}
        self.doc_by_number: dict[str, str] = {}
        self.doc_by_title: dict[str, str] = {}
        self.reg_by_number: dict[str, str] = {}
        self.reg_by_title: dict[str, str] = {}
        for doc in documents:
            self._remember_document(doc.id, doc.doc_number, doc.title_keys, doc.sha256s, doc.sources)
        for reg in regulations:
            self._remember_regulation(reg.id, reg.doc_number, reg.title_key)

    def known(self, result: ExtractionResult) -> KnownDocument | None:
        """The document as a known one (its new sources), or None when the store lacks it."""
        doc = result.document
        if doc.id not in self.doc_shas:
            return None
        known_sources = self.doc_sources.get(doc.id, [])
        new_sources = [s for s in doc.sources if s not in known_sources]
        changed = doc.sha256 not in self.doc_shas[doc.id] or bool(new_sources)
        return KnownDocument(doc.id, new_sources, doc.sha256, changed)

    def resolve(self, result: ExtractionResult) -> ResolvedDocument:
        """A new document resolved against what is known so far (call `remember` once it is written
        or queued, so that the documents after it resolve against it)."""
        doc = result.document
        title_keys = [title_key(t) for t in [doc.title or "", *doc.alt_titles] if t]
        rename = self._renames(result.regulations)
        relations = [_renamed(relation, rename) for relation in result.relations]
        relations += self._same_as(result, title_keys, rename)
        # Two regulations of a document can turn out to be one node (a title here, its number there):
        # their edges from the same node are one edge, the first occurrence its evidence.
        unique: dict[tuple[str, str, str], RelationRecord] = {}
        for relation in relations:
            unique.setdefault((relation.type, relation.src_id, relation.dst_id), relation)
        regulations = [_with_id(r, rename.get(r.id, r.id)) for r in result.regulations]
        return ResolvedDocument(result, regulations, list(unique.values()), title_keys)

    def remember(self, resolved: ResolvedDocument) -> None:
        doc = resolved.result.document
        self._remember_document(doc.id, doc.doc_number, resolved.title_keys, [doc.sha256], list(doc.sources))
        for regulation in resolved.regulations:
            self._remember_regulation(
                regulation.id, regulation.doc_number, title_key(regulation.title) if regulation.title else None
            )

    def remember_source(self, known: KnownDocument) -> None:
        self.doc_shas[known.doc_id].add(known.sha256)
        self.doc_sources.setdefault(known.doc_id, []).extend(known.new_sources)

    def _remember_document(
        self, doc_id: str, number: str | None, keys: list[str], shas: list[str], sources: list[str]
    ) -> None:
        self.doc_shas.setdefault(doc_id, set()).update(shas)
        self.doc_sources.setdefault(doc_id, [])
        self.doc_sources[doc_id] += [s for s in sources if s not in self.doc_sources[doc_id]]
        if number:
            self.doc_by_number.setdefault(number, doc_id)
        for key in keys:
            self.doc_by_title.setdefault(key, doc_id)

    def _remember_regulation(self, reg_id: str, number: str | None, key: str | None) -> None:
        if number:
            self.reg_by_number.setdefault(number, reg_id)
        if key:
            self.reg_by_title.setdefault(key, reg_id)

    def _renames(self, regulations: list[RegulationRecord]) -> dict[str, str]:
        """Extracted regulation id → the id of the node already known for the same regulation."""
        rename: dict[str, str] = {}
        for regulation in regulations:
            existing = None
            if regulation.doc_number:
                existing = self.reg_by_number.get(regulation.doc_number)
            if existing is None and regulation.title:
                existing = self.reg_by_title.get(title_key(regulation.title))
            if existing and existing != regulation.id:
                rename[regulation.id] = existing
        # Within one document: a title-only citation of a regulation also cited with its number.
        by_title: dict[str, str] = {}
        for regulation in regulations:
            if regulation.title and regulation.doc_number:
                by_title[title_key(regulation.title)] = rename.get(regulation.id, regulation.id)
        for regulation in regulations:
            if regulation.title and not regulation.doc_number:
                target = by_title.get(title_key(regulation.title))
                if target and regulation.id not in rename:
                    rename[regulation.id] = target
        return rename

    def _same_as(self, result: ExtractionResult, title_keys: list[str], rename: dict[str, str]) -> list[RelationRecord]:
        """SAME_AS edges: cited regulations that are ingested documents, both ways round."""
        doc = result.document
        edges: list[RelationRecord] = []
        for regulation in result.regulations:
            target = (self.doc_by_number.get(regulation.doc_number) if regulation.doc_number else None) or (
                self.doc_by_title.get(title_key(regulation.title)) if regulation.title else None
            )
            if target and target != doc.id:
                edges.append(_same_as(rename.get(regulation.id, regulation.id), target))
        earlier: set[str] = set()
        if doc.doc_number and doc.doc_number in self.reg_by_number:
            earlier.add(self.reg_by_number[doc.doc_number])
        earlier.update(self.reg_by_title[k] for k in title_keys if k in self.reg_by_title)
        edges.extend(_same_as(reg_id, doc.id) for reg_id in earlier)
        return edges


def _same_as(regulation_id: str, document_id: str) -> RelationRecord:
    return RelationRecord("SAME_AS", "Regulation", regulation_id, "Document", document_id, {})


def _renamed(relation: RelationRecord, rename: dict[str, str]) -> RelationRecord:
    if relation.dst_label == "Regulation" and relation.dst_id in rename:
        return RelationRecord(
            relation.type,
            relation.src_label,
            relation.src_id,
            relation.dst_label,
            rename[relation.dst_id],
            relation.props,
        )
    return relation


def _with_id(regulation: RegulationRecord, reg_id: str) -> RegulationRecord:
    if reg_id == regulation.id:
        return regulation
    return RegulationRecord(reg_id, regulation.title, regulation.doc_number, regulation.issuer_text)
