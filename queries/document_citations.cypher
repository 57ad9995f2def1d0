// name: document_citations
// description: What a document cites, how many of its measures cite it, whether it says it implements it, and whether the cited text is itself in the graph.
// param doc (document): a document's number (any brackets), words of its title, or its id. Example: 2018年度全国专利信息传播利用工作计划
MATCH (d:Document)
WHERE d.id = $doc
MATCH (d)-[c:CITES]->(r:Regulation)
WITH d, c, r
OPTIONAL MATCH (m:Measure {doc_id: d.id})-[:CITES]->(r)
OPTIONAL MATCH (r)-[:SAME_AS]->(t:Document)
RETURN d.label AS document, coalesce(r.title, r.doc_number) AS regulation, r.doc_number AS doc_number,
       count(DISTINCT m) AS measures, size([(d)-[:IMPLEMENTS]->(r) | 1]) > 0 AS implements, t.label AS ingested_as,
       c.evidence AS evidence, r.id AS regulation_id
ORDER BY measures DESC, regulation
