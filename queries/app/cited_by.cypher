// name: cited_by
// description: Documents citing a document (through a regulation node that is the same text).
// param id: the document's id
MATCH (d:Document {id: $id})<-[:SAME_AS]-(r:Regulation)<-[c:CITES]-(other:Document)
RETURN DISTINCT other.id AS id, other.label AS document, other.year AS year, other.region AS region, c.evidence AS evidence
ORDER BY year
