// name: search_regulation
// description: Search: regulation nodes whose names contain the words.
// param q: the words (Simplified)
MATCH (r:Regulation)
WHERE r.title CONTAINS $q OR r.doc_number CONTAINS $q
RETURN r.id AS id, coalesce(r.title, r.doc_number) AS name, r.doc_number AS detail
LIMIT 50
