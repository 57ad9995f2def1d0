// name: agency_workload
// description: Workload of every agency in a document or a region: how many measures it leads, is responsible for and supports (at most 500 rows).
// param scope (scope): a document (its number, title words or id), or a region (all its documents). Example: 甘肃省
OPTIONAL MATCH (one:Document {id: $scope})
OPTIONAL MATCH (:Region {id: $scope})<-[:COVERS]-(covering:Document)
WITH collect(DISTINCT one) + collect(DISTINCT covering) AS documents
UNWIND documents AS d
MATCH (m:Measure {doc_id: d.id})<-[r]-(a:Agency)
WHERE type(r) IN ['LEADS', 'RESPONSIBLE_FOR', 'SUPPORTS']
WITH a, r.role AS role, count(r) AS n
WITH a.name AS agency, collect([role, n]) AS held
RETURN agency,
       reduce(s = 0, h IN held | s + CASE WHEN h[0] = 'lead' THEN h[1] ELSE 0 END) AS lead,
       reduce(s = 0, h IN held | s + CASE WHEN h[0] = 'responsible' THEN h[1] ELSE 0 END) AS responsible,
       reduce(s = 0, h IN held | s + CASE WHEN h[0] = 'support' THEN h[1] ELSE 0 END) AS support,
       reduce(s = 0, h IN held | s + h[1]) AS total
ORDER BY total DESC, agency
LIMIT 500
