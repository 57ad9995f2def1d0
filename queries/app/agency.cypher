// name: agency
// description: One agency: names, level, region, parent body.
// param id: the agency's id
MATCH (a:Agency {id: $id})
OPTIONAL
MATCH (a)-[:PART_OF]->(p:Agency)
OPTIONAL
MATCH (a)-[:LOCATED_IN]->(r:Region)
RETURN a.name AS name, a.aliases AS aliases, a.level AS level, a.region AS region, a.generic AS generic, p.name AS part_of, r.id AS region_id
