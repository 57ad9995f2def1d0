// name: corpus_summary
// description: What the corpus holds, as a person counts it: plans and laws apart, regulations cited and how many of them are ingested, agencies holding tasks, regions covered.
MATCH (d:Document)
WITH count(CASE WHEN d.kind = 'law' THEN 1 END) AS laws, count(CASE WHEN d.kind <> 'law' THEN 1 END) AS plans
OPTIONAL MATCH (r:Regulation)
WITH plans, laws, count(r) AS regulations
OPTIONAL MATCH (r:Regulation)-[:SAME_AS]->(:Document)
WITH plans, laws, regulations, count(DISTINCT r) AS regulations_ingested
OPTIONAL MATCH (a:Agency)
WHERE a.tasks > 0
WITH plans, laws, regulations, regulations_ingested, count(a) AS agencies
OPTIONAL MATCH (:Document)-[:COVERS]->(g:Region)
WITH plans, laws, regulations, regulations_ingested, agencies, count(DISTINCT g) AS regions
OPTIONAL MATCH (m:Measure)
RETURN plans, laws, regulations, regulations_ingested, agencies, regions, count(m) AS measures
