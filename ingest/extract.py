"""Extraction: a file's text in, plain records out (a pure function of the text and its sources).

normalise (offsets preserved) → spaCy pipeline → records with provenance: every extracted
relationship carries doc_id, the evidence sentence from the *original* text, and start/end offsets.
One function per fact turns what the pipeline found into records.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, bisect_right

from spacy.tokens import Doc

from core.agencies import make_agency
from core.ids import document_id, measure_id, regulation_id, target_id
from core.records import (
    DocumentRecord,
    ExtractionResult,
    MeasureRecord,
    RegionRecord,
    RegulationRecord,
    RelationRecord,
    SourceText,
    TargetRecord,
)
from core.regions import COUNTRY, gazetteer
from core.roles import TYPE_OF_ROLE
from core.schemes import schemes
from ingest.coding import Suggestion, suggest
from ingest.metadata import is_law_markdown
from ingest.normalize import comparison_key, detect_script, display_text, normalize
from ingest.outline import OutlineItem
from ingest.pipeline import analyse

_SENTENCE_END = "。;!?\n"
_SENTENCE_BREAK = re.compile(f"[{re.escape(_SENTENCE_END)}]")
_WHITESPACE = re.compile(r"\s+")


class Evidence:
    """The sentence (or line) of the original text around a span, at most `limit` characters either
    side. The sentence ends are found once per document (a document has ~150 facts to cite)."""

    def __init__(self, original: str, limit: int = 240) -> None:
        self.original = original
        self.limit = limit
        self.breaks = [m.start() for m in _SENTENCE_BREAK.finditer(original)]

    def __call__(self, start: int, end: int) -> str:
        index = bisect_left(self.breaks, start) - 1  # the last break before start
        left = self.breaks[index] + 1 if index >= 0 and self.breaks[index] >= start - self.limit else 0
        left = max(left, start - self.limit)
        index = bisect_left(self.breaks, end)  # the first break at or after end
        if index < len(self.breaks) and self.breaks[index] < end + self.limit:
            right = self.breaks[index] + 1
        else:
            right = min(len(self.original), end + self.limit)
        return _WHITESPACE.sub(" ", self.original[left:right]).strip()


def document_identity(doc_number: str | None, body: str) -> tuple[str, str]:
    """(id, fingerprint): the same document in another file, encoding, script or web page gets the
    same id. Without a number the fingerprint is taken over the body (its numbered items), so a page's
    own furniture (view counters, dates, share buttons) does not make another document."""
    fingerprint = hashlib.sha1(re.sub(r"[\W_]+", "", comparison_key(body)).encode("utf-8")).hexdigest()
    return document_id(doc_number, fingerprint), fingerprint


class Facts:
    """The records of one document as they are built: what every fact function adds to."""

    def __init__(self, document: DocumentRecord, original: str, text: str, items: list[OutlineItem]) -> None:
        self.result = ExtractionResult(document=document)
        self.doc_id = document.id
        self.original = original
        self.text = text
        self.items = items
        self.evidence = Evidence(original)
        self.regions: dict[str, RegionRecord] = {}
        self.by_path: dict[tuple[int, str], MeasureRecord] = {}  # (segment, path): attachments repeat paths
        self._starts = [item.start for item in items]

    def relate(
        self, rel_type: str, src: tuple[str, str], dst: tuple[str, str], start: int, end: int, **props: object
    ) -> None:
        props = {k: v for k, v in props.items() if v is not None}
        props.update(doc_id=self.doc_id, start=start, end=end)
        if rel_type != "HAS_MEASURE":  # the evidence of a measure's place in the tree is the measure itself
            props["evidence"] = self.evidence(start, end)
        self.result.relations.append(RelationRecord(rel_type, src[0], src[1], dst[0], dst[1], props))

    def structural(self, rel_type: str, src: tuple[str, str], dst: tuple[str, str]) -> None:
        """A link from the alias table or the gazetteer, shared by every document: no provenance."""
        self.result.relations.append(RelationRecord(rel_type, src[0], src[1], dst[0], dst[1], {}))

    def unit_of(self, pos: int) -> MeasureRecord | None:
        """The measure carrying a fact at `pos`: item spans end where the next item starts."""
        index = bisect_right(self._starts, pos) - 1
        if index < 0 or pos >= self.items[index].end:
            return None
        return self.by_path[(self.items[index].segment, self.items[index].unit_path)]

    def add_region(self, record: RegionRecord) -> None:
        for ancestor in gazetteer().ancestors(record.id):
            self.regions.setdefault(ancestor.id, ancestor)


def extract(source: SourceText) -> ExtractionResult:
    original = source.text
    text = normalize(original)
    doc = analyse(text, law=source.fmt == "md" and is_law_markdown(original))
    facts = Facts(_document(source, doc), original, text, doc._.outline)
    for add in (
        _measures,
        _jurisdiction,
        _issuers,
        _roles,
        _departments,
        _executors,
        _mentioned_regions,
        _citations,
        _deadlines,
        _targets,
        _agencies,
        _regions,
        _suggested_codes,
    ):
        add(facts, doc)
    return facts.result


def _document(source: SourceText, doc: Doc) -> DocumentRecord:
    meta = doc._.meta
    items: list[OutlineItem] = doc._.outline
    body = doc._.text[items[0].start : items[-1].end] if items else doc._.text
    doc_id, fingerprint = document_identity(meta.doc_number, body)
    return DocumentRecord(
        id=doc_id,
        title=meta.title,
        doc_number=meta.doc_number,
        issuer_text=meta.issuer_text,
        issued=meta.issued,
        published=meta.published,
        level=meta.level,
        region=meta.region.name if meta.region else None,
        script=detect_script(source.text),
        year=meta.year,
        sources=[source.path],
        sha256=source.sha256,
        text=source.text,
        fingerprint=fingerprint,
        alt_titles=meta.alt_titles,
        kind="law" if doc._.law else "plan",
    )


def _measures(facts: Facts, _: Doc) -> None:
    """Every outline item a measure, in a tree under the document."""
    for item in facts.items:
        measure = MeasureRecord(
            id=measure_id(facts.doc_id, item.path, item.segment),
            doc_id=facts.doc_id,
            path=item.path,
            parent_path=item.parent_path,
            heading=_heading(facts.original, item),
            text=display_text(facts.original[item.text_start : item.end]).strip(),
            start=item.start,
            end=item.end,
            search_text=_WHITESPACE.sub("", facts.text[item.text_start : item.end]),
            unit_path=item.unit_path,
        )
        facts.by_path[(item.segment, item.path)] = measure
        facts.result.measures.append(measure)
        parent_key = (item.segment, item.parent_path or "")
        in_tree = parent_key in facts.by_path
        parent = ("Measure", facts.by_path[parent_key].id) if in_tree else ("Document", facts.doc_id)
        facts.relate("HAS_MEASURE", parent, ("Measure", measure.id), item.start, item.end, path=item.path)


def _suggested_codes(facts: Facts, _: Doc) -> None:
    """Each measure's suggested code on every scheme axis, from its own text (not its sub-items'), its
    headings nearest first for a stage it does not name."""
    pairs = list(zip(facts.items, facts.result.measures, strict=True))
    by_path = {(item.segment, item.path): (item, measure) for item, measure in pairs}
    first_child: dict[tuple[int, str], int] = {}
    for item in facts.items:
        key = (item.segment, item.parent_path or "")
        first_child[key] = min(first_child.get(key, item.start), item.start)
    axes = {scheme.axis: scheme for scheme in schemes()}

    def own_heading(item: OutlineItem, measure: MeasureRecord) -> str:
        return _WHITESPACE.sub("", facts.text[item.text_start : item.text_start + len(measure.heading)])

    for item, measure in pairs:
        child = first_child.get((item.segment, item.path))
        own = _WHITESPACE.sub("", facts.text[item.text_start : child if child is not None else item.end])
        heading_only = child is not None and len(own) <= len(own_heading(item, measure)) + 2
        parents = []
        above = by_path.get((item.segment, item.parent_path or "")) if item.parent_path else None
        while above is not None:
            parents.append(own_heading(*above))
            above = by_path.get((above[0].segment, above[0].parent_path or "")) if above[0].parent_path else None
        found = {
            axis: suggest(own, scheme, heading_only=heading_only, parents=tuple(parents))
            for axis, scheme in axes.items()
        }
        for axis, scheme in axes.items():
            ruler = axes.get(scheme.none_with or "")
            if ruler is not None and found[ruler.axis].code == ruler.none_code:  # V5: no tool, no stage
                found[axis] = Suggestion(scheme.none_code, found[ruler.axis].confidence, rule="none_with")
            measure.suggested.update(found[axis].as_props(axis))


def _jurisdiction(facts: Facts, doc: Doc) -> None:
    region = doc._.meta.region
    if region is None:
        return
    facts.add_region(region)
    first_issuer = doc._.meta.issuers[0] if doc._.meta.issuers else ""
    anchor = max(facts.text.find(first_issuer) if first_issuer else -1, 0)
    facts.relate("COVERS", ("Document", facts.doc_id), ("Region", region.id), anchor, anchor + len(first_issuer))


def _issuers(facts: Facts, doc: Doc) -> None:
    for written, canonical in doc._.issuers:
        issuer = doc._.registry.get(make_agency(canonical, doc._.meta.region or COUNTRY))
        pos = max(facts.text.rfind(written), 0)
        facts.relate("ISSUED_BY", ("Document", facts.doc_id), ("Agency", issuer.id), pos, pos + len(written))


def _roles(facts: Facts, doc: Doc) -> None:
    """Role assignments, once per (agency, measure, role), on the measure that carries the clause."""
    seen: set[tuple[str, str, str]] = set()
    for assignment in doc._.assignments:
        measure = facts.unit_of(assignment.end - 1)
        if measure is None:
            continue
        rel_type = TYPE_OF_ROLE[assignment.role]
        key = (assignment.agency.id, measure.id, rel_type)
        if key in seen:
            continue
        seen.add(key)
        agency = ("Agency", assignment.agency.id)
        facts.relate(rel_type, agency, ("Measure", measure.id), assignment.start, assignment.end, role=assignment.role)


def _departments(facts: Facts, doc: Doc) -> None:
    """局内 departments in a table's department cell are responsible, unless a role clause gave them one."""
    owned = {(r.src_id, r.dst_id) for r in facts.result.relations if r.src_label == "Agency"}
    for mention in (m for m in doc._.mentions if m.agency.parent_id):
        measure = facts.unit_of(mention.start)
        if measure is None or (mention.agency.id, measure.id) in owned:
            continue
        if not re.search(r"局内:[^:]*$", facts.text[max(0, mention.start - 60) : mention.start]):
            continue
        owned.add((mention.agency.id, measure.id))
        agency = ("Agency", mention.agency.id)
        facts.relate("RESPONSIBLE_FOR", agency, ("Measure", measure.id), mention.start, mention.end, role="responsible")


