// name: co_owners
// description: Agencies that share measures with a given agency, how many and in which roles (at most 200 rows).
// param agency: the agency's canonical name or any alias. Example: 甘肃省市场监督管理局
MATCH (a:Agency)
WHERE a.name = $agency OR $agency IN a.aliases
MATCH (a)-[:LEADS|RESPONSIBLE_FOR|SUPPORTS]->(m:Measure)<-[r:LEADS|RESPONSIBLE_FOR|SUPPORTS]-(other:Agency)
WHERE other <> a
RETURN other.name AS co_owner, count(DISTINCT m) AS shared_measures, collect(DISTINCT r.role) AS their_roles,
       other.generic AS generic
ORDER BY shared_measures DESC, co_owner
LIMIT 200
