"""The lineage table in the graph: `(Agency)-[:SUCCEEDED_BY {year, kind, source, note, main}]->(Agency)`
for every agency the graph holds that a succession names, and on through the successors (工商局 →
市场监督管理局; 银监会 → 银保监会 → 金融监管总局). A successor the graph does not hold yet becomes an
agency node of the same region and level, holding no tasks. Idempotent: run after every ingest.
"""

from __future__ import annotations

from typing import Any

from core.ids import agency_id
from core.lineage import Step, steps
from core.regions import COUNTRY, gazetteer
from graph.store import GraphStore

AGENCIES = (
    "MATCH (a:Agency) WHERE NOT coalesce(a.generic, false) "
    "RETURN a.id AS id, a.name AS name, a.region_id AS region_id, a.level AS level"
)
WRITE = """
UNWIND $steps AS s
MATCH (p:Agency {id: s.from_id})
MERGE (n:Agency {id: s.to_id})
ON CREATE SET n.name = s.to_name, n.aliases = [], n.level = s.level, n.region = s.region, n.region_id = s.region_id,
              n.generic = false, n.tasks = 0, n.tasks_lead = 0, n.tasks_responsible = 0, n.tasks_support = 0
MERGE (p)-[r:SUCCEEDED_BY]->(n)
SET r.year = s.year, r.kind = s.kind, r.source = s.source, r.note = s.note, r.main = s.main
WITH n, s
MATCH (g:Region {id: s.region_id})
MERGE (n)-[:LOCATED_IN]->(g)
"""
BATCH = 500


def lineage_steps(agencies: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The successions of these agencies and of their successors, as rows for WRITE."""
    gaz = gazetteer()
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    queue = list(agencies)
    while queue:
        agency = queue.pop()
        if agency["name"] in seen:
            continue
        seen.add(agency["name"])
        region = COUNTRY if agency.get("region_id") == COUNTRY.id else gaz.by_id.get(agency.get("region_id") or "")
        for step in steps(agency["name"], region, agency.get("level")):
            out.append(_row(step, agency))
            queue.append({**agency, "id": agency_id(step.successor), "name": step.successor})
    return out


def _row(step: Step, agency: dict[str, Any]) -> dict[str, Any]:
    region = agency.get("region_id")
    return {
        "from_id": agency["id"], "to_id": agency_id(step.successor), "to_name": step.successor,
        "year": step.year, "kind": step.kind, "source": step.source, "note": step.note, "main": step.main,
        "level": agency.get("level"), "region_id": region,
        "region": (gazetteer().by_id[region].name if region in gazetteer().by_id else "中国" if region else None),
    }  # fmt: skip


def apply_lineage(store: GraphStore) -> int:
    """Write the successions of the graph's agencies; the number of SUCCEEDED_BY relationships."""
    rows = lineage_steps(store.read(AGENCIES))
    for start in range(0, len(rows), BATCH):
        store.write(WRITE, {"steps": rows[start : start + BATCH]})
    return len(rows)
