"""Write queries of whole documents, built from resolved records.

A document becomes sections — the rows of one label or one relationship type, created or merged —
and a batch of documents becomes one parameterised query: `UNWIND $rows AS row …` per section,
chained with `WITH count(*)`. One query is one transaction on both engines, so a batch (and each of
its documents) lands whole or not at all.

- A new document's own nodes (Document, Measure, Target) and every edge touching them cannot exist
  yet: they are CREATEd with their properties in the CREATE (one index insertion; a SET after the
  CREATE indexed them again, which grew with the store), as list rows with the property names once in
  the query (nearly half of the parameter text was the same names repeated in every row).
- Shared nodes and their edges (regions, agencies, regulations, structural links) are MERGEd, as map
  rows (there a null removes a property), one row per key in a batch.
- Shared rows this writer has already sent change nothing when merged again and are left out (a
  third of a document's rows). The record is kept per writer (one writer at a time: the ingest
  holds the writer lock) and forgotten whenever a write fails (`forget`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from core.records import ResolvedDocument, as_props
from core.schema import OWN_LABELS
from core.text import title_key
from graph import counters

Row = dict[str, Any]
EMPTY_WRITE = "RETURN 0 AS written"

# How each node label is written; MERGE clauses of the shared nodes (fed by `UNWIND … AS row`).
MERGE_NODE = {
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
_FIRST_VALUE_STAYS = ("title", "doc_number", "title_key")  # Regulation: the first value written stays


@dataclass(frozen=True)
class Section:
    """The rows of one label (kind "node") or relationship type ("edge"), or the task counters."""

    kind: str  # node | edge | counts
    name: str  # label or relationship type
    create: bool = False
    src: str = ""  # edge end labels
    dst: str = ""

    @property
    def param(self) -> str:
        if self.kind == "node":
            return f"n_{self.name}"
        if self.kind == "edge":
            return f"r_{self.name}_{self.src}_{self.dst}" + ("_new" if self.create else "")
        return "c_Agency_tasks"


COUNTS = Section("counts", "Agency")


@dataclass
class DocumentWrite:
    """One document's rows per section, in the order the query runs them."""

    doc_id: str
    sections: dict[Section, list[Row]] = field(default_factory=dict)


def plain_props(props: dict[str, Any]) -> dict[str, Any]:
    """Neither engine stores maps inside properties: nested values become JSON strings."""
    out = {key: value for key, value in props.items() if value is not None}
    for key, value in out.items():
        if type(value) is dict or (type(value) is list and value and type(value[0]) is dict):
            out[key] = json.dumps(value, ensure_ascii=False)
    return out


def document_props(resolved: ResolvedDocument) -> dict[str, Any]:
    doc = resolved.result.document
    props = as_props(doc)
    props.update(
        sources=list(doc.sources),
        sha256s=[doc.sha256],
        title_keys=resolved.title_keys,
        title_key=resolved.title_keys[0] if resolved.title_keys else None,
        measure_count=len(resolved.result.measures),
        relationship_count=len(resolved.relations),
        complete=True,
        label=doc.label,
    )
    return plain_props(props)


