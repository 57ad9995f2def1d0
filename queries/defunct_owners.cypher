// name: defunct_owners
// description: Tasks still assigned to bodies that no longer existed on a given day (merged, renamed or split away), with who owns them instead (at most {row_cap} rows).
// param as_of (date, optional): the day (default: today). Example: 2020-01-01
MATCH (a:Agency)-[s:SUCCEEDED_BY]->(:Agency)
WHERE s.kind <> 'placed_under' AND s.year <= coalesce(toInteger(left($as_of, 4)), 9999)
WITH DISTINCT a, min(s.year) AS ended
MATCH (a)-[r:LEADS|RESPONSIBLE_FOR|SUPPORTS]->(m:Measure)
OPTIONAL MATCH chain = (a)-[:SUCCEEDED_BY*1..6]->(now:Agency)
WHERE all(x IN relationships(chain) WHERE x.main AND x.kind <> 'placed_under'
          AND x.year <= coalesce(toInteger(left($as_of, 4)), 9999))
WITH a, ended, r, m, now, chain ORDER BY length(chain) DESC
WITH a, ended, r, m, collect(now.name)[0] AS owner_now
RETURN a.name AS assigned_to, ended, owner_now, r.role AS role, m.path AS path, m.heading AS measure,
       m.doc_label AS document, m.id AS measure_id
ORDER BY assigned_to, document, m.start
LIMIT $row_cap
