// name: inherited_tasks
// description: Tasks an agency holds through its predecessors: those assigned to bodies merged into it, renamed to it or split into it (as its main successor), on a given day, and those of the bodies placed under it, which it administers (at most {row_cap} rows).
// param agency (agency): the agency today, as written anywhere. Example: 浙江省市场监督管理局
// param as_of (date, optional): the day to read the successions for (default: today). Example: 2020-01-01
MATCH (a:Agency)
WHERE a.name = $agency
MATCH chain = (old:Agency)-[:SUCCEEDED_BY*1..6]->(a)
WHERE all(s IN relationships(chain) WHERE (s.main OR s.kind = 'placed_under')
          AND s.year <= coalesce(toInteger(left($as_of, 4)), 9999))
MATCH (old)-[r:LEADS|RESPONSIBLE_FOR|SUPPORTS]->(m:Measure)
WITH old, r, m, [s IN relationships(chain) | s.kind + ' ' + toString(s.year)] AS successions,
     CASE WHEN last(relationships(chain)).kind = 'placed_under' THEN 'administers' ELSE 'inherited' END AS how
RETURN how, old.name AS assigned_to, r.role AS role, successions, m.path AS path, m.heading AS measure,
       m.doc_label AS document, m.id AS measure_id
ORDER BY how DESC, assigned_to, document, m.start
LIMIT $row_cap
