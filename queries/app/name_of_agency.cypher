// name: name_of_agency
// description: An agency's name, for a page opened from a link.
// param id: the agency's id
MATCH (n:Agency {id: $id})
RETURN n.name AS name
