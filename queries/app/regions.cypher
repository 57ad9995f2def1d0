// name: regions
// description: Regions that documents cover or tasks are assigned to (and their parents), with the documents covering them or a region inside them, for the region picker (richest first).
MATCH (r:Region)
WHERE (r)<-[:COVERS|ASSIGNED_TO]-() OR (r)<-[:PART_OF]-(:Region)
OPTIONAL MATCH (sub:Region)-[:PART_OF*0..3]->(r)
OPTIONAL MATCH (d:Document)-[:COVERS]->(sub)
RETURN r.id AS id, r.name AS name, r.level AS level, count(DISTINCT d) AS documents
ORDER BY documents DESC, id
