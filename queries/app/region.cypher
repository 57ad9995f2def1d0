// name: region
// description: One region: level, code, parent.
// param id: the region's id
MATCH (r:Region {id: $id})
OPTIONAL
MATCH (r)-[:PART_OF]->(p:Region)
RETURN r.name AS name, r.level AS level, r.code AS code, p.name AS parent
