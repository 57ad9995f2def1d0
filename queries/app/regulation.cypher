// name: regulation
// description: One regulation and the ingested document that is the same text.
// param id: the regulation's id
MATCH (r:Regulation {id: $id})
OPTIONAL
MATCH (r)-[:SAME_AS]->(t:Document)
RETURN coalesce(r.title, r.doc_number) AS title, r.doc_number AS number, t.id AS document_id, t.label AS document
