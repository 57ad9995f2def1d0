// name: search_measure
// description: Search: measure nodes whose names contain the words.
// param q: the words (Simplified)
MATCH (m:Measure)
WHERE m.search_text CONTAINS $q
WITH m
MATCH (d:Document {id: m.doc_id})
RETURN m.id AS id, m.heading AS name, d.label + ' ' + m.path AS detail, d.id AS document_id
LIMIT 50
