// name: agency_workload
// description: Workload of every agency in a document or a region: how many measures it leads, is responsible for and supports (at most 500 rows).
// param scope: a document id, number or title words, or a region name (its documents). Example: 甘肃省
MATCH (d:Document)
WHERE d.id = $scope OR d.doc_number = $scope OR d.label CONTAINS $scope OR d.region = $scope
WITH d
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
