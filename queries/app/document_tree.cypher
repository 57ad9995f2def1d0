// name: document_tree
// description: A document's measures with owners, deadlines and targets, in text order.
// param id: the document's id
MATCH (m:Measure {doc_id: $id})
OPTIONAL
MATCH (a:Agency)-[r:LEADS|RESPONSIBLE_FOR|SUPPORTS]->(m)
WITH m, collect(CASE WHEN a IS NULL THEN NULL ELSE a.name + '（' + r.role + '）' END) AS owners
OPTIONAL
MATCH (m)-[:HAS_TARGET]->(t:Target)
WITH m, owners, collect(t.text) AS targets
RETURN m.id AS id, m.path AS path, m.heading AS heading, owners, m.deadline_text AS deadline, m.deadline_start AS starts, m.deadline_end AS due, targets, m.start AS start, m.end AS end
ORDER BY m.start
