// name: documents
// description: Every document, for the document picker and the overview table.
MATCH (d:Document)
RETURN d.id AS id, d.label AS label, d.doc_number AS number, d.level AS level, d.region AS region, d.year AS year, d.issued AS issued, d.kind AS kind, d.measure_count AS measures
ORDER BY label
