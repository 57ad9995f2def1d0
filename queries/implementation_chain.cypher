// name: implementation_chain
// description: The documents that cite or implement a document, directly or through documents that do (up to three levels), e.g. from a national plan or a law down to provincial and county plans.
// param doc (document): a document's number (any brackets), words of its title, or its id. Example: 中华人民共和国专利法
MATCH (top:Document)
WHERE top.id = $doc
MATCH path = (d:Document)-[:CITES|IMPLEMENTS|SAME_AS*2..6]->(top)
WHERE d <> top
WITH top, d, min(length(path)) AS hops
RETURN top.label AS source, d.label AS document, d.level AS level, d.region AS region, d.year AS year,
       hops / 2 AS depth, d.id AS document_id
ORDER BY depth, year, document
