// name: search_document
// description: Search: document nodes whose names contain the words.
// param q: the words (Simplified)
MATCH (d:Document)
WHERE d.label CONTAINS $q OR d.doc_number CONTAINS $q
RETURN d.id AS id, d.label AS name, d.year AS detail
LIMIT 50
