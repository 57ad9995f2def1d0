// name: entity_path
// description: The shortest connection (up to four steps, any direction) between two entities given by name or title.
// param from: an agency, region or regulation name, or a document title. Example: 浙江省知识产权局
// param to: another entity. Example: 企业专利信息利用工作指南
MATCH (a)
WHERE a.name = $from OR a.title = $from OR a.label = $from
MATCH (b)
WHERE b.name = $to OR b.title = $to OR b.label = $to
MATCH path = (a)-[*1..4]-(b)
WITH path ORDER BY length(path) LIMIT 1
RETURN [n IN nodes(path) | coalesce(n.name, n.label, n.title, n.heading, n.id)] AS steps,
       [r IN relationships(path) | type(r)] AS relationships, length(path) AS length
