// name: regulations
// description: Cited regulations, most cited first, for the regulation picker (at most {row_cap} rows).
MATCH (r:Regulation)<-[:CITES]-(d:Document)
RETURN r.id AS id, coalesce(r.title, r.doc_number) AS title, count(DISTINCT d) AS documents
ORDER BY documents DESC, title
LIMIT $row_cap
