// name: sub_regions
// description: A region's sub-regions with their numbers of documents.
// param id: the region's id
MATCH (s:Region)-[:PART_OF]->(r:Region {id: $id})
OPTIONAL
MATCH (d:Document)-[:COVERS]->(s)
RETURN s.name AS region, s.level AS level, count(d) AS documents, s.id AS id
ORDER BY region
