// name: document
// description: One document's metadata and text.
// param id: the document's id
MATCH (d:Document {id: $id})
RETURN d.id AS id, d.label AS label, d.title AS title, d.doc_number AS number, d.issuer_text AS issuer, d.issued AS issued, d.published AS published, d.level AS level, d.region AS region, d.script AS script, d.kind AS kind, d.sources AS sources, d.text AS text, d.measure_count AS measures, d.relationship_count AS relationships
