// name: agency_workload
// description: Workload of every agency in a document or a region: how many measures it leads, is responsible for and supports (at most 500 rows).
// param scope: a document id, number or title words, or a region name (its documents). Example: 甘肃省
MATCH (d:Document)
WHERE d.id = $scope OR d.doc_number = $scope OR d.label CONTAINS $scope OR d.region = $scope
WITH d
MATCH (m:Measure {doc_id: d.id})<-[r:LEADS|RESPONSIBLE_FOR|SUPPORTS]-(a:Agency)
RETURN a.name AS agency,
       count(CASE WHEN r.role = 'lead' THEN 1 END) AS lead,
       count(CASE WHEN r.role = 'responsible' THEN 1 END) AS responsible,
       count(CASE WHEN r.role = 'support' THEN 1 END) AS support,
       count(r) AS total
ORDER BY total DESC, agency
LIMIT 500
