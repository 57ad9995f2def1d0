// name: resolve_region
// description: The region with this id, when the graph holds it.
// param id: a region id
MATCH (r:Region {id: $id})
RETURN r.id AS id, r.name AS name