def _executors(facts: Facts, doc: Doc) -> None:
    for clause_start, clause_end, _pos, executor in doc._.executors:
        measure = facts.unit_of(clause_start)
        if measure is None:
            continue
        facts.add_region(executor)
        facts.relate("ASSIGNED_TO", ("Measure", measure.id), ("Region", executor.id), clause_start, clause_end)


def _mentioned_regions(facts: Facts, doc: Doc) -> None:
    """Regions the text names, once each (the first time), but the document's own jurisdiction."""
    covered = doc._.meta.region.id if doc._.meta.region else None
    seen = {r.dst_id for r in facts.result.relations if r.type == "ASSIGNED_TO"}  # assigned is more than named
    for mention in doc._.region_mentions:
        region = mention.region
        if region.id == covered or region.id in seen:
            continue
        seen.add(region.id)
        facts.add_region(region)
        facts.relate("MENTIONS", ("Document", facts.doc_id), ("Region", region.id), mention.start, mention.end)


def _citations(facts: Facts, doc: Doc) -> None:
    """The document cites everything its measures cite (first occurrence as evidence), so citation
    chains between documents are plain paths; the measure keeps its own edge for detail."""
    regulations: dict[str, RegulationRecord] = {}
    cited: set[tuple[str, str, str]] = set()
    for citation in doc._.citations:
        reg_id = regulation_id(citation.title, citation.doc_number)
        regulations.setdefault(reg_id, RegulationRecord(reg_id, citation.title, citation.doc_number))
        measure = facts.unit_of(citation.start)
        sources = [("Document", facts.doc_id)] + ([("Measure", measure.id)] if measure else [])
        for source_node in sources:
            for rel_type in ["CITES", "IMPLEMENTS"] if citation.implements else ["CITES"]:
                if (rel_type, source_node[1], reg_id) not in cited:
                    cited.add((rel_type, source_node[1], reg_id))
                    facts.relate(rel_type, source_node, ("Regulation", reg_id), citation.start, citation.end)
    facts.result.regulations = list(regulations.values())


