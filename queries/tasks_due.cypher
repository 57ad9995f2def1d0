// name: tasks_due
// description: Measures whose deadline falls in a period (ISO dates, inclusive), with their owners (at most 1000 rows).
// param start: first day of the period. Example: 2014-01-01
// param end: last day of the period. Example: 2014-06-30
MATCH (m:Measure)
WHERE m.deadline_end >= $start AND m.deadline_end <= $end
WITH m
MATCH (d:Document {id: m.doc_id})
WITH d, m
ORDER BY m.deadline_end, d.label, m.start
LIMIT 1000
WITH collect([d, m]) AS rows
UNWIND rows AS row
WITH row[0] AS d, row[1] AS m
OPTIONAL MATCH (a:Agency)-[r:LEADS|RESPONSIBLE_FOR|SUPPORTS]->(m)
WITH d, m, collect(CASE WHEN a IS NULL THEN NULL ELSE a.name + '（' + r.role + '）' END) AS owners
RETURN m.deadline_end AS due, m.deadline_text AS deadline, d.label AS document, m.path AS path,
       m.heading AS measure, owners, m.id AS measure_id
ORDER BY due, document, m.start
LIMIT 1000
