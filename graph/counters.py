"""Each agency's task counts per role, kept on the node (`tasks`, `tasks_lead`, …).

The app's agency list and busiest-agency chart read them instead of counting every LEADS /
RESPONSIBLE_FOR / SUPPORTS edge of the corpus (700 ms at 5,000 documents). The writer adds a
document's counts in the document's own transaction, so they stay exact; stores written before the
counts existed are counted once (`graph.migrations`).
"""

from __future__ import annotations

from typing import Any

from core.records import RelationRecord
from core.roles import ROLE_NAMES, ROLE_OF_TYPE

# The clause fed by `UNWIND $rows AS row`: one row per agency, {id, lead, responsible, support}.
ADD_COUNTS = (
    "MATCH (n:Agency {id: row.id}) SET n.tasks_lead = coalesce(n.tasks_lead, 0) + row.lead, "
    "n.tasks_responsible = coalesce(n.tasks_responsible, 0) + row.responsible, "
    "n.tasks_support = coalesce(n.tasks_support, 0) + row.support, "
    "n.tasks = coalesce(n.tasks, 0) + row.lead + row.responsible + row.support"
)
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


def _zero(agency_id: str) -> dict[str, Any]:
    return {"id": agency_id, **dict.fromkeys(ROLE_NAMES, 0)}


def count_rows(relations: list[RelationRecord]) -> list[dict[str, Any]]:
    """One row per agency that holds tasks in these relations: its tasks per role."""
    counts: dict[str, dict[str, Any]] = {}
    for relation in relations:
        role = ROLE_OF_TYPE.get(relation.type)
        if role and relation.src_label == "Agency":
            counts.setdefault(relation.src_id, _zero(relation.src_id))[role] += 1
    return list(counts.values())


def summed(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per agency, several documents' counts added (an UNWIND must not update a node twice)."""
    totals: dict[str, dict[str, Any]] = {}
    for row in rows:
        total = totals.setdefault(row["id"], _zero(row["id"]))
        for role in ROLE_NAMES:
            total[role] += row[role]
    return list(totals.values())
