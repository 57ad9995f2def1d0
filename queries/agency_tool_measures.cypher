// name: agency_tool_measures
// description: Measures of one policy-tool type or sub-type that an agency owns, with their code and who gave it (a person's code wins over the suggestion) (at most {row_cap} rows).
// param agency (agency): the agency, as written anywhere. Example: 甘肃省市场监督管理局
// param tool (tool): a tool code or type, by code or label (supply.talent, 人才培养, supply, 供给型, 法规管制). Example: environment.regulation
MATCH (a:Agency)
WHERE a.name = $agency
MATCH (a)-[r:LEADS|RESPONSIBLE_FOR|SUPPORTS]->(m:Measure)
OPTIONAL MATCH (c:Coding {measure_id: m.id, axis: 'tool'})
WITH r, m, c
ORDER BY c.at DESC
WITH r, m, collect(c)[0] AS human
WITH r, m, human, coalesce(human.code, m.suggested_tool) AS tool
WHERE tool = $tool OR tool STARTS WITH ($tool + '.')
RETURN tool, CASE WHEN human IS NULL THEN 'suggested' ELSE human.coder END AS coded_by, r.role AS role,
       m.path AS path, m.heading AS measure, CASE WHEN human IS NULL THEN m.suggested_tool_cue END AS cue,
       m.doc_label AS document, m.id AS measure_id
ORDER BY document, m.start
LIMIT $row_cap
