"""Human coding of measures, the app's one write path, and the analyses built on the codes.

A code a person gives is a `(:Coding {id, measure_id, doc_id, axis, code, coder, source, at, note,
suggested})` node, one per measure, axis and coder (the latest decision of that coder), joined to its
measure by `measure_id` rather than a relationship: measure ids are stable, and a re-ingest that
rewrites a document's measures leaves every human code in place. The suggested codes live on the
Measure nodes (`suggested_<axis>`, from ingest/coding.py) and are recomputed by every ingest.

The *final* code of a measure on an axis is the latest human code (of one coder, or of anyone), else
the suggestion. The matrix crosses two axes over any selection of documents, by year or region.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from core.agreement import Agreement, cohen_kappa
from core.schemes import scheme, schemes
from graph.store import GraphStore, StoreError

SOURCES = ("final", "suggested", "human")
SAVE = """
MATCH (m:Measure {id: $measure_id})
MERGE (c:Coding {id: $id})
SET c.measure_id = $measure_id, c.doc_id = m.doc_id, c.axis = $axis, c.code = $code, c.coder = $coder,
    c.source = $source, c.at = $at, c.note = $note, c.suggested = $suggested
RETURN c.id AS id
"""
CODINGS = """
MATCH (c:Coding)
WHERE ($coder = '' OR c.coder = $coder) AND ($axis = '' OR c.axis = $axis)
RETURN c.measure_id AS measure_id, c.axis AS axis, c.code AS code, c.coder AS coder, c.source AS source,
       c.at AS at, c.note AS note, c.suggested AS suggested
ORDER BY c.measure_id, c.axis, c.at
"""
SUGGESTED = "MATCH (m:Measure {id: $measure_id}) RETURN properties(m) AS props"
CODERS = "MATCH (c:Coding) RETURN DISTINCT c.coder AS coder ORDER BY coder"
MEASURES = """
MATCH (d:Document)
WHERE d.kind <> 'law' AND (size($doc_ids) = 0 OR d.id IN $doc_ids)
  AND ($year_from < 0 OR d.year >= $year_from) AND ($year_to < 0 OR d.year <= $year_to)
OPTIONAL MATCH (d)-[:COVERS]->(place:Region)
WITH d, place
MATCH (m:Measure {doc_id: d.id})
RETURN m.id AS id, d.id AS doc_id, d.label AS document, d.year AS year, place.name AS region, place.id AS region_id,
       m.path AS path, m.heading AS heading, m.text AS text, m.start AS start, properties(m) AS props
ORDER BY d.label, m.start
"""
IN_REGION = "MATCH (r:Region)-[:PART_OF*0..3]->(:Region {id: $region}) RETURN collect(r.id) AS ids"


def coding_id(measure_id: str, axis: str, coder: str) -> str:
    return f"coding:{measure_id}|{axis}|{coder}"


def save_code(
    store: GraphStore, measure_id: str, axis: str, code: str, coder: str, note: str = "", source: str = "human"
) -> str:
    """Store a person's code (replacing that coder's earlier code of the measure on that axis)."""
    coder = coder.strip()
    if not coder:
        raise ValueError("a code needs a coder: give your name or initials")
    if code not in scheme(axis).code_names:
        raise ValueError(f"{code!r} is not a code of the {axis} scheme ({', '.join(scheme(axis).code_names)})")
    params = {
        "id": coding_id(measure_id, axis, coder), "measure_id": measure_id, "axis": axis, "code": code,
        "coder": coder, "source": source, "at": datetime.now(UTC).isoformat(timespec="seconds"), "note": note,
        "suggested": _suggestion(store, measure_id, axis),
    }  # fmt: skip
    rows = store.write(SAVE, params)
    if not rows:
        raise StoreError(f"no measure {measure_id!r} in the graph")
    return str(rows[0]["id"])


def _suggestion(store: GraphStore, measure_id: str, axis: str) -> str | None:
    """What the suggester said when the person decided (kept with the code: accepted or changed)."""
    rows = store.read(SUGGESTED, {"measure_id": measure_id})
    return rows[0]["props"].get(f"suggested_{axis}") if rows else None


def codings(store: GraphStore, coder: str = "", axis: str = "") -> list[dict[str, Any]]:
    return store.read(CODINGS, {"coder": coder, "axis": axis})


def coders(store: GraphStore) -> list[str]:
    return [row["coder"] for row in store.read(CODERS)]


def agreement(store: GraphStore, coder_a: str, coder_b: str, axis: str) -> Agreement:
    """Cohen's κ between two coders over the measures both coded on `axis`."""
    a = {r["measure_id"]: r["code"] for r in codings(store, coder_a, axis)}
    b = {r["measure_id"]: r["code"] for r in codings(store, coder_b, axis)}
    both = sorted(a.keys() & b.keys())
    return cohen_kappa([a[m] for m in both], [b[m] for m in both])


@dataclass(frozen=True)
class Selection:
    """Which measures an analysis counts: documents (ids), a region and everything inside it, years."""

    doc_ids: tuple[str, ...] = ()
    region: str | None = None  # a region id
    year_from: int | None = None
    year_to: int | None = None


