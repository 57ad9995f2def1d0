// name: name_of_regulation
// description: A regulation's name, for a page opened from a link.
// param id: the regulation's id
MATCH (n:Regulation {id: $id})
RETURN coalesce(n.title, n.doc_number) AS name
