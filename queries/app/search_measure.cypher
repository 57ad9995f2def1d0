// name: search_measure
// description: Search: measures whose text contains every word, with the text to cut a snippet from (at most {row_cap} rows).
// param words (words): the words, separated by spaces (Simplified or Traditional)
MATCH (m:Measure)
WITH m, size([w IN $words WHERE m.search_text CONTAINS w]) AS found
WHERE found = size($words)
RETURN m.id AS id, m.heading AS name, m.path AS path, m.doc_label AS document, m.doc_id AS document_id,
       m.text AS text, m.search_text AS search_text
ORDER BY document, m.start
LIMIT $row_cap
