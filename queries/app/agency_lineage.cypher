// name: agency_lineage
// description: An agency's predecessors and successors (data/agency_lineage.csv), with the reform that ordered each succession.
// param id: the agency's id
MATCH (a:Agency {id: $id})-[s:SUCCEEDED_BY]-(other:Agency)
RETURN CASE WHEN startNode(s) = a THEN 'successor' ELSE 'predecessor' END AS relation, other.name AS agency,
       other.id AS agency_id, s.kind AS kind, s.year AS year, s.main AS takes_tasks, s.source AS source, s.note AS note
ORDER BY year, relation, agency
