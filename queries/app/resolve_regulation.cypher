// name: resolve_regulation
// description: Regulations with exactly this title key (专利法 = 中华人民共和国专利法) or this number.
// param key: a title key (core.text.title_key)
// param number (optional): a normalised document number, or empty
MATCH (r:Regulation)
WHERE r.title_key = $key OR (r.doc_number IS NOT NULL AND r.doc_number = $number)
RETURN r.id AS id, coalesce(r.title, r.doc_number) AS title
ORDER BY title
LIMIT 10
