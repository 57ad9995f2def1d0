// name: console_example
// description: The query the Cypher console opens with: the agencies that lead the most measures.
MATCH (a:Agency)-[r:LEADS]->(m:Measure)
RETURN a.name AS agency, count(m) AS leads
ORDER BY leads DESC LIMIT 10
