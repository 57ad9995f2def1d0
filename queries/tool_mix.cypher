// name: tool_mix
// description: The policy-tool mix of a region's plans (and those of the regions inside it) year by year: measures per tool type and their share of the year's coded measures (a person's code wins over the suggestion; headings coded none are left out).
// param region (region): a region's full or short name. Example: 浙江省
MATCH (top:Region {id: $region})
MATCH (r:Region)-[:PART_OF*0..3]->(top)
MATCH (d:Document)-[:COVERS]->(r)
WHERE d.kind <> 'law' AND d.year IS NOT NULL
MATCH (m:Measure {doc_id: d.id})
OPTIONAL MATCH (c:Coding {measure_id: m.id, axis: 'tool'})
WITH d, m, c
ORDER BY c.at DESC
WITH d, m, collect(c)[0] AS human
WITH d.year AS year, coalesce(human.code, m.suggested_tool) AS tool
WHERE tool IS NOT NULL AND tool <> 'none'
WITH year, split(tool, '.')[0] AS tool_type, count(*) AS measures
WITH year, collect([tool_type, measures]) AS mix, sum(measures) AS total
UNWIND mix AS entry
RETURN year, entry[0] AS tool_type, entry[1] AS measures, round(1000.0 * entry[1] / total) / 1000.0 AS share
ORDER BY year, tool_type
