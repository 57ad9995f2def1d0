// name: resolve_agency
// description: Agencies whose canonical name or one of whose written forms is exactly the name given.
// param name: a name as written
MATCH (a:Agency)
WHERE a.name = $name OR $name IN a.aliases
RETURN a.id AS id, a.name AS name, a.tasks AS tasks
ORDER BY tasks DESC, name
LIMIT 10
