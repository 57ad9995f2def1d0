// name: search_agency
// description: Search: agency nodes whose names contain the words.
// param q: the words (Simplified)
MATCH (a:Agency)
WHERE a.name CONTAINS $q OR any(x IN a.aliases
WHERE x CONTAINS $q)
RETURN a.id AS id, a.name AS name, a.region AS detail
LIMIT 50
