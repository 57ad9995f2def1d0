// name: co_owners
// description: Agencies that share measures with a given agency, how many and in which roles (at most 200 rows).
// param agency (agency): an agency's name as written anywhere: canonical, an alias, a short form with its region (甘肃省市场监管局), Simplified or Traditional. Example: 甘肃省市场监督管理局
MATCH (a:Agency)
WHERE a.name = $agency OR $agency IN a.aliases
MATCH (a)-[:LEADS|RESPONSIBLE_FOR|SUPPORTS]->(m:Measure)
WITH DISTINCT a, m
MATCH (m)<--(other)
WHERE other <> a
WITH DISTINCT m, other
WHERE other:Agency
WITH other.name AS co_owner, other.generic AS generic, count(DISTINCT m) AS shared_measures, collect([other, m]) AS pairs
ORDER BY shared_measures DESC, co_owner
LIMIT 200
UNWIND pairs AS pair
WITH co_owner, generic, shared_measures, pair[0] AS other, pair[1] AS m
MATCH (other)-[r:LEADS|RESPONSIBLE_FOR|SUPPORTS]->(m)
WITH co_owner, generic, shared_measures, collect(DISTINCT r.role) AS their_roles
RETURN co_owner, shared_measures, their_roles, generic
ORDER BY shared_measures DESC, co_owner
