"""Every Cypher string the app sends (beside the named queries), in one place so it can be linted.

All are parameterised; user input never becomes query text.
"""

from __future__ import annotations

DOCUMENTS = (
    "MATCH (d:Document) RETURN d.id AS id, d.label AS label, d.doc_number AS number, d.level AS level, "
    "d.region AS region, d.year AS year, d.issued AS issued, d.kind AS kind, d.measure_count AS measures "
    "ORDER BY label"
)
DOCUMENT = (
    "MATCH (d:Document {id: $id}) RETURN d.id AS id, d.label AS label, d.title AS title, d.doc_number AS number, "
    "d.issuer_text AS issuer, d.issued AS issued, d.published AS published, d.level AS level, d.region AS region, "
    "d.script AS script, d.kind AS kind, d.sources AS sources, d.text AS text, d.measure_count AS measures, "
    "d.relationship_count AS relationships"
)
DOCUMENT_TREE = (
    "MATCH (m:Measure {doc_id: $id}) "
    "OPTIONAL MATCH (a:Agency)-[r:LEADS|RESPONSIBLE_FOR|SUPPORTS]->(m) "
    "WITH m, collect(CASE WHEN a IS NULL THEN NULL ELSE a.name + '（' + r.role + '）' END) AS owners "
    "OPTIONAL MATCH (m)-[:HAS_TARGET]->(t:Target) "
    "WITH m, owners, collect(t.text) AS targets "
    "RETURN m.id AS id, m.path AS path, m.heading AS heading, owners, m.deadline_text AS deadline, "
    "m.deadline_start AS starts, m.deadline_end AS due, targets ORDER BY m.start"
)
CITED_BY = (
    "MATCH (d:Document {id: $id})<-[:SAME_AS]-(r:Regulation)<-[c:CITES]-(other:Document) "
    "RETURN DISTINCT other.id AS id, other.label AS document, other.year AS year, other.region AS region, "
    "c.evidence AS evidence ORDER BY year"
)
DOCUMENT_FACTS = (
    "MATCH (m:Measure {doc_id: $id})<-[r:LEADS|RESPONSIBLE_FOR|SUPPORTS]-(a:Agency) "
    "RETURN type(r) AS type, a.name AS subject, m.path AS object, r.evidence AS evidence, r.start AS start, "
    "r.end AS end ORDER BY start "
    "UNION ALL "
    "MATCH (d:Document {id: $id})-[r:CITES|ISSUED_BY|COVERS]->(x) "
    "RETURN type(r) AS type, d.label AS subject, coalesce(x.title, x.name, x.doc_number) AS object, "
    "r.evidence AS evidence, r.start AS start, r.end AS end ORDER BY start "
    "UNION ALL "
    "MATCH (m:Measure {doc_id: $id})-[r:ASSIGNED_TO]->(x:Region) "
    "RETURN type(r) AS type, m.path AS subject, x.name AS object, r.evidence AS evidence, r.start AS start, "
    "r.end AS end ORDER BY start"
)
# The pickers list the busiest 1,000 (a page opened from search or a link adds its own entity).
# Task counts are kept on each agency by the loader (graph/loader.py), not counted from the edges here.
AGENCIES = (
    "MATCH (a:Agency) WHERE a.tasks > 0 "
    "RETURN a.id AS id, a.name AS name, a.generic AS generic, a.tasks AS tasks ORDER BY tasks DESC, name LIMIT 1000"
)
NAME_OF = {
    "Agency": "MATCH (n:Agency {id: $id}) RETURN n.name AS name",
    "Regulation": "MATCH (n:Regulation {id: $id}) RETURN coalesce(n.title, n.doc_number) AS name",
}
AGENCY = (
    "MATCH (a:Agency {id: $id}) OPTIONAL MATCH (a)-[:PART_OF]->(p:Agency) "
    "OPTIONAL MATCH (a)-[:LOCATED_IN]->(r:Region) "
    "RETURN a.name AS name, a.aliases AS aliases, a.level AS level, a.region AS region, a.generic AS generic, "
    "p.name AS part_of, r.id AS region_id"
)
AGENCY_DOCUMENTS = (
    "MATCH (a:Agency {id: $id})-[r:LEADS|RESPONSIBLE_FOR|SUPPORTS]->(m:Measure) "
    "WITH r, m MATCH (d:Document {id: m.doc_id}) "
    "RETURN d.label AS document, d.year AS year, count(r) AS tasks, d.id AS id ORDER BY tasks DESC "
    "UNION ALL "
    "MATCH (d:Document)-[:ISSUED_BY]->(a:Agency {id: $id}) "
    "RETURN d.label AS document, d.year AS year, 0 AS tasks, d.id AS id ORDER BY tasks DESC"
)
REGIONS = (
    "MATCH (r:Region) WHERE (r)<-[:COVERS|ASSIGNED_TO]-() OR (r)<-[:PART_OF]-(:Region) "
    "RETURN r.id AS id, r.name AS name, r.level AS level ORDER BY r.code"
)
REGION = (
    "MATCH (r:Region {id: $id}) OPTIONAL MATCH (r)-[:PART_OF]->(p:Region) "
    "RETURN r.name AS name, r.level AS level, r.code AS code, p.name AS parent"
)
SUB_REGIONS = (
    "MATCH (s:Region)-[:PART_OF]->(r:Region {id: $id}) OPTIONAL MATCH (d:Document)-[:COVERS]->(s) "
    "RETURN s.name AS region, s.level AS level, count(d) AS documents, s.id AS id ORDER BY region"
)
REGULATIONS = (
    "MATCH (r:Regulation)<-[:CITES]-(d:Document) "
    "RETURN r.id AS id, coalesce(r.title, r.doc_number) AS title, count(DISTINCT d) AS documents "
    "ORDER BY documents DESC, title LIMIT 1000"
)
REGULATION = (
    "MATCH (r:Regulation {id: $id}) OPTIONAL MATCH (r)-[:SAME_AS]->(t:Document) "
    "RETURN coalesce(r.title, r.doc_number) AS title, r.doc_number AS number, t.id AS document_id, "
    "t.label AS document"
)
REGULATION_CITERS = (
    "MATCH (r:Regulation {id: $id})<-[c:CITES]-(d:Document) "
    "RETURN d.label AS document, d.year AS year, d.level AS level, d.region AS region, c.evidence AS evidence, "
    "d.id AS id ORDER BY year"
)
SEARCH = {
    "Document": (
        "MATCH (d:Document) WHERE d.label CONTAINS $q OR d.doc_number CONTAINS $q "
        "RETURN d.id AS id, d.label AS name, d.year AS detail LIMIT 50"
    ),
    "Agency": (
        "MATCH (a:Agency) WHERE a.name CONTAINS $q OR any(x IN a.aliases WHERE x CONTAINS $q) "
        "RETURN a.id AS id, a.name AS name, a.region AS detail LIMIT 50"
    ),
    "Region": (
        "MATCH (r:Region) WHERE r.name CONTAINS $q RETURN r.id AS id, r.name AS name, r.level AS detail LIMIT 50"
    ),
    "Regulation": (
        "MATCH (r:Regulation) WHERE r.title CONTAINS $q OR r.doc_number CONTAINS $q "
        "RETURN r.id AS id, coalesce(r.title, r.doc_number) AS name, r.doc_number AS detail LIMIT 50"
    ),
    "Measure": (
        "MATCH (m:Measure) WHERE m.search_text CONTAINS $q WITH m MATCH (d:Document {id: m.doc_id}) "
        "RETURN m.id AS id, m.heading AS name, d.label + ' ' + m.path AS detail, d.id AS document_id LIMIT 50"
    ),
}
DOCS_PER_YEAR = (
    "MATCH (d:Document) WHERE d.year IS NOT NULL RETURN d.year AS year, d.level AS level, count(*) AS documents "
    "ORDER BY year"
)
TOP_AGENCIES = (
    "MATCH (a:Agency) WHERE a.tasks > 0 AND NOT a.generic "
    "UNWIND [['lead', a.tasks_lead], ['responsible', a.tasks_responsible], ['support', a.tasks_support]] AS held "
    "WITH a.name AS agency, held[0] AS role, held[1] AS tasks WHERE tasks > 0 "
    "RETURN agency, role, tasks ORDER BY tasks DESC LIMIT 60"
)

