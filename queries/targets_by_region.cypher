// name: targets_by_region
// description: Quantitative targets set by the documents of a region (and regions inside it), optionally for one indicator (at most 1000 rows).
// param region: a region's name or short name. Example: 靖江市
// param indicator (optional): words of the indicator; empty for all. Example: 专利
MATCH (top:Region)
WHERE top.name = $region OR top.name STARTS WITH $region
MATCH (r:Region)-[:PART_OF*0..3]->(top)
MATCH (d:Document)-[:COVERS]->(r)
WITH r, d
MATCH (t:Target {doc_id: d.id})
WHERE t.indicator CONTAINS $indicator
WITH r, d, t
MATCH (m:Measure {id: t.measure_id})
RETURN r.name AS region, d.label AS document, t.indicator AS indicator, t.comparator AS comparator,
       t.value AS value, t.unit AS unit, m.path AS path, t.text AS text
ORDER BY region, indicator
LIMIT 1000
