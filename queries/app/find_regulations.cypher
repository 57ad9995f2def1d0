// name: find_regulations
// description: Regulations whose title contains the words (candidates), most cited first.
// param words: words of a title
MATCH (r:Regulation)
WHERE r.title CONTAINS $words
OPTIONAL MATCH (r)<-[:CITES]-(d:Document)
WITH r, count(DISTINCT d) AS citers
RETURN r.id AS id, coalesce(r.title, r.doc_number) AS title, citers
ORDER BY citers DESC, title
LIMIT 10