# name → (query, parameter names): for the Neo4j lint and the query benchmark.
APP_QUERIES: dict[str, tuple[str, list[str]]] = {
    "app.documents": (DOCUMENTS, []),
    "app.document": (DOCUMENT, ["id"]),
    "app.document_tree": (DOCUMENT_TREE, ["id"]),
    "app.cited_by": (CITED_BY, ["id"]),
    "app.document_facts": (DOCUMENT_FACTS, ["id"]),
    "app.agencies": (AGENCIES, []),
    "app.agency": (AGENCY, ["id"]),
    "app.agency_documents": (AGENCY_DOCUMENTS, ["id"]),
    "app.regions": (REGIONS, []),
    "app.region": (REGION, ["id"]),
    "app.sub_regions": (SUB_REGIONS, ["id"]),
    "app.regulations": (REGULATIONS, []),
    "app.regulation": (REGULATION, ["id"]),
    "app.regulation_citers": (REGULATION_CITERS, ["id"]),
    "app.docs_per_year": (DOCS_PER_YEAR, []),
    "app.top_agencies": (TOP_AGENCIES, []),
    "app.name_of_agency": (NAME_OF["Agency"], ["id"]),
    "app.name_of_regulation": (NAME_OF["Regulation"], ["id"]),
    **{f"app.search_{label.lower()}": (query, ["q"]) for label, query in SEARCH.items()},
}
