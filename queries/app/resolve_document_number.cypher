// name: resolve_document_number
// description: The document with this (normalised) number.
// param number: a number as 代字〔YYYY〕N号
MATCH (d:Document {doc_number: $number})
RETURN d.id AS id, d.label AS label
