// name: search_region
// description: Search: regions whose name contains every word (at most {row_cap} rows).
// param words (words): the words, separated by spaces (Simplified or Traditional)
MATCH (r:Region)
WITH r, size([w IN $words WHERE r.name CONTAINS w]) AS found
WHERE found = size($words)
OPTIONAL MATCH (d:Document)-[:COVERS]->(r)
RETURN r.id AS id, r.name AS name, r.level AS level, count(d) AS documents
ORDER BY documents DESC, name
LIMIT $row_cap
