// name: shared_citations
// description: Pairs of documents that cite the same regulations, with the regulations they share.
MATCH (a:Document)-[:CITES]->(r:Regulation)<-[:CITES]-(b:Document)
WHERE a.id < b.id
RETURN a.label AS document_a, b.label AS document_b, collect(DISTINCT coalesce(r.title, r.doc_number)) AS shared,
       count(DISTINCT r) AS n
ORDER BY n DESC, document_a, document_b
