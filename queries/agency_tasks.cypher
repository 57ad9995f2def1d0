// name: agency_tasks
// description: Every measure an agency leads, is responsible for or supports, with its role, document and deadline (at most {row_cap} rows).
// param agency (agency): an agency's name as written anywhere: canonical, an alias, a short form with its region (甘肃省市场监管局), Simplified or Traditional. Example: 甘肃省市场监督管理局
MATCH (a:Agency)
WHERE a.name = $agency OR $agency IN a.aliases
MATCH (a)-[r:LEADS|RESPONSIBLE_FOR|SUPPORTS]->(m:Measure)
RETURN a.name AS agency, r.role AS role, m.doc_label AS document, m.path AS path, m.heading AS measure,
       m.deadline_text AS deadline, m.deadline_end AS due, m.id AS measure_id
ORDER BY document, m.start
LIMIT $row_cap
