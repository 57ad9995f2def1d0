// name: document_facts
// description: A document's extracted facts with their evidence offsets.
// param id: the document's id
MATCH (m:Measure {doc_id: $id})<-[r:LEADS|RESPONSIBLE_FOR|SUPPORTS]-(a:Agency)
RETURN type(r) AS type, a.name AS subject, m.path AS object, r.evidence AS evidence, r.start AS start, r.end AS end
ORDER BY start
UNION ALL
MATCH (d:Document {id: $id})-[r:CITES|ISSUED_BY|COVERS]->(x)
RETURN type(r) AS type, d.label AS subject, coalesce(x.title, x.name, x.doc_number) AS object, r.evidence AS evidence, r.start AS start, r.end AS end
ORDER BY start
UNION ALL
MATCH (m:Measure {doc_id: $id})-[r:ASSIGNED_TO]->(x:Region)
RETURN type(r) AS type, m.path AS subject, x.name AS object, r.evidence AS evidence, r.start AS start, r.end AS end
ORDER BY start
