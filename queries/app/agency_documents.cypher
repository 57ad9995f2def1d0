// name: agency_documents
// description: The documents in which an agency holds tasks or that it issued.
// param id: the agency's id
MATCH (a:Agency {id: $id})-[r:LEADS|RESPONSIBLE_FOR|SUPPORTS]->(m:Measure)
WITH r, m
MATCH (d:Document {id: m.doc_id})
RETURN d.label AS document, d.year AS year, count(r) AS tasks, d.id AS document_id
ORDER BY tasks DESC
UNION ALL
MATCH (d:Document)-[:ISSUED_BY]->(a:Agency {id: $id})
RETURN d.label AS document, d.year AS year, 0 AS tasks, d.id AS document_id
ORDER BY tasks DESC
