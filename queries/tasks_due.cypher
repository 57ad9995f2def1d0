// name: tasks_due
// description: Measures whose deadline falls in a period (ISO dates, inclusive), with their owners (at most {row_cap} rows).
// param start (date): first day of the period (2014-01-01, 2014-1-1, 2014年1月1日, 2014-01, 2014). Example: 2014-01-01
// param end (date): last day of the period (a month or a year: its last day). Example: 2014-06-30
MATCH (m:Measure)
WHERE m.deadline_end >= $start AND m.deadline_end <= $end
WITH m
ORDER BY m.deadline_end, m.doc_label, m.start
LIMIT $row_cap
WITH collect(m) AS rows
UNWIND rows AS m
OPTIONAL MATCH (a:Agency)-[r:LEADS|RESPONSIBLE_FOR|SUPPORTS]->(m)
WITH m, collect(CASE WHEN a IS NULL THEN NULL ELSE a.name + '（' + r.role + '）' END) AS owners
RETURN m.deadline_end AS due, m.deadline_text AS deadline, m.doc_label AS document, m.path AS path,
       m.heading AS measure, owners, m.id AS measure_id
ORDER BY due, document, m.start
LIMIT $row_cap
