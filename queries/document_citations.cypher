// name: document_citations
// description: What a document cites (in its preamble or its measures), how often, and whether the cited text is itself in the graph.
// param doc: a document id, its document number, or words of its title. Example: 2018年度全国专利信息传播利用工作计划
MATCH (d:Document)
WHERE d.id = $doc OR d.doc_number = $doc OR d.label CONTAINS $doc
OPTIONAL MATCH (m:Measure {doc_id: d.id})
WITH d, collect(m) + [d] AS sources
UNWIND sources AS s
MATCH (s)-[c:CITES]->(r:Regulation)
OPTIONAL MATCH (r)-[:SAME_AS]->(t:Document)
RETURN d.label AS document, r.title AS regulation, r.doc_number AS doc_number, count(c) AS times,
       t.label AS ingested_as, r.id AS regulation_id
ORDER BY times DESC, regulation