def _deadlines(facts: Facts, doc: Doc) -> None:
    """Deadlines on the measure that carries them: every interval, the texts, the overall span."""
    for deadline in doc._.deadlines:
        measure = facts.unit_of(deadline.start)
        if measure is None:
            continue
        if deadline.interval not in measure.deadline_ranges:
            measure.deadline_ranges.append(deadline.interval)
        texts = [t for t in (measure.deadline_text or "").split("；") if t]
        if deadline.text not in texts:
            measure.deadline_text = "；".join([*texts, deadline.text])
        if deadline.date_start and (measure.deadline_start is None or deadline.date_start < measure.deadline_start):
            measure.deadline_start = deadline.date_start
        if deadline.date_end and (measure.deadline_end is None or deadline.date_end > measure.deadline_end):
            measure.deadline_end = deadline.date_end


def _targets(facts: Facts, doc: Doc) -> None:
    for index, target in enumerate(doc._.targets):
        measure = facts.unit_of(target.start)
        if measure is None:
            continue
        record = TargetRecord(
            id=target_id(measure.id, index),
            doc_id=facts.doc_id,
            measure_id=measure.id,
            indicator=target.indicator,
            value=target.value,
            unit=target.unit,
            comparator=target.comparator,
            text=facts.original[target.start : target.end].strip(),
        )
        facts.result.targets.append(record)
        facts.relate("HAS_TARGET", ("Measure", measure.id), ("Target", record.id), target.start, target.end)


