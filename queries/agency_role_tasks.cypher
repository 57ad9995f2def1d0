// name: agency_role_tasks
// description: The measures an agency holds in one role (lead, responsible or support), with deadlines (at most {row_cap} rows).
// param agency (agency): an agency's name as written anywhere: canonical, an alias, a short form with its region (甘肃省市场监管局), Simplified or Traditional. Example: 浙江省知识产权局
// param role (role): lead, responsible or support, or a Chinese role word (牵头, 负责, 配合). Example: responsible
MATCH (a:Agency)
WHERE a.name = $agency OR $agency IN a.aliases
MATCH (a)-[r:LEADS|RESPONSIBLE_FOR|SUPPORTS]->(m:Measure)
WHERE r.role = $role
WITH a, r, m
MATCH (d:Document {id: m.doc_id})
RETURN a.name AS agency, r.role AS role, d.label AS document, m.path AS path, m.heading AS measure,
       m.deadline_text AS deadline, m.deadline_start AS starts, m.deadline_end AS due, m.id AS measure_id
ORDER BY due, document, m.start
LIMIT $row_cap
