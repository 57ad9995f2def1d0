// name: regulation_citers
// description: Documents that cite a regulation, with year, level and region: the diffusion timeline of a text (at most {row_cap} rows).
// param regulation: words of the regulation's title, or its document number. Example: 企业知识产权管理规范
MATCH (r:Regulation)
WHERE r.title CONTAINS $regulation OR r.doc_number = $regulation
MATCH (d:Document)-[c:CITES]->(r)
RETURN r.title AS regulation, d.label AS document, d.year AS year, d.issued AS issued, d.level AS level,
       d.region AS region, c.evidence AS evidence, d.id AS document_id
ORDER BY year, issued, document
LIMIT $row_cap
