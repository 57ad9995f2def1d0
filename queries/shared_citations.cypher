// name: shared_citations
// description: Pairs of documents that cite the same regulations, with the regulations they share (the 200 pairs sharing most; regulations cited by more than 50 documents, such as a national law, are left out: they would pair everything with everything).
MATCH (r:Regulation)<-[:CITES]-(d:Document)
WITH r, collect(d) AS citing
WHERE size(citing) >= 2 AND size(citing) <= 50
UNWIND citing AS a
UNWIND citing AS b
WITH r, a, b
WHERE a.id < b.id
RETURN a.label AS document_a, b.label AS document_b, collect(DISTINCT coalesce(r.title, r.doc_number)) AS shared,
       count(DISTINCT r) AS n, a.id AS document_a_id, b.id AS document_b_id
ORDER BY n DESC, document_a, document_b
LIMIT 200
