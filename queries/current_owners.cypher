// name: current_owners
// description: Who owns each task of a document today (or on a given day), following the agencies' successions (data/agency_lineage.csv): a body merged, renamed or split away hands its tasks to its successor; a body placed under another still owns them, and the body administering it is named (at most {row_cap} rows).
// param doc (document): a document's number (any brackets), words of its title, or its id. Example: 浙江省2014年专利事业发展战略推进工作组织实施方案
// param as_of (date, optional): the day to read the owners for (default: today). Example: 2020-01-01
MATCH (m:Measure {doc_id: $doc})<-[r:LEADS|RESPONSIBLE_FOR|SUPPORTS]-(a:Agency)
OPTIONAL MATCH chain = (a)-[:SUCCEEDED_BY*1..6]->(now:Agency)
WHERE all(s IN relationships(chain) WHERE s.main AND s.kind <> 'placed_under'
          AND s.year <= coalesce(toInteger(left($as_of, 4)), 9999))
WITH m, r, a, now, chain
ORDER BY length(chain) DESC
WITH m, r, a, collect(now)[0] AS now, collect(chain)[0] AS chain
WITH m, r, a, coalesce(now, a) AS owner, chain
OPTIONAL MATCH (owner)-[u:SUCCEEDED_BY {kind: 'placed_under'}]->(boss:Agency)
WHERE u.year <= coalesce(toInteger(left($as_of, 4)), 9999)
OPTIONAL MATCH (a)-[sp:SUCCEEDED_BY {kind: 'split_into'}]->(part:Agency)
WHERE sp.year <= coalesce(toInteger(left($as_of, 4)), 9999) AND chain IS NULL
WITH m, r, a, owner, chain, collect(DISTINCT boss.name) AS administered_by, collect(DISTINCT part.name) AS split_into
RETURN m.path AS path, r.role AS role, a.name AS assigned_to,
       CASE WHEN size(split_into) > 0 THEN NULL ELSE owner.name END AS owner_now,
       CASE WHEN chain IS NULL THEN NULL ELSE [s IN relationships(chain) | s.kind + ' ' + toString(s.year)] END AS successions,
       administered_by, split_into, m.heading AS measure, m.doc_label AS document, m.id AS measure_id
ORDER BY m.start, role
LIMIT $row_cap
