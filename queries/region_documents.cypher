// name: region_documents
// description: Documents covering a region or any region inside it (province → cities → counties) (at most {row_cap} rows).
// param region (region): a region's full or short name (江苏省, 江苏). Example: 江苏省
MATCH (top:Region)
WHERE top.id = $region
MATCH (r:Region)-[:PART_OF*0..3]->(top)
MATCH (d:Document)-[:COVERS]->(r)
RETURN r.name AS region, r.level AS region_level, d.label AS document, d.level AS level, d.year AS year,
       d.doc_number AS doc_number, d.id AS document_id
ORDER BY year, document
LIMIT $row_cap
