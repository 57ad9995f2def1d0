"""Extraction: a file's text in, plain records out (a pure function of the text and its sources).

normalise (offsets preserved) → spaCy pipeline → records with provenance: every extracted
relationship carries doc_id, the evidence sentence from the *original* text, and start/end offsets.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, bisect_right

from ingest.agencies import make_agency
from ingest.citations import title_key
from ingest.metadata import is_law_markdown
from ingest.normalize import compact, detect_script, normalize
from ingest.outline import OutlineItem
from ingest.pipeline import analyse
from ingest.records import (
    DocumentRecord,
    ExtractionResult,
    MeasureRecord,
    RegionRecord,
    RegulationRecord,
    RelationRecord,
    SourceText,
    TargetRecord,
)
from ingest.regions import COUNTRY, gazetteer

_SENTENCE_END = "。;!?\n"


def stable_id(prefix: str, key: str) -> str:
    return f"{prefix}:{hashlib.sha1(key.encode('utf-8')).hexdigest()[:16]}"


def regulation_id(title: str | None, doc_number: str | None) -> str:
    return stable_id("reg", f"num:{doc_number}" if doc_number else f"title:{title_key(title or '')}")


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
    fingerprint = hashlib.sha1(re.sub(r"[\W_]+", "", compact(body)).encode("utf-8")).hexdigest()
    key = f"num:{doc_number}" if doc_number else f"fp:{fingerprint}"
    return stable_id("doc", key), fingerprint


def extract(source: SourceText) -> ExtractionResult:
    original = source.text
    text = normalize(original)
    doc = analyse(text, law=source.fmt == "md" and is_law_markdown(original))
    data = doc.user_data
    meta = data["meta"]
    items: list[OutlineItem] = data["outline"]
    body = text[items[0].start : items[-1].end] if items else text
    doc_id, fingerprint = document_identity(meta.doc_number, body)

    region = meta.region
    document = DocumentRecord(
        id=doc_id,
        title=meta.title,
        doc_number=meta.doc_number,
        issuer_text=meta.issuer_text,
        issued=meta.issued,
        published=meta.published,
        level=meta.level,
        region=region.name if region else None,
        script=detect_script(original),
        year=meta.year,
        sources=[source.path],
        sha256=source.sha256,
        text=original,
        fingerprint=fingerprint,
        alt_titles=meta.alt_titles,
        kind="law" if doc.user_data["law"] else "plan",
    )
    result = ExtractionResult(document=document)
    regions: dict[str, RegionRecord] = {}

    def add_region(record: RegionRecord) -> None:
        for ancestor in gazetteer().ancestors(record.id):
            regions.setdefault(ancestor.id, ancestor)

    cite = Evidence(original)

    def relate(
        rel_type: str, src: tuple[str, str], dst: tuple[str, str], start: int, end: int, **props: object
    ) -> None:
        props = {k: v for k, v in props.items() if v is not None}
        props.update(doc_id=doc_id, start=start, end=end)
        if rel_type != "HAS_MEASURE":  # the evidence of a measure's place in the tree is the measure itself
            props["evidence"] = cite(start, end)
        result.relations.append(RelationRecord(rel_type, src[0], src[1], dst[0], dst[1], props))

    # Measures and their tree.
    by_path: dict[str, MeasureRecord] = {}
    for item in items:
        measure = MeasureRecord(
            id=f"{doc_id}/{item.path}",
            doc_id=doc_id,
            path=item.path,
            parent_path=item.parent_path,
            heading=_heading(original, item),
            text=original[item.text_start : item.end].strip(),
            start=item.start,
            end=item.end,
            search_text=_WHITESPACE.sub("", text[item.text_start : item.end]),
            unit_path=item.unit_path,
        )
        by_path[item.path] = measure
        result.measures.append(measure)
        parent = ("Measure", by_path[item.parent_path].id) if item.parent_path in by_path else ("Document", doc_id)
        relate("HAS_MEASURE", parent, ("Measure", measure.id), item.start, item.end, path=item.path)

    starts = [item.start for item in items]

    def unit_of(pos: int) -> MeasureRecord | None:
        """The measure carrying a fact at `pos`: item spans end where the next item starts."""
        index = bisect_right(starts, pos) - 1
        if index < 0 or pos >= items[index].end:
            return None
        return by_path[items[index].unit_path]

    # Jurisdiction and issuer.
    registry = data["registry"]
    if region is not None:
        add_region(region)
        anchor = text.find(meta.issuers[0]) if meta.issuers else -1
        anchor = max(anchor, 0)
        relate(
            "COVERS",
            ("Document", doc_id),
            ("Region", region.id),
            anchor,
            anchor + len(meta.issuers[0] if meta.issuers else ""),
        )
    for written, canonical in data["issuers"]:
        issuer = registry.get(make_agency(canonical, region or COUNTRY))
        pos = max(text.rfind(written), 0)
        relate("ISSUED_BY", ("Document", doc_id), ("Agency", issuer.id), pos, pos + len(written))

    # Roles.
    seen: set[tuple[str, str, str]] = set()
    for assignment in data["assignments"]:
        measure = unit_of(assignment.end - 1)
        if measure is None:
            continue
        rel_type = {"lead": "LEADS", "responsible": "RESPONSIBLE_FOR", "support": "SUPPORTS"}[assignment.role]
        key = (assignment.agency.id, measure.id, rel_type)
        if key in seen:
            continue
        seen.add(key)
        relate(
            rel_type,
            ("Agency", assignment.agency.id),
            ("Measure", measure.id),
            assignment.start,
            assignment.end,
            role=assignment.role,
        )
    internal = [m for m in data["mentions"] if m.agency.parent_id]
    for mention in internal:  # 局内 departments in a table's department cell are responsible
        measure = unit_of(mention.start)
        if measure is None:
            continue
        key = (mention.agency.id, measure.id, "RESPONSIBLE_FOR")
        if key in seen or any(k[0] == mention.agency.id and k[1] == measure.id for k in seen):
            continue
        if not re.search(r"局内:[^:]*$", text[max(0, mention.start - 60) : mention.start]):
            continue
        seen.add(key)
        relate(
            "RESPONSIBLE_FOR",
            ("Agency", mention.agency.id),
            ("Measure", measure.id),
            mention.start,
            mention.end,
            role="responsible",
        )

    # Executor regions.
    for clause_start, clause_end, _pos, executor in data["executors"]:
        measure = unit_of(clause_start)
        if measure is None:
            continue
        add_region(executor)
        relate("ASSIGNED_TO", ("Measure", measure.id), ("Region", executor.id), clause_start, clause_end)

    # Citations.
    regulations: dict[str, RegulationRecord] = {}
    cited: set[tuple[str, str, str]] = set()
    for citation in data["citations"]:
        reg_id = regulation_id(citation.title, citation.doc_number)
        regulations.setdefault(reg_id, RegulationRecord(reg_id, citation.title, citation.doc_number))
        measure = unit_of(citation.start)
        # The document cites everything its measures cite (first occurrence as evidence), so citation
        # chains between documents are plain paths; the measure keeps its own edge for detail.
        sources = [("Document", doc_id)] + ([("Measure", measure.id)] if measure else [])
        for source_node in sources:
            rel_types = ["CITES", "IMPLEMENTS"] if citation.implements else ["CITES"]
            for rel_type in rel_types:
                key = (rel_type, source_node[1], reg_id)
                if key not in cited:
                    cited.add(key)
                    relate(rel_type, source_node, ("Regulation", reg_id), citation.start, citation.end)
    result.regulations = list(regulations.values())

    # Deadlines, on the measure that carries them.
    for deadline in data["deadlines"]:
        measure = unit_of(deadline.start)
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

    # Targets.
    for index, target in enumerate(data["targets"]):
        measure = unit_of(target.start)
        if measure is None:
            continue
        record = TargetRecord(
            id=f"{measure.id}#t{index}",
            doc_id=doc_id,
            measure_id=measure.id,
            indicator=target.indicator,
            value=target.value,
            unit=target.unit,
            comparator=target.comparator,
            text=original[target.start : target.end].strip(),
        )
        result.targets.append(record)
        relate("HAS_TARGET", ("Measure", measure.id), ("Target", record.id), target.start, target.end)

    # Agencies, their parents and places.
    agencies = dict(registry.by_id)
    for agency in list(agencies.values()):
        if agency.parent_id in agencies:  # structural (the alias table's): shared by every document, no provenance
            result.relations.append(RelationRecord("PART_OF", "Agency", agency.id, "Agency", agency.parent_id, {}))
    used = {r.src_id for r in result.relations if r.src_label == "Agency"} | {
        r.dst_id for r in result.relations if r.dst_label == "Agency"
    }
    result.agencies = [a for a in agencies.values() if a.id in used]
    for agency in result.agencies:
        if agency.region_id and agency.region_id in gazetteer().by_id:
            add_region(gazetteer().by_id[agency.region_id])
            result.relations.append(RelationRecord("LOCATED_IN", "Agency", agency.id, "Region", agency.region_id, {}))
    # PART_OF edges whose parent was not used elsewhere still need the parent node.
    for relation in [r for r in result.relations if r.type == "PART_OF"]:
        if relation.dst_id not in {a.id for a in result.agencies}:
            result.agencies.append(agencies[relation.dst_id])
    for record in regions.values():
        if record.parent_id:
            result.relations.append(RelationRecord("PART_OF", "Region", record.id, "Region", record.parent_id, {}))
    result.regions = list(regions.values())
    return result


def _heading(original: str, item: OutlineItem) -> str:
    chunk = original[item.text_start : item.end].strip()
    cut = re.search(r"[。;；:：!?！？\n]", chunk)
    heading = chunk[: cut.start()] if cut else chunk
    return _WHITESPACE.sub(" ", heading).strip()[:80]
