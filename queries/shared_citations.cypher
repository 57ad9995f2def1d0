// name: shared_citations
// description: Pairs of documents that cite the same regulations, with the regulations they share.
MATCH (r:Regulation)<-[:CITES]-(s1)
MATCH (r)<-[:CITES]-(s2)
WITH r, coalesce(s1.doc_id, s1.id) AS d1, coalesce(s2.doc_id, s2.id) AS d2
WHERE d1 < d2
MATCH (a:Document {id: d1})
MATCH (b:Document {id: d2})
RETURN a.label AS document_a, b.label AS document_b, collect(DISTINCT coalesce(r.title, r.doc_number)) AS shared, count(DISTINCT r) AS n
ORDER BY n DESC, document_a, document_b
