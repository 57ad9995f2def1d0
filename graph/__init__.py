"""The graph store: backends (embedded FalkorDB default, Neo4j), schema, loading, export, statistics."""
