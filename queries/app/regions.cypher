// name: regions
// description: Regions that documents cover or assign work to, and their parents, for the region picker.
MATCH (r:Region)
WHERE (r)<-[:COVERS|ASSIGNED_TO]-() OR (r)<-[:PART_OF]-(:Region)
RETURN r.id AS id, r.name AS name, r.level AS level
ORDER BY r.code
