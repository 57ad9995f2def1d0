// name: neighbourhood
// description: A node and its neighbours up to {depth} hops, nearest first, at most $limit nodes, with the relationships among them (the graph view).
// param id: the start node's id
// param limit (int): the most nodes to return
// template label: Document|Measure|Agency|Region|Regulation|Target
// template depth: 1|2
// The depth is a template value because Cypher takes no parameter in a variable-length bound. The
// zero-length path makes the start node its own nearest neighbour (distance 0), so LIMIT counts it
// and keeps it even at limit 1. Nodes are kept nearest first, then by id (a cut by LIMIT is
// deterministic), and only relationships between kept nodes are returned (the component breaks on
// an edge whose end is missing).
MATCH (n:{label}) WHERE n.id = $id
OPTIONAL MATCH p = (n)-[*0..{depth}]-(m)
WITH m, min(length(p)) AS d
ORDER BY d, m.id
LIMIT $limit
WITH collect(m) AS keep
WITH keep, [x IN keep | x.id] AS ids
UNWIND keep AS a
OPTIONAL MATCH (a)-[r]->(b) WHERE b.id IN ids
RETURN a.id AS id, labels(a) AS labels, properties(a) AS props,
       type(r) AS type, b.id AS end, properties(r) AS rel_props
