// name: targets_by_region
// description: Quantitative targets set by the documents of a region (and regions inside it), optionally for one indicator (at most {row_cap} rows).
// param region (region): a region's full or short name (江苏省, 江苏). Example: 靖江市
// param indicator (optional): words of the indicator; empty for all. Example: 专利
MATCH (top:Region)
WHERE top.id = $region
MATCH (r:Region)-[:PART_OF*0..3]->(top)
WITH r
ORDER BY r.name
WITH collect(r) AS ordered
UNWIND ordered AS r
MATCH (d:Document)-[:COVERS]->(r)
WITH r, d
MATCH (t:Target {doc_id: d.id})
WHERE t.indicator CONTAINS $indicator
WITH r, t
MATCH (m:Measure {id: t.measure_id})
WITH r
LIMIT $row_cap
WITH collect(DISTINCT r.name) AS names
MATCH (top:Region)
WHERE top.id = $region
MATCH (r:Region)-[:PART_OF*0..3]->(top)
WHERE r.name IN names
MATCH (d:Document)-[:COVERS]->(r)
WITH r, d
MATCH (t:Target {doc_id: d.id})
WHERE t.indicator CONTAINS $indicator
WITH r, d, t
ORDER BY r.name, t.indicator
WITH collect([r, d, t]) AS rows
UNWIND rows AS row
WITH row[0] AS r, row[1] AS d, row[2] AS t
MATCH (m:Measure {id: t.measure_id})
WITH r, d, t, m
LIMIT $row_cap
RETURN r.name AS region, d.label AS document, t.indicator AS indicator, t.comparator AS comparator,
       t.value AS value, t.unit AS unit, m.path AS path, t.text AS text, d.id AS document_id, m.id AS measure_id
ORDER BY region, indicator
LIMIT $row_cap
