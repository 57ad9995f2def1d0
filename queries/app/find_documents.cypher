// name: find_documents
// description: Documents whose label contains the words (candidates), plans before laws, newest first.
// param words: words of a title
MATCH (d:Document)
WHERE d.label CONTAINS $words
RETURN d.id AS id, d.label AS label, d.year AS year
ORDER BY coalesce(d.kind, 'plan') DESC, year DESC, label
LIMIT 10
