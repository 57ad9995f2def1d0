// name: regulation_citers
// description: Documents that cite a regulation, with year, level and region: the diffusion timeline of a text (at most {row_cap} rows).
// param regulation (regulation): a regulation's title (with or without 中华人民共和国), its number, or its id. Example: 企业知识产权管理规范
MATCH (r:Regulation)
WHERE r.id = $regulation
MATCH (d:Document)-[c:CITES]->(r)
RETURN r.title AS regulation, d.label AS document, d.year AS year, d.issued AS issued, d.level AS level,
       d.region AS region, c.evidence AS evidence, d.id AS document_id
ORDER BY year, issued, document
LIMIT $row_cap
