// name: search_measures
// description: Measures whose text contains the words (Simplified or Traditional input finds both scripts) (at most 200 rows).
// param q: words to look for, all of them (separated by spaces), Simplified or Traditional. Example: 質押融資
// The word test is a projected count, not all(...) in WHERE: FalkorDB 4.16 evaluates a list predicate in a
// WHERE after WITH against an unbound node and finds nothing.
WITH [word IN split($q, ' ') WHERE word <> ''] AS words
MATCH (d:Document)
WITH words, d ORDER BY d.label
WITH words, collect(d) AS ordered
UNWIND ordered AS d
MATCH (m:Measure {doc_id: d.id})
WITH words, d, size([word IN words WHERE m.search_text CONTAINS word]) AS found
WHERE found = size(words)
WITH words, d LIMIT 200
WITH words, collect(DISTINCT d) AS hits, max(d.label) AS last
MATCH (tied:Document {label: last})
WITH words, hits, collect(tied) AS tied
UNWIND hits + tied AS d
WITH DISTINCT words, d
MATCH (m:Measure {doc_id: d.id})
WITH d, m, size([word IN words WHERE m.search_text CONTAINS word]) = size(words) AS found
WHERE found
RETURN d.label AS document, m.path AS path, m.heading AS measure, m.deadline_text AS deadline, m.id AS measure_id
ORDER BY document, m.start
LIMIT 200
