// name: search_agency
// description: Search: agencies whose name or a written form contains every word, by the number of tasks they hold (at most {row_cap} rows).
// param words (words): the words, separated by spaces (Simplified or Traditional)
MATCH (a:Agency)
WITH a, size([w IN $words WHERE a.name CONTAINS w OR size([x IN a.aliases WHERE x CONTAINS w]) > 0]) AS found
WHERE found = size($words)
RETURN a.id AS id, a.name AS name, a.region AS region, coalesce(a.tasks, 0) AS tasks, a.generic AS generic
ORDER BY tasks DESC, name
LIMIT $row_cap
