"""Loading extraction results into the store: parameterised write queries of whole documents.

A document's nodes and relationships go in as `UNWIND $rows ... MERGE` sections chained into a
single query; `load_batch` writes several documents' sections as one query (rows of a section
together). A single query is a single transaction on both engines: a document lands whole or not
at all, and a refused batch is retried document by document so that only the culprit fails.
Ids are stable, so loading the same corpus again changes nothing.

Identity across documents is resolved here, where the store's state is known:
- a document seen before (same number, or same text in another file, encoding or script) only
  gains a source;
- a regulation cited by number in one plan and by title in another is one node;
- a regulation that is itself an ingested document is linked to it by SAME_AS.
The key caches assume one writer at a time (`python -m ingest` holds the writer lock).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.store import GraphStore, StoreError
from ingest.citations import title_key
from ingest.records import ExtractionResult, RelationRecord, as_props

# A new document's own nodes (and every edge touching them) cannot exist yet: CREATE, no lookup of
# existing edges on hub nodes (which grew with the corpus). Shared nodes and their edges are MERGEd.
_NODE_SECTIONS: dict[str, str] = {
    "Document": "CREATE (n:Document {id: row.id}) SET n += row.props",
    "Measure": "CREATE (n:Measure {id: row.id}) SET n += row.props",
    "Target": "CREATE (n:Target {id: row.id}) SET n += row.props",
    "Region": "MERGE (n:Region {id: row.id}) SET n += row.props",
    "Agency": (
        "MERGE (n:Agency {id: row.id}) SET n += row.props, "
        "n.aliases = [a IN coalesce(n.aliases, []) WHERE NOT a IN row.aliases] + row.aliases, "
        "n.tasks = coalesce(n.tasks, 0), n.tasks_lead = coalesce(n.tasks_lead, 0), "
        "n.tasks_responsible = coalesce(n.tasks_responsible, 0), n.tasks_support = coalesce(n.tasks_support, 0)"
    ),
    "Regulation": (
        "MERGE (n:Regulation {id: row.id}) SET n.title = coalesce(n.title, row.title), "
        "n.doc_number = coalesce(n.doc_number, row.doc_number), n.title_key = coalesce(n.title_key, row.title_key)"
    ),
}

_OWN_LABELS = {"Measure", "Target"}  # nodes that belong to one document

# Each agency's task counts per role, kept on the node: the app's agency list and busiest-agency
# chart read them instead of counting every LEADS/RESPONSIBLE_FOR/SUPPORTS edge of the corpus
# (700 ms at 5,000 documents). Added in the document's own transaction, so they stay exact.
_ROLE_OF_TYPE = {"LEADS": "lead", "RESPONSIBLE_FOR": "responsible", "SUPPORTS": "support"}
_TASK_COUNTS = (
    "MATCH (n:Agency {id: row.id}) SET n.tasks_lead = coalesce(n.tasks_lead, 0) + row.lead, "
    "n.tasks_responsible = coalesce(n.tasks_responsible, 0) + row.responsible, "
    "n.tasks_support = coalesce(n.tasks_support, 0) + row.support, "
    "n.tasks = coalesce(n.tasks, 0) + row.lead + row.responsible + row.support"
)
# Stores written before the counts existed: counted once, when a loader opens them.
UNCOUNTED_AGENCIES = "MATCH (a:Agency) WHERE a.tasks IS NULL RETURN count(a) AS n"
COUNT_TASKS = (
    "MATCH (a:Agency) WHERE a.tasks IS NULL "
    "OPTIONAL MATCH (a)-[r:LEADS|RESPONSIBLE_FOR|SUPPORTS]->(:Measure) "
    "WITH a, count(CASE WHEN r.role = 'lead' THEN 1 END) AS lead, "
    "count(CASE WHEN r.role = 'responsible' THEN 1 END) AS responsible, "
    "count(CASE WHEN r.role = 'support' THEN 1 END) AS support "
    "SET a.tasks_lead = lead, a.tasks_responsible = responsible, a.tasks_support = support, "
    "a.tasks = lead + responsible + support RETURN count(a) AS counted"
)
# Each measure carries its document's label (task lists sort by it: 1,000 rows needed 4,000 document
# lookups for a hub agency). Stores written before get it when a loader opens them.
UNLABELLED_MEASURES = "MATCH (m:Measure) WHERE m.doc_label IS NULL RETURN count(m) AS n"
LABEL_MEASURES = (
    "MATCH (m:Measure) WHERE m.doc_label IS NULL MATCH (d:Document {id: m.doc_id}) "
    "SET m.doc_label = d.label RETURN count(m) AS labelled"
)

# The loader's other queries (the Cypher catalog lints them with the generated writes).
READ_DOCUMENTS = (
    "MATCH (d:Document) RETURN d.id AS id, d.doc_number AS num, d.title_keys AS keys, "
    "d.sha256s AS shas, d.sources AS sources"
)
READ_REGULATIONS = "MATCH (r:Regulation) RETURN r.id AS id, r.doc_number AS num, r.title_key AS key"
ADD_SOURCE = (
    "MATCH (d:Document {id: $id}) "
    "SET d.sources = coalesce(d.sources, []) + [s IN $sources WHERE NOT s IN coalesce(d.sources, [])], "
    "d.sha256s = coalesce(d.sha256s, []) + [h IN [$sha] WHERE NOT h IN coalesce(d.sha256s, [])] "
    "RETURN d.id AS id"
)
ADD_SOURCE_PARAMS = ("id", "sources", "sha")
EMPTY_WRITE = "RETURN 0 AS written"


@dataclass
class LoadOutcome:
    status: str  # added | merged | unchanged | failed (the store refused the document's write)
    doc_id: str
    counts: dict[str, int] = field(default_factory=dict)
    reason: str = ""


Section = tuple[str, str, list[dict[str, Any]]]  # (parameter name, clause fed by UNWIND, rows)


def _chain(sections: list[Section]) -> tuple[str, dict[str, Any]]:
    """Sections of (name, clause, rows) → one query, each section fed by UNWIND over its parameter."""
    parts: list[str] = []
    params: dict[str, Any] = {}
    for name, clause, rows in sections:
        if not rows:
            continue
        clause, rows = _positional(clause, rows)
        parts.append(f"UNWIND ${name} AS row {clause}")
        params[name] = rows
    if not parts:
        return EMPTY_WRITE, {}
    return " WITH count(*) AS _ ".join(parts) + " RETURN count(*) AS written", params


_CREATED_WITH_PROPS = re.compile(
    r"CREATE (?:\(n:\w+ \{id: row\.id\}\)|\(a\)-\[r:\w+\]->\(b\)) SET (?P<var>[nr]) \+= row\.props$"
)


def _positional(clause: str, rows: list[dict[str, Any]]) -> tuple[str, list[Any]]:
    """A CREATE section's map rows → list rows, the properties in the CREATE itself: `{id, props: {k: v}}`
    becomes `[id, v1, v2 …]` and `CREATE (n:L {id: row.id}) SET n += row.props` becomes
    `CREATE (n:L {id: row[0], k1: row[1], …})`. Nearly half of a document's parameter text was the same
    property names repeated in every row; and a node created with its properties is indexed once,
    where a SET after the CREATE indexed it again (the SETs grew with the store: 2.5 → 19 ms for 32
    documents' nodes between 500 and 5,000 documents). A null in a CREATE sets nothing, as `+=` of a
    map without the key does. MERGE sections keep their maps (there a null would remove a property)."""
    match = _CREATED_WITH_PROPS.search(clause)
    if not match:
        return clause, rows
    keys: dict[str, Any] = {}
    for row in rows:
        keys.update(row["props"])  # only the keys matter: dict order is the order first seen
    ends = ["id"] if "id" in rows[0] else ["src", "dst"]
    columns = [key for key in keys if key not in ends]  # a node's id is set by the CREATE itself
    props = [f"{key}: row[{len(ends) + i}]" for i, key in enumerate(columns)]
    created = match.group(0).split(" SET ")[0]
    if len(ends) == 1:
        created = created.replace("{id: row.id}", "{" + ", ".join(["id: row[0]", *props]) + "}")
        listed = [[row["id"], *map(row["props"].get, columns)] for row in rows]
    else:
        created = created.replace("]->", (" {" + ", ".join(props) + "}]->") if props else "]->")
        listed = [[row["src"], row["dst"], *map(row["props"].get, columns)] for row in rows]
    head = clause[: match.start()].replace("row.src", "row[0]").replace("row.dst", "row[1]")
    return head + created, listed


def _merged_rows(clause: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows of several documents for one MERGE section, one row per key, combined the way the
    clause would combine them one after the other (a MERGE must not meet its own key twice in one
    UNWIND: the engines disagree on whether it sees the node it created a row earlier)."""
    if not clause.lstrip().startswith("MERGE") and " MERGE " not in clause:
        return rows
    merged: dict[tuple[str, ...], dict[str, Any]] = {}
    for row in rows:
        key = (row["id"],) if "id" in row else (row["src"], row["dst"])
        seen = merged.get(key)
        if seen is None:
            merged[key] = row
            continue
        combined = dict(seen)
        if "props" in row:
            combined["props"] = {**seen.get("props", {}), **row["props"]}
        if "aliases" in row:
            combined["aliases"] = [a for a in seen["aliases"] if a not in row["aliases"]] + row["aliases"]
        for name in ("title", "doc_number", "title_key"):  # Regulation: the first value written stays
            if name in row:
                combined[name] = seen[name] if seen[name] is not None else row[name]
        merged[key] = combined
    return list(merged.values())


def _plain_props(props: dict[str, Any]) -> dict[str, Any]:
    """Neither engine stores maps inside properties: nested values become JSON strings."""
    out = {key: value for key, value in props.items() if value is not None}
    for key, value in out.items():
        if type(value) is dict or (type(value) is list and value and type(value[0]) is dict):
            out[key] = json.dumps(value, ensure_ascii=False)
    return out


@dataclass
class WritePlan:
    """One document's write: its sections, plus what the loader remembers after it."""

    sections: list[Section]
    title_keys: list[str]
    rename: dict[str, str]
    relations: list[RelationRecord]


def batch_write(plans: list[WritePlan]) -> tuple[str, dict[str, Any]]:
    """The writes of several new documents as one query: each section's rows of every document
    together, MERGE rows combined per key. One query is one transaction: the batch lands whole
    or not at all, so each of its documents does too."""
    rows_by_section: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for plan in plans:
        for name, clause, rows in plan.sections:
            rows_by_section.setdefault((name, clause), []).extend(rows)
    sections = []
    for (name, clause), rows in rows_by_section.items():
        rows = _summed_counts(rows) if clause == _TASK_COUNTS else _merged_rows(clause, rows)
        sections.append((name, clause, rows))
    return _chain(sections)


def _summed_counts(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per agency, its documents' counts added (an UNWIND must not update a node twice)."""
    totals: dict[str, dict[str, Any]] = {}
    for row in rows:
        total = totals.setdefault(row["id"], {"id": row["id"], "lead": 0, "responsible": 0, "support": 0})
        for role in ("lead", "responsible", "support"):
            total[role] += row[role]
    return list(totals.values())


class Loader:
    def __init__(self, store: GraphStore | None) -> None:
        """A loader over `store`; with None, an offline loader (empty caches, no store) that only
        builds write queries: `plan`, `batch_write`, then `commit` (the Cypher catalog uses it)."""
        self.store = store
        self.doc_shas: dict[str, set[str]] = {}
        self.doc_sources: dict[str, list[str]] = {}
        self.doc_by_number: dict[str, str] = {}
        self.doc_by_title: dict[str, str] = {}
        self.reg_by_number: dict[str, str] = {}
        self.reg_by_title: dict[str, str] = {}
        self._forget_sent()
        if store is None:
            return
        store.ensure_schema()
        for missing, backfill in ((UNCOUNTED_AGENCIES, COUNT_TASKS), (UNLABELLED_MEASURES, LABEL_MEASURES)):
            rows = store.read(missing)
            if rows and rows[0]["n"]:
                store.write(backfill)
        self._read_keys()

    def _read_keys(self) -> None:
        """Fill the key caches from the store (at the start, and after a refused batch)."""
        self._forget_sent()
        for cache in (
            self.doc_shas,
            self.doc_sources,
            self.doc_by_number,
            self.doc_by_title,
            self.reg_by_number,
            self.reg_by_title,
        ):
            cache.clear()
        store = self._store()
        for row in store.read(READ_DOCUMENTS):
            self._remember_document(row["id"], row["num"], row["keys"] or [], row["shas"] or [], row["sources"] or [])
        for row in store.read(READ_REGULATIONS):
            self._remember_regulation(row["id"], row["num"], row["key"])

    def _store(self) -> GraphStore:
        if self.store is None:
            raise RuntimeError("this loader has no store: it only builds queries")
        return self.store

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

    def load(self, result: ExtractionResult) -> LoadOutcome:
        """One document in its own transaction; raises StoreError when the store refuses it."""
        doc = result.document
        if doc.id in self.doc_shas:
            return self._add_source(result)
        plan = self.plan(result)
        try:
            self._store().write(*batch_write([plan]))
        except Exception:
            self._forget_sent()
            raise
        self.commit(result, plan)
        return self._added(result, plan)

    def load_batch(self, results: list[ExtractionResult]) -> list[LoadOutcome]:
        """Documents in order, the new ones written together (one transaction per batch: a
        document still lands whole or not at all). The per-query cost of the store is paid once a
        batch instead of once a document. A refused batch is retried document by document, so only
        the culprit fails (outcome "failed" with the store's reason); other store errors raise."""
        outcomes: list[LoadOutcome | None] = [None] * len(results)
        pending: list[tuple[int, ExtractionResult, WritePlan]] = []
        for index, result in enumerate(results):
            if result.document.id in self.doc_shas and pending:
                self._write_batch(pending, outcomes)  # the document may be in the batch: land it first
                pending = []
            if result.document.id in self.doc_shas:
                outcomes[index] = self._refusal_as_outcome(self._add_source, result)
                continue
            plan = self.plan(result)
            self.commit(result, plan)  # the batch's later documents resolve against this one
            pending.append((index, result, plan))
        if pending:
            self._write_batch(pending, outcomes)
        return [outcome for outcome in outcomes if outcome is not None]

    def _write_batch(
        self, pending: list[tuple[int, ExtractionResult, WritePlan]], outcomes: list[LoadOutcome | None]
    ) -> None:
        query, params = batch_write([plan for _, _, plan in pending])
        try:
            self._store().write(query, params)
        except StoreError as error:
            self._read_keys()  # nothing of the batch landed: forget what it committed
            if len(pending) == 1:
                index, result, _ = pending[0]
                outcomes[index] = LoadOutcome("failed", result.document.id, reason=str(error))
                return
            for index, result, _ in pending:
                outcomes[index] = self._refusal_as_outcome(self.load, result)
            return
        for index, result, plan in pending:
            outcomes[index] = self._added(result, plan)

    @staticmethod
    def _refusal_as_outcome(load: Callable[[ExtractionResult], LoadOutcome], result: ExtractionResult) -> LoadOutcome:
        try:
            return load(result)
        except StoreError as error:
            return LoadOutcome("failed", result.document.id, reason=str(error))

    @staticmethod
    def _added(result: ExtractionResult, plan: WritePlan) -> LoadOutcome:
        counts = result.counts()
        counts["relationships"] = len(plan.relations)
        return LoadOutcome("added", result.document.id, counts)

    def plan(self, result: ExtractionResult) -> WritePlan:
        """The write of a new document, resolved against what the loader has seen so far."""
        doc = result.document
        title_keys = [title_key(t) for t in [doc.title or "", *doc.alt_titles] if t]
        rename = self._resolve_regulations(result)
        relations = [self._renamed(r, rename) for r in result.relations]
        relations += self._same_as(result, title_keys, rename)
        # Two regulations of a document can turn out to be one node (a title here, its number there):
        # their edges from the same node are one edge, the first occurrence its evidence.
        unique: dict[tuple[str, str, str], RelationRecord] = {}
        for relation in relations:
            unique.setdefault((relation.type, relation.src_id, relation.dst_id), relation)
        relations = list(unique.values())

        doc_props = as_props(doc)
        doc_props.update(
            sources=list(doc.sources),
            sha256s=[doc.sha256],
            title_keys=title_keys,
            title_key=title_keys[0] if title_keys else None,
            measure_count=len(result.measures),
            relationship_count=len(relations),
            complete=True,
            label=doc.title or f"(无标题) {Path(doc.sources[0]).stem}",
        )
        node_rows: dict[str, list[dict[str, Any]]] = {
            "Document": [{"id": doc.id, "props": _plain_props(doc_props)}],
            "Measure": [
                {"id": m.id, "props": {**_plain_props(as_props(m)), "doc_label": doc_props["label"]}}
                for m in result.measures
            ],
            "Target": [{"id": t.id, "props": _plain_props(as_props(t))} for t in result.targets],
            "Region": [{"id": r.id, "props": _plain_props(as_props(r))} for r in result.regions],
            "Agency": [
                {"id": a.id, "aliases": a.aliases, "props": _plain_props(as_props(a, drop=("aliases",)))}
                for a in result.agencies
            ],
            "Regulation": [
                {
                    "id": rename.get(r.id, r.id),
                    "title": r.title,
                    "doc_number": r.doc_number,
                    "title_key": title_key(r.title) if r.title else None,
                }
                for r in result.regulations
            ],
        }
        node_rows["Region"] = [row for row in node_rows["Region"] if self._unsent(("Region", row["id"]), row["props"])]
        node_rows["Agency"] = [row for row in node_rows["Agency"] if self._unsent_agency(row)]
        node_rows["Regulation"] = [row for row in node_rows["Regulation"] if self._unsent_regulation(row)]
        sections: list[Section] = [(f"n_{label}", clause, node_rows[label]) for label, clause in _NODE_SECTIONS.items()]
        grouped: dict[tuple[str, str, str, bool], list[dict[str, Any]]] = defaultdict(list)
        for relation in relations:
            own = doc.id in (relation.src_id, relation.dst_id) or {relation.src_label, relation.dst_label} & _OWN_LABELS
            props = _plain_props(relation.props)
            # A shared edge written before is left out; so is one CREATEd as a document's own edge
            # (SAME_AS, the one type that is either), which a MERGE in the same query does not see.
            fresh = (own and relation.type != "SAME_AS") or self._unsent(
                (relation.type, relation.src_id, relation.dst_id), props
            )
            if not own and not fresh:
                continue
            grouped[(relation.type, relation.src_label, relation.dst_label, bool(own))].append(
                {"src": relation.src_id, "dst": relation.dst_id, "props": props}
            )
        for (rel_type, src_label, dst_label, own), rows in sorted(grouped.items()):
            verb = "CREATE" if own else "MERGE"
            clause = (
                f"MATCH (a:{src_label} {{id: row.src}}) MATCH (b:{dst_label} {{id: row.dst}}) "
                f"{verb} (a)-[r:{rel_type}]->(b) SET r += row.props"
            )
            name = f"r_{rel_type}_{src_label}_{dst_label}" + ("_new" if own else "")
            sections.append((name, clause, rows))
        counts: dict[str, dict[str, Any]] = {}
        for relation in relations:
            role = _ROLE_OF_TYPE.get(relation.type)
            if role and relation.src_label == "Agency":
                count = counts.setdefault(
                    relation.src_id, {"id": relation.src_id, "lead": 0, "responsible": 0, "support": 0}
                )
                count[role] += 1
        sections.append(("c_Agency_tasks", _TASK_COUNTS, list(counts.values())))
        return WritePlan(sections, title_keys, rename, relations)

    # Shared nodes and edges (regions, agencies, regulations and the links between them) come with
    # every document that mentions them: a row this loader has already put in a write changes nothing
    # when MERGEd again, so `plan` leaves it out (a third of a document's rows). The record is kept
    # per loader (one writer at a time) and forgotten whenever a write fails.

    def _forget_sent(self) -> None:
        self._sent: set[tuple[Any, ...]] = set()
        self._agency_sent: dict[str, tuple[tuple[Any, ...], set[str]]] = {}
        self._regulation_sent: dict[str, set[str]] = {}

    def _unsent(self, key: tuple[Any, ...], props: dict[str, Any]) -> bool:
        try:
            full = (*key, *sorted(props.items()))
            hash(full)
        except TypeError:  # a list among the values
            full = (*key, json.dumps(props, sort_keys=True, ensure_ascii=False))
        if full in self._sent:
            return False
        self._sent.add(full)
        return True

    def _unsent_agency(self, row: dict[str, Any]) -> bool:
        """An agency goes again when its properties change or it brings an alias not sent before."""
        props = tuple(sorted(row["props"].items()))
        sent = self._agency_sent.get(row["id"])
        if sent and sent[0] == props and sent[1].issuperset(row["aliases"]):
            return False
        aliases = sent[1] if sent and sent[0] == props else set()
        self._agency_sent[row["id"]] = (props, aliases | set(row["aliases"]))
        return True

    def _unsent_regulation(self, row: dict[str, Any]) -> bool:
        """A regulation goes again when it brings a value its node may lack (the first value stays)."""
        known = self._regulation_sent.setdefault(row["id"], set())
        fields = {name for name in ("title", "doc_number", "title_key") if row[name] is not None}
        if known and fields <= known:
            return False
        known |= fields
        return True

    def commit(self, result: ExtractionResult, plan: WritePlan) -> None:
        """Remember a written document (its keys and its regulations) for the documents after it."""
        doc = result.document
        self._remember_document(doc.id, doc.doc_number, plan.title_keys, [doc.sha256], list(doc.sources))
        for regulation in result.regulations:
            self._remember_regulation(
                plan.rename.get(regulation.id, regulation.id),
                regulation.doc_number,
                title_key(regulation.title) if regulation.title else None,
            )

    def _add_source(self, result: ExtractionResult) -> LoadOutcome:
        doc = result.document
        known_shas = self.doc_shas[doc.id]
        known_sources = self.doc_sources.get(doc.id, [])
        new_sources = [s for s in doc.sources if s not in known_sources]
        if doc.sha256 in known_shas and not new_sources:
            return LoadOutcome("unchanged", doc.id)
        self._store().write(ADD_SOURCE, {"id": doc.id, "sources": new_sources, "sha": doc.sha256})
        known_shas.add(doc.sha256)
        known_sources += new_sources
        return LoadOutcome("merged", doc.id)

    def _resolve_regulations(self, result: ExtractionResult) -> dict[str, str]:
        """Extracted regulation id → the id of the node already in the store for the same regulation."""
        rename: dict[str, str] = {}
        for regulation in result.regulations:
            existing = None
            if regulation.doc_number:
                existing = self.reg_by_number.get(regulation.doc_number)
            if existing is None and regulation.title:
                existing = self.reg_by_title.get(title_key(regulation.title))
            if existing and existing != regulation.id:
                rename[regulation.id] = existing
        # Within one document: a title-only citation of a regulation also cited with its number.
        by_title: dict[str, str] = {}
        for regulation in result.regulations:
            if regulation.title and regulation.doc_number:
                by_title[title_key(regulation.title)] = rename.get(regulation.id, regulation.id)
        for regulation in result.regulations:
            if regulation.title and not regulation.doc_number:
                target = by_title.get(title_key(regulation.title))
                if target and regulation.id not in rename:
                    rename[regulation.id] = target
        return rename

    @staticmethod
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

    def _same_as(self, result: ExtractionResult, title_keys: list[str], rename: dict[str, str]) -> list[RelationRecord]:
        """SAME_AS edges: cited regulations that are ingested documents, both ways round."""
        doc = result.document
        edges: list[RelationRecord] = []
        for regulation in result.regulations:
            target = (self.doc_by_number.get(regulation.doc_number) if regulation.doc_number else None) or (
                self.doc_by_title.get(title_key(regulation.title)) if regulation.title else None
            )
            if target and target != doc.id:
                edges.append(
                    RelationRecord(
                        "SAME_AS", "Regulation", rename.get(regulation.id, regulation.id), "Document", target, {}
                    )
                )
        earlier: set[str] = set()
        if doc.doc_number and doc.doc_number in self.reg_by_number:
            earlier.add(self.reg_by_number[doc.doc_number])
        earlier.update(self.reg_by_title[k] for k in title_keys if k in self.reg_by_title)
        edges.extend(RelationRecord("SAME_AS", "Regulation", reg_id, "Document", doc.id, {}) for reg_id in earlier)
        return edges
