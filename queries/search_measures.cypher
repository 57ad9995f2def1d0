// name: search_measures
// description: Measures whose text contains the words (Simplified or Traditional input finds both scripts) (at most 200 rows).
// param q: words to look for. Example: 質押融資
MATCH (d:Document)
WITH d ORDER BY d.label
WITH collect(d) AS ordered
UNWIND ordered AS d
MATCH (m:Measure {doc_id: d.id})
WHERE m.search_text CONTAINS $q
WITH d LIMIT 200
WITH collect(DISTINCT d) AS hits, max(d.label) AS last
MATCH (tied:Document {label: last})
WITH hits, collect(tied) AS tied
UNWIND hits + tied AS d
WITH DISTINCT d
MATCH (m:Measure {doc_id: d.id})
WHERE m.search_text CONTAINS $q
RETURN d.label AS document, m.path AS path, m.heading AS measure, m.deadline_text AS deadline, m.id AS measure_id
ORDER BY document, m.start
LIMIT 200