def coded_measures(
    store: GraphStore, selection: Selection = Selection(), source: str = "final", coder: str = ""
) -> list[dict[str, Any]]:
    """The selected measures of plans with a code per axis (`<axis>`) and where it came from
    (`<axis>_by`: suggested, or the coder)."""
    if source not in SOURCES:
        raise ValueError(f"source must be one of {', '.join(SOURCES)}, not {source!r}")
    axes = [s.axis for s in schemes()]
    params = {
        "doc_ids": list(selection.doc_ids),
        "year_from": selection.year_from if selection.year_from is not None else -1,
        "year_to": selection.year_to if selection.year_to is not None else -1,
    }
    rows = []
    for row in store.read(MEASURES, params):
        props = row.pop("props")
        for axis in axes:  # suggested_<axis>, its confidence and cue, of every scheme
            for key in (f"suggested_{axis}", f"suggested_{axis}_confidence", f"suggested_{axis}_cue"):
                row[key] = props.get(key)
        rows.append(row)
    if selection.region:
        inside = set(store.read(IN_REGION, {"region": selection.region})[0]["ids"])
        rows = [r for r in rows if r["region_id"] in inside]
    human: dict[tuple[str, str], dict[str, Any]] = {}
    if source != "suggested":
        for row in codings(store, coder):
            human[(row["measure_id"], row["axis"])] = row  # ordered by time: the latest wins
    out = []
    for row in rows:
        for axis in axes:
            person = human.get((row["id"], axis))
            if source == "human" and person is None:
                row[axis] = None
            elif person is not None and source != "suggested":
                row[axis], row[f"{axis}_by"] = person["code"], person["coder"]
                continue
            else:
                row[axis] = row.get(f"suggested_{axis}")
            row[f"{axis}_by"] = "suggested" if row[axis] is not None else None
        out.append(row)
    return out


def matrix(
    rows: list[dict[str, Any]], rows_axis: str = "tool", cols_axis: str = "value_chain", by: str = ""
) -> list[dict[str, Any]]:
    """Counts and shares of measures per (row code, column code), per `by` group (year, region,
    document) when given; measures without a code on either axis are left out, none codes kept."""
    groups: dict[Any, Counter[tuple[str, str]]] = defaultdict(Counter)
    for row in rows:
        if row.get(rows_axis) is None or row.get(cols_axis) is None:
            continue
        groups[row.get(by) if by else ""][(row[rows_axis], row[cols_axis])] += 1
    row_scheme = scheme(rows_axis)
    out = []
    for group in sorted(groups, key=lambda g: (g is None, str(g))):
        counts = groups[group]
        total = sum(counts.values())
        for (r, c), n in sorted(counts.items()):
            entry = {by: group} if by else {}
            entry.update({
                f"{rows_axis}_type": row_scheme.group_of(r), rows_axis: r, cols_axis: c,
                "measures": n, "share": round(n / total, 4),
            })  # fmt: skip
            out.append(entry)
    return out


def matrix_csv(cells: list[dict[str, Any]]) -> str:
    if not cells:
        return ""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(cells[0]))
    writer.writeheader()
    writer.writerows(cells)
    return out.getvalue()


def matrix_xlsx(cells: list[dict[str, Any]], rows_axis: str, cols_axis: str) -> bytes:
    """A workbook: the long table, and one sheet per group with codes as rows and columns (counts),
    the form a paper's table takes."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    long = book.active
    long.title = "cells"
    if cells:
        long.append(list(cells[0]))
        for cell in cells:
            long.append(list(cell.values()))
        for item in long[1]:
            item.font = Font(bold=True)
    keys = [
        k
        for k in (cells[0] if cells else {})
        if k not in (f"{rows_axis}_type", rows_axis, cols_axis, "measures", "share")
    ]
    group_key = keys[0] if keys else None
    grouped: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for cell in cells:
        grouped[cell.get(group_key) if group_key else "all"].append(cell)
    for group, group_cells in grouped.items():
        sheet = book.create_sheet(_sheet_title(str(group if group is not None else "not stated")))
        columns = list(scheme(cols_axis).code_names)
        sheet.append([f"{rows_axis} \\ {cols_axis}", *columns, "total"])
        for code in scheme(rows_axis).code_names:
            counts = {c[cols_axis]: c["measures"] for c in group_cells if c[rows_axis] == code}
            if counts:
                sheet.append([code, *(counts.get(c, 0) for c in columns), sum(counts.values())])
        for item in sheet[1]:
            item.font = Font(bold=True)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _sheet_title(name: str) -> str:
    return re.sub(r"[\\/*?:\[\]]", "_", name)[:31] or "group"


def import_codes(store: GraphStore, path: Path, coder: str) -> tuple[int, list[str]]:
    """Load a coder's JSON-lines file (`{"measure_id", "<axis>": code, …, "note"}`) as human codes.
    `measure_id` is a graph id (doc:…/path) or the gold files' `<file stem>:<path>`; returns (codes
    stored, ids not found)."""
    stems = {row["stem"]: row["id"] for row in store.read(STEMS)}
    stored, missing = 0, []
    axes = [s.axis for s in schemes()]
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise ValueError(f"{path.name} line {number}: not JSON ({error.msg})") from error
        measure = _graph_measure_id(str(row.get("measure_id", "")), stems)
        if measure is None:
            missing.append(str(row.get("measure_id")))
            continue
        for axis in axes:
            if row.get(axis):
                try:
                    save_code(store, measure, axis, row[axis], coder, row.get("note", ""), source="imported")
                    stored += 1
                except StoreError:
                    missing.append(str(row.get("measure_id")))
    return stored, sorted(set(missing))


STEMS = """
MATCH (d:Document)
UNWIND d.sources AS source
RETURN d.id AS id, source AS stem
"""


def _graph_measure_id(written: str, stems: dict[str, str]) -> str | None:
    if written.startswith("doc:"):
        return written
    stem, _, path = written.partition(":")
    for source, doc_id in stems.items():
        if Path(source).stem == stem:
            return f"{doc_id}/{path}"
    return None