class Writer:
    def __init__(self) -> None:
        self.forget()

    def forget(self) -> None:
        """Forget what was sent (a write failed: nothing of it may be assumed in the store)."""
        self._sent: set[tuple[Any, ...]] = set()
        self._agency_sent: dict[str, tuple[tuple[Any, ...], set[str]]] = {}
        self._regulation_sent: dict[str, set[str]] = {}

    def plan(self, resolved: ResolvedDocument) -> DocumentWrite:
        """The rows of a new document's write, without the shared rows already sent."""
        write = DocumentWrite(resolved.result.document.id)
        for label, rows in self._node_rows(resolved).items():
            write.sections[Section("node", label, create=label not in MERGE_NODE)] = rows
        write.sections.update(self._edge_rows(resolved))
        write.sections[COUNTS] = counters.count_rows(resolved.relations)
        return write

    def _node_rows(self, resolved: ResolvedDocument) -> dict[str, list[Row]]:
        result = resolved.result
        label = result.document.label
        regulations = [
            {
                "id": r.id,
                "title": r.title,
                "doc_number": r.doc_number,
                "title_key": title_key(r.title) if r.title else None,
            }
            for r in resolved.regulations
        ]
        agencies = [
            {"id": a.id, "aliases": a.aliases, "props": plain_props(as_props(a, drop=("aliases",)))}
            for a in result.agencies
        ]
        regions = [{"id": r.id, "props": plain_props(as_props(r))} for r in result.regions]
        return {
            "Document": [{"id": result.document.id, "props": document_props(resolved)}],
            "Measure": [
                {"id": m.id, "props": {**plain_props(as_props(m, ("suggested",))), **m.suggested, "doc_label": label}}
                for m in result.measures
            ],
            "Target": [{"id": t.id, "props": plain_props(as_props(t))} for t in result.targets],
            "Region": [row for row in regions if self._unsent(("Region", row["id"]), row["props"])],
            "Agency": [row for row in agencies if self._unsent_agency(row)],
            "Regulation": [row for row in regulations if self._unsent_regulation(row)],
        }

    def _edge_rows(self, resolved: ResolvedDocument) -> dict[Section, list[Row]]:
        doc_id = resolved.result.document.id
        grouped: dict[Section, list[Row]] = {}
        for relation in resolved.relations:
            own = doc_id in (relation.src_id, relation.dst_id) or bool(
                {relation.src_label, relation.dst_label} & OWN_LABELS
            )
            props = plain_props(relation.props)
            # A shared edge written before is left out; so is one created as a document's own edge
            # (SAME_AS, the one type that is either), which a MERGE in the same query does not see.
            fresh = (own and relation.type != "SAME_AS") or self._unsent(
                (relation.type, relation.src_id, relation.dst_id), props
            )
            if not own and not fresh:
                continue
            section = Section("edge", relation.type, own, relation.src_label, relation.dst_label)
            grouped.setdefault(section, []).append({"src": relation.src_id, "dst": relation.dst_id, "props": props})
        return dict(sorted(grouped.items(), key=lambda item: (item[0].name, item[0].src, item[0].dst, item[0].create)))

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

    def _unsent_agency(self, row: Row) -> bool:
        """An agency goes again when its properties change or it brings an alias not sent before."""
        props = tuple(sorted(row["props"].items()))
        sent = self._agency_sent.get(row["id"])
        if sent and sent[0] == props and sent[1].issuperset(row["aliases"]):
            return False
        aliases = sent[1] if sent and sent[0] == props else set()
        self._agency_sent[row["id"]] = (props, aliases | set(row["aliases"]))
        return True

    def _unsent_regulation(self, row: Row) -> bool:
        """A regulation goes again when it brings a value its node may lack (the first value stays)."""
        known = self._regulation_sent.setdefault(row["id"], set())
        fields = {name for name in _FIRST_VALUE_STAYS if row[name] is not None}
        if known and fields <= known:
            return False
        known |= fields
        return True


# --- rendering ---------------------------------------------------------------------------------


def batch_query(writes: list[DocumentWrite]) -> tuple[str, dict[str, Any]]:
    """The writes of several new documents as one query: each section's rows of every document
    together, merged rows combined per key, counts summed per agency."""
    rows_by_section: dict[Section, list[Row]] = {}
    for write in writes:
        for section, rows in write.sections.items():
            rows_by_section.setdefault(section, []).extend(rows)
    parts: list[str] = []
    params: dict[str, Any] = {}
    for section, rows in rows_by_section.items():
        if section.kind == "counts":
            rows = counters.summed(rows)
        elif not section.create:
            rows = _merged_rows(rows)
        if not rows:
            continue
        clause, params[section.param] = _render(section, rows)
        parts.append(f"UNWIND ${section.param} AS row {clause}")
    if not parts:
        return EMPTY_WRITE, {}
    return " WITH count(*) AS _ ".join(parts) + " RETURN count(*) AS written", params


def _render(section: Section, rows: list[Row]) -> tuple[str, list[Any]]:
    """A section's clause and its parameter rows."""
    if section.kind == "counts":
        return counters.ADD_COUNTS, rows
    if section.kind == "node" and not section.create:
        return MERGE_NODE[section.name], rows
    if section.kind == "edge" and not section.create:
        clause = (
            f"MATCH (a:{section.src} {{id: row.src}}) MATCH (b:{section.dst} {{id: row.dst}}) "
            f"MERGE (a)-[r:{section.name}]->(b) SET r += row.props"
        )
        return clause, rows
    # CREATE with the properties in the pattern; a null in a list row sets nothing, as `+=` of a map
    # without the key does.
    ends = ["id"] if section.kind == "node" else ["src", "dst"]
    columns = list(dict.fromkeys(key for row in rows for key in row["props"] if key not in ends))
    listed = [[*(row[end] for end in ends), *map(row["props"].get, columns)] for row in rows]
    props = [f"{key}: row[{len(ends) + index}]" for index, key in enumerate(columns)]
    if section.kind == "node":
        return f"CREATE (n:{section.name} {{{', '.join(['id: row[0]', *props])}}})", listed
    edge_props = f" {{{', '.join(props)}}}" if props else ""
    clause = (
        f"MATCH (a:{section.src} {{id: row[0]}}) MATCH (b:{section.dst} {{id: row[1]}}) "
        f"CREATE (a)-[r:{section.name}{edge_props}]->(b)"
    )
    return clause, listed


def _merged_rows(rows: list[Row]) -> list[Row]:
    """One row per key, combined the way the clause would combine them one after the other (a MERGE
    must not meet its own key twice in one UNWIND: the engines disagree on whether it sees the node
    it created a row earlier)."""
    merged: dict[tuple[str, ...], Row] = {}
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
        for name in _FIRST_VALUE_STAYS:
            if name in row:
                combined[name] = seen[name] if seen[name] is not None else row[name]
        merged[key] = combined
    return list(merged.values())
