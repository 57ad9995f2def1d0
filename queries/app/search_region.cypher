// name: search_region
// description: Search: region nodes whose names contain the words.
// param q: the words (Simplified)
MATCH (r:Region)
WHERE r.name CONTAINS $q
RETURN r.id AS id, r.name AS name, r.level AS detail
LIMIT 50
