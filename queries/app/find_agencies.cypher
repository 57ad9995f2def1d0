// name: find_agencies
// description: Agencies whose name contains the words, busiest first (candidates for a name that fits no agency exactly).
// param words: part of a name
MATCH (a:Agency)
WHERE a.name CONTAINS $words
RETURN a.id AS id, a.name AS name, a.tasks AS tasks
ORDER BY tasks DESC, name
LIMIT 10
