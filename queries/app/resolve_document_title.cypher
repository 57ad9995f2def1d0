// name: resolve_document_title
// description: Documents one of whose titles has exactly this title key.
// param key: a title key (core.text.title_key)
MATCH (d:Document)
WHERE d.title_key = $key OR $key IN d.title_keys
RETURN d.id AS id, d.label AS label
ORDER BY label
LIMIT 10
