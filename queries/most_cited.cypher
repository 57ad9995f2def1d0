// name: most_cited
// description: The regulations cited by the most documents.
// param limit (int): how many to list. Example: 20
MATCH (r:Regulation)<-[:CITES]-(d:Document)
WITH r, count(DISTINCT d) AS documents
ORDER BY documents DESC, coalesce(r.title, r.doc_number)
LIMIT $limit
MATCH (r)<-[:CITES]-(d:Document)
WITH r, documents, min(d.year) AS first_year, max(d.year) AS last_year
OPTIONAL MATCH (r)-[:SAME_AS]->(t:Document)
RETURN coalesce(r.title, r.doc_number) AS regulation, r.doc_number AS doc_number, documents, first_year, last_year,
       t.label AS ingested_as, r.id AS regulation_id
ORDER BY documents DESC, regulation
