// name: agencies
// description: Agencies holding tasks, busiest first, for the agency picker (at most {row_cap} rows).
MATCH (a:Agency)
WHERE a.tasks > 0
RETURN a.id AS id, a.name AS name, a.generic AS generic, a.tasks AS tasks
ORDER BY tasks DESC, name
LIMIT $row_cap
