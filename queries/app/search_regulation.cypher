// name: search_regulation
// description: Search: regulations whose title or number contains every word, most cited first (at most {row_cap} rows).
// param words (words): the words, separated by spaces (Simplified or Traditional)
MATCH (r:Regulation)
WITH r, size([w IN $words WHERE coalesce(r.title, '') CONTAINS w OR coalesce(r.doc_number, '') CONTAINS w]) AS found
WHERE found = size($words)
OPTIONAL MATCH (d:Document)-[:CITES]->(r)
RETURN r.id AS id, coalesce(r.title, r.doc_number) AS name, r.doc_number AS number, count(d) AS documents
ORDER BY documents DESC, name
LIMIT $row_cap
