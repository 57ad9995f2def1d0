// name: search_document
// description: Search: documents whose title or number contains every word, plans with the most measures first (at most {row_cap} rows).
// param words (words): the words, separated by spaces (Simplified or Traditional)
MATCH (d:Document)
WITH d, size([w IN $words WHERE d.label CONTAINS w OR coalesce(d.doc_number, '') CONTAINS w]) AS found
WHERE found = size($words)
RETURN d.id AS id, d.label AS name, d.doc_number AS number, d.year AS year, d.kind AS kind, d.measure_count AS measures
ORDER BY measures DESC, name
LIMIT $row_cap
