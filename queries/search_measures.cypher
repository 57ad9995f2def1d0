// name: search_measures
// description: Measures whose text contains the words (Simplified or Traditional input finds both scripts).
// param q: words to look for. Example: 質押融資
MATCH (m:Measure)
WHERE m.search_text CONTAINS $q
WITH m
MATCH (d:Document {id: m.doc_id})
RETURN d.label AS document, m.path AS path, m.heading AS measure, m.deadline_text AS deadline, m.id AS measure_id
ORDER BY document, m.start
LIMIT 200
