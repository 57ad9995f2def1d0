// name: entity_path
// description: The shortest connection (up to four steps, any direction) between two entities given by name or title, through documents, measures, agencies, regulations and targets (not through the region hierarchy, which links everything to 中国).
// param from (entity): an agency, region, regulation or document, by name. Example: 浙江省知识产权局
// param to (entity): another entity, by name. Example: 企业专利信息利用工作指南
OPTIONAL MATCH (a1:Agency {id: $from})
OPTIONAL MATCH (a2:Regulation {id: $from})
OPTIONAL MATCH (a3:Document {id: $from})
OPTIONAL MATCH (a4:Region {id: $from})
WITH coalesce(a1, a2, a3, a4) AS a
OPTIONAL MATCH (b1:Agency {id: $to})
OPTIONAL MATCH (b2:Regulation {id: $to})
OPTIONAL MATCH (b3:Document {id: $to})
OPTIONAL MATCH (b4:Region {id: $to})
WITH a, coalesce(b1, b2, b3, b4) AS b
WHERE a IS NOT NULL AND b IS NOT NULL
WITH collect(DISTINCT a) AS froms, collect(DISTINCT b) AS tos
UNWIND froms AS a
UNWIND tos AS b
OPTIONAL MATCH near = (a)-[:ISSUED_BY|COVERS|HAS_MEASURE|LEADS|RESPONSIBLE_FOR|SUPPORTS|ASSIGNED_TO|CITES|IMPLEMENTS|SAME_AS|HAS_TARGET*1..2]-(b)
WITH froms, tos, near ORDER BY length(near)
WITH froms, tos, collect(near)[..1] AS found
UNWIND CASE WHEN size(found) = 0 THEN froms ELSE [null] END AS a
UNWIND CASE WHEN size(found) = 0 THEN tos ELSE [null] END AS b
OPTIONAL MATCH far = (a)-[:ISSUED_BY|COVERS|HAS_MEASURE|LEADS|RESPONSIBLE_FOR|SUPPORTS|ASSIGNED_TO|CITES|IMPLEMENTS|SAME_AS|HAS_TARGET*3..4]-(b)
WITH coalesce(found[0], far) AS path
WHERE path IS NOT NULL
WITH path ORDER BY length(path) LIMIT 1
RETURN [n IN nodes(path) | coalesce(n.name, n.label, n.title, n.heading, n.id)] AS steps,
       [r IN relationships(path) | type(r)] AS relationships, length(path) AS length
