// name: document_measures
// description: The measures of a document in outline order, with the agencies that own each one and their roles (at most 2000 rows).
// param doc (document): a document's number (any brackets), words of its title, or its id. Example: 靖政办发〔2017〕130号
MATCH (d:Document)
WHERE d.id = $doc
WITH d
MATCH (m:Measure {doc_id: d.id})
OPTIONAL MATCH (a:Agency)-[r:LEADS|RESPONSIBLE_FOR|SUPPORTS]->(m)
WITH d, m, collect(CASE WHEN a IS NULL THEN NULL ELSE a.name + '（' + r.role + '）' END) AS agencies
RETURN d.label AS document, m.path AS path, m.heading AS measure, agencies, m.deadline_text AS deadline,
       m.id AS measure_id
ORDER BY document, m.start
LIMIT 2000
