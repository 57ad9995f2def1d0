// name: regulation_citers
// description: The documents citing a regulation, with the citing sentence.
// param id: the regulation's id
MATCH (r:Regulation {id: $id})<-[c:CITES]-(d:Document)
RETURN d.label AS document, d.year AS year, d.level AS level, d.region AS region, c.evidence AS evidence, d.id AS document_id
ORDER BY year
