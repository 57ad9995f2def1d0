// name: region_tasks
// description: Measures that name a region (or a region inside it) as their executor (at most {row_cap} rows).
// param region (region): a region's full or short name (江苏省, 江苏). Example: 江西省
MATCH (top:Region)
WHERE top.id = $region
MATCH (r:Region)-[:PART_OF*0..3]->(top)
MATCH (m:Measure)-[e:ASSIGNED_TO]->(r)
WITH r, m, e
MATCH (d:Document {id: m.doc_id})
OPTIONAL MATCH (m)<-[:HAS_MEASURE]-(parent:Measure)
RETURN r.name AS region, d.label AS document, m.path AS path, coalesce(parent.heading, m.heading) AS task,
       m.heading AS measure, e.evidence AS evidence, m.id AS measure_id
ORDER BY document, m.start
LIMIT $row_cap
