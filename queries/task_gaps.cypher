// name: task_gaps
// description: Measures of a document that name no owner at all, or owners but no lead; section headings with sub-items are left out (at most {row_cap} rows).
// param doc (document): a document's number (any brackets), words of its title, or its id. Example: 甘肃省
MATCH (d:Document)
WHERE d.id = $doc
WITH d
MATCH (m:Measure {doc_id: d.id})
WHERE NOT (m)-[:HAS_MEASURE]->(:Measure)
OPTIONAL MATCH (a:Agency)-[r:LEADS|RESPONSIBLE_FOR|SUPPORTS]->(m)
WITH d, m, count(a) AS owners, count(CASE WHEN r.role = 'lead' THEN 1 END) AS leads
WHERE owners = 0 OR leads = 0
RETURN d.label AS document, m.path AS path, m.heading AS measure,
       CASE WHEN owners = 0 THEN 'no owner' ELSE 'no lead' END AS gap, owners, m.id AS measure_id
ORDER BY document, m.start
LIMIT $row_cap