def _agencies(facts: Facts, doc: Doc) -> None:
    """The agencies the document's facts name, their parents (PART_OF) and places (LOCATED_IN)."""
    agencies = dict(doc._.registry.by_id)
    for agency in list(agencies.values()):
        if agency.parent_id in agencies:
            facts.structural("PART_OF", ("Agency", agency.id), ("Agency", agency.parent_id))
    relations = facts.result.relations
    used = {r.src_id for r in relations if r.src_label == "Agency"} | {
        r.dst_id for r in relations if r.dst_label == "Agency"
    }
    facts.result.agencies = [a for a in agencies.values() if a.id in used]
    for agency in facts.result.agencies:
        if agency.region_id and agency.region_id in gazetteer().by_id:
            facts.add_region(gazetteer().by_id[agency.region_id])
            facts.structural("LOCATED_IN", ("Agency", agency.id), ("Region", agency.region_id))
    # PART_OF edges whose parent was not used elsewhere still need the parent node.
    for relation in [r for r in relations if r.type == "PART_OF"]:
        if relation.dst_id not in {a.id for a in facts.result.agencies}:
            facts.result.agencies.append(agencies[relation.dst_id])


def _regions(facts: Facts, _: Doc) -> None:
    for record in facts.regions.values():
        if record.parent_id:
            facts.structural("PART_OF", ("Region", record.id), ("Region", record.parent_id))
    facts.result.regions = list(facts.regions.values())


def _heading(original: str, item: OutlineItem) -> str:
    chunk = display_text(original[item.text_start : item.end]).strip()
    cut = re.search(r"[。;；:：!?！？\n]", chunk)
    heading = chunk[: cut.start()] if cut else chunk
    return _WHITESPACE.sub(" ", heading).strip()[:80]
