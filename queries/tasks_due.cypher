// name: tasks_due
// description: Measures with a deadline or milestone in a period (ISO dates, inclusive): any of a measure's dated expressions that overlaps the period counts (第一季度 as well as 年底前); owners of the measure, or inherited from the nearest item above it that names owners (at most {row_cap} rows).
// param start (date): first day of the period (2014-01-01, 2014-1-1, 2014年1月1日, 2014-01, 2014). Example: 2014-01-01
// param end (date): last day of the period (a month or a year: its last day). Example: 2014-06-30
MATCH (m:Measure)
WHERE m.deadline_end >= $start
WITH m, [r IN m.deadline_ranges WHERE split(r, '/')[1] <> '..' AND split(r, '/')[1] >= $start
         AND (CASE WHEN split(r, '/')[0] = '..' THEN split(r, '/')[1] ELSE split(r, '/')[0] END) <= $end] AS hits
WITH m, hits WHERE size(hits) > 0
WITH m, hits
ORDER BY m.deadline_end, m.doc_label, m.start
LIMIT $row_cap
OPTIONAL MATCH (a:Agency)-[r:LEADS|RESPONSIBLE_FOR|SUPPORTS]->(m)
WITH m, hits, collect(CASE WHEN a IS NULL THEN NULL ELSE a.name + '（' + r.role + '）' END) AS own
OPTIONAL MATCH (p:Measure)-[:HAS_MEASURE*1..6]->(m)
WHERE size(own) = 0
OPTIONAL MATCH (pa:Agency)-[pr:LEADS|RESPONSIBLE_FOR|SUPPORTS]->(p)
WITH m, hits, own, p, collect(CASE WHEN pa IS NULL THEN NULL ELSE pa.name + '（' + pr.role + '）' END) AS above
ORDER BY p.start DESC
WITH m, hits, own, collect(CASE WHEN size(above) > 0 THEN [p.path, above] END) AS owning
WITH m, hits, own, CASE WHEN size(own) > 0 OR size(owning) = 0 THEN NULL ELSE owning[0] END AS inherited
RETURN split(hits[0], '/')[1] AS due, m.deadline_text AS deadline, m.path AS path, m.heading AS measure,
       CASE WHEN inherited IS NULL THEN own ELSE inherited[1] END AS owners,
       CASE WHEN inherited IS NULL THEN NULL ELSE 'inherited from ' + inherited[0] END AS owners_from,
       m.doc_label AS document, m.id AS measure_id
ORDER BY due, document, m.start
LIMIT $row_cap
